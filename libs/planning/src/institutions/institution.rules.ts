/**
 * Qualification and filing of training institutions (Art. 17, 20): an
 * institution applies with its details and documents; the municipal bureau
 * approves (and files it), rejects with a reason, or asks for changes; a filed
 * institution can be suspended (no new classes, history kept) and reinstated.
 */
export const INSTITUTION_STATUSES = [
  'draft',
  'pending',
  'changes_requested',
  'rejected',
  'approved',
  'suspended',
] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

export type InstitutionAction =
  'edit' | 'submit' | 'approve' | 'reject' | 'request_changes' | 'suspend' | 'reinstate';

/** From which statuses each action may be taken. */
const ALLOWED: Record<InstitutionAction, readonly InstitutionStatus[]> = {
  edit: ['draft', 'changes_requested', 'rejected'],
  submit: ['draft', 'changes_requested', 'rejected'],
  approve: ['pending'],
  reject: ['pending'],
  request_changes: ['pending'],
  suspend: ['approved'],
  reinstate: ['suspended'],
};

const RESULT: Partial<Record<InstitutionAction, InstitutionStatus>> = {
  submit: 'pending',
  approve: 'approved',
  reject: 'rejected',
  request_changes: 'changes_requested',
  suspend: 'suspended',
  reinstate: 'approved',
};

/** The status after an action, or null when the action is not allowed from `from`. */
export function institutionTransition(
  from: InstitutionStatus,
  action: InstitutionAction,
): InstitutionStatus | null {
  if (!ALLOWED[action].includes(from)) return null;
  return RESULT[action] ?? from;
}

/** Only an approved (filed, not suspended) institution may be commissioned or open new classes. */
export function isCommissionable(status: InstitutionStatus): boolean {
  return status === 'approved';
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a check character. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARS.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

export function validCreditCode(code: string): boolean {
  return (
    /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17]
  );
}

/** 备案号: 京培备〔2026〕007号. */
export function filingNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}培备〔${year}〕${String(seq).padStart(3, '0')}号`;
}
