import { localDate, localTime } from '../common/time';

/**
 * How documents print numbers, dates and times (Chinese conventions). Times are always shown
 * on the region's clock, never the server's.
 */

/** Class hours from halves: 3 -> `1.5`, 80 -> `40`. */
export function hoursLabel(halfHours: number): string {
  return halfHours % 2 === 0 ? String(halfHours / 2) : (halfHours / 2).toFixed(1);
}

/** `2026-11-25` -> `2026年11月25日`. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `2026-11-25` -> `11月25日`. */
export function chineseMonthDay(isoDate: string): string {
  const [, m, d] = isoDate.split('-').map(Number);
  return `${m}月${d}日`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2026-11-25` (a calendar date, no time zone involved) -> `星期三`. */
export function weekdayLabel(isoDate: string, short = false): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const day = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return short ? `周${day}` : `星期${day}`;
}

/** The calendar date of an instant on the region's clock (`YYYY-MM-DD`). */
export const dateIn = (at: Date, timeZone: string): string => localDate(at, timeZone);

/** `09:00–11:30` on the region's clock. */
export function timeRange(start: Date, end: Date, timeZone: string): string {
  return `${localTime(start, timeZone)}–${localTime(end, timeZone)}`;
}

/** `2026年11月25日 至 2026年11月27日`, or one date when both are the same day. */
export function dateSpan(startDate: string, endDate: string): string {
  return startDate === endDate
    ? chineseDate(startDate)
    : `${chineseDate(startDate)} 至 ${chineseDate(endDate)}`;
}

/** Amount in fen as yuan with two decimals: 3000 -> `30.00`. */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
