import { BEIJING_2012, SHENYANG_2012 } from './policies';
import {
  courseMinimumHours,
  gradeAllowed,
  gradeCap,
  gradeOf,
  mayNominate,
  minimumHours,
  parseGrade,
  payer,
  policyFor,
  policyProblems,
  workerMayBeCharged,
} from './policy.rules';
import { TrainingPolicy, TrainingType } from './policy.types';

describe('policy lookup', () => {
  const later: TrainingPolicy = { ...BEIJING_2012, id: 'beijing-2027', fromYear: 2027 };

  it.each([
    ['beijing', 2011, null],
    ['beijing', 2012, 'beijing-2012'],
    ['beijing', 2026, 'beijing-2012'],
    ['beijing', 2027, 'beijing-2027'],
    ['shenyang', 2026, 'shenyang-2012'],
    ['guangzhou', 2026, null],
  ])('%s in %i -> %s', (region, year, id) => {
    expect(policyFor(region, year, [BEIJING_2012, SHENYANG_2012, later])?.id ?? null).toBe(id);
  });
});

describe('minimum hours (Art. 6–10)', () => {
  it.each<[TrainingPolicy, TrainingType, string | null, number | null]>([
    [BEIJING_2012, 'induction', 'recruited_citywide', 24],
    [BEIJING_2012, 'induction', 'recruited_other', 20],
    [BEIJING_2012, 'induction', 'elected', 20],
    [BEIJING_2012, 'post', 'elected', 40],
    [BEIJING_2012, 'advanced', null, 320],
    [BEIJING_2012, 'continuing', null, null],
    [BEIJING_2012, 'elective', null, null],
    [SHENYANG_2012, 'post', null, 40],
  ])('%#: %s for %s', (policy, type, channel, hours) => {
    expect(minimumHours(policy, type, { entryChannel: channel })).toBe(hours);
  });

  it.each<[string[] | undefined, number]>([
    [['recruited_citywide'], 24],
    [['recruited_other'], 20],
    [['recruited_other', 'recruited_citywide'], 24],
    [undefined, 24],
  ])('an induction course for %j needs %i hours', (channels, hours) => {
    expect(courseMinimumHours(BEIJING_2012, 'induction', { entryChannels: channels })).toBe(hours);
  });

  it('follows the data: a 48-hour post minimum is 48 everywhere', () => {
    const p: TrainingPolicy = {
      ...BEIJING_2012,
      types: BEIJING_2012.types.map((t) =>
        t.type === 'post' ? { ...t, hours: { default: 48 } } : t,
      ),
    };
    expect(minimumHours(p, 'post')).toBe(48);
    expect(courseMinimumHours(p, 'post')).toBe(48);
  });
});

describe('funding (Art. 23)', () => {
  it.each<[TrainingType, string, boolean]>([
    ['induction', 'district', false],
    ['post', 'district', false],
    ['advanced', 'municipal', false],
    ['continuing', 'district', false],
    ['elective', 'worker', true],
  ])('%s is paid by %s; worker may be charged: %s', (type, who, charged) => {
    expect(payer(BEIJING_2012, type)).toBe(who);
    expect(workerMayBeCharged(BEIJING_2012, type)).toBe(charged);
  });
});

describe('advanced-study nomination (Art. 9)', () => {
  it.each<[string | null, number, boolean, string | null]>([
    ['excellent', 0, true, null],
    ['excellent', 99, true, null],
    ['excellent', 100, false, 'quota_full'],
    ['competent', 0, false, 'grade_not_eligible'],
    [null, 0, false, 'no_previous_grade'],
  ])('grade %s with %i nominated: %s', (grade, count, ok, reason) => {
    expect(mayNominate(BEIJING_2012, grade, count)).toEqual({ ok, reason });
  });
});

describe('grade caps from training (seed 001)', () => {
  const ok = { hours: 40, attended: true, failedExam: false, examTaken: true };
  const HAIDIAN = '110108';
  const DONGCHENG = '110101';
  it.each<[TrainingPolicy, string | null, typeof ok, string | null]>([
    [BEIJING_2012, HAIDIAN, ok, null],
    [BEIJING_2012, HAIDIAN, { ...ok, attended: false, hours: 0 }, 'competent'],
    [BEIJING_2012, HAIDIAN, { ...ok, failedExam: true }, 'competent'],
    [BEIJING_2012, HAIDIAN, { ...ok, examTaken: false }, 'competent'],
    [BEIJING_2012, HAIDIAN, { ...ok, hours: 12 }, null],
    // Haidian's rule is Haidian's: the rest of Beijing has no cap from training
    [BEIJING_2012, DONGCHENG, { ...ok, attended: false, hours: 0 }, null],
    [BEIJING_2012, DONGCHENG, { ...ok, failedExam: true }, null],
    [BEIJING_2012, null, { ...ok, failedExam: true }, null],
    [SHENYANG_2012, '210102', ok, null],
    [SHENYANG_2012, '210102', { ...ok, hours: 39 }, 'incompetent'],
    [SHENYANG_2012, '210102', { ...ok, failedExam: true }, 'incompetent'],
    [SHENYANG_2012, '210102', { ...ok, examTaken: false }, 'incompetent'],
  ])('%#: cap in district %s under %o', (policy, district, outcome, cap) => {
    expect(gradeCap(policy, outcome, district)?.grade ?? null).toBe(cap);
  });

  it('names the layer a cap comes from', () => {
    expect(gradeCap(BEIJING_2012, { ...ok, failedExam: true }, HAIDIAN)?.layer).toEqual({
      level: 'district',
      name: '海淀区',
      code: HAIDIAN,
    });
    expect(gradeCap(SHENYANG_2012, { ...ok, hours: 0 }, '210102')?.layer.level).toBe(
      'municipality',
    );
  });

  it('does not apply the no-exam rule where exam results are unknown', () => {
    const { examTaken: _unknown, ...noExamData } = ok;
    expect(gradeCap(BEIJING_2012, noExamData, HAIDIAN)).toBeNull();
  });

  it.each<[string, boolean]>([
    ['excellent', false],
    ['competent', true],
    ['incompetent', true],
  ])('Haidian: with no training, %s allowed: %s', (grade, allowed) => {
    expect(
      gradeAllowed(BEIJING_2012, grade, { hours: 0, attended: false, failedExam: false }, HAIDIAN),
    ).toBe(allowed);
  });
});

describe('grades are the region’s own', () => {
  it.each([
    [BEIJING_2012, '优秀', 'excellent'],
    [BEIJING_2012, 'basically_competent', 'basically_competent'],
    [BEIJING_2012, '称职', null],
    [SHENYANG_2012, '称职', 'competent'],
    [SHENYANG_2012, '告诫', 'warned'],
    [SHENYANG_2012, '基本合格', null],
  ])('%#: %s', (policy, input, code) => {
    expect(parseGrade(policy, input)?.code ?? null).toBe(code);
  });

  it('knows grade ranks', () => {
    expect(gradeOf(BEIJING_2012, 'excellent')?.rank).toBe(1);
    expect(gradeOf(BEIJING_2012, 'warned')).toBeNull();
  });
});

describe('policy consistency', () => {
  it('the shipped policies are consistent', () => {
    expect(policyProblems(BEIJING_2012)).toEqual([]);
    expect(policyProblems(SHENYANG_2012)).toEqual([]);
  });

  it('finds a mandatory type paid by workers, fractional hours and unknown grades', () => {
    const bad: TrainingPolicy = {
      ...BEIJING_2012,
      types: BEIJING_2012.types.map((t) =>
        t.type === 'post' ? { ...t, fundedBy: 'worker' as const, hours: { default: 40.5 } } : t,
      ),
      gradeCaps: [{ when: 'no_training', bestGrade: 'great', source: 'x' }],
    };
    expect(policyProblems(bad)).toEqual([
      'types.post: a mandatory type cannot be paid by the worker (Art. 23)',
      'types.post.hours: 40.5 is not a whole number of hours between 0 and 2000',
      'gradeCaps: unknown grade great',
    ]);
  });
});
