import { attachmentDisposition, safeFileName } from './content-disposition';

describe('attachmentDisposition', () => {
  it.each<[string, string, string]>([
    [
      '考勤表.pdf',
      'attendance-sheet.pdf',
      `attachment; filename="attendance-sheet.pdf"; filename*=UTF-8''%E8%80%83%E5%8B%A4%E8%A1%A8.pdf`,
    ],
    // RFC 5987 attr-char has no ' ( ) *: they are escaped too
    [
      "班(1)'*.pdf",
      'a.pdf',
      `attachment; filename="a.pdf"; filename*=UTF-8''%E7%8F%AD%281%29%27_.pdf`,
    ],
    // nothing left of the name: the fallback is the name
    ['\u0000/', 'x.pdf', `attachment; filename="x.pdf"; filename*=UTF-8''_`],
    ['', 'x.pdf', `attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`],
    // a non-ASCII fallback is made ASCII
    ['a.pdf', '课表.pdf', `attachment; filename="__.pdf"; filename*=UTF-8''a.pdf`],
  ])('%j (fallback %j)', (name, fallback, header) => {
    expect(attachmentDisposition(name, fallback)).toBe(header);
  });

  it.each<[string, string]>([
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['a\u202etxt.exe', 'atxt.exe'],
    ['x\ud800y', 'xy'],
    ['照片😀.jpg', '照片😀.jpg'],
    ['  a\tb\r\n.pdf ', 'ab.pdf'],
    ['a"b<c>|d?.pdf', 'a_b_c__d_.pdf'],
  ])('safeFileName(%j) = %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps whole characters when it shortens a name', () => {
    expect(Array.from(safeFileName('😀'.repeat(200)))).toHaveLength(120);
  });
});
