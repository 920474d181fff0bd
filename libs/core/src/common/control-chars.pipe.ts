import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { inspectInput, MAX_INPUT_DEPTH } from './control-chars';

const MAX_REPORTED = 20;
const DEEP = `嵌套超过 ${MAX_INPUT_DEPTH} 层 (nested more than ${MAX_INPUT_DEPTH} levels deep)`;
const PROBLEM = '含有不允许的控制字符或无效字符 (contains a control or invalid character)';

/**
 * The one rule for every request: no string in a body (JSON, urlencoded or the
 * fields of a multipart form), a query or a path parameter may hold a control
 * character other than tab / line feed / carriage return, a lone UTF-16
 * surrogate or a Unicode noncharacter, and none may nest deeper than
 * MAX_INPUT_DEPTH (class-transformer and class-validator recurse, and a deep
 * enough body overflowed the stack: a 500). Registered globally before the
 * ValidationPipe, so it sees the raw values; answers 400 VALIDATION_FAILED
 * naming each field. Values of custom decorators (the caller, uploaded files)
 * are left alone.
 */
@Injectable()
export class RejectControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // the first few are enough to say what is wrong; a huge body must not make a huge answer
    const found = inspectInput(value, metadata.data ?? '', MAX_REPORTED);
    const details = found.forbidden.map((field) => ({ field, problems: [PROBLEM] }));
    if (found.tooDeep) {
      details.push({ field: found.tooDeep, problems: [DEEP] });
    }
    if (details.length === 0) return value;
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      `请求参数无效 (invalid request) — ${details.map((d) => `${d.field}: ${d.problems[0]}`).join(' | ')}`,
      400,
      details,
    );
  }
}
