import {
  classActionAllowed,
  enrolmentOpen,
  hoursLabel,
  hoursProblems,
  overlapProblems,
  roomKey,
  sessionMinutes,
  settingsProblems,
  substanceProblems,
} from './classes.rules';

const at = (iso: string): Date => new Date(iso);
const s = (
  start: string,
  end: string,
  halfHours = 8,
  teacherId: string | null = 't1',
  status: 'scheduled' | 'cancelled' = 'scheduled',
) => ({
  startsAt: at(start),
  endsAt: at(end),
  halfHours,
  teacherId,
  status,
  localDate: start.slice(0, 10),
});

describe('class hours', () => {
  it.each([
    [[80], 40, null, []],
    [[79], 40, null, ['CLASS_HOURS_BELOW_POLICY']],
    [[48], 24, 48, []],
    [[47], 24, 48, ['CLASS_HOURS_BELOW_POLICY', 'CLASS_HOURS_BELOW_PLAN']],
    [[41], 20, 48, ['CLASS_HOURS_BELOW_PLAN']],
    [[1], null, null, []],
  ])('sessions %j, policy %s h, plan %s half-hours → %j', (halves, policy, plan, codes) => {
    const sessions = halves.map((h) => ({ halfHours: h, status: 'scheduled' as const }));
    expect(
      hoursProblems(sessions, { policyHours: policy, planHalfHours: plan }).map((p) => p.code),
    ).toEqual(codes);
  });

  it('counts only scheduled sessions', () => {
    const sessions = [
      { halfHours: 40, status: 'scheduled' as const },
      { halfHours: 40, status: 'cancelled' as const },
    ];
    expect(
      hoursProblems(sessions, { policyHours: 40, planHalfHours: null }).map((p) => p.code),
    ).toEqual(['CLASS_HOURS_BELOW_POLICY']);
  });

  it.each([
    [3, '1.5'],
    [48, '24'],
    [1, '0.5'],
  ])('%i half-hours read %s 学时', (h, label) => {
    expect(hoursLabel(h)).toBe(label);
  });

  it.each([
    [16, 45, 360],
    [3, 45, 70],
    [1, 45, 25],
    [4, 60, 120],
  ])('%i half-hours of %i-minute class hours last %i minutes', (h, m, minutes) => {
    expect(sessionMinutes(h, m)).toBe(minutes);
  });
});

describe('a change of substance to an approved plan needs an amendment', () => {
  const bounds = {
    startDate: '2026-12-01',
    endDate: '2026-12-05',
    teacherIds: ['t1', 't2'],
    halfHours: 16,
  };
  it.each([
    ['the plan as it is', [s('2026-12-01T01:00:00Z', '2026-12-01T07:00:00Z', 16)], []],
    [
      'a session moved within the dates',
      [s('2026-12-05T01:00:00Z', '2026-12-05T07:00:00Z', 16)],
      [],
    ],
    [
      'a session before the plan starts',
      [s('2026-11-30T01:00:00Z', '2026-11-30T07:00:00Z', 16)],
      ['sessions[0].date'],
    ],
    [
      'a session after the plan ends',
      [s('2026-12-06T01:00:00Z', '2026-12-06T07:00:00Z', 16)],
      ['sessions[0].date'],
    ],
    [
      'another teacher of the plan',
      [s('2026-12-01T01:00:00Z', '2026-12-01T07:00:00Z', 16, 't2')],
      [],
    ],
    [
      'a teacher the plan does not name',
      [s('2026-12-01T01:00:00Z', '2026-12-01T07:00:00Z', 16, 't9')],
      ['sessions[0].teacherId'],
    ],
    ['fewer hours', [s('2026-12-01T01:00:00Z', '2026-12-01T05:00:00Z', 15)], ['sessions']],
    [
      'a session cancelled',
      [s('2026-12-01T01:00:00Z', '2026-12-01T07:00:00Z', 16, 't1', 'cancelled')],
      ['sessions'],
    ],
    [
      'more hours',
      [
        s('2026-12-01T01:00:00Z', '2026-12-01T07:00:00Z', 16),
        s('2026-12-02T01:00:00Z', '2026-12-02T03:00:00Z', 4),
      ],
      [],
    ],
  ])('%s', (_what, sessions, fields) => {
    const problems = substanceProblems(bounds, sessions);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) expect(p.code).toBe('PLAN_AMENDMENT_REQUIRED');
  });
});

describe('sessions of one class', () => {
  it.each([
    [
      'apart',
      [
        s('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z'),
        s('2026-12-01T04:00:00Z', '2026-12-01T06:00:00Z'),
      ],
      0,
    ],
    [
      'touching',
      [
        s('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z'),
        s('2026-12-01T03:00:00Z', '2026-12-01T06:00:00Z'),
      ],
      0,
    ],
    [
      'overlapping',
      [
        s('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z'),
        s('2026-12-01T02:00:00Z', '2026-12-01T06:00:00Z'),
      ],
      1,
    ],
    [
      'overlapping one cancelled',
      [
        s('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z'),
        s('2026-12-01T02:00:00Z', '2026-12-01T06:00:00Z', 8, 't1', 'cancelled'),
      ],
      0,
    ],
  ])('%s → %i problems', (_what, sessions, n) => {
    expect(overlapProblems(sessions)).toHaveLength(n);
  });
});

describe('rooms', () => {
  it.each([
    ['东城区社区学院', '301 教室', '东城区社区学院', '301教室', true],
    ['东城区社区学院', 'Room A', '东城区社区学院', 'room a', true],
    ['东城区社区学院', '３０１', '东城区社区学院', '301', true],
    ['东城区社区学院', '301', '西城区社区学院', '301', false],
  ])('%s/%s is %s/%s: %s', (l1, r1, l2, r2, same) => {
    expect(roomKey(l1, r1) === roomKey(l2, r2)).toBe(same);
  });
  it('a session without a room books none', () => {
    expect(roomKey('东城区社区学院', '  ')).toBeNull();
  });
});

describe('class settings and status', () => {
  const base = {
    capacity: 50,
    taken: 10,
    enrolOpensAt: at('2026-11-01T00:00:00Z'),
    enrolClosesAt: at('2026-12-01T00:00:00Z'),
    feeFen: 0,
    feeAllowed: false,
  };
  it.each([
    ['as they are', {}, []],
    [
      'a window that closes before it opens',
      { enrolClosesAt: at('2026-10-01T00:00:00Z') },
      ['ENROLMENT_WINDOW_INVALID'],
    ],
    ['fewer places than taken', { capacity: 9 }, ['CAPACITY_BELOW_TAKEN']],
    ['a fee for a mandatory type (Art. 23)', { feeFen: 100 }, ['FEE_NOT_ALLOWED']],
    ['a fee for an elective', { feeFen: 100, feeAllowed: true }, []],
  ])('%s', (_what, over, codes) => {
    expect(settingsProblems({ ...base, ...over }).map((p) => p.code)).toEqual(codes);
  });

  it.each([
    ['draft', 'publish', true],
    ['open', 'publish', false],
    ['open', 'schedule', true],
    ['cancelled', 'schedule', false],
    ['cancelled', 'cancel', false],
    ['draft', 'cancel', true],
  ] as const)('%s: %s allowed %s', (status, action, ok) => {
    expect(classActionAllowed(status, action)).toBe(ok);
  });

  it.each([
    ['open, inside the window', 'open', '2026-11-15T00:00:00Z', true],
    ['open, after the window', 'open', '2026-12-01T00:00:00Z', false],
    ['a draft', 'draft', '2026-11-15T00:00:00Z', false],
  ] as const)('enrolment %s: %s', (_what, status, now, open) => {
    expect(enrolmentOpen({ ...base, status }, at(now))).toBe(open);
  });
});
