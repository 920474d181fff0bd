import { chineseDate, dateIn, PdfDocumentBuilder } from '@peixun/core';
import { KIND_LABELS } from './report-xlsx';
import type { GroupCounts, QuestionReport, SurveyReportData } from './report.types';

/**
 * A report version as a Chinese PDF (the shared building blocks of libs/core/documents):
 * the summary, response rates by district with a bar chart, one section per question with a
 * bar chart (shares; rankings: weighted scores; text: the frequent terms) and the leading
 * options of each district, and the demand per training type by district. Anonymous like the
 * data it is drawn from.
 */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function sectionNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]}十${ones ? NUMERALS[ones - 1] : ''}`;
}

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

export interface ReportPdfOptions {
  /** The authority at the head of every page (the region's plan authority). */
  issuer: string;
  timeZone: string;
}

function leading(g: GroupCounts, q: QuestionReport, n = 3): string {
  if (g.suppressed || !g.options) return '（人数较少，不单列）';
  const labels = new Map(q.options.map((o) => [o.key, o.label]));
  return [...g.options]
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((o) => `${labels.get(o.key) ?? o.key} ${pct(o.share)}`)
    .join('、');
}

export async function renderReportPdf(
  data: SurveyReportData,
  opts: ReportPdfOptions,
): Promise<Buffer> {
  const asOf = new Date(data.asOf);
  const day = (iso: string): string => chineseDate(dateIn(new Date(iso), opts.timeZone));
  const doc = new PdfDocumentBuilder({
    title: `${data.campaign.year} 年度培训需求调查报告`,
    issuer: opts.issuer,
    headerRight: `${data.campaign.title}（第 ${data.number} 版）`,
    footer: `统计截至 ${day(data.asOf)} · 匿名汇总，不含任何个人答卷`,
    createdAt: asOf,
    subject: data.campaign.title,
  });
  doc.title(
    `${data.campaign.year} 年度社区工作者培训需求调查报告`,
    `${data.campaign.title} · 第 ${data.number} 版（${KIND_LABELS[data.kind]}）`,
  );
  const rr = data.responseRates;
  doc.keyValues(
    [
      ['调查时间', `${day(data.campaign.opensAt)} 至 ${day(data.campaign.closesAt)}`],
      ['统计截至', day(data.asOf)],
      ['问卷', `${data.questionnaire.title}（第 ${data.questionnaire.version} 版）`],
      ['调查对象', data.campaign.population],
      ['邀请人数', `${rr.invited} 人`],
      ['提交人数', `${data.respondents} 人`],
      ['回收率', pct(rr.rate)],
      ['匿名规则', `不足 ${data.minGroupSize} 人的分组不单列`],
    ],
    { columns: 2, labelWidth: 64 },
  );
  if (data.suppressedAll) {
    doc.paragraph(
      `提交问卷的人数不足 ${data.minGroupSize} 人，为保护答卷人，本版报告不列示答题分布，只列回收情况。`,
      { size: 10.5, color: '#8a1f11' },
    );
  }

  let section = 1;
  doc.heading(`${sectionNumber(section++)}、回收情况`);
  doc.barChart(
    rr.districts.map((d) => ({
      label: d.name,
      value: d.rate * 100,
      valueText: `${pct(d.rate)}（${d.submitted}/${d.invited}）`,
    })),
    {
      title: '各区回收率',
      max: 100,
      tickLabel: (v) => `${v}%`,
      note: '回收率 = 已提交人数 / 邀请人数；草稿不计入。',
    },
  );
  doc.table(rr.districts, [
    { header: '区县', text: (d) => d.name },
    { header: '街道数', width: 52, align: 'right', text: (d) => String(d.streets.length) },
    { header: '邀请', width: 64, align: 'right', text: (d) => String(d.invited) },
    { header: '已提交', width: 64, align: 'right', text: (d) => String(d.submitted) },
    { header: '草稿', width: 52, align: 'right', text: (d) => String(d.drafts) },
    { header: '回收率', width: 64, align: 'right', text: (d) => pct(d.rate) },
  ]);

  if (!data.suppressedAll) {
    for (const q of data.questions) {
      doc.heading(`${sectionNumber(section++)}、${q.label}`);
      if (q.type === 'text') {
        doc.barChart(
          q.terms.map((t) => ({ label: t.term, value: t.count, valueText: `${t.count} 人` })),
          {
            title: `高频词（答题 ${q.answered} 人）`,
            wholeNumbers: true,
            note: `只列出至少 ${data.minGroupSize} 人提到的词；不列示原文。`,
          },
        );
        continue;
      }
      if (q.type === 'rank') {
        doc.barChart(
          q.ranking.map((r) => ({
            label: `${r.rank}. ${r.label}`,
            value: r.score,
            valueText: `${r.score} 分（${r.firstChoices} 人排第一）`,
          })),
          {
            title: `排名（答题 ${q.answered} 人，加权得分）`,
            wholeNumbers: true,
            note: '加权得分：排第一位记满分，依次递减一分；相同得分并列。',
          },
        );
      } else {
        doc.barChart(
          q.ranking.map((r) => ({
            label: r.label,
            value: r.share * 100,
            valueText: `${pct(r.share)}（${r.count} 人）`,
          })),
          {
            title: `选择比例（答题 ${q.answered} 人${q.type === 'multi' ? '，可多选' : ''}）`,
            max: 100,
            tickLabel: (v) => `${v}%`,
          },
        );
      }
      const districts = q.breakdowns.district;
      if (districts.length) {
        doc.table(districts, [
          { header: '区县', width: 90, text: (g) => g.label },
          {
            header: '答题人数',
            width: 56,
            align: 'right',
            text: (g) => (g.suppressed ? '—' : String(g.answered)),
          },
          { header: '选择最多的选项（占本区答题人数）', text: (g) => leading(g, q) },
        ]);
      }
    }
  }

  if (data.demand.question && !data.suppressedAll) {
    doc.heading(`${sectionNumber(section++)}、培训项目需求（按区县排名）`);
    doc.table(data.demand.districts, [
      { header: '区县', width: 90, text: (d) => d.name },
      {
        header: '提交人数',
        width: 56,
        align: 'right',
        text: (d) => (d.suppressed ? '—' : String(d.respondents)),
      },
      {
        header: '需求排名（人数）',
        text: (d) =>
          d.suppressed
            ? '（人数较少，不单列）'
            : d.types.map((t) => `${t.rank}. ${t.label}（${t.count}）`).join('  '),
      },
    ]);
  }
  doc.paragraph(
    `说明：本报告由平台根据提交的问卷自动汇总，只含人数和比例；提交人数少于 ${data.minGroupSize} 人的分组不单列，` +
      '可由其他数字推算出的分组一并不单列；文字意见只列高频词，不列原文。',
    { size: 9, color: '#555555' },
  );
  return doc.end();
}
