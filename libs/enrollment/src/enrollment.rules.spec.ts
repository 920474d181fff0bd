import { BEIJING_2012, enrolmentRules } from '@peixun/policy';
import {
  eligibility,
  EligibilityClass,
  EligibilityContext,
  EligibilityWorker,
  entryTransition,
  freesPlace,
  RefusalCode,
  wholeMonthsBetween,
} from './enrollment.rules';

const now = new Date('2026-11-25T02:00:00Z');
const at = (iso: string): Date => new Date(iso);
const worker: EligibilityWorker = {
  status: 'active',
  positionTier: 'staff',
  entryChannel: 'recruited_other',
  startedOn: '2018-03-01',
  qualification: 'none',
  districtId: 'd1',
  streetId: 's1',
};
const klass: EligibilityClass = {
  id: 'c1',
  origin: 'plan',
  type: 'post',
  status: 'open',
  enrolOpensAt: at('2026-11-01T00:00:00Z'),
  enrolClosesAt: at('2026-12-01T00:00:00Z'),
  targetTiers: [],
  targetChannels: [],
  districtId: 'd1',
  streetId: null,
  feeFen: 0,
  planProjectId: 'p1',
  sessions: [{ startsAt: at('2026-12-05T01:00:00Z'), endsAt: at('2026-12-05T07:00:00Z') }],
};
const ctx: EligibilityContext = {
  now,
  today: '2026-11-25',
  policy: BEIJING_2012,
  rules: enrolmentRules(BEIJING_2012),
  inThisClass: false,
  held: [],
  inductionDone: false,
  nominationAccepted: false,
  via: 'self',
  confirmedFeeFen: null,
};
const otherPlace = {
  classId: 'c2',
  title: '另一班次',
  planProjectId: 'p9',
  sessions: [{ startsAt: at('2026-12-20T01:00:00Z'), endsAt: at('2026-12-20T07:00:00Z') }],
};

type Case = [
  string,
  Partial<EligibilityWorker>,
  Partial<EligibilityClass>,
  Partial<EligibilityContext>,
  RefusalCode | null,
];

describe('eligibility: every rule refuses its case and lets the neighbouring one through', () => {
  it.each<Case>([
    ['a serving worker in a post class of their district', {}, {}, {}, null],
    ['a worker who left', { status: 'left' }, {}, {}, 'WORKER_NOT_ACTIVE'],
    ['a retired worker', { status: 'retired' }, {}, {}, 'WORKER_NOT_ACTIVE'],
    ['a draft class', {}, { status: 'draft' }, {}, 'CLASS_NOT_OPEN'],
    ['a cancelled class', {}, { status: 'cancelled' }, {}, 'CLASS_NOT_OPEN'],
    [
      'before the window',
      {},
      { enrolOpensAt: at('2026-11-26T00:00:00Z') },
      {},
      'ENROLMENT_NOT_STARTED',
    ],
    ['at the first instant of the window', {}, { enrolOpensAt: now }, {}, null],
    ['at the close of the window', {}, { enrolClosesAt: now }, {}, 'ENROLMENT_CLOSED'],
    ['just before the close', {}, { enrolClosesAt: at('2026-11-25T02:00:01Z') }, {}, null],
    ['already holding an entry in the class', {}, {}, { inThisClass: true }, 'ALREADY_IN_CLASS'],
    ['a plan class of another district', {}, { districtId: 'd2' }, {}, 'OUTSIDE_CLASS_AREA'],
    [
      'a street class of their street',
      {},
      { origin: 'street', type: 'street', districtId: 'd1', streetId: 's1', planProjectId: null },
      {},
      null,
    ],
    [
      'a street class of another street',
      {},
      { origin: 'street', type: 'street', districtId: 'd1', streetId: 's2', planProjectId: null },
      {},
      'OUTSIDE_CLASS_AREA',
    ],
    [
      'head-tier content for a staff worker',
      {},
      { targetTiers: ['head'] },
      {},
      'NOT_IN_TARGET_GROUP',
    ],
    ['head-tier content for a head', { positionTier: 'head' }, { targetTiers: ['head'] }, {}, null],
    [
      'a class for city-wide recruits, other recruit',
      {},
      { targetChannels: ['recruited_citywide'] },
      {},
      'NOT_IN_TARGET_GROUP',
    ],
    [
      'a class for city-wide recruits, city-wide recruit',
      { entryChannel: 'recruited_citywide' },
      { targetChannels: ['recruited_citywide'] },
      {},
      null,
    ],
    [
      'induction for a worker of 11 months',
      { startedOn: '2025-12-25' },
      { type: 'induction' },
      {},
      null,
    ],
    [
      'induction for a worker of 12 months',
      { startedOn: '2025-11-25' },
      { type: 'induction' },
      {},
      'INDUCTION_NOT_NEW',
    ],
    ['induction for a worker of 8 years', {}, { type: 'induction' }, {}, 'INDUCTION_NOT_NEW'],
    [
      'induction already completed',
      { startedOn: '2026-06-01' },
      { type: 'induction' },
      { inductionDone: true },
      'INDUCTION_ALREADY_DONE',
    ],
    [
      'continuing education without a qualification',
      {},
      { type: 'continuing' },
      {},
      'CONTINUING_NOT_QUALIFIED',
    ],
    [
      'continuing education for a social worker',
      { qualification: 'social_worker' },
      { type: 'continuing' },
      {},
      null,
    ],
    [
      'advanced study asked for directly',
      {},
      { type: 'advanced', origin: 'municipal', districtId: null, planProjectId: null },
      {},
      'ADVANCED_BY_NOMINATION_ONLY',
    ],
    [
      'advanced study by an admin without nomination',
      {},
      { type: 'advanced', origin: 'municipal', districtId: null, planProjectId: null },
      { via: 'admin' },
      'ADVANCED_BY_NOMINATION_ONLY',
    ],
    [
      'advanced study through an accepted nomination',
      {},
      { type: 'advanced', origin: 'municipal', districtId: null, planProjectId: null },
      { via: 'nomination', nominationAccepted: true },
      null,
    ],
    [
      'a second place in one project',
      {},
      {},
      { held: [{ ...otherPlace, planProjectId: 'p1' }] },
      'ALREADY_IN_PROJECT',
    ],
    ['a place in another project at another time', {}, {}, { held: [otherPlace] }, null],
    [
      'overlapping sessions with another place',
      {},
      {},
      {
        held: [
          {
            ...otherPlace,
            sessions: [
              { startsAt: at('2026-12-05T06:00:00Z'), endsAt: at('2026-12-05T09:00:00Z') },
            ],
          },
        ],
      },
      'SCHEDULE_CLASH',
    ],
    [
      'sessions that touch but do not overlap',
      {},
      {},
      {
        held: [
          {
            ...otherPlace,
            sessions: [
              { startsAt: at('2026-12-05T07:00:00Z'), endsAt: at('2026-12-05T09:00:00Z') },
            ],
          },
        ],
      },
      null,
    ],
    [
      'an elective with a fee not confirmed',
      {},
      { type: 'elective', feeFen: 120000 },
      {},
      'FEE_NOT_CONFIRMED',
    ],
    [
      'an elective with another amount confirmed',
      {},
      { type: 'elective', feeFen: 120000 },
      { confirmedFeeFen: 100000 },
      'FEE_NOT_CONFIRMED',
    ],
    [
      'an elective with its fee confirmed',
      {},
      { type: 'elective', feeFen: 120000 },
      { confirmedFeeFen: 120000 },
      null,
    ],
  ])('%s', (_what, w, c, x, expected) => {
    const refusal = eligibility({ ...worker, ...w }, { ...klass, ...c }, { ...ctx, ...x });
    expect(refusal?.code ?? null).toBe(expected);
    if (refusal) expect(refusal.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('covers every refusal code with at least one case', () => {
    // a guard against a new rule without a test: keep this list and the table above in step
    expect(Object.keys(RefusalCode).sort()).toEqual(
      [
        'ADVANCED_BY_NOMINATION_ONLY',
        'ALREADY_IN_CLASS',
        'ALREADY_IN_PROJECT',
        'CLASS_NOT_OPEN',
        'CONTINUING_NOT_QUALIFIED',
        'ENROLMENT_CLOSED',
        'ENROLMENT_NOT_STARTED',
        'FEE_NOT_CONFIRMED',
        'INDUCTION_ALREADY_DONE',
        'INDUCTION_NOT_NEW',
        'NOT_IN_TARGET_GROUP',
        'OUTSIDE_CLASS_AREA',
        'SCHEDULE_CLASH',
        'WORKER_NOT_ACTIVE',
      ].sort(),
    );
  });
});

describe('whole months between dates', () => {
  it.each([
    ['2025-11-25', '2026-11-25', 12],
    ['2025-11-26', '2026-11-25', 11],
    ['2026-01-31', '2026-02-28', 0],
    ['2026-01-31', '2026-03-01', 1],
  ])('%s → %s: %i', (a, b, n) => {
    expect(wholeMonthsBetween(a, b)).toBe(n);
  });
});

describe('entries', () => {
  it.each([
    ['enrolled', 'withdraw', 'withdrawn'],
    ['waitlisted', 'withdraw', 'withdrawn'],
    ['offered', 'accept', 'enrolled'],
    ['offered', 'decline', 'declined'],
    ['offered', 'expire', 'expired'],
    ['enrolled', 'accept', null],
    ['waitlisted', 'accept', null],
    ['withdrawn', 'withdraw', null],
    ['expired', 'accept', null],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(entryTransition(from, action)).toBe(to);
  });

  it.each([
    ['enrolled', false, true],
    ['offered', false, true],
    ['waitlisted', false, false],
    ['enrolled', true, false],
  ] as const)(
    'leaving %s (class started: %s) frees a place for the next: %s',
    (from, started, frees) => {
      expect(freesPlace(from, started)).toBe(frees);
    },
  );
});
