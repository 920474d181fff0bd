import { attendanceRules, BEIJING_2012, SHENYANG_2012, TrainingPolicy } from '@peixun/policy';
import { randomBytes } from 'node:crypto';
import {
  checkInCode,
  checkInToken,
  checkInWindowProblem,
  completion,
  correctionAllowed,
  creditedHalfHours,
  effectiveThresholds,
  Mark,
  markFromTimes,
  slotOf,
  verifyCode,
  verifyToken,
} from './attendance.rules';

const at = (iso: string): Date => new Date(iso);
// 09:00–12:00 (180 minutes), 4 class hours = 8 half-hours
const session = {
  startsAt: at('2026-12-01T01:00:00Z'),
  endsAt: at('2026-12-01T04:00:00Z'),
  halfHours: 8,
};
const strict: TrainingPolicy = {
  ...BEIJING_2012,
  id: 'strict',
  attendance: { beyondThreshold: 'none', lateThresholdMinutes: 10 },
};

describe.each([
  ['Beijing 2012', BEIJING_2012],
  ['Shenyang', SHENYANG_2012],
])('hours credited (%s: policy thresholds 15 / 15 minutes, pro rata beyond)', (_name, policy) => {
  const t = effectiveThresholds(attendanceRules(policy));
  it.each<[string, Mark, number]>([
    ['present', { status: 'present', minutesLate: 0, minutesEarly: 0 }, 8],
    ['absent', { status: 'absent', minutesLate: 0, minutesEarly: 0 }, 0],
    ['on leave', { status: 'leave', minutesLate: 0, minutesEarly: 0 }, 0],
    ['late 1 minute', { status: 'late', minutesLate: 1, minutesEarly: 0 }, 8],
    ['late 15 minutes (the threshold)', { status: 'late', minutesLate: 15, minutesEarly: 0 }, 8],
    ['late 16 minutes', { status: 'late', minutesLate: 16, minutesEarly: 0 }, 7],
    ['late 45 minutes', { status: 'late', minutesLate: 45, minutesEarly: 0 }, 6],
    [
      'late 180 minutes (the whole session)',
      { status: 'late', minutesLate: 180, minutesEarly: 0 },
      0,
    ],
    ['late more than the session', { status: 'late', minutesLate: 500, minutesEarly: 0 }, 0],
    [
      'left 15 minutes early (the threshold)',
      { status: 'left_early', minutesLate: 0, minutesEarly: 15 },
      8,
    ],
    ['left 16 minutes early', { status: 'left_early', minutesLate: 0, minutesEarly: 16 }, 7],
    ['left 90 minutes early', { status: 'left_early', minutesLate: 0, minutesEarly: 90 }, 4],
    [
      'late 10 and left 10 early (each within)',
      { status: 'late', minutesLate: 10, minutesEarly: 10 },
      8,
    ],
    ['late 10 and left 20 early', { status: 'late', minutesLate: 10, minutesEarly: 20 }, 6],
  ])('%s → %i half-hours', (_what, mark, halves) => {
    expect(creditedHalfHours(t, session, mark)).toBe(halves);
  });
});

describe('a stricter policy version (none beyond a 10-minute threshold) and a class that tightens it', () => {
  it.each<[string, Parameters<typeof effectiveThresholds>[1], Mark, number]>([
    [
      'late 10 minutes, policy threshold',
      {},
      { status: 'late', minutesLate: 10, minutesEarly: 0 },
      8,
    ],
    ['late 11 minutes: nothing', {}, { status: 'late', minutesLate: 11, minutesEarly: 0 }, 0],
    [
      'left 15 early (the default early threshold stays)',
      {},
      { status: 'left_early', minutesLate: 0, minutesEarly: 15 },
      8,
    ],
    [
      'a class tightening lateness to 5: late 6',
      { lateThresholdMinutes: 5 },
      { status: 'late', minutesLate: 6, minutesEarly: 0 },
      0,
    ],
    [
      'a class trying to loosen it to 30: late 11',
      { lateThresholdMinutes: 30 },
      { status: 'late', minutesLate: 11, minutesEarly: 0 },
      0,
    ],
    [
      'a class tightening early leaving to 0: left 1 early',
      { earlyThresholdMinutes: 0 },
      { status: 'left_early', minutesLate: 0, minutesEarly: 1 },
      0,
    ],
  ])('%s', (_what, overrides, mark, halves) => {
    expect(
      creditedHalfHours(effectiveThresholds(attendanceRules(strict), overrides), session, mark),
    ).toBe(halves);
  });
});

describe('marks from check-in times', () => {
  it.each<[string, string, string | null, Mark]>([
    [
      'in before the start',
      '2026-12-01T00:50:00Z',
      null,
      { status: 'present', minutesLate: 0, minutesEarly: 0 },
    ],
    [
      'in 59 seconds after the start',
      '2026-12-01T01:00:59Z',
      null,
      { status: 'present', minutesLate: 0, minutesEarly: 0 },
    ],
    [
      'in 20 minutes late',
      '2026-12-01T01:20:00Z',
      null,
      { status: 'late', minutesLate: 20, minutesEarly: 0 },
    ],
    [
      'out 30 minutes early',
      '2026-12-01T00:55:00Z',
      '2026-12-01T03:30:00Z',
      { status: 'left_early', minutesLate: 0, minutesEarly: 30 },
    ],
    [
      'late and early',
      '2026-12-01T01:05:00Z',
      '2026-12-01T03:50:00Z',
      { status: 'late', minutesLate: 5, minutesEarly: 10 },
    ],
    [
      'out after the end',
      '2026-12-01T00:55:00Z',
      '2026-12-01T04:10:00Z',
      { status: 'present', minutesLate: 0, minutesEarly: 0 },
    ],
  ])('%s', (_what, inAt, outAt, mark) => {
    expect(markFromTimes(session, at(inAt), outAt ? at(outAt) : null)).toEqual(mark);
  });
});

describe('the check-in window', () => {
  const rules = attendanceRules(BEIJING_2012);
  it.each<[string, string, 'in' | 'out', string | null]>([
    ['31 minutes before the start', '2026-12-01T00:29:00Z', 'in', 'CHECKIN_NOT_OPEN_YET'],
    ['30 minutes before the start', '2026-12-01T00:30:00Z', 'in', null],
    ['at the end', '2026-12-01T04:00:00Z', 'in', null],
    ['after the end', '2026-12-01T04:00:01Z', 'in', 'CHECKIN_CLOSED'],
    ['a check-out 30 minutes after the end', '2026-12-01T04:30:00Z', 'out', null],
    ['a check-out 31 minutes after the end', '2026-12-01T04:31:00Z', 'out', 'CHECKIN_CLOSED'],
    ['a future session (tomorrow)', '2026-11-30T01:00:00Z', 'in', 'CHECKIN_NOT_OPEN_YET'],
  ])('%s → %s', (_what, when, dir, problem) => {
    expect(checkInWindowProblem(rules, session, at(when), dir)).toBe(problem);
  });

  it.each([
    ['7 days after the end', '2026-12-08T04:00:00Z', true],
    ['a minute later', '2026-12-08T04:01:00Z', false],
  ])('corrections %s: %s', (_what, when, ok) => {
    expect(correctionAllowed(rules, session, at(when))).toBe(ok);
  });
});

describe('rotating tokens', () => {
  const key = randomBytes(32);
  const period = 30;
  const now = at('2026-12-01T01:10:05Z');
  const slot = slotOf(now, period);

  it.each<[string, () => [string, string, Date], string | null]>([
    ['this slot', () => ['s1', checkInToken(key, 's1', slot), now], null],
    ['the slot before (just rotated)', () => ['s1', checkInToken(key, 's1', slot - 1), now], null],
    [
      'two slots old (a photo sent on)',
      () => ['s1', checkInToken(key, 's1', slot - 2), now],
      'CHECKIN_TOKEN_EXPIRED',
    ],
    [
      'from the future',
      () => ['s1', checkInToken(key, 's1', slot + 1), now],
      'CHECKIN_TOKEN_EXPIRED',
    ],
    [
      'of another session',
      () => ['s1', checkInToken(key, 's2', slot), now],
      'CHECKIN_TOKEN_INVALID',
    ],
    [
      'made with another key',
      () => ['s1', checkInToken(randomBytes(32), 's1', slot), now],
      'CHECKIN_TOKEN_INVALID',
    ],
    ['forged', () => ['s1', `${slot}.AAAAAAAAAAAAAAAA`, now], 'CHECKIN_TOKEN_INVALID'],
    ['malformed', () => ['s1', 'hello', now], 'CHECKIN_TOKEN_INVALID'],
    [
      'scanned offline an hour ago, checked at the scan time',
      () => ['s1', checkInToken(key, 's1', slot - 120), new Date(now.getTime() - 3600_000)],
      null,
    ],
  ])('a token %s', (_what, make, reason) => {
    const [sessionId, token, when] = make();
    const v = verifyToken(key, sessionId, token, when, period);
    expect(v.ok ? null : v.reason).toBe(reason);
  });

  it('keeps the current slots’ codes: the same verdicts again, and a forged or other-key token refused once a genuine one was checked', () => {
    const genuine = checkInToken(key, 's3', slot);
    for (let i = 0; i < 3; i++) expect(verifyToken(key, 's3', genuine, now, period).ok).toBe(true);
    const other = randomBytes(32);
    expect(verifyToken(other, 's3', genuine, now, period)).toEqual({
      ok: false,
      reason: 'CHECKIN_TOKEN_INVALID',
    });
    expect(verifyToken(other, 's3', checkInToken(other, 's3', slot), now, period).ok).toBe(true);
    const tampered = `${slot}.${genuine.slice(-16, -1)}${genuine.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyToken(key, 's3', tampered, now, period)).toEqual({
      ok: false,
      reason: 'CHECKIN_TOKEN_INVALID',
    });
    // a genuine token of a slot that was current once: expired later, whatever was kept
    expect(
      verifyToken(key, 's3', genuine, new Date(now.getTime() + 2 * period * 1000), period),
    ).toEqual({
      ok: false,
      reason: 'CHECKIN_TOKEN_EXPIRED',
    });
  });

  it('a 6-digit code for the slot (and the one before) of its session only', () => {
    const code = checkInCode(key, 's1', slot);
    expect(code).toMatch(/^\d{6}$/);
    expect(verifyCode(key, 's1', code, now, period)).toBe(true);
    expect(verifyCode(key, 's1', code, new Date(now.getTime() + period * 1000), period)).toBe(true);
    expect(verifyCode(key, 's1', code, new Date(now.getTime() + 2 * period * 1000), period)).toBe(
      false,
    );
    expect(verifyCode(key, 's2', code, now, period)).toBe(checkInCode(key, 's2', slot) === code);
  });
});

describe('completion', () => {
  it.each<
    [
      string,
      { held: boolean; status: Mark['status'] | null; credited: number }[],
      number,
      Partial<ReturnType<typeof completion>>,
    ]
  >([
    [
      'nothing held yet',
      [{ held: false, status: null, credited: 0 }],
      80,
      { sessionsHeld: 0, attendanceRate: 1, met: false },
    ],
    [
      'all attended',
      [
        { held: true, status: 'present', credited: 40 },
        { held: true, status: 'late', credited: 40 },
      ],
      80,
      { creditedHalfHours: 80, attendanceRate: 1, met: true },
    ],
    [
      'one missed',
      [
        { held: true, status: 'present', credited: 40 },
        { held: true, status: 'absent', credited: 0 },
      ],
      80,
      { creditedHalfHours: 40, attendanceRate: 0.5, met: false },
    ],
    [
      'leave counts as not attended',
      [
        { held: true, status: 'leave', credited: 0 },
        { held: true, status: 'present', credited: 48 },
        { held: true, status: 'present', credited: 40 },
      ],
      80,
      { attendanceRate: 0.667, met: true },
    ],
  ])('%s', (_what, marks, required, expected) => {
    expect(completion(marks, required)).toMatchObject(expected);
  });
});
