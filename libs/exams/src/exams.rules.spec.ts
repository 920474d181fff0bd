import { POLICY_DEFAULTS } from '@peixun/policy';
import {
  attemptAllowed,
  certificateSerial,
  examOutcome,
  maskName,
  resultRefusal,
  verdict,
  verificationUrl,
} from './exams.rules';

const rules = POLICY_DEFAULTS.exam; // 60 of 100 to pass, one retake
const twoRetakes = { ...rules, maxRetakes: 2 };
const failed = (attempt: number) => ({ attempt, passed: false });

describe('exam rules', () => {
  it.each([
    ['hours not met', rules, 1, false, [], 'hours_not_met'],
    ['first attempt, hours met', rules, 1, true, [], null],
    ['retake after a fail', rules, 2, true, [failed(1)], null],
    ['retake after missing the exam', rules, 2, true, [], null],
    ['retake after a pass', rules, 2, true, [{ attempt: 1, passed: true }], 'already_passed'],
    ['second retake, one allowed', rules, 3, true, [failed(1), failed(2)], 'no_retakes_left'],
    ['second retake, two allowed', twoRetakes, 3, true, [failed(1), failed(2)], null],
  ] as const)('%s', (_, r, attempt, met, prior, expected) => {
    expect(resultRefusal(r, attempt, met, prior)).toBe(expected);
  });

  it.each([
    [rules, 1, true],
    [rules, 2, true],
    [rules, 3, false],
    [twoRetakes, 3, true],
    [rules, 0, false],
  ] as const)('attempt allowed (%#)', (r, attempt, ok) => {
    expect(attemptAllowed(r, attempt)).toBe(ok);
  });

  const scored = { mode: 'score', passScore: 60, maxScore: 100 } as const;
  const passFail = { mode: 'pass_fail', passScore: 60, maxScore: 100 } as const;
  it.each([
    [scored, { score: 60 }, { score: 60, passed: true }],
    [scored, { score: 59 }, { score: 59, passed: false }],
    [scored, { score: 101 }, 'score_out_of_range'],
    [scored, { passed: true }, 'score_required'],
    [passFail, { passed: false }, { score: null, passed: false }],
    [passFail, { score: 90 }, 'passed_required'],
  ] as const)('verdict (%#)', (exam, input, expected) => {
    expect(verdict(exam, input)).toEqual(expected);
  });

  it('outcome over attempts', () => {
    expect(examOutcome([])).toBe('none');
    expect(examOutcome([failed(1)])).toBe('failed');
    expect(examOutcome([failed(1), { attempt: 2, passed: true }])).toBe('passed');
  });

  it.each([
    ['BJPX', 2026, 123, 'BJPX-2026-000123'],
    ['SYPX', 2027, 1, 'SYPX-2027-000001'],
    ['BJPX', 2026, 1234567, 'BJPX-2026-1234567'],
  ])('serial %s %i %i', (prefix, year, seq, serial) => {
    expect(certificateSerial(prefix, year, seq)).toBe(serial);
  });

  it.each([
    ['张三丰', '张*丰'],
    ['李四', '李*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '王'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('verification URL', () => {
    expect(verificationUrl('https://px.example.cn/', 'BJPX-2026-000001', 'ab_c-9')).toBe(
      'https://px.example.cn/v/BJPX-2026-000001?c=ab_c-9',
    );
  });
});
