import { ALL_ROLES, localYear, Role } from '@peixun/core';
import { OrgUnit } from '@peixun/org';
import { InstitutionProfile } from '@peixun/planning';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aRosterRow, rosterCsv } from './factories/roster.factory';
import { anIdNumber } from './factories/worker.factory';
import { bootApi, login, TestApi } from './support/app';
import { aScratchDatabase, ScratchDatabase } from './support/scratch-db';

/*
 * Fuzzes every operation of the OpenAPI document, as every role and
 * anonymously, against real rows: valid bodies built from the schemas (so that
 * the services run), then bodies, query strings and path parameters with
 * flipped types, missing and extra fields, huge strings, control characters,
 * odd Unicode, odd numbers and impossible dates. No answer may be a 5xx, and
 * every 4xx must carry `{code, message}`. A new route is fuzzed without
 * touching this file; the test fails if one was not exercised.
 *
 * Deterministic: the sampling uses a PRNG seeded from each operation's name.
 */

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: Json[];
  example?: Json;
  default?: Json;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}
interface Param {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  key: string;
  method: Verb;
  path: string;
  params: Param[];
  body?: { kind: 'json' | 'multipart'; schema: Schema };
}
type Caller = Role | 'anonymous';
/** A body: JSON (with raw tokens spliced in), raw text, multipart, or none. */
type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: Json }
  | { kind: 'text'; text: string; type: string }
  | { kind: 'multipart'; parts: Part[] }
  | { kind: 'rawMultipart'; body: Buffer; boundary: string };
interface Part {
  field: string;
  file?: { content: Buffer; name: string; type: string };
  value?: string;
}
interface Attempt {
  label: string;
  path: Record<string, string>; // already percent-encoded
  query: string; // already encoded, without '?'
  body: BodySpec;
}
interface Finding {
  op: string;
  caller: Caller;
  mutation: string;
  status: number;
  body: string;
}

// ---------------------------------------------------------------- randomness

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function sample<T>(items: readonly T[], n: number, rnd: () => number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length)
    out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return out;
}

// ---------------------------------------------------------------- mutations

/** Raw JSON tokens that JSON.stringify cannot produce: spliced into the body text. */
const RAW = (token: string): string => `__fuzz_raw__${token}__`;
const HUGE = 'x'.repeat(100 * 1024);

/** Values put in place of one body field. */
const VALUE_MUTATIONS: [string, () => Json | undefined][] = [
  ['dropped', () => undefined],
  ['null', () => null],
  ['string', () => 'x'],
  ['number', () => 7],
  ['boolean', () => true],
  ['false', () => false],
  ['object', () => ({ a: 1 })],
  ['empty array', () => []],
  ['array of numbers', () => [1, 2]],
  ['array of nulls', () => [null]],
  ['array of 2000 strings', () => Array.from({ length: 2000 }, () => 'x')],
  ['empty string', () => ''],
  ['blank string', () => '   '],
  ['100 KB string', () => HUGE],
  ['NUL', () => 'a\u0000b'],
  ['C0 controls', () => '\u0001\u0007\u001b[31m'],
  ['DEL and C1', () => 'a\u007f\u0085'],
  ['lone surrogate', () => 'x\ud800y'],
  ['lone low surrogate', () => '\udc00'],
  ['noncharacter', () => '\uffff'],
  ['emoji', () => '培训😀👩‍👩‍👧'],
  ['RTL and bidi override', () => 'مرحبا \u202etxt.exe'],
  ['zero-width', () => '\u200b\u200d\ufeff'],
  ['impossible date 02-30', () => '2026-02-30'],
  ['date 0000-00-00', () => '0000-00-00'],
  ['date 10000-01-01', () => '10000-01-01'],
  ['date-time', () => '2026-01-01T25:61:00Z'],
  ['not a uuid', () => 'not-a-uuid'],
  ['unknown uuid', () => randomUUID()],
  ['nil uuid', () => '00000000-0000-0000-0000-000000000000'],
  ['negative', () => -1],
  ['zero', () => 0],
  ['fraction', () => 1.5],
  ['tiny fraction', () => 1e-7],
  ['huge number', () => 1e308],
  ['beyond safe integer', () => 2 ** 53 + 1],
  ['int32 overflow', () => 2 ** 31],
  ['NaN as text', () => 'NaN'],
  ['numeric string', () => '42'],
  ['overflowing literal', () => RAW('1e400')],
  ['negative zero literal', () => RAW('-0')],
  ['long integer literal', () => RAW('123456789012345678901234567890')],
  ['sql-ish', () => "' or 1=1; drop table x; --"],
  [
    'prototype keys',
    () => JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":1}}') as Json,
  ],
];

/** Sent for every field; the other value mutations are sampled. */
const CORE_VALUE_MUTATIONS = new Set([
  'dropped',
  'null',
  'string',
  'number',
  'object',
  'empty array',
  '100 KB string',
  'NUL',
  'lone surrogate',
  'unknown uuid',
]);

/** Raw (already encoded) values for a query or path parameter. */
const PARAM_MUTATIONS: [string, () => string][] = [
  ['text', () => 'x'],
  ['empty', () => ''],
  ['negative', () => '-1'],
  ['zero', () => '0'],
  ['fraction', () => '1.5'],
  ['overflow', () => '1e400'],
  ['huge integer', () => '99999999999999999999'],
  ['NaN', () => 'NaN'],
  ['Infinity', () => 'Infinity'],
  ['true', () => 'true'],
  ['null', () => 'null'],
  ['long text', () => 'y'.repeat(2000)],
  ['NUL', () => 'a%00b'],
  ['C0 control', () => '%01%1B'],
  ['DEL', () => '%7F'],
  ['lone surrogate (CESU-8)', () => '%ED%A0%80'],
  ['invalid UTF-8', () => '%FF%FE'],
  ['broken escape', () => '%E0%A4%A'],
  ['emoji', () => encodeURIComponent('😀')],
  ['RTL', () => encodeURIComponent('\u202eabc')],
  ['impossible date', () => '2026-02-30'],
  ['date 0000-00-00', () => '0000-00-00'],
  ['date 10000-01-01', () => '10000-01-01'],
  ['not a uuid', () => 'not-a-uuid'],
  ['unknown uuid', () => randomUUID()],
  ['uppercase uuid', () => randomUUID().toUpperCase()],
  ['uuid in braces', () => encodeURIComponent(`{${randomUUID()}}`)],
  ['dot segments', () => '..%2F..%2Fetc'],
  ['comma list', () => 'a,b'],
  ['sql-ish', () => encodeURIComponent("' or 1=1--")],
];

/** Sent for every query parameter; the others are sampled (path parameters get them all). */
const CORE_PARAM_MUTATIONS = new Set([
  'text',
  'negative',
  'long text',
  'NUL',
  'lone surrogate (CESU-8)',
  'invalid UTF-8',
  'not a uuid',
  'unknown uuid',
]);

// ---------------------------------------------------------------- the document

function operationsOf(doc: {
  paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: unknown }>>;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byVerb] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(byVerb)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(verb)) continue;
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> })?.content;
      const body = content?.['multipart/form-data']
        ? { kind: 'multipart' as const, schema: content['multipart/form-data'].schema }
        : content?.['application/json']
          ? { kind: 'json' as const, schema: content['application/json'].schema }
          : undefined;
      ops.push({
        key: `${verb.toUpperCase()} ${path}`,
        method: verb as Verb,
        path,
        params: op.parameters ?? [],
        body,
      });
    }
  }
  return ops;
}

const DESTRUCTIVE =
  /\/(deactivate|activate|suspend|reinstate|reset-password|return|review|status-changes|transfers|post-changes|logout|password|submit|approve|publish|withdrawal|amendments)$/;
/** Reads first, then writes, then what removes, locks or deactivates things. */
function phaseOf(op: Operation): number {
  if (op.method === 'get') return 0;
  if (op.method === 'delete' || DESTRUCTIVE.test(op.path)) return 2;
  return 1;
}

// ---------------------------------------------------------------- the test

describe('OpenAPI fuzz: no input gives a 5xx', () => {
  let api: TestApi;
  let scratch: ScratchDatabase;
  let org: TestOrg;
  let doc: { paths: Record<string, never>; components: { schemas: Record<string, Schema> } };
  let ops: Operation[];
  let year: number;
  const tokens = new Map<Caller, string>();
  /** Real ids by kind of resource; `protectedIds` are never written to (the callers' own rows). */
  const pools = new Map<string, string[]>();
  const protectedIds = new Set<string>();
  let seq = 0;

  const pool = (kind: string): string[] => pools.get(kind) ?? [];
  const remember = (kind: string, id: unknown): void => {
    if (typeof id !== 'string' || !id) return;
    const list = pools.get(kind) ?? [];
    if (!list.includes(id) && list.length < 6) list.push(id);
    pools.set(kind, list);
  };

  const deref = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return deref(doc.components.schemas[s.$ref.split('/').pop()!]);
    if (s.allOf?.length) return s.allOf.reduce<Schema>((acc, x) => ({ ...acc, ...deref(x) }), {});
    return s;
  };

  /** The kind of resource a path's `{param}` names, to pick real ids for it. */
  function kindOf(path: string, param: string): string {
    if (param === 'projectId') return 'projects';
    if (param === 'documentId' || /\/documents(\/\{id\})?$/.test(path)) return 'documents';
    const first = path.replace('/api/v1/', '').split('/')[0];
    if (first === 'org') return 'units';
    if (first === 'rosters') return path.includes('/imports') ? 'imports' : 'exports';
    return first;
  }

  /** A plausible valid value for a field, from its name and schema. */
  function validValue(
    schemaIn: Schema | undefined,
    name: string,
    variant = 0,
    path = '',
  ): Json | undefined {
    const s = deref(schemaIn);
    const n = name.toLowerCase();
    const pick = <T>(list: T[]): T => list[variant % list.length];
    if (s.format === 'uuid' || /Ids?$|^id$/.test(name)) {
      const one = (): Json | undefined => {
        if (/teacher/.test(n)) return pool('teachers')[0];
        if (/institution/.test(n)) return org.institution.id;
        if (/planproject|projectid/.test(n)) return pool('projects')[0];
        if (/community/.test(n)) {
          return path.endsWith('/transfers')
            ? pick([org.communityA2.id, org.communityB1.id])
            : org.communityA1.id;
        }
        if (/street/.test(n)) return org.streetA1.id;
        if (/district/.test(n)) return org.districtA.id;
        if (/parent/.test(n)) return pick([org.municipality.id, org.districtA.id, org.streetA1.id]);
        if (/scopeorg/.test(n)) {
          // in the order of the role enum: municipal, district, street, institution staff, teacher
          return pick([
            org.municipality.id,
            org.districtA.id,
            org.streetA1.id,
            org.institution.id,
            org.institution.id,
          ]);
        }
        if (/worker/.test(n)) return pool('workers')[0];
        if (/account/.test(n)) return pool('teacherAccounts')[0];
        if (s.format === 'uuid') return randomUUID();
        return undefined;
      };
      const v = one();
      if (s.type === 'array') return v === undefined ? [] : [v];
      if (v !== undefined) return v;
    }
    if (s.enum?.length) return pick(s.enum);
    if (s.type === 'array' && deref(s.items).enum?.length) return [pick(deref(s.items).enum!)];
    if (n === 'idnumber') return anIdNumber();
    if (n === 'birthdate' || n === 'gender') return undefined; // follow from the ID number
    if (/phone/.test(n)) return '13900000000';
    if (n === 'username') return `fz.${Date.now().toString(36)}.${++seq}`;
    if (n === 'refreshtoken') return pick(pool('refreshTokens')) ?? 'x'.repeat(40);
    if (/password/.test(n)) return `Fuzz${++seq}pass`;
    if (n === 'code') return `1101${String(++seq).padStart(4, '0')}`;
    if (n === 'grade') return pick(['competent', 'excellent', '合格']);
    if (n === 'targettiers') return [pick(['staff', 'head', 'deputy'])];
    if (n === 'targetchannels') return [pick(['recruited_other', 'elected'])];
    if (n === 'year' || n === 'fromyear') return year;
    if (n === 'startdate' || n === 'date') return `${year}-03-02`;
    if (n === 'enddate') return `${year}-03-10`;
    if (/(On|Date)$/.test(name) && s.type === 'string') return `${year - 1}-06-01`;
    if (n === 'id' && s.type === 'string') return `fuzz-${year + 1}-${++seq}`;
    if (s.example !== undefined) return s.example;
    if (s.default !== undefined) return s.default;
    switch (s.type) {
      case 'array': {
        const item = validValue(s.items, name.replace(/s$/, ''), variant, path);
        return item === undefined ? [] : [item];
      }
      case 'integer':
      case 'number':
        return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
      case 'boolean':
        return true;
      case 'string': {
        const text = `测试${name}`;
        const min = s.minLength ?? 0;
        return (text.length < min ? text.padEnd(min, '样') : text).slice(0, s.maxLength ?? 200);
      }
      default: {
        if (!s.properties) return s.type === 'object' ? {} : undefined;
        const out: Record<string, Json> = {};
        for (const [k, v] of Object.entries(s.properties)) {
          const value = validValue(v, k, variant, path);
          if (value !== undefined) out[k] = value;
        }
        return out;
      }
    }
  }

  /** Field paths of a body schema, one level into arrays of objects (`sessions[0].topic`). */
  function fieldPaths(schemaIn: Schema): string[][] {
    const s = deref(schemaIn);
    const out: string[][] = [];
    for (const [k, v] of Object.entries(s.properties ?? {})) {
      out.push([k]);
      const d = deref(v);
      const item = d.type === 'array' ? deref(d.items) : undefined;
      if (item?.properties) for (const sub of Object.keys(item.properties)) out.push([k, '0', sub]);
      if (d.properties) for (const sub of Object.keys(d.properties)) out.push([k, sub]);
    }
    return out;
  }

  function withField(body: Json, path: string[], value: Json | undefined): Json {
    const copy = JSON.parse(JSON.stringify(body)) as Json;
    let at = copy as Record<string, Json>;
    for (const step of path.slice(0, -1)) {
      const next = at[step];
      if (typeof next !== 'object' || next === null) return copy;
      at = next as Record<string, Json>;
    }
    const last = path[path.length - 1];
    if (value === undefined) delete at[last];
    else at[last] = value;
    return copy;
  }

  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  function plausibleFile(op: Operation): Part['file'] {
    if (op.path.includes('rosters')) {
      return { content: rosterCsv([aRosterRow()]), name: '名册.csv', type: 'text/csv' };
    }
    return { content: PDF, name: '证明材料.pdf', type: 'application/pdf' };
  }
  function rawMultipart(filename: string): { body: Buffer; boundary: string } {
    const boundary = `fuzz${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"; filename*=UTF-8''${filename}\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { body, boundary };
  }

  /** The version of the resource at `url`, for bodies that must carry it (optimistic lock). */
  async function currentVersion(url: string, token: string | undefined): Promise<number> {
    if (!token) return 1;
    const res = await request(api.http).get(url).set('Authorization', `Bearer ${token}`);
    const v = (res.body as { version?: unknown })?.version;
    return typeof v === 'number' ? v : 1;
  }

  function pathValues(op: Operation, write: boolean): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const p of op.params.filter((x) => x.in === 'path')) {
      const s = deref(p.schema);
      if (s.enum?.length) out[p.name] = s.enum.map(String);
      else if (p.name === 'year') out[p.name] = [String(year - 1), String(year)];
      else if (p.name === 'jobId') out[p.name] = pool('jobs').map(encodeURIComponent);
      else {
        const ids = pool(kindOf(op.path, p.name)).filter((id) => !write || !protectedIds.has(id));
        out[p.name] = ids.slice(0, 3);
      }
      if (!out[p.name].length) out[p.name] = [randomUUID()];
    }
    return out;
  }

  function validQuery(op: Operation): Record<string, string> {
    const q: Record<string, string> = {};
    for (const p of op.params.filter((x) => x.in === 'query' && x.required)) {
      const v = validValue(p.schema, p.name);
      if (v !== undefined && v !== null) {
        q[p.name] = encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
    return q;
  }
  const qs = (q: Record<string, string>): string =>
    Object.entries(q)
      .map(([k, v]) => `${k}=${v}`)
      .join('&');

  /** The valid request against each real row the path can point at (enum values vary by row). */
  function validAttempts(op: Operation): Attempt[] {
    const ids = pathValues(op, op.method !== 'get');
    const query = qs(validQuery(op));
    const out: Attempt[] = [];
    const rows = Object.keys(ids).length ? Math.max(...Object.values(ids).map((v) => v.length)) : 1;
    for (let i = 0; i < Math.max(rows, op.body ? 3 : 1); i++) {
      const path = Object.fromEntries(
        Object.entries(ids).map(([k, v]) => [k, v[Math.min(i, v.length - 1)]]),
      );
      let body: BodySpec = { kind: 'none' };
      if (op.body?.kind === 'multipart') {
        body = { kind: 'multipart', parts: [{ field: 'file', file: plausibleFile(op) }] };
      } else if (op.body?.kind === 'json') {
        body = { kind: 'json', value: validValue(op.body.schema, 'body', i, op.path) ?? {} };
      }
      out.push({ label: `valid #${i}`, path, query, body });
    }
    return out;
  }

  /** What a caller the operation refuses is sent besides the valid requests. */
  function refusedAttempts(base: Attempt): Attempt[] {
    const out: Attempt[] = [{ ...base, label: 'no body', body: { kind: 'none' } }];
    const names = Object.keys(base.path);
    if (names.length) {
      out.push({
        ...base,
        label: 'path: not a uuid',
        path: Object.fromEntries(names.map((k) => [k, 'not-a-uuid'])),
      });
    }
    return out;
  }

  /** The mutations of one operation, around `base`: a valid request (best one that succeeded). */
  function mutations(op: Operation, caller: Caller, base: Attempt): Attempt[] {
    const rnd = prng(seedOf(`${op.key}|${caller}`));
    const firstIds = base.path;
    const query = validQuery(op);
    const valid = base.body;
    const attempts: Attempt[] = [];
    const add = (label: string, over: Partial<Attempt> = {}): void => {
      attempts.push({ label, path: firstIds, query: qs(query), body: { kind: 'none' }, ...over });
    };
    const ids = firstIds;

    // path parameters
    for (const name of Object.keys(ids)) {
      for (const [label, make] of PARAM_MUTATIONS) {
        add(`path ${name}: ${label}`, { path: { ...firstIds, [name]: make() }, body: valid });
      }
    }
    // query parameters
    for (const p of op.params.filter((x) => x.in === 'query')) {
      const picked = [
        ...PARAM_MUTATIONS.filter(([l]) => CORE_PARAM_MUTATIONS.has(l)),
        ...sample(
          PARAM_MUTATIONS.filter(([l]) => !CORE_PARAM_MUTATIONS.has(l)),
          8,
          rnd,
        ),
      ];
      for (const [label, make] of picked) {
        add(`query ${p.name}: ${label}`, {
          query: qs({ ...query, [p.name]: make() }),
          body: valid,
        });
      }
      add(`query ${p.name}: given twice`, {
        query: qs(query) + `&${p.name}=a&${p.name}=b`,
        body: valid,
      });
      add(`query ${p.name}: bracket object`, { query: `${p.name}[a]=1&${p.name}[b]=2` });
      const v = validValue(p.schema, p.name);
      if (v !== undefined) {
        add(`query ${p.name}: plausible`, {
          query: qs({
            ...query,
            [p.name]: encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v)),
          }),
        });
      }
    }
    if (op.params.some((p) => p.in === 'query')) add('query: unknown parameter', { query: 'zz=1' });

    // bodies
    if (op.body?.kind === 'json' && valid.kind === 'json') {
      const base = valid.value;
      add('body: empty object', { body: { kind: 'json', value: {} } });
      add('body: top-level array', { body: { kind: 'json', value: [base] } });
      add('body: top-level string', {
        body: { kind: 'text', text: '"x"', type: 'application/json' },
      });
      add('body: null literal', { body: { kind: 'text', text: 'null', type: 'application/json' } });
      add('body: malformed JSON', {
        body: { kind: 'text', text: '{"a":', type: 'application/json' },
      });
      add('body: text/plain', { body: { kind: 'text', text: 'hello', type: 'text/plain' } });
      add('body: urlencoded', {
        body: { kind: 'text', text: 'a[b][c]=1&x=%00', type: 'application/x-www-form-urlencoded' },
      });
      add('body: unknown charset', {
        body: { kind: 'text', text: '{}', type: 'application/json; charset=klingon' },
      });
      add('body: deeply nested', {
        body: { kind: 'text', text: '['.repeat(5000) + ']'.repeat(5000), type: 'application/json' },
      });
      add('body: 2 MB', {
        body: { kind: 'json', value: { ...(base as object), pad: 'p'.repeat(2 * 1024 * 1024) } },
      });
      add('body: unknown field', { body: { kind: 'json', value: { ...(base as object), zz: 1 } } });
      const allNull = Object.fromEntries(Object.keys(base as object).map((k) => [k, null]));
      add('body: every field null', { body: { kind: 'json', value: allNull } });
      for (const path of fieldPaths(op.body.schema)) {
        const name = path.join('.').replace('.0.', '[0].');
        const picked = [
          ...VALUE_MUTATIONS.filter(([l]) => CORE_VALUE_MUTATIONS.has(l)),
          ...sample(
            VALUE_MUTATIONS.filter(([l]) => !CORE_VALUE_MUTATIONS.has(l)),
            6,
            rnd,
          ),
        ];
        for (const [label, make] of picked) {
          add(`body ${name}: ${label}`, {
            body: { kind: 'json', value: withField(base, path, make()) },
          });
        }
      }
    }
    if (op.body?.kind === 'multipart') {
      const file = plausibleFile(op)!;
      const mp = (label: string, parts: Part[]) =>
        add(`multipart: ${label}`, { body: { kind: 'multipart', parts } });
      mp('no file', [{ field: 'note', value: 'x' }]);
      mp('empty file', [{ field: 'file', file: { ...file, content: Buffer.alloc(0) } }]);
      mp('wrong type', [
        {
          field: 'file',
          file: {
            content: Buffer.from('MZ\u0000\u0001 not a document'),
            name: 'a.exe',
            type: 'application/octet-stream',
          },
        },
      ]);
      mp('text named .pdf', [
        {
          field: 'file',
          file: { content: Buffer.from('hello'), name: 'a.pdf', type: 'application/pdf' },
        },
      ]);
      mp('unexpected field', [{ field: 'upload', file }]);
      mp('two files', [
        { field: 'file', file },
        { field: 'file', file },
      ]);
      mp('field with NUL', [
        { field: 'file', file },
        { field: 'note', value: 'a\u0000b' },
      ]);
      mp('field with lone surrogate', [
        { field: 'file', file },
        { field: 'kind', value: '\ud800' },
      ]);
      mp('long file name', [{ field: 'file', file: { ...file, name: `${'名'.repeat(300)}.pdf` } }]);
      mp('emoji file name', [{ field: 'file', file: { ...file, name: '😀\u202e.pdf' } }]);
      for (const [label, name] of [
        ['NUL in file name', 'a%00b.pdf'],
        ['control chars in file name', 'a%01%1B%7F.pdf'],
        ['lone surrogate in file name', 'a%ED%A0%80.pdf'],
      ]) {
        add(`multipart: ${label}`, { body: { kind: 'rawMultipart', ...rawMultipart(name) } });
      }
      add('multipart: not multipart', { body: { kind: 'json', value: { file: 'x' } } });
      add('multipart: broken boundary', {
        body: { kind: 'text', text: '--b\r\nbroken', type: 'multipart/form-data; boundary=b' },
      });
    }
    return attempts;
  }

  async function send(op: Operation, caller: Caller, a: Attempt): Promise<request.Response> {
    const url =
      op.path.replace(/\{(\w+)\}/g, (_m, k: string) => a.path[k] ?? 'missing') +
      (a.query ? `?${a.query}` : '');
    let req = request(api.http)[op.method](url);
    const token = tokens.get(caller);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    const b = a.body;
    if (b.kind === 'json') {
      let value = b.value;
      // a body that carries the version it read (optimistic lock) gets the current one,
      // so that its other fields reach the service instead of a 409
      if (
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        typeof value.version === 'number' &&
        !a.label.startsWith('body version')
      ) {
        const target = op.path.replace(/\{(\w+)\}/g, (_m, k: string) => a.path[k] ?? 'missing');
        value = { ...value, version: await currentVersion(target, token) };
      }
      let text = JSON.stringify(value);
      text = text.replace(/"__fuzz_raw__(.*?)__"/g, (_m, token: string) => token);
      return req.set('Content-Type', 'application/json').send(text);
    }
    if (b.kind === 'text') return req.set('Content-Type', b.type).send(b.text);
    if (b.kind === 'rawMultipart') {
      return req.set('Content-Type', `multipart/form-data; boundary=${b.boundary}`).send(b.body);
    }
    if (b.kind === 'multipart') {
      for (const p of b.parts) {
        if (p.file) {
          req = req.attach(p.field, p.file.content, {
            filename: p.file.name,
            contentType: p.file.type,
          });
        } else req = req.field(p.field, p.value ?? '');
      }
    }
    return req;
  }

  /** Remembers the ids a successful write returned, so later attempts can point at them. */
  function harvest(op: Operation, body: unknown): void {
    if (op.method === 'get' || typeof body !== 'object' || body === null) return;
    const b = body as Record<string, unknown>;
    const kind = kindOf(op.path, 'id');
    // a new row of the collection (or a new plan from an amendment), not a row under another one
    const creates = !op.path.includes('{') || op.path.endsWith('/amendments');
    if (creates && typeof b.id === 'string' && /^[0-9a-f-]{36}$/.test(b.id)) remember(kind, b.id);
    if (typeof b.importId === 'string') remember('imports', b.importId);
    if (typeof b.jobId === 'string') remember('jobs', b.jobId);
    if (Array.isArray(b.projects))
      for (const p of b.projects) remember('projects', (p as { id?: unknown }).id);
  }

  /** A seeding step must succeed; when it does not, say what the API answered. */
  const seeded = (res: request.Response, status: number): void => {
    if (res.status !== status) {
      const { method, path } = (res as unknown as { req: { method: string; path: string } }).req;
      throw new Error(`seeding: ${method} ${path} -> ${res.status} ${res.text}`);
    }
  };

  beforeAll(async () => {
    // a database of its own: the fuzz creates whatever it can (plans for next year, …)
    scratch = await aScratchDatabase('fuzz');
    api = await bootApi({
      ...scratch.env,
      LOGIN_RATE_LIMIT: '10000',
      LOGIN_RATE_LIMIT_PER_IP: '100000',
      READY_REQUIRES_WORKER: 'false',
    });
    org = await anOrgTree(api.ds);
    year = localYear(new Date(), 'Asia/Shanghai') + 1;
    const scope: Record<Role, OrgUnit | null> = {
      municipal_admin: org.municipality,
      district_admin: org.districtA,
      street_admin: org.streetA1,
      // its own institution, still a draft: its application and documents can be edited
      institution_staff: await anOrgUnit(api.ds, 'institution', '模糊申请机构', org.municipality),
      teacher: org.institution,
      worker: null,
    };
    const http: App = api.http;
    const docRes = await request(http).get('/api/docs-json').expect(200);
    doc = docRes.body;
    ops = operationsOf(docRes.body).sort((a, b) => phaseOf(a) - phaseOf(b));
    const as = (caller: Caller) => ({ Authorization: `Bearer ${tokens.get(caller)}` });
    for (const role of ALL_ROLES.filter((r) => r !== 'worker')) {
      const account = await anAccount().withRole(role).inOrg(scope[role]).create(api.ds);
      protectedIds.add(account.id);
      tokens.set(role, (await login(http, account.username, TEST_PASSWORD)).accessToken);
    }
    // the staff of the filed institution, for seeding its teacher
    const seedStaff = await anAccount()
      .withRole('institution_staff')
      .inOrg(org.institution)
      .create(api.ds);
    const staffOfFiled = {
      Authorization: `Bearer ${(await login(http, seedStaff.username, TEST_PASSWORD)).accessToken}`,
    };
    // a document of the filed institution's application, then it is filed
    const doc0 = await request(http)
      .post('/api/v1/institutions/mine/documents')
      .set(staffOfFiled)
      .attach('file', PDF, { filename: '资质.pdf', contentType: 'application/pdf' });
    seeded(doc0, 201);
    remember('documents', doc0.body.id);

    await api.ds.getRepository(InstitutionProfile).save({
      orgUnitId: org.institution.id,
      status: 'approved',
      filingNumber: `京培备〔${year}〕F${Date.now() % 100000}号`,
    });
    remember('institutions', org.institution.id);
    protectedIds.add(org.institution.id);
    // institutions that may be reviewed, suspended and reinstated
    for (const status of ['pending', 'approved', 'suspended'] as const) {
      const unit = await anOrgUnit(api.ds, 'institution', `模糊机构${status}`, org.municipality);
      await api.ds.getRepository(InstitutionProfile).save({
        orgUnitId: unit.id,
        status,
        submittedAt: new Date(),
        ...(status === 'pending'
          ? {}
          : { filingNumber: `京培备〔${year}〕F${++seq}${Date.now() % 1000}号` }),
      });
      remember('institutions', unit.id);
    }
    // refresh tokens of an account of its own, to refresh and log out with
    const refresher = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
    for (let i = 0; i < 3; i++) {
      remember(
        'refreshTokens',
        (await login(http, refresher.username, TEST_PASSWORD)).refreshToken,
      );
    }
    // units that may be renamed, deactivated or deleted
    const victim = await anOrgUnit(api.ds, 'district', '模糊测试区', org.municipality);
    const victimStreet = await anOrgUnit(api.ds, 'street', '模糊测试街道', victim);
    remember('units', victim.id);
    remember('units', victimStreet.id);
    remember('units', (await anOrgUnit(api.ds, 'community', '模糊测试社区', victimStreet)).id);

    // workers, through the API (one of them signs in as the worker)
    for (let i = 0; i < 3; i++) {
      const res = await request(http)
        .post('/api/v1/workers')
        .set(as('street_admin'))
        .send({
          name: `模糊${i}`,
          idNumber: anIdNumber(),
          communityId: org.communityA1.id,
          positionTier: 'staff',
          entryChannel: 'recruited_other',
          startedOn: '2018-03-01',
        });
      seeded(res, 201);
      remember('workers', res.body.id);
    }
    const self = pool('workers')[0];
    protectedIds.add(self);
    const workerUser = `fz.worker.${Date.now().toString(36)}`;
    const linked = await request(http)
      .post(`/api/v1/workers/${self}/account`)
      .set(as('street_admin'))
      .send({ username: workerUser, password: TEST_PASSWORD });
    seeded(linked, 201);
    protectedIds.add(linked.body.id);
    tokens.set('worker', (await login(http, workerUser, TEST_PASSWORD)).accessToken);

    // accounts that may be reset or deactivated; a teacher account for teacher rows
    for (const role of ['district_admin', 'teacher'] as const) {
      const res = await request(http)
        .post('/api/v1/accounts')
        .set(role === 'teacher' ? staffOfFiled : as('municipal_admin'))
        .send({
          username: `fz.${role.replace('_', '.')}.${Date.now().toString(36)}`,
          displayName: '模糊测试',
          role,
          scopeOrgId: role === 'teacher' ? org.institution.id : org.districtB.id,
        });
      seeded(res, 201);
      remember('accounts', res.body.id);
      if (role === 'teacher') remember('teacherAccounts', res.body.id);
    }

    // a teacher of the pool
    const teacher = await request(http)
      .post('/api/v1/teachers')
      .set(staffOfFiled)
      .send({ name: '模糊老师', subjects: ['社区治理'] });
    seeded(teacher, 201);
    remember('teachers', teacher.body.id);
    const consent = ops.find((o) => o.key === 'POST /api/v1/teachers/{id}/consent');
    if (consent?.body) {
      // a teacher who consented to be listed may be put on a plan
      seeded(
        await request(http)
          .post(`/api/v1/teachers/${teacher.body.id}/consent`)
          .set(staffOfFiled)
          .send(validValue(consent.body.schema, 'body') as object),
        200,
      );
    }
    // the city plan: published with two projects; a draft for the year after
    const plan = await request(http)
      .post('/api/v1/annual-plans')
      .set(as('municipal_admin'))
      .send({ year, title: `${year} 年度模糊测试计划` });
    seeded(plan, 201);
    remember('annual-plans', plan.body.id);
    for (const type of ['post', 'induction']) {
      const res = await request(http)
        .post(`/api/v1/annual-plans/${plan.body.id}/projects`)
        .set(as('municipal_admin'))
        .send({ type, title: `${type} 项目`, plannedPlaces: 5000, budgetFen: 1_000_000 });
      seeded(res, 201);
      for (const p of res.body.projects) remember('projects', p.id);
    }
    seeded(
      await request(http)
        .post(`/api/v1/annual-plans/${plan.body.id}/publish`)
        .set(as('municipal_admin')),
      200,
    );
    const draftPlan = await request(http)
      .post('/api/v1/annual-plans')
      .set(as('municipal_admin'))
      .send({ year: year + 1, title: `${year + 1} 年度模糊测试计划` });
    remember('annual-plans', draftPlan.body.id);

    // project plans: a draft, a submitted one and an approved one
    const planBody = {
      planProjectId: pool('projects')[0],
      institutionId: org.institution.id,
      title: '模糊测试岗位培训',
      places: 100,
      startDate: `${year}-03-01`,
      endDate: `${year}-03-10`,
      place: '社区学院',
      methods: ['lecture'],
      teacherIds: [teacher.body.id],
      materials: '《社区工作实务》',
      sessions: Array.from({ length: 10 }, (_, i) => ({
        date: `${year}-03-0${1 + (i % 9)}`,
        startTime: '09:00',
        hours: 4,
        topic: `专题 ${i + 1}`,
      })),
      costItems: [{ item: '讲课费', amountFen: 100_000, payer: 'district' }],
    };
    for (const step of ['draft', 'submitted', 'approved']) {
      const res = await request(http)
        .post('/api/v1/project-plans')
        .set(as('district_admin'))
        .send(planBody);
      seeded(res, 201);
      remember('project-plans', res.body.id);
      if (step === 'draft') continue;
      await request(http)
        .post(`/api/v1/project-plans/${res.body.id}/submit`)
        .set(as('district_admin'))
        .then((r) => seeded(r, 200));
      if (step === 'approved') {
        await request(http)
          .post(`/api/v1/project-plans/${res.body.id}/approve`)
          .set(as('municipal_admin'))
          .then((r) => seeded(r, 200));
        remember('jobs', `plan-pdf.${res.body.id}`);
      }
    }
    // a roster export (its job stays queued: no worker runs here)
    const exp = await request(http)
      .post('/api/v1/rosters/exports')
      .set(as('street_admin'))
      .send({});
    harvest({ key: '', method: 'post', path: '/api/v1/rosters/exports', params: [] }, exp.body);
  });

  afterAll(async () => {
    await api.close();
    await scratch.drop();
  });

  describe('named cases', () => {
    const postLogin = (): request.Test =>
      request(api.http).post('/api/v1/auth/login').set('Content-Type', 'application/json');

    it.each<[string, string, string[]]>([
      ['NUL', '{"username":"a\\u0000b","password":"x"}', ['username']],
      ['a lone surrogate', '{"username":"\\ud800","password":"x"}', ['username']],
      ['DEL', '{"username":"ok","password":"x\\u007f"}', ['password']],
      [
        'a control character deep in a body',
        '{"username":"a","password":"b","sessions":[{},{"topic":"x\\u001b"}]}',
        ['sessions[1].topic'],
      ],
    ])(
      '%s in a JSON body: 400 VALIDATION_FAILED naming the field',
      async (_label, body, fields) => {
        const res = await postLogin().send(body).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(fields);
      },
    );

    it('a control character in a query or path parameter: 400 naming it', async () => {
      const auth = { Authorization: `Bearer ${tokens.get('municipal_admin')}` };
      const q = await request(api.http).get('/api/v1/audit/entries?action=a%00b').set(auth);
      expect([q.status, q.body.code, q.body.details?.[0]?.field]).toEqual([
        400,
        'VALIDATION_FAILED',
        'action',
      ]);
      const p = await request(api.http).get('/api/v1/org/units/%01').set(auth);
      expect([p.status, p.body.code, p.body.details?.[0]?.field]).toEqual([
        400,
        'VALIDATION_FAILED',
        'id',
      ]);
    });

    it.each<[string, number, string, () => request.Test]>([
      [
        'a body over BODY_LIMIT (1 MB)',
        413,
        'PAYLOAD_TOO_LARGE',
        () => postLogin().send(`{"username":"${'x'.repeat(1_100_000)}"}`),
      ],
      [
        'an unknown charset',
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        () => postLogin().set('Content-Type', 'application/json; charset=klingon').send('{}'),
      ],
      [
        'an unknown content encoding',
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        () => postLogin().set('Content-Encoding', 'compress-9').send('{}'),
      ],
      [
        'a bad gzip body',
        400,
        'BAD_REQUEST',
        () => postLogin().set('Content-Encoding', 'gzip').send('not gzip'),
      ],
      ['malformed JSON', 400, 'BAD_REQUEST', () => postLogin().send('{"username":')],
      [
        'a body nested 5,000 deep',
        400,
        'VALIDATION_FAILED',
        () => postLogin().send('['.repeat(5000) + ']'.repeat(5000)),
      ],
    ])('%s: %i %s', async (_label, status, code, make) => {
      const res = await make();
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(res.body.message).toEqual(expect.any(String));
    });

    it('upload errors: a file field of another name is a 400, a file over the limit a 413', async () => {
      const auth = { Authorization: `Bearer ${tokens.get('institution_staff')}` };
      const unexpected = await request(api.http)
        .post('/api/v1/institutions/mine/documents')
        .set(auth)
        .attach('upload', PDF, { filename: 'a.pdf', contentType: 'application/pdf' });
      expect([unexpected.status, unexpected.body.code]).toEqual([400, 'BAD_REQUEST']);
      const tooLarge = await request(api.http)
        .post('/api/v1/institutions/mine/documents')
        .set(auth)
        .attach('file', Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), {
          filename: 'big.pdf',
          contentType: 'application/pdf',
        });
      expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });
  });

  it('answers every operation, as every caller, with < 500 and 4xx in the error shape', async () => {
    const fivexx: Finding[] = [];
    const badShape: Finding[] = [];
    const exercised = new Set<string>();
    const pastGuard = new Set<string>();
    let sent = 0;
    const started = Date.now();
    const callers: Caller[] = ['anonymous', ...ALL_ROLES];
    for (const op of ops) {
      // a public operation is fuzzed in full once (anonymously); the roles just call it
      let isPublic = false;
      for (const caller of callers) {
        const valids = validAttempts(op);
        const answers: request.Response[] = [];
        for (const a of valids) answers.push(await send(op, caller, a));
        if (caller === 'anonymous') isPublic = answers[0].status !== 401;
        const refused = answers[0].status === 401 || answers[0].status === 403;
        const full = !refused && (!isPublic || caller === 'anonymous');
        const base = valids[answers.findIndex((r) => r.status < 300)] ?? valids[0];
        const more = full ? mutations(op, caller, base) : refusedAttempts(base);
        const attempts = [...valids, ...more];
        for (const [i, a] of attempts.entries()) {
          const res = i < answers.length ? answers[i] : await send(op, caller, a);
          sent++;
          exercised.add(op.key);
          if (res.status !== 401 && res.status !== 403) pastGuard.add(op.key);
          const finding = (): Finding => ({
            op: op.key,
            caller,
            mutation: a.label,
            status: res.status,
            body: (res.text ?? '').slice(0, 400),
          });
          if (res.status >= 500) fivexx.push(finding());
          else if (res.status >= 400) {
            const body = res.body as { code?: unknown; message?: unknown };
            if (typeof body?.code !== 'string' || typeof body?.message !== 'string') {
              badShape.push(finding());
            }
          } else harvest(op, res.body);
        }
      }
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `[fuzz] ${ops.length} operations, ${sent} requests in ${seconds} s; ${fivexx.length} answers ≥ 500, ${badShape.length} 4xx without {code, message}`,
    );
    const show = (list: Finding[]) =>
      list.map((f) => `${f.op} as ${f.caller} [${f.mutation}] -> ${f.status} ${f.body}`);
    expect(show(fivexx)).toEqual([]);
    expect(show(badShape)).toEqual([]);
    expect(ops.map((o) => o.key).filter((k) => !exercised.has(k))).toEqual([]);
    expect(ops.map((o) => o.key).filter((k) => !pastGuard.has(k))).toEqual([]);
    expect(ops.length).toBeGreaterThan(70);
    // ~65 s for ~12,000 requests on a 2-core machine
  }, 600_000);
});
