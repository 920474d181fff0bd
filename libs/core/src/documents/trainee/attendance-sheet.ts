import { localTime } from '../../common/time';
import { chineseMonthDay, dateIn, dateSpan, weekdayLabel } from '../format';
import { splitIntoParts } from '../layout';
import type { TableColumn } from '../pdf-document';
import type { ClassDocumentInput, ClassDocumentTrainee } from './class-document.types';
import { classDocument, printableIdNumber } from './common';

/** Widths (pt) of the trainee columns, repeated on every page of every part. */
const TRAINEE_COLUMNS = { no: 26, name: 54, unit: 80, id: 96 };
/** Narrowest signature cell: about 15 mm, room for a handwritten name of three characters. */
export const MIN_SIGNATURE_WIDTH = 42;
const MARGIN = 28;
/** A4 landscape, less the margins. */
const CONTENT_WIDTH = 841.89 - 2 * MARGIN;

/** How many session columns fit beside the trainee columns on one landscape page (12 here). */
export function sessionsPerPage(): number {
  const trainee = Object.values(TRAINEE_COLUMNS).reduce((a, b) => a + b, 0);
  return Math.floor((CONTENT_WIDTH - trainee) / MIN_SIGNATURE_WIDTH);
}

/**
 * 考勤表 (Art. 13): A4 landscape; a row per trainee (number, name, unit, masked ID number) and a
 * column per session with a signature box in each cell. Rows continue on further pages with the
 * header row repeated. When there are more sessions than fit across (12), the sheet is printed
 * in parts: each part has all trainees again with the next sessions' columns. At the end, the
 * institution's verification boxes.
 */
export function renderAttendanceSheet(input: ClassDocumentInput): Promise<Buffer> {
  const c = input.class;
  const tz = input.timeZone;
  const doc = classDocument(input, '考勤表', { layout: 'landscape', margin: MARGIN });
  doc.title('考勤表', c.name);
  doc.paragraph(
    [
      `培训机构：${input.institution.name}`,
      `培训时间：${dateSpan(c.startDate, c.endDate)}`,
      `培训地点：${c.place}`,
      `应到学员：${input.trainees.length} 人`,
    ].join('\u3000\u3000'),
    { size: 9.5, gap: 3 },
  );
  doc.paragraph(
    '说明：学员本人在对应课次栏内亲笔签名，不得代签；迟到、早退、请假、缺勤由培训机构在栏内分别注明“迟”“退”“假”“缺”。',
    { size: 9, color: '#555555', gap: 6 },
  );

  const sessions = input.sessions;
  const parts = splitIntoParts(sessions.length, sessionsPerPage());
  const traineeColumns: TableColumn<ClassDocumentTrainee>[] = [
    { header: '序号', width: TRAINEE_COLUMNS.no, align: 'center', text: (_t, i) => String(i + 1) },
    { header: '姓名', width: TRAINEE_COLUMNS.name, align: 'center', text: (t) => t.name },
    {
      header: '所在街道\n社区',
      width: TRAINEE_COLUMNS.unit,
      fontSize: 8,
      text: (t) => (t.community ? `${t.street}\n${t.community}` : t.street),
    },
    {
      header: '身份证号',
      width: TRAINEE_COLUMNS.id,
      align: 'center',
      text: (t) => printableIdNumber(t.idNumberMasked),
    },
  ];
  parts.forEach((part, p) => {
    const range = `第 ${part.from + 1}–${part.to} 次课（共 ${sessions.length} 次）`;
    if (parts.length > 1) {
      if (p > 0) doc.addPage();
      doc.paragraph(
        `${p > 0 ? '（续表）' : ''}第 ${p + 1} 部分，共 ${parts.length} 部分：${range}`,
        {
          size: 10,
          bold: true,
          gap: 4,
        },
      );
    }
    const columns: TableColumn<ClassDocumentTrainee>[] = [...traineeColumns];
    for (let k = part.from; k < part.to; k++) {
      const s = sessions[k];
      const d = dateIn(s.startsAt, tz);
      columns.push({
        // the grid cell is the signature box
        header: `第${k + 1}次\n${chineseMonthDay(d)}\n${weekdayLabel(d, true)}\n${localTime(s.startsAt, tz)}`,
        flex: 1,
      });
    }
    doc.table(input.trainees, columns, {
      fontSize: 9,
      headerFontSize: 7.5,
      minRowHeight: 25,
      padding: 3,
    });
  });

  doc.paragraph(
    `应到 ${input.trainees.length} 人，共 ${sessions.length} 次课。本表由培训机构核验后存档，作为学时认定和年度考核评议的依据。`,
    { size: 9.5, gap: 6 },
  );
  doc.signatureBoxes(
    [
      { label: '班主任（签字）' },
      { label: '培训机构核验（盖章）' },
      { label: '备注', dateLine: false },
    ],
    { height: 84 },
  );
  return doc.end();
}
