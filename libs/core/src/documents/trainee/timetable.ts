import { chineseMonthDay, dateIn, dateSpan, hoursLabel, timeRange, weekdayLabel } from '../format';
import type { ClassDocumentInput } from './class-document.types';
import { classDocument, issuerSignature } from './common';

/** How the clock of the times is named: 北京时间 for China's zone. */
export function clockName(timeZone: string): string {
  return timeZone === 'Asia/Shanghai' ? '北京时间' : `${timeZone} 时间`;
}

/**
 * 课程表 (Art. 13): a row per session — date with weekday, start–end on the region's clock,
 * topic, teacher, method, class hours (halves: 1.5 学时), room — and the total. A4 portrait;
 * long timetables continue on further pages with the header row repeated.
 */
export function renderTimetable(input: ClassDocumentInput): Promise<Buffer> {
  const c = input.class;
  const tz = input.timeZone;
  const doc = classDocument(input, '课程表', { margin: 36 });
  doc.title('课程表', c.name);
  doc.paragraph(
    `培训时间：${dateSpan(c.startDate, c.endDate)}\u3000\u3000培训类型：${c.typeLabel}`,
    {
      size: 10,
      gap: 1,
    },
  );
  doc.paragraph(`培训地点：${c.place}`, { size: 10, gap: 6 });
  const spansYears =
    new Set(input.sessions.map((s) => dateIn(s.startsAt, tz).slice(0, 4))).size > 1;
  doc.table(
    input.sessions,
    [
      { header: '序号', width: 30, align: 'center', text: (_s, i) => String(i + 1) },
      {
        header: '日期',
        width: 62,
        align: 'center',
        text: (s) => {
          const d = dateIn(s.startsAt, tz);
          return `${spansYears ? `${d.slice(0, 4)}年` : ''}${chineseMonthDay(d)}\n${weekdayLabel(d)}`;
        },
      },
      {
        header: '时间',
        width: 68,
        align: 'center',
        text: (s) => timeRange(s.startsAt, s.endsAt, tz),
      },
      { header: '课程内容', flex: 1, text: (s) => s.topic },
      { header: '授课教师', width: 86, align: 'center', text: (s) => s.teacher },
      { header: '授课方式', width: 54, align: 'center', text: (s) => s.method },
      { header: '学时', width: 32, align: 'center', text: (s) => hoursLabel(s.halfHours) },
      { header: '地点', width: 60, align: 'center', text: (s) => s.room },
    ],
    { fontSize: 9.5, minRowHeight: 30, zebra: true },
  );
  const total = input.sessions.reduce((a, s) => a + s.halfHours, 0);
  doc.paragraph(
    `合计：${input.sessions.length} 次课，${hoursLabel(total)} 学时。时间均为${clockName(tz)}。`,
    {
      size: 10,
      bold: true,
      gap: 16,
    },
  );
  issuerSignature(doc, input);
  return doc.end();
}
