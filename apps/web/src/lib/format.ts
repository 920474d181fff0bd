/** Formatting and small sums for pages; pure, so that it is tested without a browser. */

const TZ = 'Asia/Shanghai';

/** 48000 fen → "480.00 元" */
export function yuan(fen: number): string {
  return `${(fen / 100).toFixed(2)} 元`;
}

/** 元 typed by a person (may be a decimal) → whole fen. */
export function toFen(yuanAmount: number): number {
  return Math.round(yuanAmount * 100);
}

/** Class hours may be halves: 5 half hours → "2.5 学时". */
export function hoursFromHalves(halfHours: number): string {
  return `${halfHours / 2} 学时`;
}

/** Total class hours of a plan's sessions as typed (blank rows count 0). */
export function totalHours(sessions: ReadonlyArray<{ hours?: number | null } | undefined>): number {
  return sessions.reduce((sum, s) => sum + (typeof s?.hours === 'number' ? s.hours : 0), 0);
}

export type HoursVerdict = 'none' | 'below' | 'met';

/** A plan's hours against the policy minimum (null: the policy sets none). */
export function hoursVerdict(total: number, minimum: number | null | undefined): HoursVerdict {
  if (minimum === null || minimum === undefined) return 'none';
  return total >= minimum ? 'met' : 'below';
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant on the region's clock: "2026/11/25 09:00". */
export function when(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** The region's date of an instant: "2026/11/25". */
export function day(iso: string | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}

/** "2026-11-25" → "11月25日 周三" */
export function dayWithWeekday(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m}月${d}日 周${weekday}`;
}

/** 0.756 → "75.6%" */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Bytes for people: 1536 → "1.5 KB". */
export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** This year on the region's clock. */
export function thisYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric' }).format(now));
}
