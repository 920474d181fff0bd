import { PdfDocumentBuilder, type DocumentOptions } from './pdf-document';
import { SAMPLES } from '../files/testing/samples';
import { count, pdfHasImages, pdfPageTexts } from './testing/pdf-text';

const OPTIONS: DocumentOptions = {
  title: '测试文书',
  issuer: '北京市民政局',
  footer: '北京社会管理职业学院',
  createdAt: new Date('2026-11-16T02:00:00Z'),
};

/** A one-page document with a title, a form, a short table and signature boxes. */
async function onePager(options: DocumentOptions = OPTIONS): Promise<Buffer> {
  const doc = new PdfDocumentBuilder(options);
  doc.title('培训合格证明', '2026 年度社区工作者岗位培训');
  doc.keyValues(
    [
      ['姓名', '王秀英'],
      ['培训项目', '社区工作者岗位培训'],
      ['学时', '40 学时'],
      ['证书编号', '京培证〔2026〕000123号'],
    ],
    { columns: 2 },
  );
  doc.table(
    [{ topic: '社区治理的政策与法规', hours: '3' }],
    [
      { header: '课程', text: (r) => r.topic },
      { header: '学时', width: 50, align: 'center', text: (r) => r.hours },
    ],
  );
  doc.signatureBoxes([
    { label: '北京市民政局（盖章）' },
    { label: '北京市人力资源和社会保障局（盖章）' },
  ]);
  return doc.end();
}

describe('PDF building blocks', () => {
  it('renders a valid PDF with the issuer, the title, the page number and the footer on the page', async () => {
    const pdf = await onePager();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [page, ...rest] = await pdfPageTexts(pdf);
    expect(rest).toHaveLength(0);
    for (const text of [
      '北京市民政局',
      '测试文书',
      '培训合格证明',
      '王秀英',
      '京培证〔2026〕000123号',
      '北京市人力资源和社会保障局（盖章）',
      '第 1 页 / 共 1 页',
      '北京社会管理职业学院',
    ])
      expect(page).toContain(text);
  });

  it('embeds a subset of Noto Sans SC: a one-page document stays small', async () => {
    const pdf = await onePager();
    const raw = pdf.toString('latin1');
    // a subset font is named with a six-letter tag: ABCDEF+NotoSansSC-Regular
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    // the font files are 10 MB each; the subset of ~80 glyphs is a few KB
    expect(pdf.length).toBeLessThan(30 * 1024);
  });

  it('is deterministic: the same input gives the same bytes, another creation date others', async () => {
    const a = await onePager();
    const b = await onePager();
    expect(a.equals(b)).toBe(true);
    const c = await onePager({ ...OPTIONS, createdAt: new Date('2026-11-17T02:00:00Z') });
    expect(a.equals(c)).toBe(false);
  });

  it('shares shaped text between documents without changing any document: others in between leave its bytes as they were', async () => {
    const first = await onePager();
    // other documents shape the same words (and others) in the meantime, in both weights
    for (const name of ['王秀英', '李建国', 'Zhang San 张三']) {
      const other = new PdfDocumentBuilder({ ...OPTIONS, title: `${name} 的培训记录` });
      other.title(`${name} 培训合格证明`, '2026 年度社区工作者岗位培训 · 补充');
      other.paragraph(
        `${name}参加社区工作者岗位培训，学时 40 学时，证书编号 京培证〔2026〕000123号。`,
      );
      await other.end();
    }
    expect((await onePager()).equals(first)).toBe(true);
  });

  it('breaks a long table across pages, repeats the header row and keeps every row once', async () => {
    const doc = new PdfDocumentBuilder(OPTIONS);
    doc.title('长表格');
    const rows = Array.from({ length: 150 }, (_, i) => ({
      code: `R${String(i + 1).padStart(3, '0')}`,
      // every 7th row wraps onto several lines
      text:
        i % 7 === 0
          ? '社区工作者培训的课程内容较长，需要在单元格内自动换行显示完整'.repeat(2)
          : '短行',
    }));
    doc.table(
      rows,
      [
        { header: '编号', width: 60, text: (r) => r.code },
        { header: '内容说明', text: (r) => r.text },
        { header: '签名', width: 80 },
      ],
      { zebra: true },
    );
    const pages = await pdfPageTexts(await doc.end());
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((text, i) => {
      expect(count(text, '编号')).toBe(1);
      expect(count(text, '内容说明')).toBe(1);
      expect(text).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    });
    const all = pages.join('\n');
    for (const r of rows) expect(count(all, r.code)).toBe(1);
    // each row sits whole on one page: its wrapped text is on the same page as its code
    const wrapped = pages.filter((p) => p.includes('R008'))[0];
    expect(wrapped.replace(/\s/g, '')).toContain('R008社区工作者培训的课程内容较长');
  });

  it('draws a QR code as vector rectangles, not as an image', async () => {
    const doc = new PdfDocumentBuilder(OPTIONS);
    const box = doc.qr('https://peixun.example.cn/classes/1', { size: 100, x: 100, y: 200 });
    expect(box).toEqual({ x: 100, y: 200, width: 100, height: 100 });
    const pdf = await doc.end();
    expect(pdfHasImages(pdf)).toBe(false);
    expect(pdf.length).toBeLessThan(8 * 1024);

    // the check does see a bitmap
    const withImage = new PdfDocumentBuilder(OPTIONS);
    withImage.doc.image(SAMPLES.png, 100, 200, { width: 100 });
    expect(pdfHasImages(await withImage.end())).toBe(true);
  });

  it('flows long paragraphs onto further pages below the page head', async () => {
    const doc = new PdfDocumentBuilder({ ...OPTIONS, layout: 'landscape' });
    for (let i = 1; i <= 40; i++)
      doc.paragraph(`第${i}段：社区工作者必须按时参加培训，并保证学习时间。`);
    const pages = await pdfPageTexts(await doc.end());
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (let i = 1; i <= 40; i++) expect(count(all, `第${i}段：`)).toBe(1);
    for (const p of pages) expect(p).toContain('北京市民政局');
  });
});
