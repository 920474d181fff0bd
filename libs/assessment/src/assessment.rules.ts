import { createHash } from 'node:crypto';
import {
  capApplies,
  gradeCapsFor,
  gradeOf,
  minimumHours,
  TrainingPolicy,
  TrainingType,
  TRAINING_TYPES,
  typeRule,
} from '@peixun/policy';
import type {
  AttendancePart,
  EnrolmentPart,
  GradeLimits,
  LimitReason,
  PartName,
  RecordParts,
  RequirementResult,
  TrainingRecord,
} from './record.types';

/** Pure rules of the annual training record and its grade limits (issue 13). Table-tested. */

const capsCache = new WeakMap<TrainingPolicy, Map<string, ReturnType<typeof gradeCapsFor>>>();
/** gradeCapsFor, computed once per policy version and district (the roll-up asks 50,000 times). */
function capsOf(
  policy: TrainingPolicy,
  districtCode: string | null,
): ReturnType<typeof gradeCapsFor> {
  let byDistrict = capsCache.get(policy);
  if (!byDistrict)
    capsCache.set(policy, (byDistrict = new Map<string, ReturnType<typeof gradeCapsFor>>()));
  const key = districtCode ?? '';
  let caps = byDistrict.get(key);
  if (!caps) byDistrict.set(key, (caps = gradeCapsFor(policy, districtCode)));
  return caps;
}

export interface RecordInput {
  workerId: string;
  year: number;
  policy: TrainingPolicy;
  /** The worker's district's division code (for district layers), null when it has none. */
  districtCode: string | null;
  /** Whether the worker counts as new to community work (within the induction window) on the reference day. */
  newToWork: boolean;
  parts: Partial<RecordParts>;
  /** The parts some registered contributor provides (the others are unknown: null). */
  known: ReadonlySet<PartName>;
}

const EMPTY_ATTENDANCE: AttendancePart = {
  sessionsHeld: 0,
  sessionsAttended: 0,
  leave: 0,
  absent: 0,
  inductionHalfHoursToDate: 0,
};

const hoursText = (half: number): string => (half % 2 ? (half / 2).toFixed(1) : String(half / 2));

export function typeLabel(policy: TrainingPolicy, type: string): string {
  if (type === 'street') return '街道业务培训';
  return (TRAINING_TYPES as readonly string[]).includes(type)
    ? typeRule(policy, type as TrainingType).label
    : type;
}

/** "不得评为优秀" when a cap leaves lower grades, "只能评为不称职" when only the worst is left. */
export function limitPhrase(policy: TrainingPolicy, bestGrade: string): string {
  const best = gradeOf(policy, bestGrade);
  const worse = policy.assessmentGrades.filter((g) => g.rank > (best?.rank ?? 0));
  if (!worse.length) return `只能评为${best?.label ?? bestGrade}`;
  const better = policy.assessmentGrades
    .filter((g) => g.rank < (best?.rank ?? 0))
    .sort((a, b) => a.rank - b.rank);
  return `不得评为${better.map((g) => g.label).join('、')}`;
}

/** The worker's exams failed without a later pass in the same class. */
export function failedExams(exams: RecordParts['exams']): RecordParts['exams'] {
  return exams.filter(
    (e) =>
      !e.passed &&
      !exams.some((o) => o.passed && o.classId === e.classId && o.date >= e.date && o !== e),
  );
}

/** The grade limits a record gives, every applicable rule spelled out with its source and layer. */
export function gradeLimits(
  policy: TrainingPolicy,
  districtCode: string | null,
  year: number,
  facts: {
    totalHalfHours: number;
    attended: boolean;
    exams: RecordParts['exams'] | null;
  },
): GradeLimits {
  const failed = facts.exams ? failedExams(facts.exams) : [];
  const outcome = {
    hours: facts.totalHalfHours / 2,
    attended: facts.attended,
    failedExam: failed.length > 0,
    examTaken: facts.exams ? facts.exams.length > 0 : undefined,
  };
  const reasons: LimitReason[] = [];
  for (const cap of capsOf(policy, districtCode)) {
    if (!capApplies(cap, outcome)) continue;
    const phrase = limitPhrase(policy, cap.bestGrade);
    const base = { bestGrade: cap.bestGrade, rule: cap.when, source: cap.source, layer: cap.layer };
    switch (cap.when) {
      case 'no_training':
        reasons.push({ ...base, text: `${phrase}：${year} 年未参加培训` });
        break;
      case 'no_exam':
        reasons.push({ ...base, text: `${phrase}：${year} 年未参加培训考试` });
        break;
      case 'failed_exam':
        for (const e of failed)
          reasons.push({
            ...base,
            text: `${phrase}：${e.date} ${typeLabel(policy, e.type)}考试未通过`,
          });
        break;
      case 'hours_below':
        reasons.push({
          ...base,
          text: `${phrase}：${year} 年培训 ${hoursText(facts.totalHalfHours)} 学时，不足 ${cap.hours} 学时`,
        });
        break;
    }
  }
  const rankOf = (code: string): number => gradeOf(policy, code)?.rank ?? Number.MAX_SAFE_INTEGER;
  const best = reasons.reduce<string | null>(
    (acc, r) => (acc === null || rankOf(r.bestGrade) > rankOf(acc) ? r.bestGrade : acc),
    null,
  );
  const allowed = [...policy.assessmentGrades]
    .sort((a, b) => a.rank - b.rank)
    .filter((g) => best === null || g.rank >= rankOf(best))
    .map((g) => g.code);
  return {
    bestGrade: best,
    allowed,
    required: best !== null && allowed.length === 1 ? allowed[0] : null,
    reasons,
  };
}

/** Builds the record from the contributed parts: deterministic, the same parts give the same record. */
export function buildRecord(input: RecordInput): TrainingRecord {
  const { policy, year, parts, known } = input;
  const enrolment: EnrolmentPart = parts.enrolment ?? {
    startedOn: '',
    entryChannel: '',
    positionTier: '',
    enrolled: 0,
    withdrawn: 0,
  };
  const worker = { entryChannel: enrolment.entryChannel, positionTier: enrolment.positionTier };
  const attendance = parts.attendance ?? EMPTY_ATTENDANCE;
  const hours = [...(parts.hours ?? [])]
    .sort((a, b) => a.type.localeCompare(b.type))
    .map((h) => {
      const min =
        (TRAINING_TYPES as readonly string[]).includes(h.type) && h.type !== 'street'
          ? minimumHours(policy, h.type as TrainingType, worker)
          : null;
      return {
        type: h.type,
        label: typeLabel(policy, h.type),
        creditedHalfHours: h.creditedHalfHours,
        requiredHalfHours: min === null ? null : min * 2,
        classes: h.classes,
      };
    });
  const totalHalfHours = hours.reduce((a, h) => a + h.creditedHalfHours, 0);
  const creditedOf = (type: string): number =>
    hours.find((h) => h.type === type)?.creditedHalfHours ?? 0;
  const exams = known.has('exams')
    ? (parts.exams ?? [])
        .map((e) => ({
          date: e.date,
          passed: e.passed,
          score: e.score,
          classId: e.classId,
          title: e.title,
          type: e.type,
        }))
        .sort(
          (a, b) =>
            a.date.localeCompare(b.date) || (a.classId ?? '').localeCompare(b.classId ?? ''),
        )
    : null;

  const requirements: RequirementResult[] = [];
  const source = policy.title;
  if (input.newToWork) {
    const need = (minimumHours(policy, 'induction', worker) ?? 0) * 2;
    const got = attendance.inductionHalfHoursToDate;
    requirements.push({
      code: 'induction',
      label: typeLabel(policy, 'induction'),
      met: got >= need,
      creditedHalfHours: got,
      requiredHalfHours: need,
      detail: `新从事社区工作，初任培训 ${hoursText(got)}/${hoursText(need)} 学时`,
      source,
    });
  }
  // post training: every worker serving since before the year (new workers take induction)
  if (enrolment.startedOn && enrolment.startedOn < `${year}-01-01`) {
    const need = (minimumHours(policy, 'post', worker) ?? 0) * 2;
    const got = creditedOf('post');
    requirements.push({
      code: 'post',
      label: typeLabel(policy, 'post'),
      met: got >= need,
      creditedHalfHours: got,
      requiredHalfHours: need,
      detail: `岗位培训 ${hoursText(got)}/${hoursText(need)} 学时`,
      source,
    });
  }
  for (const cap of capsOf(policy, input.districtCode)) {
    if (cap.when === 'hours_below' && cap.hours !== undefined) {
      requirements.push({
        code: 'yearly_hours',
        label: '年度培训学时',
        met: totalHalfHours >= cap.hours * 2,
        creditedHalfHours: totalHalfHours,
        requiredHalfHours: cap.hours * 2,
        detail: `全年培训 ${hoursText(totalHalfHours)}/${cap.hours} 学时`,
        source: cap.source,
      });
    }
    if (cap.when === 'no_exam' && exams && !requirements.some((r) => r.code === 'exam')) {
      const passed = exams.some((e) => e.passed);
      requirements.push({
        code: 'exam',
        label: '培训考试',
        met: passed,
        detail: passed ? '培训考试合格' : exams.length ? '培训考试未通过' : '未参加培训考试',
        source: cap.source,
      });
    }
  }
  const sessionsHeld = attendance.sessionsHeld;
  const record: TrainingRecord = {
    workerId: input.workerId,
    year,
    policyId: policy.id,
    layers: [
      { level: 'municipality', name: policy.title },
      ...(policy.layers ?? [])
        .filter((l) => input.districtCode && l.districtCode === input.districtCode)
        .map((l) => ({ level: 'district' as const, name: l.name, code: l.districtCode })),
    ],
    hours,
    totalHalfHours,
    attendance: {
      sessionsHeld: attendance.sessionsHeld,
      sessionsAttended: attendance.sessionsAttended,
      leave: attendance.leave,
      absent: attendance.absent,
      inductionHalfHoursToDate: attendance.inductionHalfHoursToDate,
      // the attendance lib's convention (attendance.rules completion): 1 before any session was held
      attendanceRate: sessionsHeld
        ? Math.round((attendance.sessionsAttended / sessionsHeld) * 1000) / 1000
        : 1,
    },
    enrolment: {
      startedOn: enrolment.startedOn,
      entryChannel: enrolment.entryChannel,
      positionTier: enrolment.positionTier,
      enrolled: enrolment.enrolled,
      withdrawn: enrolment.withdrawn,
      newToWork: input.newToWork,
    },
    exams,
    certificates: known.has('certificates')
      ? (parts.certificates ?? [])
          .map((c) => ({ serial: c.serial, issuedOn: c.issuedOn, classId: c.classId }))
          .sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.serial.localeCompare(b.serial))
      : null,
    evaluations: known.has('evaluations')
      ? (parts.evaluations ?? [])
          .map((e) => ({ classId: e.classId, title: e.title, average: e.average, count: e.count }))
          .sort((a, b) => a.classId.localeCompare(b.classId))
      : null,
    requirements,
    limits: gradeLimits(policy, input.districtCode, year, {
      totalHalfHours,
      attended: attendance.sessionsAttended > 0,
      exams,
    }),
  };
  return record;
}

/** JSON with object keys sorted (jsonb reorders keys: the hash must not depend on the order). */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * The record's hash. buildRecord makes every object in a fixed key order (contributed parts
 * are copied into fixed shapes), so its plain JSON is canonical; `canonicalJson` is for
 * records read back from jsonb, which reorders keys.
 */
export const recordHash = (r: TrainingRecord): string =>
  createHash('sha256').update(JSON.stringify(r)).digest('hex');

/** Whether a grade may be recorded under the limits; the reasons against it otherwise. */
export function gradeRefusal(
  policy: TrainingPolicy,
  limits: GradeLimits,
  grade: string,
): LimitReason[] {
  const rank = gradeOf(policy, grade)?.rank ?? 0;
  return limits.reasons.filter((r) => rank < (gradeOf(policy, r.bestGrade)?.rank ?? 0));
}

/** The most workers of a street that may have a grade under a share limit (rounded down). */
export function shareCap(maxPercent: number, activeWorkers: number): number {
  return Math.floor((activeWorkers * maxPercent) / 100);
}
