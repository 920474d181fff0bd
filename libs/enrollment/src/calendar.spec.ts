import {
  foldLine,
  ICS_LINE_OCTETS,
  IcsCalendar,
  icsText,
  icsUtc,
  serializeCalendar,
} from './calendar';

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
const unfold = (text: string): string => text.replace(/\r\n /g, '');

describe('icsText (RFC 5545 TEXT escaping)', () => {
  it.each([
    ['plain', '社区治理', '社区治理'],
    ['comma', '治理,服务', '治理\\,服务'],
    ['semicolon', '上午;下午', '上午\\;下午'],
    ['backslash', 'C:\\教室', 'C:\\\\教室'],
    ['backslash before a comma', '\\,', '\\\\\\,'],
    ['LF', '第一行\n第二行', '第一行\\n第二行'],
    ['CRLF', 'a\r\nb', 'a\\nb'],
    ['lone CR', 'a\rb', 'a\\nb'],
    ['colon stays', '时间: 9:00', '时间: 9:00'],
    ['double quote stays', '"引号"', '"引号"'],
    ['tab stays', 'a\tb', 'a\tb'],
    ['other controls dropped', 'a\u0000b\u0007c\u001bd\u007f', 'abcd'],
    ['lone surrogate replaced', 'x\ud800y', 'x\ufffdy'],
    ['emoji kept', '培训😀', '培训😀'],
    ['Chinese punctuation stays', '培训，通知；', '培训，通知；'],
  ])('%s', (_label, input, out) => {
    expect(icsText(input)).toBe(out);
  });
});

describe('icsUtc', () => {
  it.each([
    ['2026-11-25T01:30:00.000Z', '20261125T013000Z'],
    ['2026-01-01T00:00:00.999Z', '20260101T000000Z'],
    ['2026-12-31T23:59:59.000Z', '20261231T235959Z'],
  ])('%s -> %s', (iso, out) => {
    expect(icsUtc(new Date(iso))).toBe(out);
  });
});

describe('foldLine (75 octets, UTF-8 boundaries respected)', () => {
  it.each<[string, string]>([
    ['short ASCII', 'SUMMARY:hello'],
    ['exactly 75 ASCII octets', `SUMMARY:${'a'.repeat(67)}`],
    ['76 ASCII octets', `SUMMARY:${'a'.repeat(68)}`],
    ['long ASCII', `DESCRIPTION:${'x'.repeat(400)}`],
    ['Chinese (3 octets each)', `SUMMARY:${'社区工作者岗位培训'.repeat(12)}`],
    ['Chinese after 1 ASCII octet', `S:a${'培'.repeat(80)}`],
    ['Chinese after 2 ASCII octets', `S:ab${'训'.repeat(80)}`],
    ['emoji (4 octets each)', `SUMMARY:${'😀'.repeat(50)}`],
    ['mixed', `LOCATION:${'东城区社区学院 301 教室，'.repeat(10)}`],
    ['escapes kept whole', `DESCRIPTION:${icsText('第一行\n第二行,第三行;'.repeat(10))}`],
  ])('%s', (_label, line) => {
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const [i, p] of parts.entries()) {
      expect(octets(p)).toBeLessThanOrEqual(ICS_LINE_OCTETS);
      if (i > 0) expect(p.startsWith(' ')).toBe(true);
      // a split inside a character would leave a replacement character when decoded
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
      expect(p).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
    }
    expect(unfold(folded)).toBe(line);
    // folds only when needed, and then uses the room it has (no line shorter than it must be)
    if (octets(line) <= ICS_LINE_OCTETS) expect(parts).toHaveLength(1);
    for (const p of parts.slice(0, -1)) expect(octets(p)).toBeGreaterThan(ICS_LINE_OCTETS - 4);
  });

  it.each([
    // 'S:a' is 3 octets; 24 Chinese characters fill 72 more = 75 exactly; the 25th moves on
    [`S:a${'培'.repeat(25)}`, [`S:a${'培'.repeat(24)}`, ` 培`]],
    // 'S:ab' is 4 octets; 23 characters reach 73, a 24th (76) does not fit
    [`S:ab${'训'.repeat(24)}`, [`S:ab${'训'.repeat(23)}`, ` 训`]],
    // continuation lines hold 74 octets after the space: 24 characters (72) + none more
    [`S:a${'培'.repeat(24 + 25)}`, [`S:a${'培'.repeat(24)}`, ` ${'培'.repeat(24)}`, ` 培`]],
  ])('folds %s at a character boundary', (line, expected) => {
    expect(foldLine(line).split('\r\n')).toEqual(expected);
  });
});

describe('serializeCalendar', () => {
  const cal: IcsCalendar = {
    prodId: '-//peixun//培训课程表//ZH',
    name: '社区工作者培训课程表',
    refreshMinutes: 60,
    events: [
      {
        uid: 'session-1@peixun',
        stamp: new Date('2026-11-20T08:00:00Z'),
        start: new Date('2026-12-01T01:00:00Z'),
        end: new Date('2026-12-01T04:00:00Z'),
        summary: '岗位培训,第一期;专题\\1',
        location: '东城区社区学院 301',
        description: '主讲：王老师\n学时：4',
        status: 'CONFIRMED',
      },
      {
        uid: 'session-2@peixun',
        stamp: new Date('2026-11-21T08:00:00Z'),
        start: new Date('2026-12-02T01:00:00Z'),
        end: new Date('2026-12-02T04:00:00Z'),
        summary: `${'很长的课程名称'.repeat(10)}`,
        status: 'CANCELLED',
      },
    ],
  };
  const text = serializeCalendar(cal);

  it('uses CRLF line endings only, ends with one, and keeps every line within 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('holds the calendar properties and one VEVENT per event, with UTC times', () => {
    const lines = unfold(text).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//peixun//培训课程表//ZH',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'X-WR-CALNAME:社区工作者培训课程表',
    ]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART:20261201T010000Z');
    expect(lines).toContain('DTEND:20261201T040000Z');
    expect(lines).toContain('DTSTAMP:20261120T080000Z');
    expect(lines).toContain('UID:session-1@peixun');
    expect(lines).toContain('SUMMARY:岗位培训\\,第一期\\;专题\\\\1');
    expect(lines).toContain('DESCRIPTION:主讲：王老师\\n学时：4');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M');
    expect(lines[lines.length - 2]).toBe('END:VCALENDAR');
  });

  it('is the same text for the same input (stable UIDs and stamps)', () => {
    expect(serializeCalendar(cal)).toBe(text);
  });

  it('is a valid calendar with no events', () => {
    expect(serializeCalendar({ ...cal, events: [] })).toBe(
      [
        'BEGIN:VCALENDAR',
        'PRODID:-//peixun//培训课程表//ZH',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        'X-WR-CALNAME:社区工作者培训课程表',
        'REFRESH-INTERVAL;VALUE=DURATION:PT60M',
        'X-PUBLISHED-TTL:PT60M',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });
});
