import { ValidationError } from '@nestjs/common';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Flattens nested class-validator errors into `a.b[0].c` field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    if (e.constraints) {
      out.push({
        field,
        problems: Object.entries(e.constraints).map(([rule, msg]) =>
          rule === 'whitelistValidation' ? `${field} 是未知字段 (unknown field)` : msg,
        ),
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function validationError(errors: ValidationError[]): DomainError {
  const details = flattenValidationErrors(errors);
  const summary = details.map((d) => `${d.field}: ${d.problems.join('; ')}`).join(' | ');
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `请求参数无效 (invalid request) — ${summary}`,
    400,
    details,
  );
}
