import { IsInt, IsString, Max, MinLength, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  @MinLength(2)
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Max(10)
  count!: number;
}

const problems = async (o: object): Promise<string[]> =>
  (await validate(o, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }))
    .map((e) => `${e.property}: ${Object.keys(e.constraints ?? {}).join(',')}`)
    .sort();

const of = <T extends object>(cls: new () => T, values: Partial<T>): T =>
  Object.assign(new cls(), values);

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates as before, inherited rules included, call after call', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await problems(of(Child, { name: 'ok', count: 3 }))).toEqual([]);
      expect(await problems(of(Child, { name: 'x', count: 11 }))).toEqual([
        'count: max',
        'name: minLength',
      ]);
      expect(await problems(of(Base, { name: 'x' }))).toEqual(['name: minLength']);
      expect(await problems(Object.assign(of(Base, { name: 'ok' }), { extra: 1 }))).toEqual([
        'extra: whitelistValidation',
      ]);
    }
  });

  it('sees the rules of a class loaded after the first validation', async () => {
    expect(await problems(of(Child, { name: 'ok', count: 3 }))).toEqual([]);
    class Later extends Child {
      @IsString()
      note!: string;
    }
    expect(await problems(of(Later, { name: 'ok', count: 3 }))).toEqual(['note: isString']);
    expect(await problems(of(Later, { name: 'ok', count: 3, note: 'n' }))).toEqual([]);
  });
});
