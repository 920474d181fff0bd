import { PdfDocumentBuilder, type DocumentOptions } from './pdf-document';
import { pdfHasImages, pdfPageTexts } from './testing/pdf-text';

const OPTIONS: DocumentOptions = {
  title: '需求调查报告',
  issuer: '北京市民政局',
  createdAt: new Date('2026-12-20T02:00:00Z'),
};
const flat = (pages: string[]): string[] => pages.map((p) => p.replace(/\s+/g, ''));

describe('PDF bar charts', () => {
  it('draws labelled bars as vectors: Chinese labels, values and axis values as text, no image', async () => {
    const doc = new PdfDocumentBuilder(OPTIONS);
    doc.title('培训方式偏好');
    doc.barChart(
      [
        { label: '案例教学', value: 62.5, valueText: '62.5%（125）' },
        { label: '现场观摩', value: 48, valueText: '48.0%（96）' },
        { label: '线上培训', value: 12, valueText: '12.0%（24）' },
      ],
      {
        title: '您希望采用哪些培训方式',
        tickLabel: (v) => `${v}%`,
        note: '基数：提交问卷的 200 人',
      },
    );
    const pdf = await doc.end();
    const [page, ...rest] = flat(await pdfPageTexts(pdf));
    expect(rest).toHaveLength(0);
    for (const text of [
      '您希望采用哪些培训方式',
      '案例教学',
      '现场观摩',
      '线上培训',
      '62.5%（125）',
      '12.0%（24）',
      '0%',
      '80%',
      '基数：提交问卷的200人',
    ])
      expect(page).toContain(text);
    expect(pdfHasImages(pdf)).toBe(false);
    // three bars of the chart: filled rectangles in the content stream
    expect(pdf.length).toBeLessThan(40 * 1024);
  });

  it('continues a chart longer than a page on the next, with its title marked 续 and every bar once', async () => {
    const doc = new PdfDocumentBuilder(OPTIONS);
    const items = Array.from({ length: 90 }, (_, i) => ({
      label: `第${String(i + 1).padStart(2, '0')}项内容`,
      value: 90 - i,
    }));
    doc.barChart(items, { title: '长图表', wholeNumbers: true });
    const pages = flat(await pdfPageTexts(await doc.end()));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('长图表（续）');
    const all = pages.join('');
    for (const item of items) expect(all.split(item.label).length - 1).toBe(1);
  });

  it('cuts a label too long for its column with an ellipsis, and says when there is nothing to chart', async () => {
    const doc = new PdfDocumentBuilder(OPTIONS);
    doc.barChart([{ label: '很长'.repeat(60), value: 1 }], { labelWidth: 80 });
    doc.barChart([], { title: '空图表' });
    const [page] = flat(await pdfPageTexts(await doc.end()));
    expect(page).toContain('…');
    expect(page).not.toContain('很长'.repeat(60));
    expect(page).toContain('空图表');
    expect(page).toContain('（无数据）');
  });
});
