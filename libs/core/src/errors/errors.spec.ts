import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, ValidateNested, validateSync } from 'class-validator';
import { Type } from 'class-transformer';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { toErrorResponse } from './http-exception.filter';
import { flattenValidationErrors } from './validation';

class Inner {
  @IsInt() hours: number;
}
class Outer {
  @IsString() name: string;
  @ValidateNested({ each: true })
  @Type(() => Inner)
  sessions: Inner[];
}

describe('error mapping', () => {
  it.each<[unknown, number, string]>([
    [new DomainError('CONFLICT', 'x', 409), 409, 'CONFLICT'],
    [new ThrottlerException(), 429, 'RATE_LIMITED'],
    [new NotFoundException('Cannot GET /api/x'), 404, 'ROUTE_NOT_FOUND'],
    [new NotFoundException('thing'), 404, 'NOT_FOUND'],
    [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
    [new BadRequestException('Unexpected token } in JSON at position 3'), 400, 'BAD_REQUEST'],
    [new Error('connection refused at 10.0.0.3:5432'), 500, 'INTERNAL'],
    [
      new QueryFailedError('insert', [], Object.assign(new Error('dup'), { code: '23505' })),
      409,
      'CONFLICT',
    ],
    [
      new QueryFailedError('update', [], Object.assign(new Error('ser'), { code: '40001' })),
      409,
      'CONFLICT',
    ],
    [
      new QueryFailedError('select', [], Object.assign(new Error('syntax'), { code: '42601' })),
      500,
      'INTERNAL',
    ],
    ['a string', 500, 'INTERNAL'],
  ])('%s -> %i %s', (err, status, code) => {
    const r = toErrorResponse(err);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
  });

  it('never leaks internals in a 500', () => {
    const r = toErrorResponse(new Error('password authentication failed for user "peixun"'));
    expect(JSON.stringify(r.body)).not.toMatch(/password|peixun|stack/);
  });

  it('names nested fields with their path', () => {
    const o = plainToInstance(Outer, { name: 1, sessions: [{ hours: 2 }, { hours: 'x' }] });
    const fields = flattenValidationErrors(validateSync(o)).map((f) => f.field);
    expect(fields).toEqual(['name', 'sessions[1].hours']);
  });
});
