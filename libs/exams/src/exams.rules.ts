import type { ExamRules } from '@peixun/policy';

/** How an exam is marked: a score (passed from the policy's pass score) or a verdict. */
export type ExamMode = 'score' | 'pass_fail';

/** A trainee's earlier results at the class's exams, in attempt order. */
export interface PriorResult {
  attempt: number;
  passed: boolean;
}

export type ResultRefusal =
  /** the hours requirement is not met (Art. 16: the exam follows the hours) */
  | 'hours_not_met'
  /** already passed an earlier attempt */
  | 'already_passed'
  /** sat no earlier attempt: a retake is for who failed (or missed) the one before */
  | 'not_a_retake_candidate'
  /** beyond the retakes the policy allows */
  | 'no_retakes_left';

/**
 * Whether a trainee may be given a result at attempt `attempt`: the hours met, not passed
 * before, and within the retakes the policy allows. A trainee who missed the exam may sit
 * the retake (the attempt they sat counts, the missed one does not).
 */
export function resultRefusal(
  rules: ExamRules,
  attempt: number,
  hoursMet: boolean,
  prior: readonly PriorResult[],
): ResultRefusal | null {
  if (!hoursMet) return 'hours_not_met';
  const before = prior.filter((p) => p.attempt < attempt);
  if (before.some((p) => p.passed)) return 'already_passed';
  if (attempt > 1 + rules.maxRetakes) return 'no_retakes_left';
  if (before.length > rules.maxRetakes) return 'no_retakes_left';
  return null;
}

/** Whether another attempt may still be held for a class at all. */
export function attemptAllowed(rules: ExamRules, attempt: number): boolean {
  return Number.isInteger(attempt) && attempt >= 1 && attempt <= 1 + rules.maxRetakes;
}

/** The verdict of a result: a scored exam passes at the pass score, a pass/fail one as recorded. */
export function verdict(
  exam: { mode: ExamMode; passScore: number; maxScore: number },
  input: { score?: number | null; passed?: boolean | null },
):
  | { score: number | null; passed: boolean }
  | 'score_required'
  | 'score_out_of_range'
  | 'passed_required' {
  if (exam.mode === 'score') {
    if (input.score === undefined || input.score === null) return 'score_required';
    if (!Number.isInteger(input.score) || input.score < 0 || input.score > exam.maxScore)
      return 'score_out_of_range';
    return { score: input.score, passed: input.score >= exam.passScore };
  }
  if (input.passed === undefined || input.passed === null) return 'passed_required';
  return { score: null, passed: input.passed };
}

/** The trainee's outcome over all attempts: passed at any attempt, failed, or not examined. */
export function examOutcome(results: readonly PriorResult[]): 'passed' | 'failed' | 'none' {
  if (!results.length) return 'none';
  return results.some((r) => r.passed) ? 'passed' : 'failed';
}

/** `BJPX-2026-000123`: prefix, year, six digits (more when a year passes 999 999). */
export function certificateSerial(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

export const SERIAL_PATTERN = /^[A-Z]{2,8}-\d{4}-\d{6,9}$/;

/** A name as the public page shows it: the family name and the last character (张*丰, 李*). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** The verification URL the QR code holds. */
export function verificationUrl(baseUrl: string, serial: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/v/${encodeURIComponent(serial)}?c=${encodeURIComponent(code)}`;
}
