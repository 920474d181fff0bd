import { ENTRY_CHANNELS, LABELS, POSITION_TIERS, QUALIFICATIONS } from '@peixun/org';
import type { Problem } from '../questionnaires/questionnaire.rules';

/**
 * Pure rules of a survey campaign: its window and reminders, the phase it is in at an
 * instant, which reminders are due, and what its population is.
 */

/** draft: being prepared; scheduled: launched, opens later; open: answering; closed. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const MAX_REMINDERS = 10;

/** Who is surveyed: active workers of the municipality, narrowed by any of these (empty: all). */
export interface Population {
  districtIds: string[];
  tiers: string[];
  channels: string[];
  qualifications: string[];
}

export const emptyPopulation = (): Population => ({
  districtIds: [],
  tiers: [],
  channels: [],
  qualifications: [],
});

export interface Window {
  opensAt: Date;
  closesAt: Date;
  reminders: readonly Date[];
}

/**
 * Problems of a window: it closes after it opens; reminders fall inside it, at most ten, no two
 * at the same instant. At launch (`now` given) it must not have closed already.
 */
export function windowProblems(w: Window, now?: Date): Problem[] {
  const out: Problem[] = [];
  if (!(w.closesAt.getTime() > w.opensAt.getTime()))
    out.push({ field: 'closesAt', message: '截止时间须晚于开始时间 (closes after it opens)' });
  if (now && w.closesAt.getTime() <= now.getTime())
    out.push({ field: 'closesAt', message: '截止时间已过 (the window has already closed)' });
  if (w.reminders.length > MAX_REMINDERS)
    out.push({ field: 'reminders', message: `最多 ${MAX_REMINDERS} 次提醒 (at most 10)` });
  const seen = new Set<number>();
  w.reminders.forEach((r, i) => {
    const t = r.getTime();
    if (!(t > w.opensAt.getTime() && t < w.closesAt.getTime()))
      out.push({
        field: `reminders[${i}]`,
        message: '提醒时间须在开始与截止之间 (inside the window)',
      });
    if (seen.has(t))
      out.push({ field: `reminders[${i}]`, message: '提醒时间重复 (the same time twice)' });
    seen.add(t);
  });
  return out;
}

/**
 * Whether answers are taken at `now`: launched (scheduled or open: the status follows the
 * clock through a job, which may lag) and inside the window.
 */
export function acceptsAnswers(
  c: { status: CampaignStatus; opensAt: Date; closesAt: Date },
  now: Date,
): boolean {
  return (
    (c.status === 'open' || c.status === 'scheduled') &&
    c.opensAt.getTime() <= now.getTime() &&
    now.getTime() < c.closesAt.getTime()
  );
}

/** The phase a reader sees: the stored status, brought up to the clock. */
export function effectiveStatus(
  c: { status: CampaignStatus; opensAt: Date; closesAt: Date },
  now: Date,
): CampaignStatus {
  if (c.status === 'draft' || c.status === 'closed') return c.status;
  if (now.getTime() >= c.closesAt.getTime()) return 'closed';
  if (now.getTime() >= c.opensAt.getTime()) return 'open';
  return 'scheduled';
}

/** The reminders (1-based numbers) that are due at `now` and not yet sent (`sent`: how many went out). */
export function dueReminders(reminders: readonly Date[], sent: number, now: Date): number[] {
  const sorted = [...reminders].sort((a, b) => a.getTime() - b.getTime());
  const out: number[] = [];
  sorted.forEach((r, i) => {
    if (i + 1 > sent && r.getTime() <= now.getTime()) out.push(i + 1);
  });
  return out;
}

/** Problems of a population's filters (the districts are checked against the tree elsewhere). */
export function populationProblems(p: Population): Problem[] {
  const out: Problem[] = [];
  const check = (field: string, values: string[], allowed: readonly string[]): void => {
    const bad = values.filter((v) => !allowed.includes(v));
    if (bad.length) out.push({ field, message: `未知的取值 ${bad.join('、')} (unknown values)` });
    if (new Set(values).size !== values.length)
      out.push({ field, message: '取值重复 (a value twice)' });
  };
  check('population.tiers', p.tiers, POSITION_TIERS);
  check('population.channels', p.channels, ENTRY_CHANNELS);
  check('population.qualifications', p.qualifications, QUALIFICATIONS);
  if (new Set(p.districtIds).size !== p.districtIds.length)
    out.push({ field: 'population.districtIds', message: '区县重复 (a district twice)' });
  return out;
}

/** The population in words, e.g. `东城区、海淀区；正职；全部进入方式；全部资格` (for reports). */
export function describePopulation(
  p: Population,
  districtNames: ReadonlyMap<string, string>,
): string {
  const part = (values: string[], label: (v: string) => string, all: string): string =>
    values.length ? values.map(label).join('、') : all;
  return [
    part(p.districtIds, (d) => districtNames.get(d) ?? d, '全市各区'),
    part(p.tiers, (t) => LABELS.tier[t as keyof typeof LABELS.tier] ?? t, '全部岗位层级'),
    part(p.channels, (c) => LABELS.channel[c as keyof typeof LABELS.channel] ?? c, '全部进入方式'),
    part(
      p.qualifications,
      (q) => LABELS.qualification[q as keyof typeof LABELS.qualification] ?? q,
      '不限职业资格',
    ),
  ].join('；');
}

/**
 * The SQL condition (over `worker w`) of a population: active, in one of `districtIds` (the
 * campaign's filter, or else every district of its municipality), and of the tiers, channels
 * and qualifications named. Parameters are positional from `from`.
 */
export function populationSql(
  p: Population,
  municipalDistrictIds: readonly string[],
  from = 1,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const arg = (v: unknown): string => {
    params.push(v);
    return `$${from + params.length - 1}`;
  };
  const parts = [
    `w.status = 'active'`,
    `w.district_id = any(${arg(p.districtIds.length ? p.districtIds : municipalDistrictIds)}::uuid[])`,
  ];
  if (p.tiers.length) parts.push(`w.position_tier = any(${arg(p.tiers)}::text[])`);
  if (p.channels.length) parts.push(`w.entry_channel = any(${arg(p.channels)}::text[])`);
  if (p.qualifications.length)
    parts.push(`w.qualification = any(${arg(p.qualifications)}::text[])`);
  return { sql: parts.join(' and '), params };
}
