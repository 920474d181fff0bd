import { DomainError, ErrorCode } from '@peixun/core';
import type { Problem } from './questionnaires/questionnaire.rules';

/** Codes of the needs survey (stable; clients match on them). */
export const SurveyErrorCode = {
  /** The questionnaire has been used by a launched campaign: make a new version instead. */
  SURVEY_QUESTIONNAIRE_IN_USE: 'SURVEY_QUESTIONNAIRE_IN_USE',
  /** A new version was asked for while the lineage still has a draft (details: draftId). */
  SURVEY_QUESTIONNAIRE_DRAFT_EXISTS: 'SURVEY_QUESTIONNAIRE_DRAFT_EXISTS',
  /** A campaign may only use the latest version of a questionnaire (details: latestId). */
  SURVEY_QUESTIONNAIRE_SUPERSEDED: 'SURVEY_QUESTIONNAIRE_SUPERSEDED',
  /** The worker is not in the campaign's population (or no longer active). */
  SURVEY_NOT_IN_POPULATION: 'SURVEY_NOT_IN_POPULATION',
  /** The campaign takes no answers now: not yet open, or closed. */
  SURVEY_CLOSED: 'SURVEY_CLOSED',
  /** Submitted once already: an edit replaces the submission instead (PUT). */
  SURVEY_ALREADY_SUBMITTED: 'SURVEY_ALREADY_SUBMITTED',
  /** Nothing submitted yet to replace: submit first (POST). */
  SURVEY_NOT_SUBMITTED: 'SURVEY_NOT_SUBMITTED',
  /** The report version is not rendered yet (details: status and the job to poll). */
  SURVEY_REPORT_NOT_READY: 'SURVEY_REPORT_NOT_READY',
  /** The plan has no survey report linked and none was named. */
  SURVEY_BASIS_NOT_SET: 'SURVEY_BASIS_NOT_SET',
} as const;

/** 400 VALIDATION_FAILED listing every problem by field. */
export function problemsError(problems: readonly Problem[]): DomainError {
  const byField = new Map<string, string[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    problems.map((p) => `${p.field}: ${p.message}`).join('；'),
    400,
    [...byField.entries()].map(([field, list]) => ({ field, problems: list })),
  );
}

export const questionnaireInUse = (id: string): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_QUESTIONNAIRE_IN_USE,
    '问卷已用于已发布的调查，不能修改；请另建新版本 (in use: create a new version)',
    409,
    { questionnaireId: id },
  );

export const draftExists = (draftId: string): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_QUESTIONNAIRE_DRAFT_EXISTS,
    '该问卷已有未使用的草稿版本，请直接修改草稿 (a draft version exists: edit it)',
    409,
    { draftId },
  );

export const questionnaireSuperseded = (latestId: string): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_QUESTIONNAIRE_SUPERSEDED,
    '问卷已有新版本，请使用最新版本 (superseded: use the latest version)',
    409,
    { latestId },
  );

export const notInPopulation = (): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_NOT_IN_POPULATION,
    '您不在本次调查的对象范围内 (you are not in this survey’s population)',
    403,
  );

export const surveyClosed = (status: string): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_CLOSED,
    status === 'scheduled' || status === 'draft'
      ? '调查尚未开始，暂不接受答卷 (not open yet)'
      : '调查已截止，不再接受答卷 (the survey is closed)',
    409,
    { status },
  );

export const alreadySubmitted = (): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_ALREADY_SUBMITTED,
    '问卷已提交；截止前可修改已提交的答卷 (already submitted: replace it with PUT)',
    409,
  );

export const notSubmitted = (): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_NOT_SUBMITTED,
    '尚未提交问卷，请先提交 (nothing submitted yet)',
    409,
  );

export const reportNotReady = (
  status: string,
  job: { queue: string; jobId: string },
): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_REPORT_NOT_READY,
    status === 'failed'
      ? '报告生成失败，请重新生成 (rendering failed: ask for a new version)'
      : '报告正在生成，请稍后再试 (not rendered yet)',
    409,
    { status, job },
  );

export const basisNotSet = (planId: string): DomainError =>
  new DomainError(
    SurveyErrorCode.SURVEY_BASIS_NOT_SET,
    '该计划尚未关联需求调查报告 (no survey report linked to the plan)',
    404,
    { planId },
  );
