import type { Actor } from '@peixun/core';
import { administers, maySeeWorker, workerScopeSql } from './scope.rules';

const actor = (role: Actor['role'], extra: Partial<Actor> = {}): Actor => ({
  accountId: 'a',
  username: 'u',
  role,
  orgId: null,
  districtId: null,
  streetId: null,
  workerId: null,
  ...extra,
});
const D1 = 'd1';
const S1 = 's1';
const community = { id: 'c1', districtId: D1, streetId: S1 };
const otherCommunity = { id: 'c2', districtId: 'd2', streetId: 's2' };

describe('scope', () => {
  it.each<[string, Actor, boolean, boolean]>([
    ['municipal', actor('municipal_admin'), true, true],
    ['district D1', actor('district_admin', { districtId: D1 }), true, false],
    ['street S1', actor('street_admin', { districtId: D1, streetId: S1 }), true, false],
    ['street S9 of D1', actor('street_admin', { districtId: D1, streetId: 's9' }), false, false],
    ['institution', actor('institution_staff', { orgId: 'i' }), false, false],
    ['teacher', actor('teacher', { orgId: 'i' }), false, false],
    ['district without scope', actor('district_admin'), false, false],
  ])('%s administers own: %s, other district: %s', (_, a, own, other) => {
    expect(administers(a, community)).toBe(own);
    expect(administers(a, otherCommunity)).toBe(other);
  });

  it('a worker sees only themself', () => {
    const w = { id: 'w1', districtId: D1, streetId: S1 };
    expect(maySeeWorker(actor('worker', { workerId: 'w1' }), w)).toBe(true);
    expect(maySeeWorker(actor('worker', { workerId: 'w2' }), w)).toBe(false);
    expect(maySeeWorker(actor('worker'), w)).toBe(false);
  });

  it.each<[Actor, string | null]>([
    [actor('municipal_admin'), 'true'],
    [actor('district_admin', { districtId: D1 }), 'w.district_id = :scopeDistrict'],
    [actor('street_admin', { streetId: S1 }), 'w.street_id = :scopeStreet'],
    [actor('worker', { workerId: 'w1' }), 'w.id = :scopeSelf'],
    [actor('teacher'), null],
    [actor('district_admin'), null],
  ])('list filter for %j', (a, sql) => {
    expect(workerScopeSql(a)?.sql ?? null).toBe(sql);
  });
});
