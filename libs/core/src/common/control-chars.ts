/**
 * Characters no field of ours may hold: C0 controls other than tab, line feed
 * and carriage return (NUL is refused by PostgreSQL's text types and breaks
 * logs and exports), DEL and the C1 controls, UTF-16 surrogates that are not
 * part of a pair (a JSON body can carry them as `\ud800`; they cannot be
 * encoded as UTF-8), and the Unicode noncharacters (U+FDD0–U+FDEF and
 * U+xFFFE/U+xFFFF of every plane), which are never text.
 */
const FORBIDDEN = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
/** FORBIDDEN, matching every occurrence (for replace). */
export const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** Whether a string holds a character that no field may hold (see FORBIDDEN). */
export function hasForbiddenCharacter(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** A key as it appears in a field path: `a.b`, `a[2]`, `a["odd key"]`. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  // a key that is not an identifier is quoted; the characters we refuse are shown escaped
  const shown = JSON.stringify(key).replace(
    FORBIDDEN_ALL,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
  return `${parent}[${shown}]`;
}

/** Deeper than this, a request value is refused: no DTO of ours nests more than a few levels. */
export const MAX_INPUT_DEPTH = 32;

export interface InputProblems {
  /** Field paths (`sessions[1].topic`) of strings — values or keys — holding a forbidden character. */
  forbidden: string[];
  /** The path where the value nests deeper than MAX_INPUT_DEPTH, if it does. */
  tooDeep?: string;
}

/**
 * Whether `v` holds nothing inspectInput would report, checked without building paths: the
 * same rules (strings and keys, plain objects and arrays only, MAX_INPUT_DEPTH), recursing at
 * most MAX_INPUT_DEPTH deep. False also for a cycle, which the full walk then handles.
 */
function isClean(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return !FORBIDDEN.test(v);
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) {
    if (depth >= MAX_INPUT_DEPTH) return false;
    for (const item of v) if (!isClean(item, depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return true;
  if (depth >= MAX_INPUT_DEPTH) return false;
  for (const key of Object.keys(v)) {
    if (FORBIDDEN.test(key) || !isClean((v as Record<string, unknown>)[key], depth + 1)) {
      return false;
    }
  }
  return true;
}

/**
 * Walks what a parser produced (plain objects, also multer's prototype-less
 * ones, arrays and scalars) without recursion, so that no nesting depth can
 * overflow the stack, and reports the forbidden characters and an excessive
 * depth. `root` names the value itself (a query or path parameter); empty
 * for a whole body. Stops after `max` findings.
 */
export function inspectInput(value: unknown, root = '', max = 1000): InputProblems {
  const problems: InputProblems = { forbidden: [] };
  // the usual request has nothing to report: said without building a path or a stack
  if (isClean(value, 0)) return problems;
  const seen = new Set<object>();
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length && problems.forbidden.length < max) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (hasForbiddenCharacter(v)) problems.forbidden.push(path || '(body)');
      continue;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.tooDeep ??= path || '(body)';
      continue;
    }
    seen.add(v);
    const children: [unknown, string, number][] = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => children.push([item, childPath(path, i), depth + 1]));
    } else {
      for (const key of Object.keys(v)) {
        const at = childPath(path, key);
        if (hasForbiddenCharacter(key)) problems.forbidden.push(at);
        children.push([(v as Record<string, unknown>)[key], at, depth + 1]);
      }
    }
    // pushed in reverse, so that fields are reported in their order
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return problems;
}

/** The field paths of every string in `value` (values and keys) holding a forbidden character. */
export function findForbiddenCharacters(value: unknown, root = ''): string[] {
  return inspectInput(value, root).forbidden;
}
