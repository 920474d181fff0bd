import { DomainError, ErrorCode } from '@peixun/core';
import type { Problem } from './evaluations.rules';

export const EvaluationErrorCode = {
  NO_EVALUATION: 'NO_EVALUATION',
  EVALUATION_NOT_OPEN: 'EVALUATION_NOT_OPEN',
  EVALUATION_CLOSED: 'EVALUATION_CLOSED',
  ALREADY_ANSWERED: 'ALREADY_ANSWERED',
  NO_ACTIVE_TEMPLATE: 'NO_ACTIVE_TEMPLATE',
  REPORT_NOT_READY: 'REPORT_NOT_READY',
} as const;

export function invalid(problems: Problem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `${first.field}: ${first.problem}`,
    400,
    problems.map((p) => ({ field: p.field, problems: [p.problem] })),
  );
}

export const noEvaluation = (): DomainError =>
  new DomainError(
    EvaluationErrorCode.NO_EVALUATION,
    '没有此课次的评价：只有出勤（含迟到、早退）的学员参与评价 (no evaluation: only trainees who attended evaluate a session)',
    404,
  );

export const notOpen = (): DomainError =>
  new DomainError(
    EvaluationErrorCode.EVALUATION_NOT_OPEN,
    '课次尚未结束，评价尚未开放 (the session has not ended)',
    409,
  );

export const closed = (closesAt: Date): DomainError =>
  new DomainError(
    EvaluationErrorCode.EVALUATION_CLOSED,
    `评价已于 ${closesAt.toISOString()} 截止，逾期不能提交 (the deadline has passed)`,
    409,
    { closesAt },
  );

export const alreadyAnswered = (): DomainError =>
  new DomainError(
    EvaluationErrorCode.ALREADY_ANSWERED,
    '已提交过此评价，每人每项只能评价一次 (already answered)',
    409,
  );

export const noTemplate = (direction: string): DomainError =>
  new DomainError(
    EvaluationErrorCode.NO_ACTIVE_TEMPLATE,
    `市局尚未发布${direction}表单 (no active template)`,
    409,
  );
