/**
 * An iCalendar (RFC 5545) writer for a worker's timetable feed: pure, no I/O.
 * Times are written in UTC (`…Z`), so no VTIMEZONE is needed and every client
 * shows them on its own clock.
 */

export type IcsEventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

export interface IcsEvent {
  /** Stable across fetches: a client updates the event it already has instead of adding one. */
  uid: string;
  /** When the information was last revised (DTSTAMP and LAST-MODIFIED, no METHOD). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  status: IcsEventStatus;
}

export interface IcsCalendar {
  prodId: string;
  /** X-WR-CALNAME: the name a client shows for the subscription. */
  name: string;
  description?: string;
  /** How often a client should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshMinutes?: number;
  events: IcsEvent[];
}

const CRLF = '\r\n';
/** A content line is at most 75 octets, line break excluded (RFC 5545 §3.1). */
export const ICS_LINE_OCTETS = 75;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// control characters other than TAB and line breaks are not TSAFE-CHARs: dropped
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks
 * (CRLF, LF or CR) as `\n`; other control characters and lone surrogates (never valid
 * there) dropped or replaced.
 */
export function icsText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A DATE-TIME in UTC: `20261125T013000Z`. */
export function icsUtc(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, each
 * continuation starting with one space, never splitting a UTF-8 character.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > ICS_LINE_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** The whole VCALENDAR, CRLF line endings, ending with a line break. */
export function serializeCalendar(cal: IcsCalendar): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    property('PRODID', icsText(cal.prodId)),
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    property('X-WR-CALNAME', icsText(cal.name)),
  ];
  if (cal.description) lines.push(property('X-WR-CALDESC', icsText(cal.description)));
  if (cal.refreshMinutes) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${cal.refreshMinutes}M`);
    lines.push(`X-PUBLISHED-TTL:PT${cal.refreshMinutes}M`);
  }
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      property('UID', icsText(e.uid)),
      `DTSTAMP:${icsUtc(e.stamp)}`,
      `LAST-MODIFIED:${icsUtc(e.stamp)}`,
      `DTSTART:${icsUtc(e.start)}`,
      `DTEND:${icsUtc(e.end)}`,
      property('SUMMARY', icsText(e.summary)),
    );
    if (e.location) lines.push(property('LOCATION', icsText(e.location)));
    if (e.description) lines.push(property('DESCRIPTION', icsText(e.description)));
    lines.push(
      `STATUS:${e.status}`,
      `TRANSP:${e.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
