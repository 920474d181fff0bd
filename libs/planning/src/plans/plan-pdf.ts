import { hoursLabel, PdfDocumentBuilder, yuan } from '@peixun/core';
import type { ProjectPlan } from './plan.entity';

/** Chinese labels of the teaching methods (seed 002), as documents print them. */
export const METHOD_LABELS: Readonly<Record<string, string>> = {
  lecture: '专题讲座',
  case_teaching: '案例教学',
  simulation: '模拟演练',
  site_visit: '现场观摩',
  online: '网络培训',
};
const TYPE_LABELS: Record<string, string> = {
  induction: '初任培训',
  post: '岗位培训',
  advanced: '进修培训',
  continuing: '继续教育培训',
  elective: '职称类、学历类培训',
};
const PAYER_LABELS: Record<string, string> = {
  municipal: '市级财政',
  district: '区级财政',
  worker: '个人',
};

export interface PlanPdfInput {
  plan: ProjectPlan;
  type: string;
  districtName: string;
  institutionName: string;
  teacherNames: Map<string, string>;
  approvedOn: string;
  authority: string;
}

/**
 * The approved project plan (培训项目计划书) as an A4 PDF in Chinese, with the filing stamp text;
 * built from the shared document blocks (the filing authority heads every page).
 */
export function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const { plan } = input;
  const doc = new PdfDocumentBuilder({
    title: `培训项目计划书 ${plan.title}`,
    issuer: input.authority,
    headerRight: '培训项目计划书',
    footer: [input.districtName, plan.filingNumber ? `备案号 ${plan.filingNumber}` : '']
      .filter(Boolean)
      .join('\u3000'),
    author: input.authority,
    // the decision's time, not "now": the same plan renders to the same bytes
    createdAt: plan.decidedAt ?? plan.updatedAt ?? new Date(0),
    margin: 50,
  });
  doc.title('培训项目计划书', `${plan.year} 年度 · ${input.districtName}`);

  doc.keyValues([
    ['项目名称', plan.title],
    ['培训类型', TYPE_LABELS[input.type] ?? input.type],
    ['受委托培训机构', input.institutionName],
    ['培训时间', `${plan.startDate} 至 ${plan.endDate}`],
    ['培训地点', plan.place],
    ['培训方式', plan.methods.map((m) => METHOD_LABELS[m] ?? m).join('、')],
    ['培训名额', `${plan.places} 人`],
    ['师资', plan.teacherIds.map((t) => input.teacherNames.get(t) ?? t).join('、')],
    ['教材与资料', plan.materials ?? ''],
  ]);

  doc.heading('课程安排');
  const total = plan.sessions.reduce((a, s) => a + s.halfHours, 0);
  doc.table(
    plan.sessions,
    [
      { header: '序号', width: 32, align: 'center', text: (_s, i) => String(i + 1) },
      { header: '日期', width: 70, align: 'center', text: (s) => s.date },
      { header: '开始', width: 44, align: 'center', text: (s) => s.startTime },
      { header: '课程内容', flex: 1, text: (s) => s.topic },
      { header: '学时', width: 36, align: 'center', text: (s) => hoursLabel(s.halfHours) },
      {
        header: '授课教师',
        width: 110,
        text: (s) => (s.teacherId ? (input.teacherNames.get(s.teacherId) ?? '') : ''),
      },
    ],
    { fontSize: 9.5 },
  );
  doc.paragraph(`合计 ${hoursLabel(total)} 学时`, { size: 10, bold: true, gap: 10 });

  doc.heading('经费测算');
  const sum = plan.costItems.reduce((a, c) => a + c.amountFen, 0);
  const byWorker = plan.costItems
    .filter((c) => c.payer === 'worker')
    .reduce((a, c) => a + c.amountFen, 0);
  doc.table(
    plan.costItems,
    [
      { header: '项目', flex: 1, text: (c) => c.item },
      { header: '金额（元）', width: 90, align: 'right', text: (c) => yuan(c.amountFen) },
      {
        header: '承担方',
        width: 90,
        align: 'center',
        text: (c) => PAYER_LABELS[c.payer] ?? c.payer,
      },
    ],
    { fontSize: 9.5 },
  );
  doc.paragraph(`合计：${yuan(sum)} 元。社区工作者个人负担：${yuan(byWorker)} 元。`, {
    size: 10,
    gap: 16,
  });

  // the filing stamp (text, not an image): authority, filing number, date of approval
  const w = 210;
  const h = 78;
  doc.ensureSpace(h + 4);
  const x = doc.left + doc.width - w;
  const y = doc.y;
  const pdf = doc.doc;
  pdf.save().lineWidth(2).strokeColor('#c0392b').roundedRect(x, y, w, h, 8).stroke().restore();
  pdf.fillColor('#c0392b');
  doc.font('bold', 14);
  pdf.text('已 备 案', x, y + 10, { width: w, align: 'center' });
  doc.font('regular', 10);
  pdf.text(input.authority, x, y + 32, { width: w, align: 'center' });
  pdf.text(`备案号 ${plan.filingNumber ?? ''}`, x, y + 46, { width: w, align: 'center' });
  pdf.text(input.approvedOn, x, y + 60, { width: w, align: 'center' });
  pdf.fillColor('black');
  doc.y = y + h;
  return doc.end();
}
