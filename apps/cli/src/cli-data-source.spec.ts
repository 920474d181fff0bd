import { getMetadataArgsStorage } from 'typeorm';
import '@peixun/core';
import '@peixun/org';
import '@peixun/planning';
import '@peixun/classes';
import '@peixun/enrollment';
import '@peixun/attendance';
import '@peixun/exams';
import '@peixun/policy';
import { ALL_ENTITIES } from './cli-data-source';

describe('CLI data source', () => {
  it('knows every entity of every lib (otherwise the migration check would miss tables)', () => {
    // compared by name: with jest's module registry, one class may be declared once per test file
    const name = (t: unknown): string => (typeof t === 'function' ? t.name : String(t));
    const declared = new Set(getMetadataArgsStorage().tables.map((t) => name(t.target)));
    expect(new Set(ALL_ENTITIES.map(name))).toEqual(declared);
    expect(ALL_ENTITIES.length).toBeGreaterThanOrEqual(6);
  });
});
