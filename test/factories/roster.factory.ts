import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS } from '@peixun/org';
import { anIdNumber } from './worker.factory';

export type RosterRow = Partial<Record<(typeof ROSTER_COLUMNS)[number]['key'], string | number>>;

export function aRosterRow(over: RosterRow = {}): RosterRow {
  return {
    name: `名册${Math.random().toString(36).slice(2, 6)}`,
    idNumber: anIdNumber(),
    phone: '13900000000',
    positionTier: '一般工作人员',
    post: '社区服务站工作人员',
    entryChannel: '其他招录',
    startedOn: '2019-04-01',
    qualification: '无',
    status: '在职',
    ...over,
  };
}

/** An .xlsx roster with the template's headers; numbers stay numbers (to test Excel's ID-number trap). */
export async function rosterXlsx(rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(ROSTER_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function rosterCsv(rows: RosterRow[]): Buffer {
  const esc = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    ROSTER_COLUMNS.map((c) => c.header).join(','),
    ...rows.map((r) => ROSTER_COLUMNS.map((c) => esc(r[c.key])).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
