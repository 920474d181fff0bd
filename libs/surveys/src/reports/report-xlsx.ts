import ExcelJS from 'exceljs';
import type { Dimension, GroupCounts, QuestionReport, SurveyReportData } from './report.types';

/**
 * A report version as an Excel workbook: 概况 (summary), 回收情况 (response rates by district and
 * street), one sheet per question (overall counts and shares, the ranking, and each breakdown by
 * district, tier, entry channel and training type wanted; text questions: the frequent terms),
 * and 培训项目需求 (demand per training type and district, for the plan). Only counts: no answer,
 * no respondent; groups below the anonymity threshold show 「<N人，不单列」.
 */

export const DIMENSION_LABELS: Record<Dimension, string> = {
  district: '按区县',
  tier: '按岗位层级',
  channel: '按进入方式',
  trainingType: '按希望参加的培训项目',
};

export const KIND_LABELS = { interim: '中期', final: '最终' } as const;

const percent = (share: number): number => Math.round(share * 1000) / 1000;
const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8E8E8' },
};

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
export function sheetName(index: number, label: string, taken: Set<string>): string {
  const clean = label.replace(/[[\]:*?/\\]/g, '').trim();
  let name = `${index}.${clean}`.slice(0, 31);
  for (let n = 2; taken.has(name); n++) name = `${index}.${clean}`.slice(0, 27) + `(${n})`;
  taken.add(name);
  return name;
}

function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = BOLD;
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: 'thin' } };
  });
}

function title(sheet: ExcelJS.Worksheet, text: string): void {
  sheet.addRow([]);
  sheet.addRow([text]).font = { bold: true, size: 12 };
}

function breakdownBlock(
  sheet: ExcelJS.Worksheet,
  q: QuestionReport,
  dim: Dimension,
  groups: GroupCounts[],
  k: number,
): void {
  if (!groups.length) return;
  title(sheet, `${DIMENSION_LABELS[dim]}（人数、占答题人数比例）`);
  header(sheet, [
    '分组',
    '提交人数',
    '答题人数',
    ...q.options.flatMap((o) => [`${o.label}（人）`, `${o.label}（%）`]),
  ]);
  for (const g of groups) {
    if (g.suppressed || !g.options) {
      sheet.addRow([g.label, `<${k}人，不单列`]);
      continue;
    }
    const row = sheet.addRow([
      g.label,
      g.respondents,
      g.answered,
      ...g.options.flatMap((o) => [o.count, percent(o.share)]),
    ]);
    g.options.forEach((_, i) => (row.getCell(5 + 2 * i).numFmt = '0.0%'));
  }
}

export async function renderReportXlsx(data: SurveyReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社区工作者培训管理平台';
  wb.created = new Date(data.asOf);
  wb.modified = new Date(data.asOf);
  wb.title = `${data.campaign.title}（第 ${data.number} 版）`;
  const taken = new Set<string>();

  const summary = wb.addWorksheet('概况');
  taken.add('概况');
  summary.columns = [{ width: 22 }, { width: 60 }];
  summary.addRow([`${data.campaign.title} · 统计报告`]).font = { bold: true, size: 14 };
  const rows: [string, string | number][] = [
    ['调查年度', data.campaign.year],
    ['报告版本', `第 ${data.number} 版（${KIND_LABELS[data.kind]}）`],
    ['统计截至', data.asOf],
    ['问卷', `${data.questionnaire.title}（第 ${data.questionnaire.version} 版）`],
    ['调查时间', `${data.campaign.opensAt} 至 ${data.campaign.closesAt}`],
    ['调查对象', data.campaign.population],
    ['邀请人数', data.responseRates.invited],
    ['提交人数', data.respondents],
    ['回收率', `${(data.responseRates.rate * 100).toFixed(1)}%`],
    [
      '匿名规则',
      `提交人数少于 ${data.minGroupSize} 人的分组不单列（并隐藏可推算出其数字的分组）；高频词只列出至少 ${data.minGroupSize} 人提到的词。`,
    ],
  ];
  for (const [k, v] of rows) summary.addRow([k, v]).getCell(1).font = BOLD;
  if (data.suppressedAll)
    summary.addRow(['说明', `提交人数不足 ${data.minGroupSize} 人，不列示答题分布。`]);

  const rates = wb.addWorksheet('回收情况');
  taken.add('回收情况');
  rates.columns = [
    { width: 18 },
    { width: 18 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
  ];
  header(rates, ['区县', '街道', '邀请', '已提交', '草稿', '回收率']);
  const rateRow = (
    a: string,
    b: string,
    r: { invited: number; submitted: number; drafts: number; rate: number },
  ): void => {
    rates.addRow([a, b, r.invited, r.submitted, r.drafts, r.rate]).getCell(6).numFmt = '0.0%';
  };
  rateRow('合计', '', data.responseRates);
  for (const d of data.responseRates.districts) {
    rateRow(d.name, '（全区）', d);
    for (const s of d.streets) rateRow(d.name, s.name, s);
  }

  data.questions.forEach((q, i) => {
    const sheet = wb.addWorksheet(sheetName(i + 1, q.label, taken));
    sheet.columns = [{ width: 26 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 12 }];
    sheet.addRow([q.label]).font = { bold: true, size: 12 };
    sheet.addRow([`答题人数：${q.answered}`]);
    if (q.type === 'text') {
      title(sheet, `高频词（至少 ${data.minGroupSize} 人提到）`);
      header(sheet, ['词', '提到人数', '占答题人数']);
      for (const t of q.terms)
        sheet.addRow([t.term, t.count, percent(t.share)]).getCell(3).numFmt = '0.0%';
      return;
    }
    title(sheet, '总体');
    header(sheet, ['选项', '人数', '占答题人数']);
    for (const o of q.options)
      sheet.addRow([o.label, o.count, percent(o.share)]).getCell(3).numFmt = '0.0%';
    title(sheet, q.type === 'rank' ? '排名（第一位记满分的加权得分）' : '排名');
    header(sheet, ['名次', '选项', '得分', '人数', '排第一位']);
    for (const r of q.ranking) sheet.addRow([r.rank, r.label, r.score, r.count, r.firstChoices]);
    for (const dim of Object.keys(DIMENSION_LABELS) as Dimension[])
      breakdownBlock(sheet, q, dim, q.breakdowns[dim], data.minGroupSize);
  });

  const demand = wb.addWorksheet('培训项目需求');
  demand.columns = [{ width: 18 }, { width: 20 }, { width: 8 }, { width: 10 }, { width: 12 }];
  header(demand, ['范围', '培训项目', '名次', '人数', '占答题人数']);
  const demandRow = (
    scope: string,
    t: { label: string; rank: number; count: number; share: number },
  ): void => {
    demand.addRow([scope, t.label, t.rank, t.count, percent(t.share)]).getCell(5).numFmt = '0.0%';
  };
  for (const t of data.demand.types) demandRow('全市', t);
  for (const d of data.demand.districts) {
    if (d.suppressed) demand.addRow([d.name, `<${data.minGroupSize}人，不单列`]);
    else for (const t of d.types) demandRow(d.name, t);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
