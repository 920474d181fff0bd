import type { Actor, Role } from '@peixun/core';
import { archiveAccess, overseesClass } from './archive.rules';

const actor = (role: Role, scope: Partial<Actor> = {}): Actor => ({
  accountId: 'a',
  username: 'u',
  role,
  orgId: null,
  districtId: null,
  streetId: null,
  workerId: null,
  ...scope,
});

const planClass = {
  origin: 'plan' as const,
  institutionId: 'I1',
  streetId: null,
  districtId: 'D1',
};
const streetClass = {
  origin: 'street' as const,
  institutionId: null,
  streetId: 'S1',
  districtId: 'D1',
};
const advanced = {
  origin: 'municipal' as const,
  institutionId: 'I1',
  streetId: null,
  districtId: null,
};

describe('class archive access (Art. 20)', () => {
  it.each<
    [
      string,
      Actor,
      typeof planClass | typeof streetClass | typeof advanced,
      'manage' | 'read' | null,
    ]
  >([
    ['the running institution', actor('institution_staff', { orgId: 'I1' }), planClass, 'manage'],
    ['another institution', actor('institution_staff', { orgId: 'I2' }), planClass, null],
    ['institution staff without an institution', actor('institution_staff'), planClass, null],
    [
      'the commissioning district',
      actor('district_admin', { districtId: 'D1' }),
      planClass,
      'read',
    ],
    ['another district', actor('district_admin', { districtId: 'D2' }), planClass, null],
    ['a district admin without a district', actor('district_admin'), advanced, null],
    ['the bureau', actor('municipal_admin'), planClass, 'read'],
    ['the bureau, advanced study', actor('municipal_admin'), advanced, 'read'],
    [
      'the running institution, advanced study',
      actor('institution_staff', { orgId: 'I1' }),
      advanced,
      'manage',
    ],
    [
      'a street, a plan class of its district',
      actor('street_admin', { streetId: 'S1', districtId: 'D1' }),
      planClass,
      null,
    ],
    [
      'the street, its own class',
      actor('street_admin', { streetId: 'S1', districtId: 'D1' }),
      streetClass,
      'manage',
    ],
    [
      'another street',
      actor('street_admin', { streetId: 'S2', districtId: 'D1' }),
      streetClass,
      null,
    ],
    ["the street's district", actor('district_admin', { districtId: 'D1' }), streetClass, 'read'],
    [
      'an institution, a street class',
      actor('institution_staff', { orgId: 'I1' }),
      streetClass,
      null,
    ],
    ['a teacher', actor('teacher', { orgId: 'I1' }), planClass, null],
    ['a worker', actor('worker', { workerId: 'W1' }), planClass, null],
  ])('%s: %s', (_label, who, c, expected) => {
    expect(archiveAccess(who, c)).toBe(expected);
  });

  it.each<[Role, string | null, string | null, boolean]>([
    ['municipal_admin', null, 'D1', true],
    ['municipal_admin', null, null, true],
    ['district_admin', 'D1', 'D1', true],
    ['district_admin', 'D1', null, false],
    ['district_admin', null, null, false],
    ['street_admin', 'D1', 'D1', false],
  ])('%s of district %s oversees a class of district %s: %s', (role, own, of, expected) => {
    expect(overseesClass(actor(role, { districtId: own }), { districtId: of })).toBe(expected);
  });
});
