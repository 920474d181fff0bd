/** Intl formatters are costly to build: one per pattern and time zone, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  kind: string,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date (YYYY-MM-DD) of `at` in the region's time zone, never the server's. */
export function localDate(at: Date, timeZone: string): string {
  return formatter(
    'date',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).format(at);
}

/** The policy year of `at` in the region's time zone. */
export function localYear(at: Date, timeZone: string): number {
  return Number(localDate(at, timeZone).slice(0, 4));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The offset of `timeZone` from UTC at `at`, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = formatter(
    'parts',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  ).formatToParts(at);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** `2026-11-25` + `09:30` on the region's clock -> the instant. */
export function zonedDateTime(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let at = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  // across a daylight-saving change the offset at the result may differ from the guess's
  at = guess - zoneOffsetMinutes(new Date(at), timeZone) * 60000;
  return new Date(at);
}

/** The time of day (HH:MM) of `at` on the region's clock. */
export function localTime(at: Date, timeZone: string): string {
  return formatter(
    'time',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).format(at);
}
