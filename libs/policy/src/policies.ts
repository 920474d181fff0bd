import { PolicyLayer, TrainingPolicy } from './policy.types';

/**
 * 海淀区 (seed 001 part 1, 第六条（三）1): a worker who did not take part in the year's training
 * or its exam, or failed the exam, cannot be rated excellent — in Haidian only.
 */
export const HAIDIAN_LAYER: PolicyLayer = {
  level: 'district',
  districtCode: '110108',
  name: '海淀区',
  gradeCaps: (['no_training', 'no_exam', 'failed_exam'] as const).map((when) => ({
    when,
    bestGrade: 'competent',
    source: '海淀区社区工作者管理办法 第六条（三）1',
  })),
};

/**
 * 北京市社区工作者培训办法 (2012, seed 000) with Beijing's worker-management rules
 * (seed 001): the four grades; Haidian's rule (a worker who skipped the year's training or
 * failed its exam cannot be rated excellent) is a district layer on top.
 */
export const BEIJING_2012: TrainingPolicy = {
  id: 'beijing-2012',
  region: 'beijing',
  title: '北京市社区工作者培训办法（2012）',
  fromYear: 2012,
  types: [
    {
      type: 'induction',
      label: '初任培训',
      mandatoryFor: 'new_workers',
      hours: { default: 20, byChannel: { recruited_citywide: 24 } },
      fundedBy: 'district',
    },
    {
      type: 'post',
      label: '岗位培训',
      mandatoryFor: 'serving_workers',
      hours: { default: 40 },
      fundedBy: 'district',
    },
    {
      type: 'advanced',
      label: '进修培训',
      mandatoryFor: 'nominated',
      hours: { default: 320 },
      fundedBy: 'municipal',
    },
    {
      type: 'continuing',
      label: '继续教育培训',
      mandatoryFor: 'qualified_workers',
      // "按照继续教育有关规定": the Measures set no figure of their own
      hours: { default: null },
      fundedBy: 'district',
    },
    {
      type: 'elective',
      label: '职称类、学历类培训',
      mandatoryFor: 'nobody',
      hours: { default: null },
      fundedBy: 'worker',
    },
  ],
  advanced: { quotaPerYear: 100, nominationGrades: ['excellent'] },
  assessmentGrades: [
    { code: 'excellent', label: '优秀', rank: 1 },
    { code: 'competent', label: '合格', rank: 2 },
    { code: 'basically_competent', label: '基本合格', rank: 3 },
    { code: 'incompetent', label: '不合格', rank: 4 },
  ],
  // Art. 16: the institution examines under the authority's supervision; one retake
  exam: { maxScore: 100, passScore: 60, maxRetakes: 1 },
  // the municipality sets no cap of its own (seed 001 part 4 (三): a yearly centralised training
  // whose results are "one basis" of the assessment); Haidian's cap is Haidian's layer
  gradeCaps: [],
  layers: [HAIDIAN_LAYER],
};

/**
 * 沈阳市社区工作者管理办法 (seed 001): 优秀 / 称职 / 告诫 / 不称职; at least 40
 * class hours a year; failing the training counts as 不称职. Training types and
 * funding follow the same national pattern; Shenyang sets no advanced quota.
 */
export const SHENYANG_2012: TrainingPolicy = {
  id: 'shenyang-2012',
  region: 'shenyang',
  title: '沈阳市社区工作者管理办法',
  fromYear: 2012,
  types: [
    {
      type: 'induction',
      label: '初任培训',
      mandatoryFor: 'new_workers',
      hours: { default: 40 },
      fundedBy: 'district',
    },
    {
      type: 'post',
      label: '岗位培训',
      mandatoryFor: 'serving_workers',
      hours: { default: 40 },
      fundedBy: 'district',
    },
    {
      type: 'advanced',
      label: '进修培训',
      mandatoryFor: 'nominated',
      hours: { default: null },
      fundedBy: 'municipal',
    },
    {
      type: 'continuing',
      label: '继续教育培训',
      mandatoryFor: 'qualified_workers',
      hours: { default: null },
      fundedBy: 'district',
    },
    {
      type: 'elective',
      label: '职称类、学历类培训',
      mandatoryFor: 'nobody',
      hours: { default: null },
      fundedBy: 'worker',
    },
  ],
  advanced: { quotaPerYear: 0, nominationGrades: ['excellent'] },
  assessmentGrades: [
    { code: 'excellent', label: '优秀', rank: 1 },
    { code: 'competent', label: '称职', rank: 2 },
    { code: 'warned', label: '告诫', rank: 3 },
    { code: 'incompetent', label: '不称职', rank: 4 },
  ],
  gradeCaps: [
    {
      when: 'hours_below',
      hours: 40,
      bestGrade: 'incompetent',
      source: '沈阳市社区工作者管理办法 第三十五、三十六条',
    },
    {
      when: 'no_exam',
      bestGrade: 'incompetent',
      source: '沈阳市社区工作者管理办法 第三十五、三十六条',
    },
    {
      when: 'failed_exam',
      bestGrade: 'incompetent',
      source: '沈阳市社区工作者管理办法 第三十五、三十六条',
    },
  ],
  // failing counts as 不称职 (gradeCaps): the trainee may sit the exam twice more
  exam: { maxScore: 100, passScore: 60, maxRetakes: 2 },
  shareLimits: [
    {
      grade: 'excellent',
      maxPercent: 20,
      per: 'street',
      source: '沈阳市社区工作者管理办法 第二十八条',
    },
  ],
  remedial: [
    {
      afterGrade: 'warned',
      type: 'post',
      label: '专门培训',
      source: '沈阳市社区工作者管理办法 第三十二条',
    },
  ],
};

export const POLICIES: readonly TrainingPolicy[] = [BEIJING_2012, SHENYANG_2012];
