/**
 * Pure date arithmetic for the demo's timetable (no I/O, table-tested). Dates are
 * YYYY-MM-DD and times HH:MM on the region's clock; the caller turns them into instants.
 */

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday of the week (Monday to Sunday) that holds `date`. */
export const mondayOf = (date: string): string => addDays(date, 1 - isoWeekday(date));

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * `n` consecutive days that include `today`: inside today's week (Monday to Sunday) when
 * they fit there, and always inside today's year (a project plan runs within its year).
 * Later days are preferred: the run starts today unless the week's (or year's) end is near.
 */
export function demoDays(today: string, n: number): string[] {
  if (n < 1 || n > 365) throw new RangeError(`demoDays: ${n} days`);
  const year = today.slice(0, 4);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  let lo = monday > yearStart ? monday : yearStart;
  let hi = sunday < yearEnd ? sunday : yearEnd;
  if (daysBetween(lo, hi) + 1 < n) {
    lo = yearStart;
    hi = yearEnd;
  }
  // the latest start that still ends by `hi`, but never after today
  const latest = addDays(hi, 1 - n);
  let start = latest < today ? latest : today;
  if (start < lo) start = lo;
  return Array.from({ length: n }, (_, i) => addDays(start, i));
}

/** A time slot of a day, with the class hours (in halves) a session in it carries. */
export interface DemoSlot {
  start: string;
  end: string;
  halfHours: number;
}

/** A teacher's existing booking, as instants. */
export interface DemoBooking {
  teacherId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface DemoPlacedSession {
  date: string;
  slot: DemoSlot;
  teacherId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * One session a day from `firstDay` until the sessions carry `halfHours`: on each day the
 * first slot (in the order given) with a teacher (in the order given) who is free then.
 * A day without any is skipped. `at` turns a day and time into an instant.
 */
export function fillTimetable(opts: {
  firstDay: string;
  halfHours: number;
  slots: DemoSlot[];
  teacherIds: string[];
  busy: DemoBooking[];
  at: (date: string, time: string) => Date;
  maxDays?: number;
}): DemoPlacedSession[] {
  const out: DemoPlacedSession[] = [];
  const busy = [...opts.busy];
  let have = 0;
  for (let i = 0; have < opts.halfHours; i++) {
    if (i >= (opts.maxDays ?? 366)) {
      throw new RangeError(`fillTimetable: ${opts.halfHours} half-hours do not fit`);
    }
    const date = addDays(opts.firstDay, i);
    placing: for (const slot of opts.slots) {
      const startsAt = opts.at(date, slot.start);
      const endsAt = opts.at(date, slot.end);
      for (const teacherId of opts.teacherIds) {
        const clash = busy.some(
          (b) => b.teacherId === teacherId && b.startsAt < endsAt && startsAt < b.endsAt,
        );
        if (clash) continue;
        out.push({ date, slot, teacherId, startsAt, endsAt });
        busy.push({ teacherId, startsAt, endsAt });
        have += slot.halfHours;
        break placing;
      }
    }
  }
  return out;
}
