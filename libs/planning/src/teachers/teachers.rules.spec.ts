import type { Role } from '@peixun/core';
import { mayJoin, maySeeConsent, maySeeTeacher, TeacherFacts } from './teachers.rules';

describe('teacher pool visibility and consent', () => {
  const OWNER = 'inst-owner';
  const JOINED = 'inst-joined';
  const OTHER = 'inst-other';
  const facts = (over: Partial<TeacherFacts> = {}): TeacherFacts => ({
    consenting: false,
    ownerInstitutionId: OWNER,
    accountId: 'acc-teacher',
    institutionIds: [OWNER, JOINED],
    ...over,
  });
  const viewer = (role: Role, orgId: string | null = null, accountId = 'acc-x') => ({
    role,
    orgId,
    accountId,
  });

  it.each<[string, ReturnType<typeof viewer>, Partial<TeacherFacts>, boolean]>([
    [
      'anyone planning sees a consenting teacher',
      viewer('district_admin'),
      { consenting: true },
      true,
    ],
    [
      'another institution sees a consenting teacher',
      viewer('institution_staff', OTHER),
      { consenting: true },
      true,
    ],
    [
      'another institution does not see one without consent',
      viewer('institution_staff', OTHER),
      {},
      false,
    ],
    [
      'the owning institution sees its teacher without consent',
      viewer('institution_staff', OWNER),
      {},
      true,
    ],
    [
      'an institution the teacher already teaches for still sees them',
      viewer('institution_staff', JOINED),
      {},
      true,
    ],
    ['the municipal bureau sees the whole pool', viewer('municipal_admin'), {}, true],
    ['the teacher sees their own record', viewer('teacher', OWNER, 'acc-teacher'), {}, true],
    ['another teacher does not', viewer('teacher', OWNER, 'acc-other'), {}, false],
    [
      'a teacher without an account is nobody’s own',
      viewer('teacher', OWNER, 'acc-teacher'),
      { accountId: null },
      false,
    ],
    ['a district does not see one its plans do not name', viewer('district_admin'), {}, false],
    [
      'a district whose plan names the teacher still reads them',
      viewer('district_admin'),
      { namedInOwnDistrictPlan: true },
      true,
    ],
    ['a street admin sees nothing without consent', viewer('street_admin'), {}, false],
  ])('%s', (_, v, over, ok) => {
    expect(maySeeTeacher(v, facts(over))).toBe(ok);
  });

  it.each<[string, ReturnType<typeof viewer>, boolean]>([
    ['the teacher themself', viewer('teacher', OWNER, 'acc-teacher'), true],
    ['the owning institution (keeps the signed form)', viewer('institution_staff', OWNER), true],
    ['the municipal bureau (supervises the pool)', viewer('municipal_admin'), true],
    ['an institution the teacher also teaches for', viewer('institution_staff', JOINED), false],
    ['a district bureau', viewer('district_admin'), false],
    ['another teacher', viewer('teacher', OWNER, 'acc-other'), false],
  ])('the consent record is seen by %s: %s', (_, v, ok) => {
    expect(maySeeConsent(v, facts({ consenting: true }))).toBe(ok);
  });

  it.each<[string, string, Partial<TeacherFacts>, boolean]>([
    ['another institution takes on a consenting teacher', OTHER, { consenting: true }, true],
    ['another institution cannot take on one without consent', OTHER, {}, false],
    ['the owner re-links its own teacher', OWNER, { institutionIds: [] }, true],
    ['an existing link is no new selection', JOINED, {}, true],
  ])('%s', (_, institution, over, ok) => {
    expect(mayJoin(institution, facts(over))).toBe(ok);
  });
});
