/** Pure rules about workers: resident ID numbers, masking, enumerations (DOMAIN.md "Workers"). */

export const POSITION_TIERS = ['head', 'deputy', 'staff'] as const;
export type PositionTier = (typeof POSITION_TIERS)[number];

export const ENTRY_CHANNELS = ['elected', 'recruited_citywide', 'recruited_other'] as const;
export type EntryChannel = (typeof ENTRY_CHANNELS)[number];

export const QUALIFICATIONS = [
  'none',
  'assistant_social_worker',
  'social_worker',
  'senior_social_worker',
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export const WORKER_STATUSES = ['active', 'left', 'retired'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Posts (职务) of community work, with their tier. */
export const POSTS = {
  party_secretary: { label: '社区党组织书记', tier: 'head' },
  committee_director: { label: '社区居委会主任', tier: 'head' },
  station_head: { label: '社区服务站站长', tier: 'head' },
  deputy_party_secretary: { label: '社区党组织副书记', tier: 'deputy' },
  committee_deputy_director: { label: '社区居委会副主任', tier: 'deputy' },
  station_deputy_head: { label: '社区服务站副站长', tier: 'deputy' },
  committee_member: { label: '社区居委会委员', tier: 'staff' },
  station_staff: { label: '社区服务站工作人员', tier: 'staff' },
  full_time_officer: { label: '社区专职干事', tier: 'staff' },
} as const satisfies Record<string, { label: string; tier: PositionTier }>;
export type Post = keyof typeof POSTS;
export const POST_CODES = Object.keys(POSTS) as Post[];

/** Chinese labels, as rosters carry them. */
export const LABELS = {
  tier: { head: '正职', deputy: '副职', staff: '一般工作人员' } satisfies Record<
    PositionTier,
    string
  >,
  channel: {
    elected: '选任',
    recruited_citywide: '全市统一公开招录',
    recruited_other: '其他招录',
  } satisfies Record<EntryChannel, string>,
  qualification: {
    none: '无',
    assistant_social_worker: '助理社会工作师',
    social_worker: '社会工作师',
    senior_social_worker: '高级社会工作师',
  } satisfies Record<Qualification, string>,
  status: { active: '在职', left: '离职', retired: '退休' } satisfies Record<WorkerStatus, string>,
  gender: { male: '男', female: '女' } satisfies Record<Gender, string>,
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643-1999 check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberProblem = 'format' | 'checksum' | 'birth_date';

/** Normalises (trim, upper-case X) and checks an 18-digit resident ID number. */
export function checkIdNumber(raw: string): { value: string; problem: IdNumberProblem | null } {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { value, problem: 'format' };
  if (!birthDateFromId(value)) return { value, problem: 'birth_date' };
  if (idCheckChar(value.slice(0, 17)) !== value[17]) return { value, problem: 'checksum' };
  return { value, problem: null };
}

/** The birth date encoded in an ID number (YYYY-MM-DD), or null when it is not a real date. */
export function birthDateFromId(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th digit is odd for men, even for women. */
export function genderFromId(id: string): Gender {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

/** Masking lives with the cipher in libs/core (one rule for logs, views and storage). */
export { maskIdNumber } from '@peixun/core';

/** Builds a valid ID number from a 6-digit area code, a birth date (YYYYMMDD) and a 3-digit sequence. */
export function makeIdNumber(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
