import { chineseDate, dateIn, dateSpan, hoursLabel, timeRange, weekdayLabel, yuan } from './format';

describe('document formats', () => {
  it.each([
    [1, '0.5'],
    [2, '1'],
    [3, '1.5'],
    [80, '40'],
    [81, '40.5'],
  ])('%i half hours print as %s 学时', (half, label) => {
    expect(hoursLabel(half)).toBe(label);
  });

  it.each([
    ['2026-11-23', '星期一', '周一'],
    ['2026-11-29', '星期日', '周日'],
    ['2027-01-01', '星期五', '周五'],
    ['2028-02-29', '星期二', '周二'],
  ])('%s is %s', (date, long, short) => {
    expect(weekdayLabel(date)).toBe(long);
    expect(weekdayLabel(date, true)).toBe(short);
  });

  it.each([
    // 01:30 UTC is 09:30 in Beijing; 16:30 UTC is already the next day there
    ['2026-11-23T01:30:00Z', '2026-11-23T03:00:00Z', '2026-11-23', '09:30–11:00'],
    ['2026-11-23T16:30:00Z', '2026-11-23T18:00:00Z', '2026-11-24', '00:30–02:00'],
  ])('%s–%s on the Beijing clock: %s %s', (start, end, date, range) => {
    expect(dateIn(new Date(start), 'Asia/Shanghai')).toBe(date);
    expect(timeRange(new Date(start), new Date(end), 'Asia/Shanghai')).toBe(range);
  });

  it('dates, spans and amounts', () => {
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(dateSpan('2026-11-23', '2026-11-23')).toBe('2026年11月23日');
    expect(dateSpan('2026-11-23', '2026-12-04')).toBe('2026年11月23日 至 2026年12月4日');
    expect(yuan(3000)).toBe('30.00');
    expect(yuan(5)).toBe('0.05');
  });
});
