import { BEIJING_2012, TrainingPolicy } from '@peixun/policy';
import {
  PlanAction,
  planChecks,
  PlanFacts,
  planProblems,
  PlanStatus,
  planTransition,
} from './plan.rules';

describe('project plan workflow', () => {
  it.each<[PlanStatus, PlanAction, PlanStatus | null]>([
    ['draft', 'edit', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['draft', 'approve', null],
    ['draft', 'return', null],
    ['submitted', 'edit', null],
    ['submitted', 'submit', null],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['returned', 'edit', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['returned', 'approve', null],
    ['approved', 'edit', null],
    ['approved', 'submit', null],
    ['approved', 'approve', null],
    ['approved', 'return', null],
    ['approved', 'amend', 'approved'],
    ['superseded', 'amend', null],
    ['superseded', 'edit', null],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(planTransition(from, action)).toBe(to);
  });
});

describe('project plan checks', () => {
  const session = (date: string, halfHours: number) => ({
    date,
    startTime: '09:00',
    halfHours,
    topic: '社区治理',
    teacherId: 't1',
  });
  const base: PlanFacts = {
    type: 'post',
    year: 2027,
    target: { entryChannels: [], positionTiers: ['staff'] },
    startDate: '2027-03-01',
    endDate: '2027-03-10',
    sessions: Array.from({ length: 10 }, (_, i) => session(`2027-03-0${(i % 9) + 1}`, 8)),
    costItems: [{ item: '讲课费', amountFen: 500_000, payer: 'district' }],
    teacherIds: ['t1'],
    teachersOfInstitution: new Set(['t1']),
    teachersConsenting: new Set(['t1']),
    teachersNamedBefore: new Set(),
    institutionCommissionable: true,
    hasMaterials: true,
    places: 120,
    plannedPlaces: 3000,
    placesTaken: 2800,
  };
  const codes = (f: Partial<PlanFacts>, p: TrainingPolicy = BEIJING_2012) =>
    planProblems(p, { ...base, ...f }).map((x) => `${x.field}:${x.code}`);

  it('a complete 40-hour post-training plan passes', () => {
    expect(codes({})).toEqual([]);
  });

  it.each<[string, Partial<PlanFacts>, string[]]>([
    [
      '39.5 hours of post training',
      { sessions: [...base.sessions.slice(1), session('2027-03-02', 7)] },
      ['sessions:HOURS_BELOW_MINIMUM'],
    ],
    [
      'induction for city-wide recruits at 20 hours',
      {
        type: 'induction',
        target: { entryChannels: ['recruited_citywide'], positionTiers: [] },
        sessions: base.sessions.slice(0, 5),
      },
      ['sessions:HOURS_BELOW_MINIMUM'],
    ],
    [
      'induction for other recruits at 20 hours',
      {
        type: 'induction',
        target: { entryChannels: ['recruited_other'], positionTiers: [] },
        sessions: base.sessions.slice(0, 5),
      },
      [],
    ],
    [
      'a fee charged to workers for post training',
      { costItems: [{ item: '资料费', amountFen: 2000, payer: 'worker' }] },
      ['costItems[0]:WORKER_CHARGE_FORBIDDEN'],
    ],
    [
      'a fee charged to workers for an elective course',
      { type: 'elective', costItems: [{ item: '学费', amountFen: 2000, payer: 'worker' }] },
      [],
    ],
    [
      'a session outside the dates',
      { sessions: [...base.sessions, session('2027-04-01', 2)] },
      ['sessions[10].date:DATES'],
    ],
    [
      'a teacher of another institution',
      { teachersOfInstitution: new Set() },
      ['teacherIds[0]:TEACHER'],
    ],
    [
      'a newly named teacher who does not consent to be listed (never recorded or withdrawn)',
      { teachersConsenting: new Set() },
      ['teacherIds[0]:TEACHER_NOT_CONSENTING'],
    ],
    [
      'an amendment keeping a teacher the approved plan already named, who withdrew since',
      { teachersConsenting: new Set(), teachersNamedBefore: new Set(['t1']) },
      [],
    ],
    [
      'an amendment adding a second teacher who does not consent',
      {
        teacherIds: ['t1', 't2'],
        teachersOfInstitution: new Set(['t1', 't2']),
        teachersConsenting: new Set(['t1']),
        teachersNamedBefore: new Set(['t1']),
      },
      ['teacherIds[1]:TEACHER_NOT_CONSENTING'],
    ],
    [
      'a teacher of another institution who does not consent either',
      { teachersOfInstitution: new Set(), teachersConsenting: new Set() },
      ['teacherIds[0]:TEACHER', 'teacherIds[0]:TEACHER_NOT_CONSENTING'],
    ],
    [
      'an institution that is not filed',
      { institutionCommissionable: false },
      ['institutionId:INSTITUTION_NOT_FILED'],
    ],
    ['dates in another year', { startDate: '2026-12-30' }, ['startDate:DATES']],
    [
      'no teachers and no materials',
      {
        teacherIds: [],
        sessions: base.sessions.map((s) => ({ ...s, teacherId: null })),
        hasMaterials: false,
      },
      ['teacherIds:NO_TEACHERS', 'materials:NO_MATERIALS'],
    ],
    ['more places than the city plan has left', { placesTaken: 2900 }, ['places:PLACES_EXCEEDED']],
    ['exactly the places left', { placesTaken: 2880 }, []],
  ])('%s', (_, f, expected) => {
    expect(codes(f)).toEqual(expected);
  });

  it('follows the policy data: a 48-hour post minimum refuses the 40-hour plan', () => {
    const p48: TrainingPolicy = {
      ...BEIJING_2012,
      id: 'beijing-2027',
      types: BEIJING_2012.types.map((t) =>
        t.type === 'post' ? { ...t, hours: { default: 48 } } : t,
      ),
    };
    expect(codes({}, p48)).toEqual(['sessions:HOURS_BELOW_MINIMUM']);
  });

  it('groups the problems into the checks a reviewer reads: every check passes for a complete plan', () => {
    const ok = planChecks(planProblems(BEIJING_2012, base));
    expect(ok.map((c) => [c.key, c.passed])).toEqual([
      ['hours', true],
      ['teachers', true],
      ['institution', true],
      ['dates', true],
      ['fees', true],
      ['places', true],
      ['materials', true],
    ]);
    const bad = planChecks(
      planProblems(BEIJING_2012, {
        ...base,
        sessions: base.sessions.slice(1),
        teachersConsenting: new Set(),
        institutionCommissionable: false,
      }),
    );
    expect(bad.filter((c) => !c.passed).map((c) => c.key)).toEqual([
      'hours',
      'teachers',
      'institution',
    ]);
    expect(bad[0].problems.map((p) => p.code)).toEqual(['HOURS_BELOW_MINIMUM']);
    expect(
      planChecks([{ field: 'x', code: 'SOMETHING_NEW', message: '新规则' }]).pop(),
    ).toMatchObject({ key: 'other', passed: false });
  });
});
