/** The calendar date (YYYY-MM-DD) of `at` in the region's time zone, never the server's. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** The policy year of `at` in the region's time zone. */
export function localYear(at: Date, timeZone: string): number {
  return Number(localDate(at, timeZone).slice(0, 4));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
