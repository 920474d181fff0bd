import { uploadedFileName } from './upload';

/** What multer hands over: the name's UTF-8 bytes read as Latin-1, or a name busboy decoded. */
const upload = (originalname: string): Express.Multer.File =>
  ({ originalname }) as Express.Multer.File;
const asMulter = (name: string): string => Buffer.from(name, 'utf8').toString('latin1');

describe('uploadedFileName', () => {
  it.each<[string, string, string]>([
    ['a Chinese name', asMulter('需求调查报告.pdf'), '需求调查报告.pdf'],
    ['NUL from filename*=UTF-8', 'a\u0000b.pdf', 'ab.pdf'],
    ['C0 controls and DEL', asMulter('a\u0001\u001b\u007fb.pdf'), 'ab.pdf'],
    ['a lone surrogate', 'x\ud800.pdf', 'x.pdf'],
    ['surrounding blanks', asMulter('  名册.xlsx '), '名册.xlsx'],
    ['emoji kept', asMulter('😀.png'), '😀.png'],
  ])('%s', (_label, original, name) => {
    expect(uploadedFileName(upload(original))).toBe(name);
  });

  it('cuts long names by characters, never inside a surrogate pair', () => {
    const name = uploadedFileName(upload(asMulter(`${'名'.repeat(199)}😀😀.pdf`)));
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('😀')).toBe(true);
  });
});
