import { METHODS, Method } from '@peixun/planning';
import type { TrainingType } from '@peixun/policy';

/** Pure rules of classes (班次) and their sessions (课次): no I/O, table-tested. */

export const CLASS_ORIGINS = ['plan', 'municipal', 'street'] as const;
export type ClassOrigin = (typeof CLASS_ORIGINS)[number];
export const CLASS_STATUSES = ['draft', 'open', 'cancelled'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];
/** A policy training type, or a street's own business and policy training (Art. 19). */
export type ClassType = TrainingType | 'street';
export const SESSION_METHODS = METHODS;
export type SessionMethod = Method;
export type SessionStatus = 'scheduled' | 'cancelled';

export type ClassAction = 'edit' | 'publish' | 'cancel' | 'schedule';

const ALLOWED: Record<ClassAction, readonly ClassStatus[]> = {
  edit: ['draft', 'open'],
  publish: ['draft'],
  cancel: ['draft', 'open'],
  schedule: ['draft', 'open'],
};

export function classActionAllowed(status: ClassStatus, action: ClassAction): boolean {
  return ALLOWED[action].includes(status);
}

/** A session as the rules see it. */
export interface SessionFacts {
  id?: string;
  startsAt: Date;
  endsAt: Date;
  halfHours: number;
  teacherId: string | null;
  status: SessionStatus;
}

export interface ClassProblem {
  field: string;
  code: string;
  message: string;
}

export const scheduled = <S extends { status: SessionStatus }>(sessions: S[]): S[] =>
  sessions.filter((s) => s.status === 'scheduled');

export const totalHalfHours = (sessions: { halfHours: number; status: SessionStatus }[]): number =>
  scheduled(sessions).reduce((a, s) => a + s.halfHours, 0);

/** 3 -> "1.5"; 48 -> "24". */
export const hoursLabel = (halfHours: number): string =>
  halfHours % 2 ? (halfHours / 2).toFixed(1) : String(halfHours / 2);

/**
 * The class's hours may not fall below its plan's nor the policy's minimum for its
 * target group (Art. 7-9).
 */
export function hoursProblems(
  sessions: { halfHours: number; status: SessionStatus }[],
  minimums: { planHalfHours: number | null; policyHours: number | null },
): ClassProblem[] {
  const have = totalHalfHours(sessions);
  const out: ClassProblem[] = [];
  if (minimums.policyHours !== null && have < minimums.policyHours * 2) {
    out.push({
      field: 'sessions',
      code: 'CLASS_HOURS_BELOW_POLICY',
      message: `课时合计 ${hoursLabel(have)} 学时，低于政策规定的 ${minimums.policyHours} 学时 (below the policy minimum)`,
    });
  }
  if (minimums.planHalfHours !== null && have < minimums.planHalfHours) {
    out.push({
      field: 'sessions',
      code: 'CLASS_HOURS_BELOW_PLAN',
      message: `课时合计 ${hoursLabel(have)} 学时，低于项目计划书的 ${hoursLabel(minimums.planHalfHours)} 学时 (below the approved plan)`,
    });
  }
  return out;
}

/** What of an approved project plan a class may not change without an amendment (Art. 12). */
export interface PlanBounds {
  startDate: string;
  endDate: string;
  teacherIds: string[];
  halfHours: number;
}

/**
 * A change of substance to an approved plan — a session outside the plan's dates, a
 * teacher the plan does not name, fewer hours than the plan — needs an amendment of the
 * plan (approved by the bureau) first.
 */
export function substanceProblems(
  bounds: PlanBounds,
  sessions: (SessionFacts & { localDate: string })[],
): ClassProblem[] {
  const out: ClassProblem[] = [];
  sessions.forEach((s, i) => {
    if (s.status !== 'scheduled') return;
    if (s.localDate < bounds.startDate || s.localDate > bounds.endDate) {
      out.push({
        field: `sessions[${i}].date`,
        code: 'PLAN_AMENDMENT_REQUIRED',
        message: `课次日期 ${s.localDate} 超出项目计划书的培训时间 ${bounds.startDate} 至 ${bounds.endDate}，须先申请变更计划书 (outside the plan's dates: amend the plan first)`,
      });
    }
    if (s.teacherId && !bounds.teacherIds.includes(s.teacherId)) {
      out.push({
        field: `sessions[${i}].teacherId`,
        code: 'PLAN_AMENDMENT_REQUIRED',
        message:
          '该教师不在项目计划书的师资名单中，须先申请变更计划书 (teacher not named by the plan: amend the plan first)',
      });
    }
  });
  const have = totalHalfHours(sessions);
  if (have < bounds.halfHours) {
    out.push({
      field: 'sessions',
      code: 'PLAN_AMENDMENT_REQUIRED',
      message: `减少课时（${hoursLabel(have)} < ${hoursLabel(bounds.halfHours)} 学时）须先申请变更计划书 (fewer hours than the plan: amend it first)`,
    });
  }
  return out;
}

/** Sessions of one class must not overlap each other. */
export function overlapProblems(sessions: SessionFacts[]): ClassProblem[] {
  const live = sessions
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.status === 'scheduled')
    .sort((a, b) => a.s.startsAt.getTime() - b.s.startsAt.getTime());
  const out: ClassProblem[] = [];
  for (let k = 1; k < live.length; k++) {
    if (live[k].s.startsAt < live[k - 1].s.endsAt) {
      out.push({
        field: `sessions[${live[k].i}]`,
        code: 'SESSIONS_OVERLAP',
        message: '本班次的两个课次时间重叠 (two sessions of the class overlap)',
      });
    }
  }
  return out;
}

/** Whether two sets of sessions overlap in time (a worker cannot be in two places at once). */
export function sessionsOverlap(
  a: { startsAt: Date; endsAt: Date }[],
  b: { startsAt: Date; endsAt: Date }[],
): boolean {
  return a.some((x) => b.some((y) => x.startsAt < y.endsAt && y.startsAt < x.endsAt));
}

/** The length of a session from its class hours (for sessions taken from a plan's timetable). */
export function sessionMinutes(halfHours: number, classHourMinutes: number): number {
  return Math.round((halfHours * classHourMinutes) / 2 / 5) * 5;
}

/**
 * What the room exclusion compares: the same room of the same place. Room names are
 * compared loosely (case, spaces, full-width digits), because people type them.
 */
export function roomKey(location: string, room: string | null | undefined): string | null {
  if (!room?.trim()) return null;
  const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  return `${norm(location)}|${norm(room)}`.slice(0, 200);
}

/** Enrolment is open now: the class is open and within its window. */
export function enrolmentOpen(
  c: { status: ClassStatus; enrolOpensAt: Date; enrolClosesAt: Date },
  now: Date,
): boolean {
  return c.status === 'open' && c.enrolOpensAt <= now && now < c.enrolClosesAt;
}

/** Checks of a class's own settings (window, capacity, fee), whatever its origin. */
export function settingsProblems(c: {
  capacity: number;
  taken: number;
  enrolOpensAt: Date;
  enrolClosesAt: Date;
  feeFen: number;
  feeAllowed: boolean;
}): ClassProblem[] {
  const out: ClassProblem[] = [];
  if (c.enrolClosesAt <= c.enrolOpensAt) {
    out.push({
      field: 'enrolClosesAt',
      code: 'ENROLMENT_WINDOW_INVALID',
      message: '报名截止时间须晚于开始时间 (the window closes before it opens)',
    });
  }
  if (c.capacity < c.taken) {
    out.push({
      field: 'capacity',
      code: 'CAPACITY_BELOW_TAKEN',
      message: `名额不能少于已报名人数 ${c.taken} (fewer places than already taken)`,
    });
  }
  if (c.feeFen > 0 && !c.feeAllowed) {
    out.push({
      field: 'feeFen',
      code: 'FEE_NOT_ALLOWED',
      message:
        '除职称类、学历类培训外，不得向社区工作者收取培训费用（第二十三条）(no fee for mandatory training, Art. 23)',
    });
  }
  return out;
}
