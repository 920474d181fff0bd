/** One problem with one field, as the API names it (`sessions[2].date`, `file`). */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/** The API's error shape `{ code, message, details? }` as an Error. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: unknown): ApiError {
    const b = (body ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      status,
      typeof b.code === 'string' ? b.code : status === 0 ? 'NETWORK' : `HTTP_${status}`,
      typeof b.message === 'string' && b.message
        ? b.message
        : status >= 500
          ? '服务暂时不可用，请稍后再试 (server error)'
          : `请求失败 (HTTP ${status})`,
      b.details,
    );
  }

  /** The problems the API names by field (validation errors, a plan's policy checks). */
  get fields(): FieldProblem[] {
    return fieldProblems(this.details);
  }
}

/**
 * `details` as field problems: `[{ field, problems: [...] }]` (validation and
 * plan checks) or `[{ field, message }]`; anything else has no fields.
 */
export function fieldProblems(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  const out: FieldProblem[] = [];
  for (const d of details as unknown[]) {
    if (!d || typeof d !== 'object') continue;
    const { field, problems, message } = d as Record<string, unknown>;
    if (typeof field !== 'string') continue;
    const messages = Array.isArray(problems)
      ? problems.filter((p): p is string => typeof p === 'string')
      : typeof message === 'string'
        ? [message]
        : [];
    out.push({ field, messages: messages.map(stripCode) });
  }
  return out;
}

/** `HOURS_BELOW_MINIMUM: 课次合计…` → `课次合计…` (the code is for programs, the text for people). */
function stripCode(message: string): string {
  return message.replace(/^[A-Z][A-Z0-9_]+:\s*/, '');
}

/** `sessions[2].date` → `['sessions', 2, 'date']` (an Ant Design form's name path). */
export function namePath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** A message for any error a page may meet. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof TypeError) return '无法连接服务器，请检查网络 (network error)';
  return err instanceof Error ? err.message : String(err);
}
