import { DomainError, ErrorCode } from '@peixun/core';
import type { ClassProblem } from './classes.rules';

/** Codes of the classes lib (stable; clients match on them). */
export const ClassErrorCode = {
  PLAN_NOT_APPROVED: 'PLAN_NOT_APPROVED',
  PLAN_PLACES_EXCEEDED: 'PLAN_PLACES_EXCEEDED',
  INSTITUTION_NOT_COMMISSIONABLE: 'INSTITUTION_NOT_COMMISSIONABLE',
  TEACHER_DOUBLE_BOOKED: 'TEACHER_DOUBLE_BOOKED',
  ROOM_DOUBLE_BOOKED: 'ROOM_DOUBLE_BOOKED',
  SESSION_ALREADY_HELD: 'SESSION_ALREADY_HELD',
  CLASS_RULES_BROKEN: 'CLASS_RULES_BROKEN',
} as const;

/** 409/400 with every problem listed; the first problem's code is the error's code. */
export function classProblems(problems: ClassProblem[], status = 409): DomainError {
  const code = problems.length === 1 ? problems[0].code : ClassErrorCode.CLASS_RULES_BROKEN;
  return new DomainError(
    code,
    problems.map((p) => p.message).join('；'),
    status,
    problems.map((p) => ({ field: p.field, code: p.code, problems: [p.message] })),
  );
}

export const planNotApproved = (): DomainError =>
  new DomainError(
    ClassErrorCode.PLAN_NOT_APPROVED,
    '项目计划书尚未批准备案，不能开班 (the project plan is not approved)',
    409,
  );

export const notCommissionable = (): DomainError =>
  new DomainError(
    ClassErrorCode.INSTITUTION_NOT_COMMISSIONABLE,
    '承办机构未备案或已暂停，不能开班或增加课次 (the institution is not filed or is suspended)',
    409,
  );

export const sessionHeld = (): DomainError =>
  new DomainError(
    ClassErrorCode.SESSION_ALREADY_HELD,
    '该课次已开始或已结束，不能更改 (the session has started)',
    409,
  );

export const doubleBooked = (what: 'teacher' | 'room', index?: number): DomainError =>
  new DomainError(
    what === 'teacher' ? ClassErrorCode.TEACHER_DOUBLE_BOOKED : ClassErrorCode.ROOM_DOUBLE_BOOKED,
    what === 'teacher'
      ? '该教师在此时间已有其他课次 (the teacher is booked at that time)'
      : '该教室在此时间已被占用 (the room is booked at that time)',
    409,
    index === undefined
      ? undefined
      : [{ field: `sessions[${index}]`, problems: ['double booked'] }],
  );

export { ErrorCode };
