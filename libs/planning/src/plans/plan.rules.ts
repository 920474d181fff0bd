import {
  courseMinimumHours,
  TrainingPolicy,
  TrainingType,
  workerMayBeCharged,
} from '@peixun/policy';

/**
 * Project plans (培训项目计划书, Art. 12, 18) go through approval:
 * draft → submitted → approved | returned (with comments) → resubmitted …
 * An approved plan is filed (备案) and locked; a change after approval is an
 * amendment: a new draft that replaces the approved plan once it is approved.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type PlanAction = 'edit' | 'submit' | 'approve' | 'return' | 'amend';

const ALLOWED: Record<PlanAction, readonly PlanStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  amend: ['approved'],
};
const RESULT: Partial<Record<PlanAction, PlanStatus>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
};

/** The plan's status after the action (amend leaves the approved plan as it is), or null if not allowed. */
export function planTransition(from: PlanStatus, action: PlanAction): PlanStatus | null {
  if (!ALLOWED[action].includes(from)) return null;
  return RESULT[action] ?? from;
}

export const METHODS = ['lecture', 'case_teaching', 'simulation', 'site_visit', 'online'] as const;
export type Method = (typeof METHODS)[number];
export const PAYERS = ['municipal', 'district', 'worker'] as const;
export type Payer = (typeof PAYERS)[number];

export interface PlanSession {
  date: string;
  startTime: string;
  /** Class hours in halves (1.5 class hours = 3). */
  halfHours: number;
  topic: string;
  teacherId: string | null;
}

export interface CostItem {
  item: string;
  /** Amount in fen (分). */
  amountFen: number;
  payer: Payer;
}

export interface PlanProblem {
  field: string;
  code: string;
  message: string;
}

export interface PlanFacts {
  type: TrainingType;
  year: number;
  target: { entryChannels: string[]; positionTiers: string[] };
  startDate: string;
  endDate: string;
  sessions: PlanSession[];
  costItems: CostItem[];
  teacherIds: string[];
  /** Of the plan's teachers, those who teach for the commissioned institution. */
  teachersOfInstitution: Set<string>;
  /** Of the plan's teachers, those who currently consent to be listed in the pool. */
  teachersConsenting: Set<string>;
  /**
   * Teachers the plan already named before (an amendment: those of the approved
   * plan it amends). Keeping them is no new selection, so consent is not asked again.
   */
  teachersNamedBefore: Set<string>;
  institutionCommissionable: boolean;
  /** Art. 12: a plan names its teachers and its materials. */
  hasMaterials: boolean;
  /** This plan's places, the project's planned places city-wide, and those other plans already hold. */
  places: number;
  plannedPlaces: number;
  placesTaken: number;
}

export const totalHalfHours = (sessions: PlanSession[]): number =>
  sessions.reduce((s, x) => s + x.halfHours, 0);

/**
 * What stops a plan from being submitted: too few class hours for the
 * policy's minimum, a charge to workers for a type they may not be charged for
 * (Art. 23), sessions outside the plan's dates, teachers who do not teach for
 * the institution or (newly named) do not consent to be listed in the pool, an
 * institution that is not filed.
 */
export function planProblems(policy: TrainingPolicy, f: PlanFacts): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const min = courseMinimumHours(policy, f.type, f.target);
  const hours = totalHalfHours(f.sessions) / 2;
  if (!f.sessions.length)
    problems.push({ field: 'sessions', code: 'NO_SESSIONS', message: '没有课次 (no sessions)' });
  if (min !== null && hours < min) {
    problems.push({
      field: 'sessions',
      code: 'HOURS_BELOW_MINIMUM',
      message: `课次合计 ${hours} 学时，少于政策要求的 ${min} 学时 (${policy.id})`,
    });
  }
  if (!workerMayBeCharged(policy, f.type)) {
    f.costItems.forEach((c, i) => {
      if (c.payer === 'worker' && c.amountFen > 0) {
        problems.push({
          field: `costItems[${i}]`,
          code: 'WORKER_CHARGE_FORBIDDEN',
          message: `${f.type} 培训不得向社区工作者收费（第二十三条）`,
        });
      }
    });
  }
  if (f.startDate > f.endDate) {
    problems.push({ field: 'endDate', code: 'DATES', message: '结束日期早于开始日期' });
  }
  if (!f.startDate.startsWith(String(f.year)) || !f.endDate.startsWith(String(f.year))) {
    problems.push({ field: 'startDate', code: 'DATES', message: `培训须在 ${f.year} 年内进行` });
  }
  f.sessions.forEach((s, i) => {
    if (s.date < f.startDate || s.date > f.endDate) {
      problems.push({
        field: `sessions[${i}].date`,
        code: 'DATES',
        message: `课次日期 ${s.date} 不在培训期内`,
      });
    }
    if (s.teacherId && !f.teacherIds.includes(s.teacherId)) {
      problems.push({
        field: `sessions[${i}].teacherId`,
        code: 'TEACHER',
        message: '授课教师不在计划的师资名单中',
      });
    }
  });
  if (!f.teacherIds.length)
    problems.push({ field: 'teacherIds', code: 'NO_TEACHERS', message: '未安排师资（第十二条）' });
  if (!f.hasMaterials)
    problems.push({ field: 'materials', code: 'NO_MATERIALS', message: '未列明教材（第十二条）' });
  f.teacherIds.forEach((t, i) => {
    if (!f.teachersOfInstitution.has(t)) {
      problems.push({
        field: `teacherIds[${i}]`,
        code: 'TEACHER',
        message: '该教师不在受委托机构的师资中',
      });
    }
    if (!f.teachersConsenting.has(t) && !f.teachersNamedBefore.has(t)) {
      problems.push({
        field: `teacherIds[${i}]`,
        code: 'TEACHER_NOT_CONSENTING',
        message: '该教师未同意列入师资库或已撤回同意，不能新选用',
      });
    }
  });
  if (f.placesTaken + f.places > f.plannedPlaces) {
    problems.push({
      field: 'places',
      code: 'PLACES_EXCEEDED',
      message: `名额 ${f.places} 超出市计划剩余名额 ${Math.max(0, f.plannedPlaces - f.placesTaken)}（计划 ${f.plannedPlaces}）`,
    });
  }
  if (!f.institutionCommissionable) {
    problems.push({
      field: 'institutionId',
      code: 'INSTITUTION_NOT_FILED',
      message: '受委托机构未备案或已暂停',
    });
  }
  return problems;
}

/**
 * The policy checks a reviewer reads beside a plan: each groups the codes of
 * `planProblems` it covers, so that the checks shown are exactly the rules
 * that submission and approval enforce (no second copy of a rule).
 */
export const PLAN_CHECKS = [
  {
    key: 'hours',
    label: '课次学时达到政策最低要求',
    codes: ['NO_SESSIONS', 'HOURS_BELOW_MINIMUM'],
  },
  {
    key: 'teachers',
    label: '师资来自受委托机构，且同意列入师资库',
    codes: ['NO_TEACHERS', 'TEACHER', 'TEACHER_NOT_CONSENTING'],
  },
  { key: 'institution', label: '受委托机构已备案', codes: ['INSTITUTION_NOT_FILED'] },
  { key: 'dates', label: '培训日期在年度内，课次在培训期内', codes: ['DATES'] },
  { key: 'fees', label: '不向社区工作者收费（第二十三条）', codes: ['WORKER_CHARGE_FORBIDDEN'] },
  { key: 'places', label: '名额未超出市计划剩余名额', codes: ['PLACES_EXCEEDED'] },
  { key: 'materials', label: '列明教材与资料（第十二条）', codes: ['NO_MATERIALS'] },
] as const;

export interface PlanCheck {
  key: string;
  label: string;
  passed: boolean;
  problems: PlanProblem[];
}

/** `planProblems`' answer as the list of checks, each passed or with its problems; codes no check names go to 'other'. */
export function planChecks(problems: PlanProblem[]): PlanCheck[] {
  const checks: PlanCheck[] = PLAN_CHECKS.map((c) => {
    const mine = problems.filter((p) => (c.codes as readonly string[]).includes(p.code));
    return { key: c.key, label: c.label, passed: !mine.length, problems: mine };
  });
  const known = new Set<string>(PLAN_CHECKS.flatMap((c) => c.codes));
  const other = problems.filter((p) => !known.has(p.code));
  if (other.length)
    checks.push({ key: 'other', label: '其他要求', passed: false, problems: other });
  return checks;
}
