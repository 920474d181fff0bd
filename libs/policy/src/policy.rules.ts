import { POLICIES } from './policies';
import { AssessmentGrade, TrainingPolicy } from './policy.types';

/** Region of a municipality by the first two digits of its administrative division code. */
const REGION_BY_PROVINCE_CODE: Record<string, string> = { '11': 'beijing', '21': 'shenyang' };

export function regionOfDivisionCode(
  code: string | null | undefined,
  fallback = 'beijing',
): string {
  return (code && REGION_BY_PROVINCE_CODE[code.slice(0, 2)]) || fallback;
}

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
