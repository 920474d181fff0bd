import type { ClassOrigin, ClassStatus, ClassType } from '@peixun/classes';
import type { EnrolmentRules, TrainingPolicy } from '@peixun/policy';

/** Pure rules of enrolment (issue 9): who may take a place in which class. Table-tested. */

export const ENROLLMENT_STATUSES = [
  'pending',
  'enrolled',
  'waitlisted',
  'offered',
  'withdrawn',
  'declined',
  'expired',
  'cancelled',
] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
/**
 * Entries that hold a place or a place in line: a worker has at most one per class.
 * `pending`: written, not yet settled (a place or the waitlist) — for a moment only.
 */
export const ACTIVE_STATUSES: readonly EnrollmentStatus[] = [
  'pending',
  'enrolled',
  'waitlisted',
  'offered',
];
/** Entries that hold or may hold a place: they count for schedule clashes and projects. */
export const CLAIMING_STATUSES: readonly EnrollmentStatus[] = ['pending', 'enrolled', 'offered'];
/** Entries that hold a place (count against the capacity). */
export const PLACE_STATUSES: readonly EnrollmentStatus[] = ['enrolled', 'offered'];

export type EnrollmentSource = 'self' | 'bulk' | 'nomination';

/** Stable refusal codes: each names the rule (clients and tests match on them). */
export const RefusalCode = {
  WORKER_NOT_ACTIVE: 'WORKER_NOT_ACTIVE',
  CLASS_NOT_OPEN: 'CLASS_NOT_OPEN',
  ENROLMENT_NOT_STARTED: 'ENROLMENT_NOT_STARTED',
  ENROLMENT_CLOSED: 'ENROLMENT_CLOSED',
  OUTSIDE_CLASS_AREA: 'OUTSIDE_CLASS_AREA',
  NOT_IN_TARGET_GROUP: 'NOT_IN_TARGET_GROUP',
  INDUCTION_NOT_NEW: 'INDUCTION_NOT_NEW',
  INDUCTION_ALREADY_DONE: 'INDUCTION_ALREADY_DONE',
  CONTINUING_NOT_QUALIFIED: 'CONTINUING_NOT_QUALIFIED',
  ADVANCED_BY_NOMINATION_ONLY: 'ADVANCED_BY_NOMINATION_ONLY',
  ALREADY_IN_CLASS: 'ALREADY_IN_CLASS',
  ALREADY_IN_PROJECT: 'ALREADY_IN_PROJECT',
  SCHEDULE_CLASH: 'SCHEDULE_CLASH',
  FEE_NOT_CONFIRMED: 'FEE_NOT_CONFIRMED',
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export interface EligibilityWorker {
  status: string;
  positionTier: string;
  entryChannel: string;
  /** YYYY-MM-DD: started community work. */
  startedOn: string;
  qualification: string;
  districtId: string;
  streetId: string;
}

export interface EligibilityClass {
  id: string;
  origin: ClassOrigin;
  type: ClassType;
  status: ClassStatus;
  enrolOpensAt: Date;
  enrolClosesAt: Date;
  targetTiers: string[];
  targetChannels: string[];
  districtId: string | null;
  streetId: string | null;
  feeFen: number;
  /** The city plan's project (two places in one project are refused). */
  planProjectId: string | null;
  sessions: { startsAt: Date; endsAt: Date }[];
}

/** A place the worker already holds (enrolled or offered) in another class. */
export interface HeldPlace {
  classId: string;
  title: string;
  planProjectId: string | null;
  sessions: { startsAt: Date; endsAt: Date }[];
}

export interface EligibilityContext {
  now: Date;
  /** YYYY-MM-DD on the region's clock. */
  today: string;
  policy: TrainingPolicy;
  rules: EnrolmentRules;
  /** The worker holds an active entry (any status that counts) in this class. */
  inThisClass: boolean;
  held: HeldPlace[];
  /** Induction completed: a place in an induction class that has ended. */
  inductionDone: boolean;
  /** The worker's advanced-study nomination for the class's year was accepted. */
  nominationAccepted: boolean;
  /** How the place is asked for: advanced study is entered by nomination only. */
  via: 'self' | 'admin' | 'nomination';
  /** The fee the worker confirmed having seen (elective classes). */
  confirmedFeeFen: number | null;
}

const LABEL: Record<string, string> = {
  head: '正职',
  deputy: '副职',
  staff: '一般工作人员',
  elected: '选任',
  recruited_citywide: '全市统一公开招录',
  recruited_other: '其他招录',
};

/** Months between two YYYY-MM-DD dates, counting only whole months. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}

const overlaps = (
  a: { startsAt: Date; endsAt: Date }[],
  b: { startsAt: Date; endsAt: Date }[],
): boolean => a.some((x) => b.some((y) => x.startsAt < y.endsAt && y.startsAt < x.endsAt));

/**
 * Whether the worker may take a place in the class now, or the rule that refuses it
 * (the first that applies, in the order a person would check them).
 */
export function eligibility(
  w: EligibilityWorker,
  c: EligibilityClass,
  ctx: EligibilityContext,
): Refusal | null {
  const refuse = (code: RefusalCode, message: string): Refusal => ({ code, message });
  if (w.status !== 'active')
    return refuse('WORKER_NOT_ACTIVE', '该社区工作者不在职，不能报名 (the worker is not serving)');
  if (c.status !== 'open')
    return refuse('CLASS_NOT_OPEN', '该班次未开放报名 (the class is not open)');
  if (ctx.now < c.enrolOpensAt)
    return refuse('ENROLMENT_NOT_STARTED', '报名尚未开始 (enrolment has not started)');
  if (ctx.now >= c.enrolClosesAt)
    return refuse('ENROLMENT_CLOSED', '报名已截止 (enrolment has closed)');
  if (ctx.inThisClass)
    return refuse(
      'ALREADY_IN_CLASS',
      '已报名或在候补名单中 (already enrolled or waiting in this class)',
    );
  if (
    (c.origin === 'plan' && c.districtId !== w.districtId) ||
    (c.origin === 'street' && c.streetId !== w.streetId)
  ) {
    return refuse(
      'OUTSIDE_CLASS_AREA',
      c.origin === 'street'
        ? '该班次为其他街道的业务培训 (a training of another street)'
        : '该班次面向其他区的社区工作者 (a class for another district)',
    );
  }
  if (c.targetTiers.length && !c.targetTiers.includes(w.positionTier)) {
    return refuse(
      'NOT_IN_TARGET_GROUP',
      `该班次面向${c.targetTiers.map((t) => LABEL[t] ?? t).join('、')}，您的岗位层级为${LABEL[w.positionTier] ?? w.positionTier} (not for your tier)`,
    );
  }
  if (c.targetChannels.length && !c.targetChannels.includes(w.entryChannel)) {
    return refuse(
      'NOT_IN_TARGET_GROUP',
      `该班次面向${c.targetChannels.map((t) => LABEL[t] ?? t).join('、')}人员 (not for your entry channel)`,
    );
  }
  switch (c.type) {
    case 'induction': {
      const months = wholeMonthsBetween(w.startedOn, ctx.today);
      if (months >= ctx.rules.inductionWindowMonths) {
        return refuse(
          'INDUCTION_NOT_NEW',
          `初任培训面向新从事社区工作的人员（入职 ${ctx.rules.inductionWindowMonths} 个月内），您于 ${w.startedOn} 开始社区工作 (induction is for new workers)`,
        );
      }
      if (ctx.inductionDone)
        return refuse('INDUCTION_ALREADY_DONE', '您已完成初任培训 (induction already completed)');
      break;
    }
    case 'continuing':
      if (w.qualification === 'none') {
        return refuse(
          'CONTINUING_NOT_QUALIFIED',
          '继续教育培训面向持有社会工作者职业资格的社区工作者 (for holders of a social-work qualification)',
        );
      }
      break;
    case 'advanced':
      if (ctx.via !== 'nomination' || !ctx.nominationAccepted) {
        return refuse(
          'ADVANCED_BY_NOMINATION_ONLY',
          '进修培训经区县推荐、市民政局确认后参加，不能自行报名 (by nomination only, Art. 9)',
        );
      }
      break;
    default:
      break;
  }
  if (c.planProjectId) {
    const same = ctx.held.find((h) => h.planProjectId === c.planProjectId);
    if (same) {
      return refuse(
        'ALREADY_IN_PROJECT',
        `您已在同一培训项目的班次「${same.title}」中 (already holding a place in this project)`,
      );
    }
  }
  const clash = ctx.held.find((h) => overlaps(h.sessions, c.sessions));
  if (clash) {
    return refuse(
      'SCHEDULE_CLASH',
      `与您已报名的班次「${clash.title}」上课时间冲突 (sessions overlap with another class)`,
    );
  }
  if (c.feeFen > 0 && ctx.confirmedFeeFen !== c.feeFen) {
    return refuse(
      'FEE_NOT_CONFIRMED',
      `该班次收费 ${(c.feeFen / 100).toFixed(2)} 元，请确认费用后报名 (confirm the fee to enrol)`,
    );
  }
  return null;
}

/** The next status of an entry, or null when the action is not allowed from the current one. */
export type EntryAction = 'withdraw' | 'accept' | 'decline' | 'expire' | 'cancel';
const MOVES: Record<EntryAction, Partial<Record<EnrollmentStatus, EnrollmentStatus>>> = {
  withdraw: { enrolled: 'withdrawn', waitlisted: 'withdrawn', offered: 'withdrawn' },
  accept: { offered: 'enrolled' },
  decline: { offered: 'declined' },
  expire: { offered: 'expired' },
  cancel: {
    pending: 'cancelled',
    enrolled: 'cancelled',
    waitlisted: 'cancelled',
    offered: 'cancelled',
  },
};
export function entryTransition(
  from: EnrollmentStatus,
  action: EntryAction,
): EnrollmentStatus | null {
  return MOVES[action][from] ?? null;
}

/** Whether leaving this entry frees a place that the next in line should be offered. */
export function freesPlace(from: EnrollmentStatus, classStarted: boolean): boolean {
  return PLACE_STATUSES.includes(from) && !classStarted;
}
