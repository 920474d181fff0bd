import { POLICIES } from './policies';
import { regionByKey } from './regions';
import {
  AssessmentGrade,
  FundingLevel,
  GradeCapRule,
  TrainingPolicy,
  TrainingType,
  TrainingTypeRule,
} from './policy.types';

/** The policy in force for a region in a policy year: the latest version starting on or before it. */
export function policyFor(
  region: string,
  year: number,
  policies: readonly TrainingPolicy[] = POLICIES,
): TrainingPolicy | null {
  return (
    policies
      .filter((p) => p.region === region && p.fromYear <= year)
      .sort((a, b) => b.fromYear - a.fromYear)[0] ?? null
  );
}

export function gradeOf(policy: TrainingPolicy, code: string): AssessmentGrade | null {
  return policy.assessmentGrades.find((g) => g.code === code) ?? null;
}

/** Accepts a grade's code or its Chinese label (as spreadsheets carry it). */
export function parseGrade(policy: TrainingPolicy, input: string): AssessmentGrade | null {
  const v = input.trim();
  return policy.assessmentGrades.find((g) => g.code === v || g.label === v) ?? null;
}

export function typeRule(policy: TrainingPolicy, type: TrainingType): TrainingTypeRule {
  const rule = policy.types.find((t) => t.type === type);
  if (!rule) throw new Error(`policy ${policy.id} has no rule for training type ${type}`);
  return rule;
}

/** What the minimum hours may depend on. */
export interface WorkerFacts {
  entryChannel?: string | null;
  positionTier?: string | null;
}

/**
 * Minimum class hours of a type for a worker (most specific rule wins:
 * entry channel, then tier, then the default); null when the policy sets none.
 */
export function minimumHours(
  policy: TrainingPolicy,
  type: TrainingType,
  worker: WorkerFacts = {},
): number | null {
  const h = typeRule(policy, type).hours;
  if (worker.entryChannel && h.byChannel?.[worker.entryChannel] !== undefined)
    return h.byChannel[worker.entryChannel]!;
  if (worker.positionTier && h.byTier?.[worker.positionTier] !== undefined)
    return h.byTier[worker.positionTier]!;
  return h.default;
}

/**
 * The minimum a course for a whole target group must reach: the largest
 * minimum among the entry channels and tiers it is for (a 24-hour induction
 * course serves both city-wide recruits and others; a 20-hour one does not).
 */
export function courseMinimumHours(
  policy: TrainingPolicy,
  type: TrainingType,
  target: { entryChannels?: string[]; positionTiers?: string[] } = {},
): number | null {
  const h = typeRule(policy, type).hours;
  const candidates: (number | null)[] = [h.default];
  const channels = target.entryChannels?.length
    ? target.entryChannels
    : Object.keys(h.byChannel ?? {});
  const tiers = target.positionTiers?.length ? target.positionTiers : Object.keys(h.byTier ?? {});
  for (const c of channels) candidates.push(minimumHours(policy, type, { entryChannel: c }));
  for (const t of tiers) candidates.push(minimumHours(policy, type, { positionTier: t }));
  const numbers = candidates.filter((x): x is number => x !== null);
  return numbers.length ? Math.max(...numbers) : null;
}

/** Who pays for a type (Art. 23). */
export function payer(policy: TrainingPolicy, type: TrainingType): FundingLevel {
  return typeRule(policy, type).fundedBy;
}

/** Whether a worker may be charged anything for a type: only where the worker is the payer (elective). */
export function workerMayBeCharged(policy: TrainingPolicy, type: TrainingType): boolean {
  return payer(policy, type) === 'worker';
}

export interface NominationCheck {
  ok: boolean;
  reason: string | null;
}

/**
 * Whether a worker may be nominated for advanced study (Art. 9): rated with a
 * nomination grade in the previous year's assessment, and places left in the
 * year's city-wide quota.
 */
export function mayNominate(
  policy: TrainingPolicy,
  previousYearGrade: string | null,
  alreadyNominated: number,
): NominationCheck {
  if (!previousYearGrade) return { ok: false, reason: 'no_previous_grade' };
  if (!policy.advanced.nominationGrades.includes(previousYearGrade))
    return { ok: false, reason: 'grade_not_eligible' };
  if (alreadyNominated >= policy.advanced.quotaPerYear) return { ok: false, reason: 'quota_full' };
  return { ok: true, reason: null };
}

/** The year's training outcome of a worker, as the assessment sees it. */
export interface TrainingOutcome {
  /** Class hours credited in the year. */
  hours: number;
  /** Whether the worker took part in any training that year. */
  attended: boolean;
  /** Whether the worker failed a training exam that year. */
  failedExam: boolean;
  /** Whether the worker sat a training exam that year; undefined when exam results are not known. */
  examTaken?: boolean;
}

/** Where a rule comes from: the municipality's policy or a district's layer on top. */
export interface RuleLayer {
  level: 'municipality' | 'district';
  name: string;
  /** The district's division code (district layers). */
  code?: string;
}

/** The grade caps that apply to a worker of a district (its division code): the municipality's, then the district's. */
export function gradeCapsFor(
  policy: TrainingPolicy,
  districtCode: string | null | undefined,
): (GradeCapRule & { layer: RuleLayer })[] {
  const municipal: RuleLayer = { level: 'municipality', name: policy.title };
  return [
    ...policy.gradeCaps.map((c) => ({ ...c, layer: municipal })),
    ...(policy.layers ?? [])
      .filter((l) => !!districtCode && l.districtCode === districtCode)
      .flatMap((l) =>
        l.gradeCaps.map((c) => ({
          ...c,
          layer: { level: 'district' as const, name: l.name, code: l.districtCode },
        })),
      ),
  ];
}

/** Whether a cap's condition holds for an outcome (no_exam only where exam results are known). */
export function capApplies(cap: GradeCapRule, outcome: TrainingOutcome): boolean {
  switch (cap.when) {
    case 'no_training':
      return !outcome.attended;
    case 'no_exam':
      return outcome.examTaken === false;
    case 'failed_exam':
      return outcome.failedExam;
    case 'hours_below':
      return cap.hours !== undefined && outcome.hours < cap.hours;
  }
}

/**
 * The best grade the worker can still be given this year, or null when the
 * training outcome sets no limit. With several limits, the strictest wins.
 * `districtCode`: the worker's district, whose layer (if any) adds its caps.
 */
export function gradeCap(
  policy: TrainingPolicy,
  outcome: TrainingOutcome,
  districtCode?: string | null,
): { grade: string; source: string; layer: RuleLayer } | null {
  let best: { grade: string; source: string; layer: RuleLayer; rank: number } | null = null;
  for (const cap of gradeCapsFor(policy, districtCode)) {
    if (!capApplies(cap, outcome)) continue;
    const rank = gradeOf(policy, cap.bestGrade)?.rank ?? Number.MAX_SAFE_INTEGER;
    if (!best || rank > best.rank)
      best = { grade: cap.bestGrade, source: cap.source, layer: cap.layer, rank };
  }
  return best ? { grade: best.grade, source: best.source, layer: best.layer } : null;
}

/** Whether a grade is allowed under a cap. */
export function gradeAllowed(
  policy: TrainingPolicy,
  grade: string,
  outcome: TrainingOutcome,
  districtCode?: string | null,
): boolean {
  const cap = gradeCap(policy, outcome, districtCode);
  if (!cap) return true;
  return (gradeOf(policy, grade)?.rank ?? 0) >= (gradeOf(policy, cap.grade)?.rank ?? 0);
}

/** Checks a policy's internal consistency (used before a new version is accepted). */
export function policyProblems(policy: TrainingPolicy): string[] {
  const problems: string[] = [];
  const codes = new Set(policy.assessmentGrades.map((g) => g.code));
  for (const t of ['induction', 'post', 'advanced', 'continuing', 'elective'] as TrainingType[]) {
    if (!policy.types.some((r) => r.type === t)) problems.push(`types: missing ${t}`);
  }
  for (const r of policy.types) {
    if (r.fundedBy === 'worker' && r.mandatoryFor !== 'nobody') {
      problems.push(`types.${r.type}: a mandatory type cannot be paid by the worker (Art. 23)`);
    }
    for (const v of [
      r.hours.default,
      ...Object.values(r.hours.byChannel ?? {}),
      ...Object.values(r.hours.byTier ?? {}),
    ]) {
      if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0 || v > 2000)) {
        problems.push(
          `types.${r.type}.hours: ${v} is not a whole number of hours between 0 and 2000`,
        );
      }
    }
  }
  for (const c of policy.gradeCaps)
    if (!codes.has(c.bestGrade)) problems.push(`gradeCaps: unknown grade ${c.bestGrade}`);
  const region = regionByKey(policy.region);
  const layerCodes = new Set<string>();
  for (const l of policy.layers ?? []) {
    if (layerCodes.has(l.districtCode))
      problems.push(`layers: district ${l.districtCode} has two layers`);
    layerCodes.add(l.districtCode);
    if (region && !region.districts.some((d) => d.code === l.districtCode))
      problems.push(`layers: ${l.districtCode} is not a district of ${region.municipality.name}`);
    for (const c of l.gradeCaps)
      if (!codes.has(c.bestGrade)) problems.push(`layers: unknown grade ${c.bestGrade}`);
  }
  for (const l of policy.shareLimits ?? []) {
    if (!codes.has(l.grade)) problems.push(`shareLimits: unknown grade ${l.grade}`);
    if (!(l.maxPercent > 0 && l.maxPercent <= 100))
      problems.push(`shareLimits: ${l.maxPercent} is not a percentage`);
  }
  for (const r of policy.remedial ?? [])
    if (!codes.has(r.afterGrade)) problems.push(`remedial: unknown grade ${r.afterGrade}`);
  for (const g of policy.advanced.nominationGrades)
    if (!codes.has(g)) problems.push(`advanced: unknown grade ${g}`);
  if (!Number.isInteger(policy.advanced.quotaPerYear) || policy.advanced.quotaPerYear < 0) {
    problems.push('advanced.quotaPerYear: must be a whole number ≥ 0');
  }
  if (policy.exam) {
    const { maxScore, passScore, maxRetakes } = policy.exam;
    const whole = (v: unknown, lo: number, hi: number): boolean =>
      v === undefined || (Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi);
    if (!whole(maxScore, 1, 1000)) problems.push('exam.maxScore: a whole number from 1 to 1000');
    if (!whole(passScore, 0, maxScore ?? 1000) || (passScore ?? 0) > (maxScore ?? 100))
      problems.push('exam.passScore: a whole number from 0 to maxScore');
    if (!whole(maxRetakes, 0, 10)) problems.push('exam.maxRetakes: a whole number from 0 to 10');
  }
  return problems;
}
