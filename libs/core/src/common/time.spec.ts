import { effectiveRunKey } from '../audit/jobs/audit-retention.job';
import { localDate, localTime, localYear, zonedDateTime } from './time';

describe('region time', () => {
  it.each([
    ['2026-12-31T15:59:59Z', '2026-12-31', 2026],
    ['2026-12-31T16:00:00Z', '2027-01-01', 2027], // midnight in Beijing, still the 31st in UTC
    ['2026-06-01T00:00:00Z', '2026-06-01', 2026],
  ])('%s is %s in Asia/Shanghai', (iso, date, year) => {
    expect(localDate(new Date(iso), 'Asia/Shanghai')).toBe(date);
    expect(localYear(new Date(iso), 'Asia/Shanghai')).toBe(year);
  });

  it.each([
    ['nightly', '2026-11-22T17:00:00Z', 'nightly-2026-11-23'],
    ['manual-2026-11-23-d30', '2026-11-22T17:00:00Z', 'manual-2026-11-23-d30'],
  ])('run key %s at %s -> %s', (key, at, expected) => {
    expect(effectiveRunKey(key, new Date(at), 'Asia/Shanghai')).toBe(expected);
  });
});

describe('region clock', () => {
  it.each([
    ['2026-11-25', '09:30', 'Asia/Shanghai', '2026-11-25T01:30:00.000Z'],
    ['2026-01-01', '00:00', 'Asia/Shanghai', '2025-12-31T16:00:00.000Z'],
    ['2026-07-01', '09:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
    ['2026-01-15', '09:00', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, tz, iso) => {
    const at = zonedDateTime(date, time, tz);
    expect(at.toISOString()).toBe(iso);
    expect(localDate(at, tz)).toBe(date);
    expect(localTime(at, tz)).toBe(time);
  });
});
