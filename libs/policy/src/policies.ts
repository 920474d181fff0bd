import { TrainingPolicy } from './policy.types';

/** 北京市社区工作者培训办法 (2012) and the Beijing worker-management rules (seed 001). */
export const BEIJING_2012: TrainingPolicy = {
  id: 'beijing-2012',
  region: 'beijing',
  title: '北京市社区工作者培训办法（2012）',
  fromYear: 2012,
  assessmentGrades: [
    { code: 'excellent', label: '优秀', rank: 1 },
    { code: 'competent', label: '合格', rank: 2 },
    { code: 'basically_competent', label: '基本合格', rank: 3 },
    { code: 'incompetent', label: '不合格', rank: 4 },
  ],
};

/** 沈阳市社区工作者管理 (seed 001): 优秀 / 称职 / 告诫 / 不称职. */
export const SHENYANG_2012: TrainingPolicy = {
  id: 'shenyang-2012',
  region: 'shenyang',
  title: '沈阳市社区工作者管理办法',
  fromYear: 2012,
  assessmentGrades: [
    { code: 'excellent', label: '优秀', rank: 1 },
    { code: 'competent', label: '称职', rank: 2 },
    { code: 'warned', label: '告诫', rank: 3 },
    { code: 'incompetent', label: '不称职', rank: 4 },
  ],
};

export const POLICIES: readonly TrainingPolicy[] = [BEIJING_2012, SHENYANG_2012];
