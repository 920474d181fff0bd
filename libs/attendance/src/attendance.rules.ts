import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttendanceRules } from '@peixun/policy';

/** Pure rules of attendance (考勤, issue 10): marks, hours credited, check-in tokens. Table-tested. */

export const MARK_STATUSES = ['present', 'late', 'left_early', 'leave', 'absent'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];
export const MARK_LABELS: Record<MarkStatus, string> = {
  present: '出勤',
  late: '迟到',
  left_early: '早退',
  leave: '请假',
  absent: '缺勤',
};
/** The one-character codes of the paper sheet (and its Excel twin). */
export const SHEET_CODES: Record<MarkStatus, string> = {
  present: '√',
  late: '迟',
  left_early: '退',
  leave: '假',
  absent: '×',
};

export interface Mark {
  status: MarkStatus;
  /** Minutes after the start the trainee arrived (0 when on time). */
  minutesLate: number;
  /** Minutes before the end the trainee left (0 when they stayed). */
  minutesEarly: number;
}

export interface SessionClock {
  startsAt: Date;
  endsAt: Date;
  halfHours: number;
}

export interface Thresholds {
  lateThresholdMinutes: number;
  earlyThresholdMinutes: number;
  beyondThreshold: 'pro_rata' | 'none';
}

const minutesOf = (s: SessionClock): number =>
  Math.max(1, Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000));

/** A class may tighten the policy's thresholds, never loosen them. */
export function effectiveThresholds(
  rules: AttendanceRules,
  classOverrides: {
    lateThresholdMinutes?: number | null;
    earlyThresholdMinutes?: number | null;
  } = {},
): Thresholds {
  const tighter = (policy: number, own: number | null | undefined): number =>
    own === null || own === undefined ? policy : Math.min(policy, Math.max(0, own));
  return {
    lateThresholdMinutes: tighter(rules.lateThresholdMinutes, classOverrides.lateThresholdMinutes),
    earlyThresholdMinutes: tighter(
      rules.earlyThresholdMinutes,
      classOverrides.earlyThresholdMinutes,
    ),
    beyondThreshold: rules.beyondThreshold,
  };
}

/**
 * The class hours (in halves) a mark earns: full when present; when late or leaving early,
 * full within the thresholds, else for the minutes attended (pro rata, rounded down to a
 * half hour) or none, as the policy says; none when absent or on leave.
 */
export function creditedHalfHours(t: Thresholds, s: SessionClock, m: Mark): number {
  switch (m.status) {
    case 'absent':
    case 'leave':
      return 0;
    case 'present':
      return s.halfHours;
    case 'late':
    case 'left_early': {
      const late = Math.max(0, m.minutesLate);
      const early = Math.max(0, m.minutesEarly);
      if (late <= t.lateThresholdMinutes && early <= t.earlyThresholdMinutes) return s.halfHours;
      if (t.beyondThreshold === 'none') return 0;
      const total = minutesOf(s);
      const attended = Math.max(0, total - late - early);
      return Math.floor((s.halfHours * attended) / total);
    }
  }
}

/** The mark that check-in and check-out times give (a late arrival that also leaves early is `late`). */
export function markFromTimes(s: SessionClock, checkInAt: Date, checkOutAt: Date | null): Mark {
  const minutesLate = Math.max(
    0,
    Math.floor((checkInAt.getTime() - s.startsAt.getTime()) / 60_000),
  );
  const minutesEarly = checkOutAt
    ? Math.max(0, Math.floor((s.endsAt.getTime() - checkOutAt.getTime()) / 60_000))
    : 0;
  const status: MarkStatus = minutesLate > 0 ? 'late' : minutesEarly > 0 ? 'left_early' : 'present';
  return { status, minutesLate, minutesEarly };
}

/** Why a check-in at `at` is refused, or null: the window opens before the start and closes at the end. */
export function checkInWindowProblem(
  rules: AttendanceRules,
  s: SessionClock,
  at: Date,
  direction: 'in' | 'out',
): 'CHECKIN_NOT_OPEN_YET' | 'CHECKIN_CLOSED' | null {
  const opens = s.startsAt.getTime() - rules.checkInOpensMinutesBefore * 60_000;
  const closes =
    direction === 'in'
      ? s.endsAt.getTime()
      : s.endsAt.getTime() + rules.checkOutClosesMinutesAfter * 60_000;
  if (at.getTime() < opens) return 'CHECKIN_NOT_OPEN_YET';
  if (at.getTime() > closes) return 'CHECKIN_CLOSED';
  return null;
}

/** Whether a mark may still be corrected (after the session ended, within the window). */
export function correctionAllowed(rules: AttendanceRules, s: SessionClock, now: Date): boolean {
  return now.getTime() <= s.endsAt.getTime() + rules.correctionWindowDays * 86_400_000;
}

// -- rotating check-in tokens -------------------------------------------------------------

/** The time slot of an instant: tokens are derived from (session, slot), so rotation writes nothing. */
export const slotOf = (at: Date, periodSeconds: number): number =>
  Math.floor(at.getTime() / 1000 / periodSeconds);

const mac = (key: Buffer, sessionId: string, slot: number): Buffer =>
  createHmac('sha256', key).update(`checkin:${sessionId}:${slot}`).digest();

/**
 * The MACs of slots that are current, per key: every trainee of a session checks in against
 * the same one or two, so each is computed once per slot instead of once per check-in. Only
 * current slots are kept (a token naming any other is refused whatever it holds), at most
 * CURRENT_KEPT, which bounds the memory whatever the tokens sent.
 */
const currentMacs = new WeakMap<Buffer, Map<string, Buffer>>();
const CURRENT_KEPT = 20_000;
function currentMac(key: Buffer, sessionId: string, slot: number): Buffer {
  let byKey = currentMacs.get(key);
  if (!byKey) currentMacs.set(key, (byKey = new Map<string, Buffer>()));
  const id = `${sessionId}:${slot}`;
  let m = byKey.get(id);
  if (!m) {
    if (byKey.size >= CURRENT_KEPT) byKey.clear();
    byKey.set(id, (m = mac(key, sessionId, slot)));
  }
  return m;
}

/** `<slot>.<16 base64url characters>`: what the QR code's URL carries. */
export function checkInToken(key: Buffer, sessionId: string, slot: number): string {
  return `${slot}.${mac(key, sessionId, slot).subarray(0, 12).toString('base64url')}`;
}

/** A 6-digit code for trainees without a camera (same slots, shown under the QR code). */
export function checkInCode(key: Buffer, sessionId: string, slot: number): string {
  return codeOf(mac(key, sessionId, slot));
}

const codeOf = (m: Buffer): string => String(m.readUInt32BE(12) % 1_000_000).padStart(6, '0');

export type TokenVerdict =
  | { ok: true; slot: number }
  | { ok: false; reason: 'CHECKIN_TOKEN_INVALID' | 'CHECKIN_TOKEN_EXPIRED' };

/**
 * Whether a token is genuine for the session and was current at `at` (the scan time): its
 * slot must be that of `at` or the one before (a code seen just before it rotated).
 */
export function verifyToken(
  key: Buffer,
  sessionId: string,
  token: string,
  at: Date,
  periodSeconds: number,
): TokenVerdict {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!m) return { ok: false, reason: 'CHECKIN_TOKEN_INVALID' };
  const slot = Number(m[1]);
  const now = slotOf(at, periodSeconds);
  const current = slot <= now && slot >= now - 1;
  // a forged token is refused as invalid, a genuine old one as expired: the MAC decides first
  const expected = (current ? currentMac : mac)(key, sessionId, slot).subarray(0, 12);
  const given = Buffer.from(m[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'CHECKIN_TOKEN_INVALID' };
  }
  if (!current) return { ok: false, reason: 'CHECKIN_TOKEN_EXPIRED' };
  return { ok: true, slot };
}

/** Whether a typed code matches the session at `at` (this slot or the one before). */
export function verifyCode(
  key: Buffer,
  sessionId: string,
  code: string,
  at: Date,
  periodSeconds: number,
): boolean {
  const now = slotOf(at, periodSeconds);
  return [now, now - 1].some((slot) => {
    const expected = Buffer.from(codeOf(currentMac(key, sessionId, slot)));
    const given = Buffer.from(code);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

// -- completion ---------------------------------------------------------------------------

export interface Completion {
  /** Class hours (halves) credited so far. */
  creditedHalfHours: number;
  /** What the requirement asks (halves): the policy's minimum for the worker, else the class's hours. */
  requiredHalfHours: number;
  /** Sessions held so far, and those the trainee attended (present, late or left early). */
  sessionsHeld: number;
  sessionsAttended: number;
  /** Attended ÷ held (0..1, 3 decimals); 1 before any session has been held. */
  attendanceRate: number;
  met: boolean;
}

export function completion(
  marks: { held: boolean; status: MarkStatus | null; credited: number }[],
  requiredHalfHours: number,
): Completion {
  const held = marks.filter((m) => m.held);
  const attended = held.filter(
    (m) => m.status === 'present' || m.status === 'late' || m.status === 'left_early',
  );
  const credited = marks.reduce((a, m) => a + m.credited, 0);
  return {
    creditedHalfHours: credited,
    requiredHalfHours,
    sessionsHeld: held.length,
    sessionsAttended: attended.length,
    attendanceRate: held.length ? Math.round((attended.length / held.length) * 1000) / 1000 : 1,
    met: credited >= requiredHalfHours,
  };
}
