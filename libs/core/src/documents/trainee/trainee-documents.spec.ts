import { count, pdfHasImages, pdfPageTexts } from '../testing/pdf-text';
import { sampleClassInput } from '../testing/sample-class';
import type { ClassDocumentInput } from './class-document.types';
import {
  printableIdNumber,
  renderAttendanceSheet,
  renderProjectList,
  renderTimetable,
  renderTrainingNotice,
  sessionsPerPage,
} from './index';

/** All pages' text with line breaks and spaces removed (pdf.js splits cells into lines). */
const flat = (pages: string[]): string => pages.join('').replace(/\s+/g, '');
/** A full 18-character resident ID number anywhere in a text. */
const FULL_ID = /(?<!\d)\d{17}[\dXx](?!\d)/;

describe('trainee documents (Art. 13)', () => {
  const input = sampleClassInput({ trainees: 24, sessions: 12 });

  it.each<[string, (i: ClassDocumentInput) => Promise<Buffer>, string[]]>([
    [
      '培训项目清单',
      renderProjectList,
      [
        '培训项目清单',
        '2026年度社区工作者岗位培训',
        '岗位培训',
        '27学时（共12次课）',
        '2026年11月23日至2026年11月30日',
        '北京社会管理职业学院',
        '王建国（教授）、李秀英（副教授）',
        '京培计备〔2026〕0001号',
        '免费（不向学员收取任何费用）',
        '社区治理的政策与法规',
      ],
    ],
    [
      '培训通知单',
      renderTrainingNotice,
      [
        '培训通知单',
        '各位学员：',
        '受东城区民政局委托，北京社会管理职业学院承办',
        '不得代签',
        '本人居民身份证',
        '培训部教务办公室',
        '010-65550100',
        '扫码查看班次详情',
        '2026年11月16日',
      ],
    ],
    [
      '课程表',
      renderTimetable,
      [
        '课程表',
        '11月23日星期一09:00–11:30社区治理的政策与法规王建国（教授）专题讲座3教学楼302',
        '11月23日星期一14:00–15:30',
        '1.5',
        '11月30日星期一',
        '合计：12次课，27学时。时间均为北京时间。',
      ],
    ],
    [
      '考勤表',
      renderAttendanceSheet,
      [
        '考勤表',
        '王建国',
        '东华门街道多福巷社区',
        '1101**********1000',
        '第12次11月30日周一14:00',
        '培训机构核验（盖章）',
      ],
    ],
  ])('%s opens and says what it must, in Chinese', async (title, render, expected) => {
    const pdf = await render(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await pdfPageTexts(pdf);
    const text = flat(pages);
    for (const e of expected) expect(text).toContain(e.replace(/\s+/g, ''));
    // every page: the issuing authority at the head, page numbers at the foot
    pages.forEach((p, i) => {
      expect(p).toContain('北京市民政局');
      expect(p).toContain(`${title}`);
      expect(p).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`);
    });
    expect(text).not.toMatch(FULL_ID);
    expect(pdfHasImages(pdf)).toBe(false);
  });

  it('the notice draws the QR code of the class page as vectors, prints the URL and fits on one page', async () => {
    const url = 'https://peixun.example.cn/classes/00000000-0000-4000-8000-000000000001';
    const pdf = await renderTrainingNotice(sampleClassInput({ pageUrl: url }));
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(1);
    expect(flat(pages)).toContain(url);
    expect(pdfHasImages(pdf)).toBe(false);
    // without a page URL there is no QR code and no caption
    const plain = await renderTrainingNotice({ ...input, notice: { pageUrl: undefined } });
    expect(flat(await pdfPageTexts(plain))).not.toContain('扫码');
  });

  it('a fee appears only when the class carries one (elective, Art. 23)', async () => {
    const elective = {
      ...input,
      class: { ...input.class, typeLabel: '职称类、学历类培训', feeFen: 128000 },
    };
    expect(flat(await pdfPageTexts(await renderTrainingNotice(elective)))).toContain(
      '1280.00元（由学员本人负担）',
    );
  });

  it('a street class without a plan has no filing number and no commissioning district', async () => {
    const street = {
      ...input,
      districtName: undefined,
      class: { ...input.class, filingNumber: null, typeLabel: '街道业务培训' },
    };
    const text = flat(await pdfPageTexts(await renderProjectList(street)));
    expect(text).not.toContain('备案号京');
    expect(text).not.toContain('委托单位');
    expect(text).toContain('项目计划书备案号—');
  });

  it('the attendance sheet of 300 trainees and 12 sessions: header row on every page, every trainee exactly once', async () => {
    const big = sampleClassInput({ trainees: 300, sessions: 12 });
    expect(sessionsPerPage()).toBeGreaterThanOrEqual(12);
    const pdf = await renderAttendanceSheet(big);
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((p) => {
      const t = p.replace(/\s+/g, '');
      expect(count(t, '序号姓名所在街道社区身份证号')).toBe(1);
      expect(count(t, '第1次11月23日周一09:00')).toBe(1);
      expect(count(t, '第12次11月30日周一14:00')).toBe(1);
    });
    const text = flat(pages);
    for (const [i, t] of big.trainees.entries()) {
      expect(count(text, `${i + 1}${t.name}${t.street}${t.community}${t.idNumberMasked}`)).toBe(1);
      expect(count(text, t.idNumberMasked)).toBe(1);
    }
    expect(text).toContain('应到300人，共12次课');
    expect(text).not.toMatch(FULL_ID);
  });

  it('more sessions than fit across: the columns continue in parts, the trainee columns repeated', async () => {
    const wide = sampleClassInput({ trainees: 40, sessions: 20 });
    const pages = await pdfPageTexts(await renderAttendanceSheet(wide));
    const part1 = pages.filter((p) => p.replace(/\s+/g, '').includes('第1次'));
    const part2 = pages.filter((p) => p.replace(/\s+/g, '').includes('第11次'));
    expect(part1.length).toBeGreaterThan(0);
    expect(part2.length).toBeGreaterThan(0);
    // no page mixes the parts; part 1 has sessions 1–10, part 2 sessions 11–20
    expect(part1.filter((p) => part2.includes(p))).toHaveLength(0);
    expect(flat(part1)).toContain('第10次');
    expect(flat(part1)).not.toContain('第11次');
    expect(flat(part2)).toContain('第20次');
    expect(flat(pages)).toContain('（续表）第2部分，共2部分：第11–20次课（共20次）');
    for (const part of [part1, part2]) {
      const text = flat(part);
      for (const t of wide.trainees)
        expect(count(text, `${t.name}${t.street}${t.community}${t.idNumberMasked}`)).toBe(1);
      part.forEach((p) => expect(p.replace(/\s+/g, '')).toContain('序号姓名所在街道社区身份证号'));
    }
  });

  it('renders the same bytes when documents are rendered at the same time (the fonts are shared)', async () => {
    const renderers = [
      renderProjectList,
      renderTrainingNotice,
      renderTimetable,
      renderAttendanceSheet,
    ];
    const one: Buffer[] = [];
    for (const render of renderers) one.push(await render(input));
    const together = await Promise.all([...renderers, ...renderers].map((render) => render(input)));
    together.forEach((pdf, i) => expect(pdf.equals(one[i % renderers.length])).toBe(true));
  });

  it('never prints an unmasked ID number, even when one is passed in', async () => {
    const leaky = {
      ...input,
      trainees: [{ name: '赵立新', street: '景山街道', idNumberMasked: '110101199003076632' }],
    };
    const text = flat(await pdfPageTexts(await renderAttendanceSheet(leaky)));
    expect(text).toContain('赵立新景山街道1101**********6632');
    expect(text).not.toContain('110101199003076632');
  });

  it.each([
    ['1101**********1006', '1101**********1006'],
    ['110101199003076632', '1101**********6632'],
    ['11010119900307663X', '1101**********663X'],
    [' 1101 0119 9003 0766 32 ', '1101**********6632'],
    ['110101-19900307-6632', '1101**********6632'],
    ['', ''],
  ])('ID number %j prints as %j', (value, printed) => {
    expect(printableIdNumber(value)).toBe(printed);
  });
});
