import { effectiveRunKey } from '../audit/jobs/audit-retention.job';
import { localDate, localYear } from './time';

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
