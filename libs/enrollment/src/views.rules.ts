import type { MandatoryFor, TrainingPolicy, TrainingType } from '@peixun/policy';

/** Pure rules of the enrolment views (timetable, fill rates, coverage, calendar feed). Table-tested. */

/** The kinds of mandatory training the coverage view checks (Art. 6: 初任培训 and 岗位培训). */
export type CoverageRule = Extract<MandatoryFor, 'new_workers' | 'serving_workers'>;

export interface MandatoryCheck {
  type: TrainingType;
  label: string;
  rule: CoverageRule;
}

/** The training types a policy makes mandatory for new or for serving workers, in its order. */
export function mandatoryChecks(policy: TrainingPolicy): MandatoryCheck[] {
  return policy.types
    .filter((t) => t.mandatoryFor === 'new_workers' || t.mandatoryFor === 'serving_workers')
    .map((t) => ({ type: t.type, label: t.label, rule: t.mandatoryFor as CoverageRule }));
}

/** The coverage entry of training owed after a grade (issue 13: Shenyang Art. 32). */
export const REMEDIAL = 'remedial';

/** The policy's training owed after a grade (none in most policies). */
export function remedialChecks(policy: TrainingPolicy): NonNullable<TrainingPolicy['remedial']> {
  return policy.remedial ?? [];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The last start date that no longer counts as new to community work on `today`: a worker
 * is within the induction window exactly when `startedOn > cutoff` (the same as
 * `wholeMonthsBetween(startedOn, today) < months`), so SQL can compare one date column.
 */
export function inductionCutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const cy = Math.floor(index / 12);
  const cm = (index % 12) + 1;
  return `${pad(cy, 4)}-${pad(cm)}-${pad(Math.min(d, daysInMonth(cy, cm)))}`;
}

/**
 * The day a year's coverage is judged on: today for the current year, the last day of a
 * past year, the first day of a later one (who will be new to community work then).
 */
export function coverageReferenceDate(year: number, today: string): string {
  const thisYear = Number(today.slice(0, 4));
  if (year === thisYear) return today;
  return year < thisYear ? `${pad(year, 4)}-12-31` : `${pad(year, 4)}-01-01`;
}

/** Enrolled places over capacity, 0..1 with three decimals (0 for a class without places). */
export function fillRate(enrolled: number, capacity: number): number {
  if (capacity <= 0 || enrolled <= 0) return 0;
  return Math.round(Math.min(enrolled / capacity, 1) * 1000) / 1000;
}

/** `/api/v1/calendar/<token>.ics` under a base URL (trailing slashes of the base dropped). */
export function calendarFeedUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/api/v1/calendar/${token}.ics`;
}

/** The same feed for calendar apps that subscribe on a click (`webcal://`). */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//, 'webcal://');
}

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The base of absolute URLs handed out: the configured PUBLIC_BASE_URL, otherwise the
 * request's own scheme and Host (null when the Host header is not a plain host name).
 */
export function publicBase(
  configured: string | undefined,
  protocol: string,
  host: string | undefined,
): string | null {
  if (configured) return configured.replace(/\/+$/, '');
  if (!host || !HOST.test(host)) return null;
  return `${protocol === 'https' ? 'https' : 'http'}://${host}`;
}

/** A calendar-feed secret as it appears in a URL: 32 random bytes in base64url. */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
