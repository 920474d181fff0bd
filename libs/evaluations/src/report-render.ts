import { PdfDocumentBuilder } from '@peixun/core';
import ExcelJS from 'exceljs';
import type { EvaluationReportDto, GroupStatsDto, ItemStatsDto } from './dto/evaluation.dto';

const SCOPE_LABEL: Record<string, string> = {
  class: '班次',
  teacher: '教师',
  institution: '培训机构',
};

export interface RenderContext {
  /** The authority reported to (the region's), at the head of every page. */
  authority: string;
  createdAt: Date;
}

const pct = (v: number | null): string => (v === null ? '—' : `${v}%`);
const num = (v: number | null): string => (v === null ? '—' : String(v));

export function reportTitle(r: EvaluationReportDto): string {
  return `${r.targetName}${r.year ? ` ${r.year} 年度` : ''}教学评价报告`;
}

/** The Chinese PDF report: response rates, item averages as bar charts, distributions, comments. */
export async function renderReportPdf(r: EvaluationReportDto, ctx: RenderContext): Promise<Buffer> {
  const doc = new PdfDocumentBuilder({
    title: reportTitle(r),
    issuer: ctx.authority,
    footer: `两向评价（课堂评价、课后评价）结果报告 · 依据《北京市社区工作者培训办法》第十五条`,
    createdAt: ctx.createdAt,
    subject: `${SCOPE_LABEL[r.scope]}评价报告`,
  });
  doc.title(reportTitle(r), `${SCOPE_LABEL[r.scope]}：${r.targetName}`);
  doc.keyValues(
    [
      ['报告范围', SCOPE_LABEL[r.scope]],
      ['年度', r.year ? String(r.year) : '全部'],
      ['应评人次', num(r.total.expected)],
      ['已评人次', num(r.total.answered)],
      ['回收率', pct(r.total.rate)],
      ['匿名阈值', `${r.threshold} 份以下不单独统计`],
    ],
    { columns: 2 },
  );
  doc.heading('一、课后评价（学员评价教师与课程）');
  doc.table<GroupStatsDto>(
    [r.total, ...r.groups],
    [
      { header: r.scope === 'teacher' ? '班次' : '教师', flex: 3, text: (g) => g.label },
      { header: '应评', width: 50, align: 'right', text: (g) => num(g.expected) },
      { header: '已评', width: 50, align: 'right', text: (g) => num(g.answered) },
      { header: '回收率', width: 60, align: 'right', text: (g) => pct(g.rate) },
      {
        header: '量表均分',
        width: 70,
        align: 'right',
        text: (g) => (g.visible ? num(likertMean(g.items ?? [])) : '不足5份'),
      },
    ],
  );
  if (r.total.visible && r.total.items) itemSection(doc, r.total.items, '合计');
  for (const g of r.groups) {
    if (!g.visible || !g.items || !g.answered) continue;
    doc.heading(`${r.scope === 'teacher' ? '班次' : '教师'}：${g.label}`, 11);
    itemSection(doc, g.items, g.label);
    if (g.comments?.length) {
      doc.heading('意见和建议', 10);
      for (const c of g.comments) doc.paragraph(`· ${c}`, { size: 9 });
    }
  }
  if (r.classroom) {
    doc.heading('二、课堂评价（教师评价学员）');
    doc.keyValues([
      ['应评人次', String(r.classroom.expected)],
      ['已评人次', String(r.classroom.done)],
      ['完成率', pct(r.classroom.rate)],
    ]);
    itemSection(doc, r.classroom.items, '课堂评价');
  }
  return doc.end();
}

function likertMean(items: ItemStatsDto[]): number | null {
  const xs = items.filter((i) => i.average !== null).map((i) => i.average!);
  return xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : null;
}

function itemSection(doc: PdfDocumentBuilder, items: ItemStatsDto[], what: string): void {
  const likert = items.filter((i) => i.type === 'likert');
  if (likert.length) {
    doc.barChart(
      likert.map((i) => ({
        label: i.label,
        value: i.average ?? 0,
        valueText: i.average === null ? '—' : i.average.toFixed(2),
      })),
      {
        title: `${what}：各项均分（满分 5 分）`,
        max: 5,
        ticks: 5,
        note: '1 = 很不满意 … 5 = 很满意',
      },
    );
  }
  for (const i of items.filter((x) => x.type === 'single' || x.type === 'multiple')) {
    doc.barChart(
      i.distribution.map((d) => ({ label: d.option, value: d.count })),
      {
        title: `${i.label}（${i.type === 'single' ? '单选' : '多选'}，${i.answered} 人作答）`,
        wholeNumbers: true,
      },
    );
  }
}

/** The Excel workbook: a summary sheet, one row per group and item, and the comments. */
export async function renderReportXlsx(r: EvaluationReportDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'peixun';
  const summary = wb.addWorksheet('汇总');
  summary.columns = [
    { header: r.scope === 'teacher' ? '班次' : '教师', key: 'label', width: 30 },
    { header: '应评', key: 'expected', width: 10 },
    { header: '已评', key: 'answered', width: 10 },
    { header: '回收率(%)', key: 'rate', width: 12 },
    { header: '可见', key: 'visible', width: 8 },
  ];
  for (const g of [r.total, ...r.groups])
    summary.addRow({
      label: g.label,
      expected: g.expected,
      answered: g.answered,
      rate: g.rate,
      visible: g.visible ? '是' : '否（不足5份）',
    });
  summary.getRow(1).font = { bold: true };

  const items = wb.addWorksheet('题目统计');
  items.columns = [
    { header: '分组', key: 'group', width: 30 },
    { header: '题目', key: 'item', width: 40 },
    { header: '题型', key: 'type', width: 10 },
    { header: '作答数', key: 'answered', width: 10 },
    { header: '均分', key: 'average', width: 10 },
    { header: '分布', key: 'distribution', width: 60 },
  ];
  for (const g of [r.total, ...r.groups]) {
    for (const i of g.items ?? [])
      items.addRow({
        group: g.label,
        item: i.label,
        type: i.type,
        answered: i.answered,
        average: i.average,
        distribution: i.distribution.map((d) => `${d.option}:${d.count}`).join('；'),
      });
  }
  items.getRow(1).font = { bold: true };

  const notes = wb.addWorksheet('意见建议');
  notes.columns = [
    { header: '分组', key: 'group', width: 30 },
    { header: '意见和建议', key: 'text', width: 80 },
  ];
  for (const g of r.groups)
    for (const c of g.comments ?? []) notes.addRow({ group: g.label, text: c });
  notes.getRow(1).font = { bold: true };

  if (r.classroom) {
    const cls = wb.addWorksheet('课堂评价');
    cls.columns = [
      { header: '题目', key: 'item', width: 40 },
      { header: '作答数', key: 'answered', width: 10 },
      { header: '均分', key: 'average', width: 10 },
      { header: '分布', key: 'distribution', width: 60 },
    ];
    cls.addRow({ item: `应评 ${r.classroom.expected}，已评 ${r.classroom.done}` });
    for (const i of r.classroom.items)
      cls.addRow({
        item: i.label,
        answered: i.answered,
        average: i.average,
        distribution: i.distribution.map((d) => `${d.option}:${d.count}`).join('；'),
      });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
