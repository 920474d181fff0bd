import { MIGRATIONS } from './index';

/**
 * TypeORM runs migrations in the order of their timestamps, while backups and restores compare
 * the list in index.ts with the database's: the two orders must be one.
 */
describe('the migration list', () => {
  it('is in the order of the migrations’ timestamps, each named once', () => {
    const stamps = MIGRATIONS.map((m) => Number(/(\d{13})$/.exec(m.name)?.[1]));
    expect(stamps.every((s) => Number.isFinite(s))).toBe(true);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
