import { BEIJING_2012, SHENYANG_2012, TrainingPolicy } from '@peixun/policy';
import { wholeMonthsBetween } from './enrollment.rules';
import {
  calendarFeedUrl,
  coverageReferenceDate,
  FEED_TOKEN,
  fillRate,
  inductionCutoff,
  mandatoryChecks,
  publicBase,
  webcalUrl,
} from './views.rules';

describe('inductionCutoff', () => {
  it.each([
    ['2026-11-25', 12, '2025-11-25'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2025-02-28', 12, '2024-02-28'],
    ['2026-01-15', 1, '2025-12-15'],
    ['2026-01-15', 13, '2024-12-15'],
    ['2026-05-31', 3, '2026-02-28'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s minus %i months: %s', (today, months, cutoff) => {
    expect(inductionCutoff(today, months)).toBe(cutoff);
  });

  // the SQL compares `started_on > cutoff`: that must say exactly what the enrolment rule says
  const day = (base: string, offset: number): string =>
    new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  it.each([
    ['2026-11-25', 12],
    ['2026-03-31', 12],
    ['2026-02-28', 12],
    ['2024-02-29', 12],
    ['2025-03-31', 1],
    ['2026-12-31', 6],
    ['2026-01-01', 24],
  ])('on %s with a %i-month window, startedOn > cutoff ⇔ within the window', (today, months) => {
    const cutoff = inductionCutoff(today, months);
    const wrong: string[] = [];
    for (let i = -(months + 2) * 31; i <= 5; i++) {
      const startedOn = day(today, i);
      const rule = wholeMonthsBetween(startedOn, today) < months;
      if (startedOn > cutoff !== rule) wrong.push(startedOn);
    }
    expect(wrong).toEqual([]);
  });
});

describe('coverageReferenceDate', () => {
  it.each([
    [2026, '2026-11-25', '2026-11-25'],
    [2025, '2026-11-25', '2025-12-31'],
    [2027, '2026-11-25', '2027-01-01'],
  ])('year %i seen on %s: %s', (year, today, out) => {
    expect(coverageReferenceDate(year, today)).toBe(out);
  });
});

describe('fillRate', () => {
  it.each([
    [0, 10, 0],
    [3, 4, 0.75],
    [2, 3, 0.667],
    [1, 3, 0.333],
    [100, 100, 1],
    [1, 7, 0.143],
    [5, 0, 0],
    [7, 5, 1], // never above 1, whatever the counts say
  ])('%i of %i: %d', (enrolled, capacity, rate) => {
    expect(fillRate(enrolled, capacity)).toBe(rate);
  });
});

describe('mandatoryChecks', () => {
  const noInduction: TrainingPolicy = {
    ...BEIJING_2012,
    types: BEIJING_2012.types.filter((t) => t.type !== 'induction'),
  };
  it.each<[string, TrainingPolicy, string[]]>([
    ['Beijing 2012', BEIJING_2012, ['induction:new_workers', 'post:serving_workers']],
    ['Shenyang', SHENYANG_2012, ['induction:new_workers', 'post:serving_workers']],
    ['a policy without induction', noInduction, ['post:serving_workers']],
  ])('%s', (_label, policy, out) => {
    expect(mandatoryChecks(policy).map((c) => `${c.type}:${c.rule}`)).toEqual(out);
  });
});

describe('calendar feed URLs', () => {
  const token = 'A'.repeat(43);
  it.each<[string | undefined, string, string | undefined, string | null]>([
    ['https://peixun.example.cn', 'http', 'ignored:3000', 'https://peixun.example.cn'],
    ['https://peixun.example.cn/app/', 'http', undefined, 'https://peixun.example.cn/app'],
    [undefined, 'http', 'localhost:3000', 'http://localhost:3000'],
    [undefined, 'https', 'peixun.example.cn', 'https://peixun.example.cn'],
    [undefined, 'http', '127.0.0.1:41234', 'http://127.0.0.1:41234'],
    [undefined, 'http', '[::1]:3000', 'http://[::1]:3000'],
    [undefined, 'gopher', 'host', 'http://host'],
    [undefined, 'http', undefined, null],
    [undefined, 'http', 'evil.example/path?x=', null],
    [undefined, 'http', 'a b', null],
    [undefined, 'http', 'host:99999999', null],
  ])('configured %s, %s://%s -> %s', (configured, protocol, host, out) => {
    expect(publicBase(configured, protocol, host)).toBe(out);
  });

  it.each([
    ['http://localhost:3000', `http://localhost:3000/api/v1/calendar/${token}.ics`],
    ['https://x.cn/app/', `https://x.cn/app/api/v1/calendar/${token}.ics`],
  ])('%s', (base, url) => {
    expect(calendarFeedUrl(base, token)).toBe(url);
    expect(webcalUrl(url)).toBe(url.replace(/^https?/, 'webcal'));
  });

  it.each([
    ['A'.repeat(43), true],
    ['abcDEF0123456789-_abcDEF0123456789-_abcDEF0', true],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    [`${'A'.repeat(42)}=`, false],
    [`${'A'.repeat(42)}+`, false],
    [`${'A'.repeat(42)}/`, false],
  ])('token %s well-formed: %s', (t, ok) => {
    expect(FEED_TOKEN.test(t)).toBe(ok);
  });
});
