import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';

/** Hours credited in one training type (half class hours: 学时 may be halves). */
export interface HoursPart {
  type: string;
  creditedHalfHours: number;
  /** Classes of the type the worker held a place in (enrolled or later withdrawn). */
  classes: number;
}

/** Attendance over the year's sessions that have been held. */
export interface AttendancePart {
  sessionsHeld: number;
  sessionsAttended: number;
  /** Excused leave (请假). */
  leave: number;
  /** Unexcused absences (缺勤) and sessions held without any mark. */
  absent: number;
  /** Induction hours credited in classes of this year or earlier (induction can precede the year). */
  inductionHalfHoursToDate: number;
}

/** One exam sat in the year (Art. 16). */
export interface ExamPart {
  /** YYYY-MM-DD on the region's clock. */
  date: string;
  passed: boolean;
  /** Score out of 100, null when the exam is pass/fail only. */
  score: number | null;
  classId: string | null;
  /** Class or project title, shown in the reasons. */
  title: string;
  /** Training type of the class (post, induction …). */
  type: string;
}

/** One annual training-project certificate issued in the year (Art. 16). */
export interface CertificatePart {
  serial: string;
  /** YYYY-MM-DD. */
  issuedOn: string;
  classId: string | null;
}

/** Classroom evaluation (课堂评价: teachers assess the trainee) of one class (Art. 15). */
export interface EvaluationPart {
  classId: string;
  title: string;
  /** Average score out of 100, two decimals. */
  average: number;
  count: number;
}

/** Facts about enrolment and the worker that the requirements need. */
export interface EnrolmentPart {
  startedOn: string;
  entryChannel: string;
  positionTier: string;
  /** Enrolled places (current or completed) in classes of the year, and places withdrawn. */
  enrolled: number;
  withdrawn: number;
}

/** What contributors may supply; a part a contributor does not supply stays as it was. */
export interface RecordParts {
  hours: HoursPart[];
  attendance: AttendancePart;
  enrolment: EnrolmentPart;
  exams: ExamPart[];
  certificates: CertificatePart[];
  evaluations: EvaluationPart[];
}

export type PartName = keyof RecordParts;

/**
 * A source of part of the annual training record. Implement it in the lib that owns the
 * source records, mark the provider with `@ContributesToRecord()` and put it in any module of
 * the app (the assessment service discovers it; the worker process needs it too).
 *
 * `contribute(workerIds, year, em)` reads, in one or a few set-based queries over all the
 * given workers at once (a batch is up to 50,000 workers: prefer joins over `unnest($1::uuid[])`
 * that let the database hash-join), and returns a Map from worker id to
 * the parts it supplies. A worker with nothing gets no entry (or an empty array): the record
 * then holds an empty list, which means "none", not "unknown". It must be deterministic (same
 * source rows → same output, lists in a stable order) and read-only.
 *
 * The two the lead adds at merge time are about twenty lines of SQL each:
 * - exams (libs/exams), `provides: ['exams', 'certificates']`:
 *     exams: one ExamPart per exam result of the year — `date` (local YYYY-MM-DD of the
 *     exam), `passed`, `score` (0–100 or null), `classId`, `title` (class title), `type`
 *     (class type) — ordered by date, classId;
 *     certificates: one CertificatePart per certificate issued in the year (`serial`,
 *     `issuedOn`, `classId`), ordered by issuedOn, serial; revoked ones left out.
 * - evaluations (libs/evaluations), `provides: ['evaluations']`: per class of the year in
 *     which teachers evaluated the worker, `average` (0–100, 2 decimals) and `count`,
 *     ordered by classId.
 * A part no registered contributor provides is null in the record (unknown), and the rules
 * that need it (e.g. "no exam taken") do not apply.
 */
export interface TrainingRecordContributor {
  readonly name: string;
  readonly provides: readonly PartName[];
  contribute(
    workerIds: string[],
    year: number,
    em: EntityManager,
  ): Promise<Map<string, Partial<RecordParts>>>;
}

/** Marks a provider as a contributor to the annual training record. */
export const ContributesToRecord = DiscoveryService.createDecorator<void>();

/** A mandatory requirement of the year and whether it is met. */
export interface RequirementResult {
  code: 'induction' | 'post' | 'yearly_hours' | 'exam';
  label: string;
  met: boolean;
  /** Half class hours credited and required, where the requirement is about hours. */
  creditedHalfHours?: number;
  requiredHalfHours?: number;
  detail: string;
  source: string;
}

/** Where a rule comes from. */
export interface LayerRef {
  level: 'municipality' | 'district';
  name: string;
  code?: string;
}

/** One reason a grade is limited, spelled out. */
export interface LimitReason {
  /** The best grade still allowed because of this reason. */
  bestGrade: string;
  /** e.g. 不得评为优秀：2026-10-12 岗位培训考试未通过 */
  text: string;
  rule: 'no_training' | 'no_exam' | 'failed_exam' | 'hours_below';
  source: string;
  layer: LayerRef;
}

/** What the record allows in the annual assessment. */
export interface GradeLimits {
  /** Best grade still allowed, null when nothing limits it. */
  bestGrade: string | null;
  /** The grades that may be recorded, best first. */
  allowed: string[];
  /** A grade the policy requires outright (the worst grade is the only one left). */
  required: string | null;
  reasons: LimitReason[];
}

/** The annual training record of a worker (deterministic: no timestamps of computation inside). */
export interface TrainingRecord {
  workerId: string;
  year: number;
  policyId: string;
  /** The layers that applied: the municipality's, and the district's when it has one. */
  layers: LayerRef[];
  hours: (HoursPart & { label: string; requiredHalfHours: number | null })[];
  totalHalfHours: number;
  attendance: AttendancePart & { attendanceRate: number };
  enrolment: EnrolmentPart & { newToWork: boolean };
  exams: ExamPart[] | null;
  certificates: CertificatePart[] | null;
  evaluations: EvaluationPart[] | null;
  requirements: RequirementResult[];
  limits: GradeLimits;
}
