import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import { Transform, Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  validateSync,
  ValidateNested,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { validationError } from '../errors/validation';
import { DtoValidationPipe, flatFields } from './dto-validation.pipe';
import { cacheValidationMetadata } from './validation-metadata-cache';

// the options of the API's pipe (apps/api/src/bootstrap.ts)
const OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => validationError(errors),
};

class Flat {
  @IsUUID()
  id!: string;

  @IsString()
  @Length(3, 10)
  token!: string;

  @IsOptional()
  @IsIn(['in', 'out'])
  direction?: 'in' | 'out' = 'in';

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(9)
  count?: number;

  @IsOptional()
  @IsBoolean()
  flag?: boolean;

  @IsOptional()
  @Matches(/^[a-z]+$/)
  note?: string | null;
}

class Inherited extends Flat {
  @IsOptional()
  @IsString()
  extra?: string;
}

class Typed {
  @Type(() => Number)
  @IsInt()
  page!: number;
}

class Trimmed {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  name!: string;
}

class Nested {
  @ValidateNested()
  @Type(() => Flat)
  inner!: Flat;
}

@ValidatorConstraint({ async: true })
class Later implements ValidatorConstraintInterface {
  validate(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

class WithAsync {
  @Validate(Later)
  name!: string;
}

class Each {
  @IsString({ each: true })
  names!: string[];
}

const body = (metatype: unknown): ArgumentMetadata =>
  ({ type: 'body', metatype, data: '' }) as ArgumentMetadata;

type Outcome = { ok: true; value: unknown; proto: unknown } | { ok: false; error: unknown };

async function outcome(pipe: ValidationPipe, value: unknown, meta: ArgumentMetadata) {
  try {
    const v = (await pipe.transform(value, meta)) as unknown;
    return {
      ok: true,
      value: v,
      proto: v && typeof v === 'object' ? Object.getPrototypeOf(v) : null,
    } as Outcome;
  } catch (err) {
    const e = err as { getResponse?: () => unknown; message?: string; details?: unknown };
    return {
      ok: false,
      error: { message: e.message, details: e.details, body: e.getResponse?.() },
    } as Outcome;
  }
}

/** Each value given to ValidationPipe and to DtoValidationPipe (each a copy: the pipes mutate). */
async function same(metatype: unknown, json: string): Promise<Outcome> {
  const meta = body(metatype);
  const expected = await outcome(new ValidationPipe(OPTIONS), JSON.parse(json), meta);
  const actual = await outcome(new DtoValidationPipe(OPTIONS), JSON.parse(json), meta);
  expect({ json, ...actual }).toEqual({ json, ...expected });
  return actual;
}

describe('DtoValidationPipe', () => {
  beforeAll(() => cacheValidationMetadata());

  it('knows which classes are flat', () => {
    expect([...(flatFields(Flat) ?? [])].sort()).toEqual(
      ['count', 'direction', 'flag', 'id', 'note', 'token'].sort(),
    );
    expect(flatFields(Inherited)?.has('extra')).toBe(true);
    expect(flatFields(Inherited)?.has('token')).toBe(true);
    for (const notFlat of [Typed, Trimmed, Nested, WithAsync, Each]) {
      expect({ cls: notFlat.name, fields: flatFields(notFlat) }).toEqual({
        cls: notFlat.name,
        fields: null,
      });
    }
  });

  it('answers as ValidationPipe does, valid or not, for flat and other classes', async () => {
    const id = '2b1e4c1a-6a0e-4a51-9b52-1f0f7f0c1e3a';
    const flats = [
      `{"id":"${id}","token":"abcd"}`,
      `{"id":"${id}","token":"abcd","direction":"out","count":3,"flag":false,"note":"x"}`,
      `{"id":"${id}","token":"abcd","note":null}`,
      `{"id":"${id}","token":"ab"}`,
      `{"id":"nope","token":"abcd"}`,
      `{"id":"${id}","token":"abcd","count":"3"}`,
      `{"id":"${id}","token":"abcd","count":10}`,
      `{"id":"${id}","token":"abcd","unknown":1}`,
      `{"id":"${id}","token":{"a":1}}`,
      `{"id":"${id}","token":["abcd"]}`,
      `{"id":"${id}","token":"abcd","__proto__":{"admin":true}}`,
      `{"id":"${id}","token":"abcd","constructor":"x"}`,
      `{"id":"${id}","token":"abcd","prototype":"x"}`,
      `{}`,
      `[]`,
      `"text"`,
      `null`,
      `1`,
    ];
    for (const json of flats) {
      await same(Flat, json);
      await same(Inherited, json);
    }
    await same(Inherited, `{"id":"${id}","token":"abcd","extra":"e"}`);
    await same(Typed, `{"page":"2"}`);
    await same(Typed, `{"page":"x"}`);
    await same(Trimmed, `{"name":"  a  "}`);
    await same(Nested, `{"inner":{"id":"${id}","token":"abcd"}}`);
    await same(Nested, `{"inner":{"id":"${id}","token":"a"}}`);
    await same(WithAsync, `{"name":"a"}`);
    await same(Each, `{"names":["a","b"]}`);
    await same(Each, `{"names":"a"}`);
  });

  it('builds a valid flat body without class-transformer, and returns it at once', async () => {
    const pipe = new DtoValidationPipe(OPTIONS);
    const spy = jest.spyOn(classTransformer, 'plainToInstance');
    try {
      const value = { id: '2b1e4c1a-6a0e-4a51-9b52-1f0f7f0c1e3a', token: 'abcd' };
      const answer = pipe.transform(value, body(Flat)) as unknown;
      // not a promise: the value itself
      expect(answer).toBeInstanceOf(Flat);
      expect(answer).toEqual(Object.assign(new Flat(), value));
      expect(spy).not.toHaveBeenCalled();
      // a class that is not flat goes the long way
      await expect(pipe.transform({ page: '2' }, body(Typed))).resolves.toEqual(
        Object.assign(new Typed(), { page: 2 }),
      );
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves the values of custom decorators alone, as ValidationPipe does', () => {
    const actor = { role: 'worker', workerId: 'w' };
    const meta = { type: 'custom', metatype: Object, data: undefined } as ArgumentMetadata;
    expect(new DtoValidationPipe(OPTIONS).transform(actor, meta)).toBe(actor);
  });

  it('answers as ValidationPipe does for every DTO of the API', async () => {
    // every class with rules that the API loads
    await import('../../../../apps/api/src/api.module');
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<object, unknown>;
    };
    const classes = [...storage.validationMetadatas.keys()].filter(
      (c): c is new () => object => typeof c === 'function',
    );
    expect(classes.length).toBeGreaterThan(100);
    // for each field of a flat class, the first of these values that its rules take
    const candidates: unknown[] = [
      '2b1e4c1a-6a0e-4a51-9b52-1f0f7f0c1e3a',
      'abc',
      'Ab1-xyz',
      '2026-12-04',
      '2026-12-04T09:00:00.000Z',
      '09:00',
      '110101199003077663',
      '13800138000',
      '048213',
      'in',
      'present',
      1,
      0,
      60,
      true,
      false,
      null,
    ];
    let flat = 0;
    let validBodies = 0;
    for (const cls of classes) {
      const fields = flatFields(cls);
      if (!fields) continue;
      flat++;
      const chosen: Record<string, unknown> = {};
      for (const field of fields) {
        const ok = candidates.find((v) => {
          const probe = Object.assign(new cls(), { [field]: v });
          return !validateSync(probe, { forbidUnknownValues: true }).some(
            (e) => e.property === field,
          );
        });
        if (ok !== undefined) chosen[field] = ok;
      }
      const whole = await same(cls, JSON.stringify(chosen));
      if (whole.ok) validBodies++;
      for (const field of Object.keys(chosen)) {
        const { [field]: _left, ...rest } = chosen;
        await same(cls, JSON.stringify(rest));
        await same(cls, JSON.stringify({ ...chosen, [field]: 'x'.repeat(300) }));
      }
      await same(cls, JSON.stringify({ ...chosen, unknownField: 1 }));
    }
    // the comparison saw the short way taken, many times
    expect(flat).toBeGreaterThan(50);
    expect(validBodies).toBeGreaterThan(40);
  });
});
