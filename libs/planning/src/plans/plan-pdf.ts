import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import type { ProjectPlan } from './plan.entity';

const FONT_DIR = join(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'), '..');
const REGULAR = join(FONT_DIR, '400Regular', 'NotoSansSC_400Regular.ttf');
const BOLD = join(FONT_DIR, '700Bold', 'NotoSansSC_700Bold.ttf');

const METHOD_LABELS: Record<string, string> = {
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

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The approved project plan (培训项目计划书) as an A4 PDF in Chinese, with the filing stamp text. */
export function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const { plan } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `培训项目计划书 ${plan.title}`, Author: input.authority },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(20).text('培训项目计划书', { align: 'center' });
  doc
    .moveDown(0.3)
    .font('regular')
    .fontSize(11)
    .text(`${plan.year} 年度 · ${input.districtName}`, { align: 'center' });
  doc.moveDown(1);

  const field = (label: string, value: string): void => {
    doc
      .font('bold')
      .fontSize(11)
      .text(`${label}：`, { continued: true })
      .font('regular')
      .text(value || '—');
    doc.moveDown(0.2);
  };
  field('项目名称', plan.title);
  field('培训类型', TYPE_LABELS[input.type] ?? input.type);
  field('受委托培训机构', input.institutionName);
  field('培训时间', `${plan.startDate} 至 ${plan.endDate}`);
  field('培训地点', plan.place);
  field('培训方式', plan.methods.map((m) => METHOD_LABELS[m] ?? m).join('、'));
  field('培训名额', `${plan.places} 人`);
  field('师资', plan.teacherIds.map((t) => input.teacherNames.get(t) ?? t).join('、'));
  field('教材与资料', plan.materials ?? '');

  doc.moveDown(0.6).font('bold').fontSize(13).text('课程安排');
  doc.moveDown(0.3).font('regular').fontSize(10);
  let total = 0;
  plan.sessions.forEach((s, i) => {
    total += s.halfHours;
    const teacher = s.teacherId ? (input.teacherNames.get(s.teacherId) ?? '') : '';
    doc.text(`${i + 1}. ${s.date} ${s.startTime}  ${s.topic}  ${s.halfHours / 2} 学时  ${teacher}`);
  });
  doc
    .moveDown(0.2)
    .font('bold')
    .text(`合计 ${total / 2} 学时`);

  doc.moveDown(0.6).font('bold').fontSize(13).text('经费测算');
  doc.moveDown(0.3).font('regular').fontSize(10);
  let sum = 0;
  for (const c of plan.costItems) {
    sum += c.amountFen;
    doc.text(`${c.item}：${yuan(c.amountFen)} 元（${PAYER_LABELS[c.payer] ?? c.payer}）`);
  }
  doc.text(
    `合计：${yuan(sum)} 元。社区工作者个人负担：${yuan(plan.costItems.filter((c) => c.payer === 'worker').reduce((a, c) => a + c.amountFen, 0))} 元。`,
  );

  doc.moveDown(1.5);
  const y = doc.y;
  doc.save().lineWidth(2).strokeColor('#c0392b').roundedRect(330, y, 210, 78, 8).stroke().restore();
  doc
    .fillColor('#c0392b')
    .font('bold')
    .fontSize(14)
    .text('已 备 案', 330, y + 10, { width: 210, align: 'center' })
    .font('regular')
    .fontSize(10)
    .text(input.authority, 330, y + 32, { width: 210, align: 'center' })
    .text(`备案号 ${plan.filingNumber ?? ''}`, 330, y + 46, { width: 210, align: 'center' })
    .text(input.approvedOn, 330, y + 60, { width: 210, align: 'center' })
    .fillColor('black');
  doc.end();
  return done;
}
