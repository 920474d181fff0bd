import { localDate, localTime } from '@peixun/core';
import ExcelJS from 'exceljs';
import { Mark, MARK_LABELS, MARK_STATUSES, MarkStatus } from '../attendance.rules';

/**
 * The attendance sheet as Excel (考勤表): a row per trainee, a column per session, a status
 * cell per trainee and session with a drop-down list. Staff fill it from the signed paper
 * sheet and upload it back; hidden ids (column A, row 2) match rows and columns again.
 */

export const SHEET_MARKER = 'peixun-attendance-sheet/v1';
const ID_ROW = 2;
const HEADER_ROW = 3;
const FIRST_ROW = 4;
const ID_COL = 1;
const FIRST_SESSION_COL = 5;
/** The drop-down values; late and left early take their minutes after the word (迟到15). */
const LIST = MARK_STATUSES.map((s) => MARK_LABELS[s]);
const ALIASES: Record<string, MarkStatus> = {
  出勤: 'present',
  '√': 'present',
  '✓': 'present',
  迟到: 'late',
  迟: 'late',
  早退: 'left_early',
  退: 'left_early',
  请假: 'leave',
  假: 'leave',
  缺勤: 'absent',
  缺: 'absent',
  '×': 'absent',
  x: 'absent',
  X: 'absent',
};

export interface SheetSession {
  id: string;
  startsAt: Date;
  topic: string;
}

export interface SheetTrainee {
  enrollmentId: string;
  name: string;
  idNumberMasked: string;
}

export interface SheetModel {
  classId: string;
  classTitle: string;
  sessions: SheetSession[];
  trainees: SheetTrainee[];
  /** Existing marks by `${enrollmentId}|${sessionId}`: the sheet starts from them. */
  marks: Map<string, Mark>;
  timeZone: string;
}

/** A mark as the sheet writes it: 出勤, 迟到15, 早退10, 请假, 缺勤. */
export function formatMark(m: Mark): string {
  if (m.status === 'late') return `${MARK_LABELS.late}${m.minutesLate}`;
  if (m.status === 'left_early') return `${MARK_LABELS.left_early}${m.minutesEarly}`;
  return MARK_LABELS[m.status];
}

/**
 * A cell's text as a mark: null for an empty cell (nothing to write), or why it is not one.
 * Late and left early need their minutes (迟到15 / 早退 10 分钟); a late arrival who also left
 * early is written by staff in the app, not on the sheet.
 */
export function parseMark(text: string): Mark | null | { problem: string } {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  const m = /^([^\d]+?)(\d{1,4})?(分钟|分)?$/.exec(t);
  const status = m ? ALIASES[m[1]] : undefined;
  if (!m || !status) {
    return { problem: `“${text.slice(0, 20)}”不是考勤状态（${LIST.join('、')}）` };
  }
  const minutes = m[2] === undefined ? null : Number(m[2]);
  if (status === 'late' || status === 'left_early') {
    if (!minutes) {
      return {
        problem: `${MARK_LABELS[status]}须注明分钟数，如“${MARK_LABELS[status]}15” (minutes required)`,
      };
    }
    if (minutes > 1440) return { problem: '分钟数超过一天 (more than a day)' };
    return status === 'late'
      ? { status, minutesLate: minutes, minutesEarly: 0 }
      : { status, minutesLate: 0, minutesEarly: minutes };
  }
  if (minutes !== null) return { problem: `${MARK_LABELS[status]}不带分钟数 (no minutes)` };
  return { status, minutesLate: 0, minutesEarly: 0 };
}

const sessionHeader = (s: SheetSession, tz: string): string =>
  `${localDate(s.startsAt, tz).slice(5)} ${localTime(s.startsAt, tz)}\n${s.topic}`.slice(0, 120);

/** The workbook: title, hidden ids, headers, a row per trainee, notes. */
export async function buildSheet(model: SheetModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'peixun';
  const ws = wb.addWorksheet('考勤表', {
    views: [{ state: 'frozen', xSplit: FIRST_SESSION_COL - 1, ySplit: HEADER_ROW }],
  });
  const last = FIRST_SESSION_COL + Math.max(model.sessions.length, 1) - 1;
  ws.mergeCells(1, 2, 1, last);
  const title = ws.getCell(1, 2);
  title.value = `${model.classTitle} 考勤表`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };

  const ids = ws.getRow(ID_ROW);
  ids.getCell(ID_COL).value = SHEET_MARKER;
  ids.getCell(2).value = model.classId;
  model.sessions.forEach((s, i) => (ids.getCell(FIRST_SESSION_COL + i).value = s.id));
  ids.hidden = true;

  const header = ws.getRow(HEADER_ROW);
  header.values = [
    '学员编号',
    '序号',
    '姓名',
    '身份证号',
    ...model.sessions.map((s) => sessionHeader(s, model.timeZone)),
  ];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 36;
  ws.getColumn(ID_COL).hidden = true;
  ws.getColumn(ID_COL).width = 38;
  ws.getColumn(2).width = 6;
  ws.getColumn(3).width = 12;
  ws.getColumn(4).width = 22;
  model.sessions.forEach((_, i) => (ws.getColumn(FIRST_SESSION_COL + i).width = 16));

  model.trainees.forEach((t, r) => {
    const row = ws.getRow(FIRST_ROW + r);
    row.getCell(ID_COL).value = t.enrollmentId;
    row.getCell(2).value = r + 1;
    row.getCell(3).value = t.name;
    row.getCell(4).value = t.idNumberMasked;
    model.sessions.forEach((s, i) => {
      const cell = row.getCell(FIRST_SESSION_COL + i);
      const m = model.marks.get(`${t.enrollmentId}|${s.id}`);
      cell.value = m ? formatMark(m) : null;
      cell.alignment = { horizontal: 'center' };
      cell.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${LIST.join(',')}"`],
        // a warning, not a stop: 迟到15 and 早退10 carry their minutes
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '考勤状态',
        error: `请选择 ${LIST.join('、')}；迟到、早退请写分钟数，如“迟到15”。`,
      };
    });
  });

  const notes = wb.addWorksheet('填写说明');
  [
    '按签到纸质表填写每位学员每个课次的考勤状态：出勤、迟到、早退、请假、缺勤。',
    '迟到、早退须写明分钟数，如“迟到15”“早退10”。',
    '留空表示不改动该课次该学员的考勤；不能通过留空删除已有考勤。',
    '课次结束后更改已有考勤属于更正，须在上传时填写更正原因，并在政策规定的期限内。',
    '请勿增删行列或修改隐藏的编号，上传时按编号匹配学员和课次。',
  ].forEach((line, i) => (notes.getCell(i + 1, 1).value = line));
  notes.getColumn(1).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetCell {
  /** Spreadsheet row (1-based) and column letter, for messages. */
  row: number;
  column: string;
  sessionId: string;
  enrollmentId: string;
  mark: Mark;
}

export interface SheetProblem {
  row: number | null;
  column: string | null;
  reason: string;
}

export interface ParsedSheet {
  classId: string | null;
  /** Session ids by column letter (as the file names them). */
  sessions: { column: string; sessionId: string; header: string }[];
  cells: SheetCell[];
  problems: SheetProblem[];
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return text(v.result);
  }
  return '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the workbook the export produced; every unreadable cell is a problem naming its row and column. */
export async function parseSheet(buffer: Buffer): Promise<ParsedSheet> {
  const wb = new ExcelJS.Workbook();
  const out: ParsedSheet = { classId: null, sessions: [], cells: [], problems: [] };
  try {
    await wb.xlsx.load(buffer);
  } catch {
    out.problems.push({ row: null, column: null, reason: '无法读取 Excel 文件 (unreadable file)' });
    return out;
  }
  const ws = wb.getWorksheet('考勤表') ?? wb.worksheets[0];
  if (!ws || text(ws.getCell(ID_ROW, ID_COL).value) !== SHEET_MARKER) {
    out.problems.push({
      row: null,
      column: null,
      reason: '不是本平台导出的考勤表（缺少隐藏的编号行）(not an exported attendance sheet)',
    });
    return out;
  }
  const classId = text(ws.getCell(ID_ROW, 2).value);
  out.classId = UUID.test(classId) ? classId : null;
  const ids = ws.getRow(ID_ROW);
  const header = ws.getRow(HEADER_ROW);
  for (let col = FIRST_SESSION_COL; col <= ws.columnCount; col++) {
    const id = text(ids.getCell(col).value);
    const letter = ws.getColumn(col).letter;
    if (!id) continue;
    if (!UUID.test(id)) {
      out.problems.push({
        row: ID_ROW,
        column: letter,
        reason: '课次编号被改动 (session id altered)',
      });
      continue;
    }
    out.sessions.push({ column: letter, sessionId: id, header: text(header.getCell(col).value) });
  }
  const byColumn = new Map(out.sessions.map((s) => [s.column, s.sessionId]));
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const enrollmentId = text(row.getCell(ID_COL).value);
    const filled = out.sessions.filter((s) => text(row.getCell(s.column).value) !== '');
    if (!enrollmentId) {
      if (filled.length || text(row.getCell(3).value)) {
        out.problems.push({
          row: r,
          column: ws.getColumn(ID_COL).letter,
          reason: '缺少学员编号：请勿新增行 (no trainee id: rows cannot be added)',
        });
      }
      continue;
    }
    if (!UUID.test(enrollmentId)) {
      out.problems.push({
        row: r,
        column: ws.getColumn(ID_COL).letter,
        reason: '学员编号被改动 (trainee id altered)',
      });
      continue;
    }
    for (const s of filled) {
      const v = parseMark(text(row.getCell(s.column).value));
      if (v === null) continue;
      if ('problem' in v) out.problems.push({ row: r, column: s.column, reason: v.problem });
      else
        out.cells.push({
          row: r,
          column: s.column,
          sessionId: byColumn.get(s.column)!,
          enrollmentId,
          mark: v,
        });
    }
  }
  return out;
}

/** The sheet's own coordinates: the first data row and header row (for tests and messages). */
export const SHEET_LAYOUT = { ID_ROW, HEADER_ROW, FIRST_ROW, ID_COL, FIRST_SESSION_COL } as const;
