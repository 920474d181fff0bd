import { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import {
  findForbiddenCharacters,
  hasForbiddenCharacter,
  inspectInput,
  MAX_INPUT_DEPTH,
} from './control-chars';
import { RejectControlCharactersPipe } from './control-chars.pipe';

describe('forbidden characters', () => {
  it.each<[string, string, boolean]>([
    ['plain Chinese', '社区治理与服务', false],
    ['tab, line feed, carriage return', 'a\tb\nc\r\nd', false],
    ['emoji (a surrogate pair)', '培训 😀 👩‍👩‍👧', false],
    ['right-to-left text', 'مرحبا שלום', false],
    ['the highest valid code points', '\u{10FFFD}\uFFFD\uFFFC', false],
    ['empty string', '', false],
    ['NUL', 'a\u0000b', true],
    ['bell', '\u0007', true],
    ['vertical tab', 'a\u000Bb', true],
    ['form feed', '\u000C', true],
    ['escape', '\u001B[31m', true],
    ['unit separator', '\u001F', true],
    ['DEL', 'abc\u007F', true],
    ['C1 next line', '\u0085', true],
    ['C1 control U+009F', '\u009F', true],
    ['lone high surrogate', 'x\uD800', true],
    ['lone high surrogate before a letter', '\uD83Dx', true],
    ['lone low surrogate', '\uDC00x', true],
    ['reversed pair', '\uDE00\uD83D', true],
    ['noncharacter U+FFFE', '\uFFFE', true],
    ['noncharacter U+FFFF', 'a\uFFFF', true],
    ['noncharacter U+FDD0', '\uFDD0', true],
    ['noncharacter U+1FFFE', '\u{1FFFE}', true],
    ['noncharacter U+10FFFF', '\u{10FFFF}', true],
  ])('%s: %j forbidden = %s', (_label, text, forbidden) => {
    expect(hasForbiddenCharacter(text)).toBe(forbidden);
  });

  it.each<[string, unknown, string, string[]]>([
    ['a clean body', { title: '岗位培训', sessions: [{ topic: 'ok\n' }], n: 1 }, '', []],
    ['a top-level field', { username: 'a\u0000' }, '', ['username']],
    [
      'a nested array item',
      { sessions: [{ topic: 'ok' }, { topic: 'bad\u0000' }] },
      '',
      ['sessions[1].topic'],
    ],
    ['an array of strings', { methods: ['lecture', '\uD800'] }, '', ['methods[1]']],
    ['several fields', { a: '\u0001', b: { c: ['\u007F'] } }, '', ['a', 'b.c[0]']],
    ['an object key', { data: { 'k\u0000': 1 } }, '', ['data["k\\u0000"]']],
    ['an odd but clean key', { data: { 'a b': '\u0000' } }, '', ['data["a b"]']],
    ['a path parameter', 'abc\u0000', 'id', ['id']],
    ['a query parameter given twice', ['ok', 'x\u0000'], 'action', ['action[1]']],
    ['a whole query', { action: 'x\u0000', limit: '10' }, '', ['action']],
    ['a body that is a bare string', '\u0000', '', ['(body)']],
    ['numbers, booleans, nulls', { a: 1, b: true, c: null, d: undefined }, '', []],
    ['a noncharacter key shown escaped', { ['\uFFFE']: 1 }, '', ['["\\u{fffe}"]']],
  ])('%s', (_label, value, root, fields) => {
    expect(findForbiddenCharacters(value, root)).toEqual(fields);
  });

  it('checks the fields of a multipart form (multer gives an object without prototype)', () => {
    const body = Object.assign(Object.create(null) as Record<string, unknown>, {
      kind: 'license\u0000',
    });
    expect(findForbiddenCharacters(body)).toEqual(['kind']);
  });

  it.each<[string, string, string | undefined]>([
    [
      'nested as deep as allowed',
      '{"a":'.repeat(MAX_INPUT_DEPTH) + '1' + '}'.repeat(MAX_INPUT_DEPTH),
      undefined,
    ],
    [
      'one level deeper',
      '{"a":'.repeat(MAX_INPUT_DEPTH + 1) + '1' + '}'.repeat(MAX_INPUT_DEPTH + 1),
      'a.'.repeat(MAX_INPUT_DEPTH).slice(0, -1),
    ],
    [
      '100,000 nested arrays (no stack overflow)',
      '['.repeat(100_000) + ']'.repeat(100_000),
      '[0]'.repeat(MAX_INPUT_DEPTH),
    ],
  ])('depth: %s', (_label, json, tooDeep) => {
    expect(inspectInput(JSON.parse(json)).tooDeep).toBe(tooDeep);
  });

  it('walks a wide body (200,000 items) without trouble', () => {
    const wide = {
      items: Array.from({ length: 200_000 }, (_, i) => (i === 199_999 ? '\u0000' : 'ok')),
    };
    expect(findForbiddenCharacters(wide)).toEqual(['items[199999]']);
  });

  it('does not look inside class instances (buffers, dates) and survives cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'ok' };
    cyclic.self = cyclic;
    expect(findForbiddenCharacters({ file: Buffer.from([0, 1, 2]), cyclic })).toEqual([]);
  });
});

describe('RejectControlCharactersPipe', () => {
  const pipe = new RejectControlCharactersPipe();
  const meta = (type: ArgumentMetadata['type'], data?: string): ArgumentMetadata => ({
    type,
    data,
  });

  it.each<[ArgumentMetadata['type'], string | undefined, unknown]>([
    ['body', undefined, { title: 'ok', sessions: [{ topic: 'fine\r\n' }] }],
    ['query', undefined, { year: '2027' }],
    ['param', 'id', '00000000-0000-4000-8000-000000000000'],
    ['custom', undefined, { actor: 'a\u0000' }],
  ])('lets a clean %s (%s) through unchanged', (type, data, value) => {
    expect(pipe.transform(value, meta(type, data))).toBe(value);
  });

  it.each<[ArgumentMetadata['type'], string | undefined, unknown, string[]]>([
    ['body', undefined, { sessions: [{}, { topic: 'x\u0000' }] }, ['sessions[1].topic']],
    ['query', undefined, { action: '\u001B' }, ['action']],
    ['param', 'id', '\uDC00', ['id']],
    ['body', 'comments', 'a\u0000', ['comments']],
  ])(
    'refuses a %s (%s) with 400 VALIDATION_FAILED naming the field',
    (type, data, value, fields) => {
      let thrown: unknown;
      try {
        pipe.transform(value, meta(type, data));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      const err = thrown as DomainError;
      expect(err.status).toBe(400);
      expect(err.code).toBe('VALIDATION_FAILED');
      expect((err.details as { field: string }[]).map((d) => d.field)).toEqual(fields);
      expect(err.message).toContain(fields[0]);
    },
  );

  it('refuses a body nested too deeply, naming where', () => {
    const deep = JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) as unknown;
    expect(() => pipe.transform(deep, meta('body'))).toThrow(/nested more than 32 levels/);
  });

  it('reports at most 20 fields of a huge body', () => {
    const body = { items: Array.from({ length: 10_000 }, () => '\u0000') };
    expect(() => pipe.transform(body, meta('body'))).toThrow(DomainError);
    try {
      pipe.transform(body, meta('body'));
    } catch (e) {
      expect((e as DomainError).details).toHaveLength(20);
    }
  });
});
