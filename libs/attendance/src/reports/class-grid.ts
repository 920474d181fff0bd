import { localDate, localTime, PdfDocumentBuilder, TableColumn } from '@peixun/core';
import ExcelJS from 'exceljs';
import { MARK_LABELS, MarkStatus, SHEET_CODES } from '../attendance.rules';

/** A class's attendance, trainees × sessions (the per-class report), as data, Excel and PDF. */

export interface GridSession {
  id: string;
  startsAt: Date;
  topic: string;
  halfHours: number;
  held: boolean;
}

export interface GridRow {
  enrollmentId: string;
  name: string;
  idNumberMasked: string;
  cells: { status: MarkStatus | null; creditedHalfHours: number }[];
  creditedHalfHours: number;
  requiredHalfHours: number;
  attendanceRate: number;
  met: boolean;
}

export interface ClassGrid {
  classId: string;
  title: string;
  institution: string;
  authority: string;
  timeZone: string;
  sessions: GridSession[];
  rows: GridRow[];
}

const hours = (half: number): string => (half % 2 ? `${(half / 2).toFixed(1)}` : `${half / 2}`);
const pct = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;
const head = (s: GridSession, tz: string): string =>
  `${localDate(s.startsAt, tz).slice(5)} ${localTime(s.startsAt, tz)}`;

/** The report as a spreadsheet: status labels per session, hours and rate per trainee. */
export async function gridXlsx(g: ClassGrid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'peixun';
  const ws = wb.addWorksheet('考勤汇总', { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  ws.getCell(1, 1).value = `${g.title} 考勤汇总`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  header.values = [
    '序号',
    '姓名',
    '身份证号',
    ...g.sessions.map((s) => `${head(s, g.timeZone)}\n${s.topic}`),
    '已获学时',
    '应修学时',
    '出勤率',
    '是否达标',
  ];
  header.font = { bold: true };
  header.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  header.height = 36;
  g.rows.forEach((r, i) => {
    ws.getRow(3 + i).values = [
      i + 1,
      r.name,
      r.idNumberMasked,
      ...r.cells.map((c, j) =>
        c.status ? MARK_LABELS[c.status] : g.sessions[j].held ? '未记录' : '',
      ),
      Number(hours(r.creditedHalfHours)),
      Number(hours(r.requiredHalfHours)),
      pct(r.attendanceRate),
      r.met ? '是' : '否',
    ];
  });
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 22;
  g.sessions.forEach((_, i) => (ws.getColumn(4 + i).width = 14));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** At most this many session columns on one landscape page; more continue in parts. */
const SESSIONS_PER_PART = 10;

/**
 * The report as a Chinese PDF (A4 landscape, the authority at the head of each page): a table
 * per part of at most 10 sessions, the sheet's one-character codes in the cells, hours and rate
 * per trainee, and a bar chart of the attendance rate per session.
 */
export function gridPdf(g: ClassGrid, createdAt: Date): Promise<Buffer> {
  const doc = new PdfDocumentBuilder({
    title: `考勤汇总表\u3000${g.title}`,
    issuer: g.authority,
    headerRight: `${g.title}\u3000考勤汇总表`,
    footer: g.institution,
    createdAt,
    author: g.institution,
    layout: 'landscape',
    margin: 28,
  });
  doc.title('考勤汇总表', g.title);
  doc.paragraph(
    `培训机构：${g.institution}\u3000\u3000学员 ${g.rows.length} 人\u3000\u3000课次 ${g.sessions.length} 个\u3000\u3000` +
      `图例：√ 出勤  迟 迟到  退 早退  假 请假  × 缺勤  — 未记录`,
    { size: 9.5, gap: 6 },
  );
  const parts = Math.max(1, Math.ceil(g.sessions.length / SESSIONS_PER_PART));
  for (let p = 0; p < parts; p++) {
    const from = p * SESSIONS_PER_PART;
    const own = g.sessions.slice(from, from + SESSIONS_PER_PART);
    if (parts > 1) doc.heading(`第 ${p + 1} 部分（课次 ${from + 1}–${from + own.length}）`, 11);
    const columns: TableColumn<GridRow>[] = [
      { header: '序号', width: 28, align: 'center', text: (_r, i) => String(i + 1) },
      { header: '姓名', width: 56, align: 'center', text: (r) => r.name },
      { header: '身份证号', width: 100, fontSize: 8, text: (r) => r.idNumberMasked },
      ...own.map((s, j): TableColumn<GridRow> => ({
        header: `${head(s, g.timeZone)}\n${hours(s.halfHours)}学时`,
        flex: 1,
        align: 'center',
        fontSize: 9,
        text: (r) => {
          const c = r.cells[from + j];
          return c.status ? SHEET_CODES[c.status] : s.held ? '—' : '';
        },
      })),
      ...(p === parts - 1
        ? [
            {
              header: '已获/应修学时',
              width: 70,
              align: 'center',
              text: (r: GridRow) => `${hours(r.creditedHalfHours)}/${hours(r.requiredHalfHours)}`,
            } as TableColumn<GridRow>,
            {
              header: '出勤率',
              width: 46,
              align: 'center',
              text: (r: GridRow) => pct(r.attendanceRate),
            } as TableColumn<GridRow>,
            {
              header: '达标',
              width: 32,
              align: 'center',
              text: (r: GridRow) => (r.met ? '是' : '否'),
            } as TableColumn<GridRow>,
          ]
        : []),
    ];
    doc.table(g.rows, columns, { fontSize: 9, headerFontSize: 8.5, zebra: true });
    doc.moveDown(10);
  }
  const held = g.sessions.map((s, i) => ({ s, i })).filter((x) => x.s.held);
  if (held.length && g.rows.length) {
    doc.heading('各课次出勤率', 11, 120);
    doc.barChart(
      held.map(({ s, i }) => {
        const attended = g.rows.filter((r) =>
          ['present', 'late', 'left_early'].includes(r.cells[i].status ?? ''),
        ).length;
        const rate = attended / g.rows.length;
        return {
          label: `${head(s, g.timeZone)} ${s.topic}`.slice(0, 24),
          value: Math.round(rate * 1000) / 10,
          valueText: `${pct(rate)}（${attended}/${g.rows.length}）`,
        };
      }),
      { max: 100, tickLabel: (v) => `${v}%`, note: '出勤含迟到、早退；请假不计为出勤。' },
    );
  }
  return doc.end();
}
