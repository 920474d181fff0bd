import type { Question } from './questionnaire.rules';

/**
 * The standard year-end questionnaire (Art. 11: projects, content, methods, times; Art. 21;
 * seed 002 for the methods: case teaching, simulation, site visits, online). The bureau starts
 * from it (`GET survey-questionnaires/template`) and the demo uses it.
 */
export const STANDARD_QUESTIONNAIRE: {
  title: string;
  description: string;
  questions: Question[];
} = {
  title: '社区工作者年度培训需求调查问卷',
  description:
    '根据《北京市社区工作者培训办法》第十一条、第二十一条，了解您对培训项目、培训内容、培训方式和培训时间的需求。' +
    '问卷结果只以汇总形式用于制定下一年度培训计划，不公开任何个人的答卷。',
  questions: [
    {
      key: 'training_types',
      label: '您希望参加下列哪些培训项目？',
      type: 'multi',
      required: true,
      role: 'training_types',
      hint: '可多选',
      options: [
        { key: 'induction', label: '初任培训' },
        { key: 'post', label: '岗位培训' },
        { key: 'advanced', label: '进修培训' },
        { key: 'continuing', label: '继续教育培训' },
        { key: 'elective', label: '职称类、学历类培训' },
      ],
    },
    {
      key: 'topics',
      label: '您最需要哪些培训内容？',
      type: 'rank',
      required: true,
      maxSelections: 3,
      hint: '请选出最需要的三项，按重要程度排序',
      options: [
        { key: 'policy_law', label: '政策法规解读' },
        { key: 'governance', label: '社区治理与服务' },
        { key: 'party_building', label: '基层党建' },
        { key: 'mass_work', label: '群众工作方法' },
        { key: 'mediation', label: '矛盾纠纷调解' },
        { key: 'social_work', label: '社会工作专业方法' },
        { key: 'emergency', label: '应急管理与安全' },
        { key: 'digital', label: '数字化办公与信息技术' },
        { key: 'psychology', label: '心理疏导与压力调适' },
        { key: 'writing', label: '公文写作' },
        { key: 'elderly', label: '养老与为老服务' },
        { key: 'family', label: '青少年与家庭服务' },
      ],
    },
    {
      key: 'methods',
      label: '您喜欢哪些培训方式？',
      type: 'multi',
      required: true,
      maxSelections: 3,
      hint: '最多选三项',
      options: [
        { key: 'lecture', label: '专题讲授' },
        { key: 'case_teaching', label: '案例教学' },
        { key: 'simulation', label: '模拟教学' },
        { key: 'site_visit', label: '现场观摩' },
        { key: 'online', label: '线上培训' },
        { key: 'discussion', label: '研讨交流' },
      ],
    },
    {
      key: 'days',
      label: '培训安排在工作日还是周末？',
      type: 'single',
      required: true,
      options: [
        { key: 'weekday', label: '工作日' },
        { key: 'weekend', label: '周末' },
        { key: 'either', label: '均可' },
      ],
    },
    {
      key: 'daytime',
      label: '培训安排在白天还是晚上？',
      type: 'single',
      required: true,
      options: [
        { key: 'daytime', label: '白天' },
        { key: 'evening', label: '晚上' },
        { key: 'either', label: '均可' },
      ],
    },
    {
      key: 'pattern',
      label: '您更喜欢集中培训还是分散培训？',
      type: 'single',
      required: true,
      options: [
        { key: 'concentrated', label: '集中培训（连续几天）' },
        { key: 'spread', label: '分散培训（每周一次）' },
      ],
    },
    {
      key: 'suggestions',
      label: '您对培训还有哪些意见和建议？',
      type: 'text',
      required: false,
      maxLength: 500,
    },
  ],
};
