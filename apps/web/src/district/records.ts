/**
 * The shapes of the assessment API's answers that its OpenAPI document leaves open
 * (`type: Object`): the annual training record (libs/assessment record.types.ts) and the
 * street's assessment screen (`GET /assessment/limits`).
 */

export interface LimitReason {
  bestGrade: string;
  /** e.g. 不得评为优秀：2026-10-12 岗位培训考试未通过 */
  text: string;
  rule: string;
  source: string;
  layer: { level: string; name: string; code?: string };
}

export interface Requirement {
  code: string;
  label: string;
  met: boolean;
  creditedHalfHours?: number;
  requiredHalfHours?: number;
  detail: string;
  source: string;
}

export interface TrainingRecord {
  workerId: string;
  year: number;
  policyId: string;
  layers: { level: string; name: string }[];
  hours: {
    type: string;
    label: string;
    creditedHalfHours: number;
    requiredHalfHours: number | null;
    classes: number;
  }[];
  totalHalfHours: number;
  attendance: {
    sessionsHeld: number;
    sessionsAttended: number;
    leave: number;
    absent: number;
    attendanceRate: number;
  };
  exams:
    { date: string; passed: boolean; score: number | null; title: string; type: string }[] | null;
  certificates: { serial: string; issuedOn: string; classId: string | null }[] | null;
  requirements: Requirement[];
  limits: {
    bestGrade: string | null;
    allowed: string[];
    required: string | null;
    reasons: LimitReason[];
  };
}

export interface LimitsRow {
  workerId: string;
  name: string;
  grade: string | null;
  overrideGrade: string | null;
  computed: boolean;
  allowed: string[] | null;
  bestGrade: string | null;
  reasons: LimitReason[];
  requirements: Requirement[];
}

export interface ShareLimit {
  grade: string;
  label: string;
  maxPercent: number;
  source: string;
  active: number;
  given: number;
  cap: number;
}

export interface LimitsScreen {
  streetId: string;
  streetName: string;
  year: number;
  policyId: string | null;
  grades: { code: string; label: string }[];
  shareLimits: ShareLimit[];
  /** Keyset paging by name: the next page's cursor, null on the last page. */
  nextCursor: string | null;
  workers: LimitsRow[];
}

/**
 * Why a grade may not be picked for a worker now (null: it may): the record's reasons that
 * leave only worse grades, or a share limit that is full. A district override of that grade lifts both.
 */
export function gradeBlock(screen: LimitsScreen, row: LimitsRow, grade: string): string | null {
  if (row.overrideGrade === grade) return null;
  const order = screen.grades.map((g) => g.code);
  const labelOf = (code: string) => screen.grades.find((g) => g.code === code)?.label ?? code;
  if (row.allowed && !row.allowed.includes(grade)) {
    const reasons = row.reasons.filter((r) => order.indexOf(r.bestGrade) > order.indexOf(grade));
    return reasons.length
      ? reasons.map((r) => r.text).join('；')
      : `年度培训记录不允许评为${labelOf(grade)}`;
  }
  const share = screen.shareLimits.find((s) => s.grade === grade);
  if (share && row.grade !== grade && share.given >= share.cap) {
    return `本街道${share.label}已满：不得超过 ${share.maxPercent}%（${share.active} 人中至多 ${share.cap} 人）`;
  }
  return null;
}

export const CHANGE_KIND: Record<string, string> = {
  initial: '入职',
  post_change: '岗位变动',
  transfer: '调动',
  status_change: '状态变更',
};

export const CERT_STATUS: Record<string, { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  revoked: { label: '已撤销', color: 'red' },
  superseded: { label: '已被换发', color: 'default' },
};

export const half = (h: number): string => String(h / 2);
