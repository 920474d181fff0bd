import { addDays, demoDays, fillTimetable, isoWeekday, mondayOf } from './demo-schedule';

describe('demo timetable dates', () => {
  it.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-11-25', -30, '2026-10-26'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-11-23', 1, '2026-11-23'],
    ['2026-11-25', 3, '2026-11-23'],
    ['2026-11-29', 7, '2026-11-23'],
    ['2027-01-01', 5, '2026-12-28'],
  ])('%s is weekday %i of the week from %s', (date, weekday, monday) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(mondayOf(date)).toBe(monday);
  });

  it.each([
    // within the week, from today when the rest of the week holds them
    ['2026-11-23', 5, '2026-11-23', '2026-11-27'],
    ['2026-11-25', 5, '2026-11-25', '2026-11-29'],
    ['2026-11-25', 3, '2026-11-25', '2026-11-27'],
    // near the week's end: earlier days of the same week
    ['2026-11-29', 5, '2026-11-25', '2026-11-29'],
    ['2026-11-28', 3, '2026-11-27', '2026-11-29'],
    ['2026-11-29', 1, '2026-11-29', '2026-11-29'],
    // the year ends mid-week: the days stay in the year
    ['2026-12-31', 5, '2026-12-27', '2026-12-31'],
    // the year begins mid-week: the days run on past the week's end
    ['2027-01-01', 5, '2027-01-01', '2027-01-05'],
    // longer than a week: within the year
    ['2026-11-25', 10, '2026-11-25', '2026-12-04'],
    ['2026-12-30', 10, '2026-12-22', '2026-12-31'],
  ])('from %s, %i days run %s to %s and include today', (today, n, first, last) => {
    const days = demoDays(today, n);
    expect(days).toHaveLength(n);
    expect(days[0]).toBe(first);
    expect(days[n - 1]).toBe(last);
    expect(days).toContain(today);
    expect(days.every((d) => d.slice(0, 4) === today.slice(0, 4))).toBe(true);
  });

  it('refuses a run that cannot fit a year', () => {
    expect(() => demoDays('2026-11-25', 0)).toThrow(RangeError);
    expect(() => demoDays('2026-11-25', 400)).toThrow(RangeError);
  });
});

describe('fillTimetable', () => {
  // a fixed clock: UTC+8 without daylight saving, like Asia/Shanghai
  const at = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);
  const morning = { start: '08:00', end: '14:00', halfHours: 16 };
  const afternoon = { start: '14:30', end: '17:30', halfHours: 8 };

  it('takes the first free slot and teacher each day until the hours are reached', () => {
    const busy = [
      // both teachers teach on the first morning; teacher a also on the first afternoon
      { teacherId: 'a', startsAt: at('2026-11-25', '08:00'), endsAt: at('2026-11-25', '14:00') },
      { teacherId: 'b', startsAt: at('2026-11-25', '08:00'), endsAt: at('2026-11-25', '14:00') },
      { teacherId: 'a', startsAt: at('2026-11-25', '14:30'), endsAt: at('2026-11-25', '17:30') },
      // teacher a on the second morning
      { teacherId: 'a', startsAt: at('2026-11-26', '08:00'), endsAt: at('2026-11-26', '14:00') },
    ];
    const placed = fillTimetable({
      firstDay: '2026-11-25',
      halfHours: 40,
      slots: [morning, afternoon],
      teacherIds: ['a', 'b'],
      busy,
      at,
    });
    expect(placed.map((p) => [p.date, p.slot.start, p.teacherId])).toEqual([
      ['2026-11-25', '14:30', 'b'],
      ['2026-11-26', '08:00', 'b'],
      ['2026-11-27', '08:00', 'a'],
    ]);
    expect(placed.reduce((s, p) => s + p.slot.halfHours, 0)).toBe(40);
  });

  it('gives up rather than loop when nobody is ever free', () => {
    const always = {
      teacherId: 'a',
      startsAt: at('2026-01-01', '00:00'),
      endsAt: at('2027-12-31', '00:00'),
    };
    expect(() =>
      fillTimetable({
        firstDay: '2026-11-25',
        halfHours: 16,
        slots: [morning],
        teacherIds: ['a'],
        busy: [always],
        at,
        maxDays: 30,
      }),
    ).toThrow(RangeError);
  });
});
