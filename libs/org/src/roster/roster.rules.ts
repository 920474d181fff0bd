import type { OrgUnit } from '../org-unit.entity';
import {
  birthDateFromId,
  checkIdNumber,
  EntryChannel,
  Gender,
  genderFromId,
  PositionTier,
  Post,
  POSTS,
  Qualification,
  WorkerStatus,
} from '../workers/workers.rules';
import type { RosterRowError } from './roster-file.entity';
import { HEADER_OF, PARSE, RosterCells, RosterKey } from './roster.columns';

/** A valid roster row, ready to write. */

/** Says that the person is registered, never where (PIPL: the other unit's record is not disclosed). */
export const ALREADY_REGISTERED_ELSEWHERE =
  '该身份证号已在本平台登记，不在您的管辖范围内，请联系上级主管部门办理调动 (already registered, outside your scope)';

export interface RosterRecord {
  row: number;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  phone: string | null;
  community: OrgUnit;
  positionTier: PositionTier;
  post: Post | null;
  entryChannel: EntryChannel;
  startedOn: string;
  qualification: Qualification;
  qualificationCertNo: string | null;
  qualificationOn: string | null;
  status: WorkerStatus;
}

export interface RosterContext {
  /** Active communities in the uploader's scope. */
  communitiesByCode: Map<string, OrgUnit>;
  communitiesByName: Map<string, OrgUnit[]>;
  /** Workers already registered with the file's ID numbers, and whether the uploader administers them. */
  existing: Map<string, { administered: boolean }>;
  today: string;
}

const ID_REASONS = {
  format: '身份证号须为 17 位数字加 1 位数字或 X',
  checksum: '身份证号校验位错误',
  birth_date: '身份证号中的出生日期无效',
} as const;

/** Accepts YYYY-MM-DD, YYYY/M/D, YYYY.M.D and YYYY年M月D日; returns YYYY-MM-DD or null. */
export function parseDate(input: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(input.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Checks every row before anything is written. Returns the records when all
 * rows are good, otherwise every problem with its row and column.
 */
export function validateRoster(
  rows: { row: number; cells: RosterCells }[],
  ctx: RosterContext,
): { records: RosterRecord[]; errors: RosterRowError[] } {
  const errors: RosterRowError[] = [];
  const records: RosterRecord[] = [];
  const firstRowOfId = new Map<string, number>();

  for (const { row, cells } of rows) {
    const before = errors.length;
    const err = (key: RosterKey | 'community', reason: string): void => {
      errors.push({
        row,
        column: key === 'community' ? HEADER_OF.community : HEADER_OF[key],
        reason,
      });
    };
    const required = (key: RosterKey): string | null => {
      const v = cells[key];
      if (!v) err(key, '必填 (required)');
      return v ?? null;
    };
    const pick = <T>(key: RosterKey, map: Map<string, T>, fallback: T | null): T | null => {
      const v = cells[key];
      if (!v) return fallback;
      const found = map.get(v);
      if (found === undefined) err(key, `无法识别“${v}” (unknown value)`);
      return found ?? null;
    };
    const date = (key: RosterKey, needed: boolean): string | null => {
      const v = needed ? required(key) : (cells[key] ?? null);
      if (!v) return null;
      const d = parseDate(v);
      if (!d) err(key, `日期格式错误“${v}”，应为 YYYY-MM-DD (bad date)`);
      else if (d > ctx.today) err(key, `日期不能晚于今天 (${d} is in the future)`);
      return d;
    };

    const name = required('name');
    if (name && name.length > 50) err('name', '姓名过长（最多 50 字）');

    let idNumber: string | null = null;
    const rawId = required('idNumber');
    if (rawId?.startsWith('#NUM:')) {
      err('idNumber', '身份证号被 Excel 当作数字保存，末几位已丢失；请把该列设为文本后重新填写');
    } else if (rawId) {
      const checked = checkIdNumber(rawId);
      if (checked.problem) err('idNumber', ID_REASONS[checked.problem]);
      else {
        idNumber = checked.value;
        const first = firstRowOfId.get(idNumber);
        if (first !== undefined)
          err('idNumber', `与第 ${first} 行身份证号重复 (duplicate of row ${first})`);
        else firstRowOfId.set(idNumber, row);
        if (ctx.existing.get(idNumber)?.administered === false) {
          err('idNumber', ALREADY_REGISTERED_ELSEWHERE);
        }
      }
    }

    const gender = pick('gender', PARSE.gender, null);
    if (idNumber && gender && gender !== genderFromId(idNumber))
      err('gender', '性别与身份证号不符');
    const birthDate = date('birthDate', false);
    if (idNumber && birthDate && birthDate !== birthDateFromId(idNumber))
      err('birthDate', '出生日期与身份证号不符');

    const phone = cells.phone ?? null;
    // the rejected value is not echoed: an import error list is kept and shown, and may hold a real number
    if (phone && !/^[0-9+\- ]{5,20}$/.test(phone))
      err('phone', '联系电话格式错误，应为 5-20 位数字 (5-20 digits)');

    let community: OrgUnit | null = null;
    if (cells.communityCode) {
      community = ctx.communitiesByCode.get(cells.communityCode) ?? null;
      if (!community)
        err('communityCode', `社区代码 ${cells.communityCode} 不存在或不在您的管辖范围内`);
    } else if (cells.community) {
      const found = ctx.communitiesByName.get(cells.community) ?? [];
      if (found.length === 1) community = found[0];
      else if (!found.length)
        err('community', `社区“${cells.community}”不存在或不在您的管辖范围内`);
      else err('community', `有 ${found.length} 个社区叫“${cells.community}”，请填写社区代码`);
    } else {
      err('community', '所在社区与社区代码至少填一项 (community required)');
    }

    const tierRaw = required('positionTier');
    const positionTier = tierRaw ? pick('positionTier', PARSE.tier, null) : null;
    const post = pick('post', PARSE.post, null);
    if (post && positionTier && POSTS[post].tier !== positionTier) {
      err('post', `职务“${POSTS[post].label}”与岗位层级不符`);
    }
    const channelRaw = required('entryChannel');
    const entryChannel = channelRaw ? pick('entryChannel', PARSE.channel, null) : null;
    const startedOn = date('startedOn', true);
    const qualification = pick('qualification', PARSE.qualification, 'none');
    const qualificationOn = date('qualificationOn', false);
    const status = pick('status', PARSE.status, 'active');
    const certNo = cells.qualificationCertNo ?? null;
    if (certNo && certNo.length > 40) err('qualificationCertNo', '证书编号过长（最多 40 字符）');

    if (errors.length === before) {
      records.push({
        row,
        name: name!,
        idNumber: idNumber!,
        gender: genderFromId(idNumber!),
        birthDate: birthDateFromId(idNumber!)!,
        phone,
        community: community!,
        positionTier: positionTier!,
        post,
        entryChannel: entryChannel!,
        startedOn: startedOn!,
        qualification: qualification!,
        qualificationCertNo: certNo,
        qualificationOn,
        status: status!,
      });
    }
  }
  return { records: errors.length ? [] : records, errors };
}
