import { FileKind } from './file-kinds';
import {
  judgeHead,
  judgeZipTail,
  looksLikeText,
  ooxmlTypeOfZipTail,
  SNIFF_HEAD_BYTES,
} from './sniff';
import { docxOf, SAMPLES, xlsxOf, zipOf } from './testing/samples';

type Sample = keyof typeof SAMPLES;

describe('sniffing the type from the bytes', () => {
  it.each<[FileKind, Sample, string]>([
    ['institution-document', 'pdf', 'accepted:pdf'],
    ['institution-document', 'png', 'accepted:png'],
    ['institution-document', 'jpg', 'accepted:jpg'],
    ['institution-document', 'exe', 'refused:exe'],
    ['institution-document', 'elf', 'refused:elf'],
    ['institution-document', 'csvUtf8', 'refused:null'],
    ['roster-import', 'csvUtf8', 'accepted:csv'],
    ['roster-import', 'csvGb18030', 'accepted:csv'],
    ['roster-import', 'pdf', 'refused:pdf'],
    ['roster-import', 'cfb', 'refused:cfb'],
    ['plan-survey-report', 'pdf', 'accepted:pdf'],
    ['plan-survey-report', 'cfb', 'accepted:doc'],
    ['plan-survey-report', 'csvUtf8', 'refused:null'],
    ['plan-pdf', 'png', 'refused:png'],
  ])('%s given %s: %s', async (kind, sample, verdict) => {
    const v = await judgeHead(kind, SAMPLES[sample], true);
    expect(
      v.result === 'refused' ? `refused:${v.detected}` : `${v.result}:${'type' in v ? v.type : ''}`,
    ).toBe(verdict);
  });

  it('refuses UTF-16 text as CSV (roster parsing reads UTF-8 and GB18030)', async () => {
    // file-type may even take the UTF-16 byte-order mark for an MPEG frame: refused either way
    await expect(judgeHead('roster-import', SAMPLES.utf16, true)).resolves.toMatchObject({
      result: 'refused',
    });
  });

  it.each([
    ['报告.xls', 'xls'],
    ['报告.doc', 'doc'],
    ['报告.XLS', 'xls'],
    [undefined, 'doc'],
  ])('tells Word from Excel 97-2003 (both OLE files) by the name %s', async (fileName, type) => {
    await expect(judgeHead('plan-survey-report', SAMPLES.cfb, true, fileName)).resolves.toEqual({
      result: 'accepted',
      type,
    });
  });

  it.each<[FileKind, Buffer, string]>([
    ['plan-survey-report', docxOf(), 'accepted:docx'],
    ['plan-survey-report', xlsxOf(), 'accepted:xlsx'],
    ['roster-import', xlsxOf(), 'accepted:xlsx'],
    ['roster-import', docxOf(), 'refused:docx'],
    ['institution-document', xlsxOf(), 'refused:xlsx'],
    // the parts come after the first 4100 bytes: decided from the end of the file
    ['roster-import', xlsxOf(20_000), 'zip'],
    ['institution-document', zipOf({ 'a.txt': 'x' }), 'refused:zip'],
    ['roster-import', zipOf({ 'a.txt': 'x' }), 'zip'],
    // a kind that takes plain archives takes a plain zip
    ['certificate-bundle', zipOf({ 'a.pdf': 'x' }), 'accepted:zip'],
    ['certificate', zipOf({ 'a.pdf': 'x' }), 'refused:zip'],
  ])('%s given a zip container: %s', async (kind, bytes, verdict) => {
    const head = bytes.subarray(0, SNIFF_HEAD_BYTES);
    const v = await judgeHead(kind, head, bytes.length <= SNIFF_HEAD_BYTES);
    const shown =
      v.result === 'zip'
        ? 'zip'
        : v.result === 'refused'
          ? `refused:${v.detected}`
          : `accepted:${v.type}`;
    expect(shown).toBe(verdict);
  });

  it.each<[string, Buffer, string | null]>([
    ['a streamed workbook', xlsxOf(20_000), 'xlsx'],
    ['a document', docxOf(20_000), 'docx'],
    ['a plain zip', zipOf({ 'a.txt': 'x', '[Content_Types].xml': '<Types/>' }), null],
    ['a workbook cut short (no end record)', xlsxOf(20_000).subarray(0, -22), null],
    ['not a zip', SAMPLES.pdf, null],
  ])('reads the Office type of %s from its central directory', (_, bytes, type) => {
    expect(ooxmlTypeOfZipTail(bytes.subarray(-64 * 1024))).toBe(type);
  });

  it('refuses a zip whose parts the kind does not take', () => {
    expect(judgeZipTail('roster-import', docxOf(20_000))).toEqual({
      result: 'refused',
      detected: 'docx',
    });
    expect(judgeZipTail('roster-import', zipOf({ 'a.txt': 'x' }))).toEqual({
      result: 'refused',
      detected: 'zip',
    });
  });

  it.each<[string, Buffer, boolean, boolean]>([
    ['UTF-8 with BOM', SAMPLES.csvUtf8, true, true],
    ['GB18030', SAMPLES.csvGb18030, true, true],
    ['UTF-16 (NUL bytes)', SAMPLES.utf16, true, false],
    ['a NUL', Buffer.from('a,b\0\n'), true, false],
    ['an escape byte', Buffer.from('a,\x1b[31mb\n'), true, false],
    ['tabs and CRLF', Buffer.from('a\tb\r\nc\td\r\n'), true, true],
    // 0xFF is valid in neither encoding
    ['invalid bytes', Buffer.from([0x61, 0xff, 0xff, 0x62]), true, false],
    // a multi-byte character cut at the end of the head is not an error …
    ['a cut character (head)', Buffer.from('名册', 'utf8').subarray(0, 4), false, true],
  ])('text heuristic: %s -> %s', (_, bytes, complete, text) => {
    expect(looksLikeText(bytes, complete)).toBe(text);
  });
});
