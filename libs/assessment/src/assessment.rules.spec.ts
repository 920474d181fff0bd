import { BEIJING_2012, SHENYANG_2012, TrainingPolicy } from '@peixun/policy';
import {
  buildRecord,
  canonicalJson,
  gradeRefusal,
  limitPhrase,
  recordHash,
  RecordInput,
  shareCap,
} from './assessment.rules';
import type { ExamPart, PartName, RecordParts } from './record.types';

const ALL: ReadonlySet<PartName> = new Set([
  'hours',
  'attendance',
  'enrolment',
  'exams',
  'certificates',
  'evaluations',
]);
const WITHOUT_EXAMS: ReadonlySet<PartName> = new Set(['hours', 'attendance', 'enrolment']);
const HAIDIAN = '110108';
const DONGCHENG = '110101';
const HEPING = '210102';

const exam = (date: string, passed: boolean, classId = 'c1'): ExamPart => ({
  date,
  passed,
  score: passed ? 80 : 45,
  classId,
  title: '岗位培训班',
  type: 'post',
});

/** The same worker's year, as the contributors would give it. */
const parts = (postHours: number, exams: ExamPart[]): Partial<RecordParts> => ({
  hours: postHours ? [{ type: 'post', creditedHalfHours: postHours * 2, classes: 1 }] : [],
  attendance: {
    sessionsHeld: 5,
    sessionsAttended: postHours ? 5 : 0,
    leave: 0,
    absent: postHours ? 0 : 5,
    inductionHalfHoursToDate: 0,
  },
  enrolment: {
    startedOn: '2018-03-01',
    entryChannel: 'recruited_other',
    positionTier: 'staff',
    enrolled: 1,
    withdrawn: 0,
  },
  exams,
});

const input = (
  policy: TrainingPolicy,
  district: string,
  p: Partial<RecordParts>,
  known = ALL,
): RecordInput => ({
  workerId: 'w1',
  year: 2026,
  policy,
  districtCode: district,
  newToWork: false,
  parts: p,
  known,
});

describe('grade limits: Beijing (with Haidian’s layer) vs Shenyang on the same records', () => {
  const records: Record<string, Partial<RecordParts>> = {
    'full, exam passed': parts(40, [exam('2026-10-12', true)]),
    'full, exam failed': parts(40, [exam('2026-10-12', false)]),
    'failed, then passed the resit': parts(40, [
      exam('2026-10-12', false),
      exam('2026-11-02', true),
    ]),
    '30 hours, exam passed': parts(30, [exam('2026-10-12', true)]),
    'full, no exam': parts(40, []),
    'no training': parts(0, []),
  };
  it.each<[string, string, TrainingPolicy, string | null, string[]]>([
    ['full, exam passed', DONGCHENG, BEIJING_2012, null, []],
    ['full, exam passed', HAIDIAN, BEIJING_2012, null, []],
    ['full, exam passed', HEPING, SHENYANG_2012, null, []],
    ['full, exam failed', DONGCHENG, BEIJING_2012, null, []],
    [
      'full, exam failed',
      HAIDIAN,
      BEIJING_2012,
      'competent',
      ['不得评为优秀：2026-10-12 岗位培训考试未通过'],
    ],
    [
      'full, exam failed',
      HEPING,
      SHENYANG_2012,
      'incompetent',
      ['只能评为不称职：2026-10-12 岗位培训考试未通过'],
    ],
    ['failed, then passed the resit', HAIDIAN, BEIJING_2012, null, []],
    ['failed, then passed the resit', HEPING, SHENYANG_2012, null, []],
    ['30 hours, exam passed', HAIDIAN, BEIJING_2012, null, []],
    [
      '30 hours, exam passed',
      HEPING,
      SHENYANG_2012,
      'incompetent',
      ['只能评为不称职：2026 年培训 30 学时，不足 40 学时'],
    ],
    ['full, no exam', DONGCHENG, BEIJING_2012, null, []],
    ['full, no exam', HAIDIAN, BEIJING_2012, 'competent', ['不得评为优秀：2026 年未参加培训考试']],
    [
      'full, no exam',
      HEPING,
      SHENYANG_2012,
      'incompetent',
      ['只能评为不称职：2026 年未参加培训考试'],
    ],
    ['no training', DONGCHENG, BEIJING_2012, null, []],
    [
      'no training',
      HAIDIAN,
      BEIJING_2012,
      'competent',
      ['不得评为优秀：2026 年未参加培训', '不得评为优秀：2026 年未参加培训考试'],
    ],
    [
      'no training',
      HEPING,
      SHENYANG_2012,
      'incompetent',
      ['只能评为不称职：2026 年培训 0 学时，不足 40 学时', '只能评为不称职：2026 年未参加培训考试'],
    ],
  ])('%s in district %s (%#)', (name, district, policy, best, texts) => {
    const r = buildRecord(input(policy, district, records[name]));
    expect(r.limits.bestGrade).toBe(best);
    expect(r.limits.reasons.map((x) => x.text)).toEqual(texts);
    expect(r.limits.required).toBe(best === 'incompetent' ? 'incompetent' : null);
  });

  it('names the layer of each limit: Haidian’s district layer, Shenyang’s municipal rules', () => {
    const bj = buildRecord(input(BEIJING_2012, HAIDIAN, records['full, exam failed']));
    expect(bj.limits.reasons[0].layer).toEqual({
      level: 'district',
      name: '海淀区',
      code: HAIDIAN,
    });
    expect(bj.limits.reasons[0].source).toContain('海淀区');
    expect(bj.layers.map((l) => l.level)).toEqual(['municipality', 'district']);
    const sy = buildRecord(input(SHENYANG_2012, HEPING, records['full, exam failed']));
    expect(sy.limits.reasons[0].layer.level).toBe('municipality');
    expect(sy.limits.reasons[0].source).toContain('第三十五、三十六条');
  });

  it('applies no exam rule while exam results are unknown (no exams contributor)', () => {
    const r = buildRecord(input(BEIJING_2012, HAIDIAN, parts(40, []), WITHOUT_EXAMS));
    expect(r.exams).toBeNull();
    expect(r.limits.bestGrade).toBeNull();
    expect(r.requirements.map((q) => q.code)).toEqual(['post']);
  });
});

describe('requirements', () => {
  it.each<[string, boolean, number, number, boolean]>([
    // channel, new, induction hours to date, post hours, compliant
    ['recruited_citywide', true, 24, 0, true],
    ['recruited_citywide', true, 23, 0, false],
    ['recruited_other', true, 20, 0, true],
    ['recruited_other', false, 0, 40, true],
    ['recruited_other', false, 0, 39.5, false],
  ])('Beijing: %s, new %s, induction %d h, post %d h → met %s', (channel, isNew, ind, post, ok) => {
    const p = parts(post, []);
    p.enrolment = {
      ...p.enrolment!,
      entryChannel: channel,
      startedOn: isNew ? '2026-02-01' : '2018-03-01',
    };
    p.attendance = { ...p.attendance!, inductionHalfHoursToDate: ind * 2 };
    const r = buildRecord({ ...input(BEIJING_2012, DONGCHENG, p), newToWork: isNew });
    expect(r.requirements.every((q) => q.met)).toBe(ok);
    expect(r.requirements.map((q) => q.code)).toEqual(isNew ? ['induction'] : ['post']);
  });

  it('Shenyang adds the yearly 40 hours and the exam (Art. 35)', () => {
    const r = buildRecord(input(SHENYANG_2012, HEPING, parts(40, [exam('2026-10-12', true)])));
    expect(r.requirements.map((q) => [q.code, q.met])).toEqual([
      ['post', true],
      ['yearly_hours', true],
      ['exam', true],
    ]);
  });
});

describe('grade refusal and share limits', () => {
  const limits = buildRecord(
    input(BEIJING_2012, HAIDIAN, parts(40, [exam('2026-10-12', false)])),
  ).limits;
  it.each<[string, number]>([
    ['excellent', 1],
    ['competent', 0],
    ['incompetent', 0],
  ])('%s refused by %i reasons', (grade, n) => {
    expect(gradeRefusal(BEIJING_2012, limits, grade)).toHaveLength(n);
  });
  it.each<[number, number, number]>([
    [20, 10, 2],
    [20, 9, 1],
    [20, 4, 0],
    [20, 100, 20],
  ])('%i %% of %i workers: at most %i', (pct, n, cap) => {
    expect(shareCap(pct, n)).toBe(cap);
  });
  it('phrases limits in the region’s grades', () => {
    expect(limitPhrase(SHENYANG_2012, 'warned')).toBe('不得评为优秀、称职');
  });
});

describe('determinism', () => {
  it('the same parts give the same record and hash, whatever the order of keys or lists', () => {
    const a = parts(40, [exam('2026-11-02', true, 'c2'), exam('2026-10-12', false, 'c1')]);
    const b = { ...a, exams: [...a.exams!].reverse() };
    const ra = buildRecord(input(BEIJING_2012, HAIDIAN, a));
    const rb = buildRecord(input(BEIJING_2012, HAIDIAN, b));
    expect(rb).toEqual(ra);
    expect(recordHash(rb)).toBe(recordHash(ra));
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
  });
});
