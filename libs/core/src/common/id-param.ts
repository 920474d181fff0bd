import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id'): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError(ErrorCode.VALIDATION_FAILED, `${name}: 须为 UUID (must be a UUID)`, 400, [
          { field: name, problems: ['must be a UUID'] },
        ]),
    }),
  );
