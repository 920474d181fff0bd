import type { FormInstance } from 'antd';
import { ApiError, namePath, type FieldProblem } from '../api/errors';

/**
 * Puts the API's problems next to the fields they name (`details[].field`);
 * those the form has no field for (`sessions` as a whole, say) are returned,
 * for the page to show above the form with the API's message.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  fields: readonly string[],
): FieldProblem[] {
  if (!(err instanceof ApiError)) return [];
  const rest: FieldProblem[] = [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  for (const p of err.fields) {
    const path = namePath(p.field);
    const known = fields.includes(p.field) || (path.length > 1 && fields.includes(String(path[0])));
    if (known && !(path.length === 1 && fields.includes(`${p.field}[]`))) {
      placed.push({ name: path, errors: p.messages });
    } else rest.push(p);
  }
  form.setFields(placed);
  return rest;
}
