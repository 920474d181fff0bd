import { fieldProblems, namePath } from '../api/errors';
import {
  bytes,
  dayWithWeekday,
  hoursVerdict,
  percent,
  thisYear,
  toFen,
  totalHours,
  when,
  yuan,
} from './format';

describe('web formatting', () => {
  it.each([
    [48000, '480.00 元'],
    [0, '0.00 元'],
    [1, '0.01 元'],
  ])('%i fen is %s', (fen, text) => expect(yuan(fen)).toBe(text));

  it.each([
    [480, 48000],
    [0.1, 10],
    [19.99, 1999],
  ])('%d 元 is %i fen', (y, fen) => expect(toFen(y)).toBe(fen));

  it.each<[{ hours?: number | null }[], number]>([
    [[], 0],
    [[{ hours: 8 }, { hours: 4.5 }], 12.5],
    [[{ hours: 8 }, {}, { hours: null }], 8],
  ])('sessions %j add up to %d class hours', (sessions, total) =>
    expect(totalHours(sessions)).toBe(total),
  );

  it.each([
    [39.5, 40, 'below'],
    [40, 40, 'met'],
    [12, null, 'none'],
  ])('%d hours against a minimum of %p: %s', (total, min, verdict) =>
    expect(hoursVerdict(total, min)).toBe(verdict),
  );

  it('shows instants on the region clock and dates with their weekday', () => {
    expect(when('2026-01-01T01:30:00Z')).toBe('2026/01/01 09:30');
    expect(dayWithWeekday('2026-11-25')).toBe('11月25日 周三');
    expect(thisYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(percent(0.756)).toBe('75.6%');
    expect(bytes(1536)).toBe('1.5 KB');
  });
});

describe('API errors by field', () => {
  it.each([
    ['sessions', ['sessions']],
    ['sessions[2].date', ['sessions', 2, 'date']],
    ['costItems[0]', ['costItems', 0]],
    ['a.b[1][2].c', ['a', 'b', 1, 2, 'c']],
  ])('%s is the form path %j', (field, path) => expect(namePath(field)).toEqual(path));

  it('reads validation details and plan checks, and drops the codes from messages', () => {
    expect(
      fieldProblems([
        { field: 'places', problems: ['places must not be less than 1'] },
        {
          field: 'sessions',
          problems: ['HOURS_BELOW_MINIMUM: 课次合计 32 学时，少于政策要求的 40 学时'],
        },
        { field: 'file', message: '文件类型不支持' },
        { nope: 1 },
      ]),
    ).toEqual([
      { field: 'places', messages: ['places must not be less than 1'] },
      { field: 'sessions', messages: ['课次合计 32 学时，少于政策要求的 40 学时'] },
      { field: 'file', messages: ['文件类型不支持'] },
    ]);
    expect(fieldProblems({ errors: [] })).toEqual([]);
  });
});
