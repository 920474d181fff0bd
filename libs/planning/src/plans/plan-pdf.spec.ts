import { pdfHasImages, pdfPageTexts } from '@peixun/core/documents/testing/pdf-text';
import type { ProjectPlan } from './plan.entity';
import { renderPlanPdf, type PlanPdfInput } from './plan-pdf';

const plan = {
  id: 'p1',
  year: 2026,
  title: '2026 年东城区社区工作者岗位培训',
  places: 120,
  startDate: '2026-03-02',
  endDate: '2026-03-20',
  place: '北京社会管理职业学院',
  methods: ['lecture', 'case_teaching'],
  teacherIds: ['t1', 't2'],
  materials: '《社区工作实务》',
  sessions: Array.from({ length: 10 }, (_, i) => ({
    date: `2026-03-${String(i + 2).padStart(2, '0')}`,
    startTime: '09:00',
    halfHours: 8,
    topic: `社区治理专题 ${i + 1}`,
    teacherId: i % 2 ? 't2' : 't1',
  })),
  costItems: [
    { item: '授课费', amountFen: 1_200_000, payer: 'district' },
    { item: '教材费', amountFen: 360_000, payer: 'municipal' },
  ],
  filingNumber: '京培计备〔2026〕0007号',
  decidedAt: new Date('2026-02-10T02:00:00Z'),
  updatedAt: new Date('2026-02-10T02:00:00Z'),
} as unknown as ProjectPlan;

const input: PlanPdfInput = {
  plan,
  type: 'post',
  districtName: '东城区',
  institutionName: '北京社会管理职业学院',
  teacherNames: new Map([
    ['t1', '王建国（教授）'],
    ['t2', '李秀英'],
  ]),
  approvedOn: '2026年02月10日',
  authority: '北京市民政局',
};

describe('project-plan PDF (built from the shared document blocks)', () => {
  it('carries the plan, its sessions, costs and the filing stamp; same plan, same bytes', async () => {
    const pdf = await renderPlanPdf(input);
    const text = (await pdfPageTexts(pdf)).join('').replace(/\s+/g, '');
    for (const expected of [
      '北京市民政局',
      '培训项目计划书',
      '2026年度·东城区',
      '岗位培训',
      '专题讲座、案例教学',
      '120人',
      '王建国（教授）、李秀英',
      '《社区工作实务》',
      '社区治理专题10',
      '合计40学时',
      '15600.00元',
      '社区工作者个人负担：0.00元',
      '已备案',
      '备案号京培计备〔2026〕0007号',
      '2026年02月10日',
    ])
      expect(text).toContain(expected);
    expect(pdfHasImages(pdf)).toBe(false);
    expect((await renderPlanPdf(input)).equals(pdf)).toBe(true);
  });
});
