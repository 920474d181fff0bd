import type { FormInstance } from 'antd';
import { ApiError } from '../api/errors';

/**
 * Puts the API's problems with a questionnaire's answers next to the questions they name:
 * `answers[2].value` (the third answer sent), `answers.<key>` or a bare `<key>` (a required
 * question left out). What names no question is returned, for the page to show above the button.
 */
export function placeAnswerErrors(
  form: FormInstance,
  err: unknown,
  sentKeys: readonly string[],
  allKeys: readonly string[],
): string[] {
  if (!(err instanceof ApiError)) return [];
  const rest: string[] = [];
  const placed = new Map<string, string[]>();
  for (const p of err.fields) {
    const indexed = /^answers\[(\d+)\]/.exec(p.field);
    const named = /^answers\.([a-z][a-z0-9_]*)$/.exec(p.field);
    const key = indexed
      ? sentKeys[Number(indexed[1])]
      : named
        ? named[1]
        : allKeys.includes(p.field)
          ? p.field
          : undefined;
    if (key && allKeys.includes(key)) placed.set(key, [...(placed.get(key) ?? []), ...p.messages]);
    else rest.push(...p.messages);
  }
  form.setFields([...placed].map(([name, errors]) => ({ name, errors })));
  return rest;
}

/** What Form.Item hands its control: the value, its setter, the id its label points to, ARIA. */
export interface Control {
  id?: string;
  value?: never;
  onChange?: never;
}

/**
 * A group of checkboxes takes role="group", which allows neither aria-required nor
 * aria-invalid (Form.Item adds both): the group gets the rest, the label shows the asterisk.
 */
export function asGroup(control: Control): Control & { role: 'group' } {
  const out: Record<string, unknown> = { ...control };
  delete out['aria-required'];
  delete out['aria-invalid'];
  return { ...(out as Control), role: 'group' };
}
