import { formatMark, parseMark } from './attendance-sheet';

describe('the sheet’s status cells', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['出勤', { status: 'present', minutesLate: 0, minutesEarly: 0 }],
    ['√', { status: 'present', minutesLate: 0, minutesEarly: 0 }],
    ['迟到15', { status: 'late', minutesLate: 15, minutesEarly: 0 }],
    ['迟到 15 分钟', { status: 'late', minutesLate: 15, minutesEarly: 0 }],
    ['迟5分', { status: 'late', minutesLate: 5, minutesEarly: 0 }],
    ['早退10', { status: 'left_early', minutesLate: 0, minutesEarly: 10 }],
    ['请假', { status: 'leave', minutesLate: 0, minutesEarly: 0 }],
    ['假', { status: 'leave', minutesLate: 0, minutesEarly: 0 }],
    ['缺勤', { status: 'absent', minutesLate: 0, minutesEarly: 0 }],
    ['缺', { status: 'absent', minutesLate: 0, minutesEarly: 0 }],
    ['×', { status: 'absent', minutesLate: 0, minutesEarly: 0 }],
  ])('%j reads as %j', (text, mark) => {
    expect(parseMark(text)).toEqual(mark);
  });

  it.each([
    ['迟到', '分钟数'],
    ['早退0', '分钟数'],
    ['迟到2000', '超过一天'],
    ['出勤5', '不带分钟数'],
    ['到了', '不是考勤状态'],
    ['present', '不是考勤状态'],
  ])('%j is refused (%s)', (text, why) => {
    const v = parseMark(text);
    expect(v && 'problem' in v ? v.problem : null).toContain(why);
  });

  it.each([
    [{ status: 'present', minutesLate: 0, minutesEarly: 0 }, '出勤'],
    [{ status: 'late', minutesLate: 7, minutesEarly: 0 }, '迟到7'],
    [{ status: 'left_early', minutesLate: 0, minutesEarly: 12 }, '早退12'],
    [{ status: 'leave', minutesLate: 0, minutesEarly: 0 }, '请假'],
    [{ status: 'absent', minutesLate: 0, minutesEarly: 0 }, '缺勤'],
  ] as const)('%j is written as %s and reads back', (mark, text) => {
    expect(formatMark(mark)).toBe(text);
    expect(parseMark(text)).toEqual(mark);
  });
});
