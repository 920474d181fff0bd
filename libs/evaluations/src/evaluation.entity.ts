import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Answer, Direction, TemplateItem } from './evaluations.rules';

export type TemplateStatus = 'active' | 'superseded';

/**
 * An evaluation form of the municipal bureau, for one direction. Versioned: a template is
 * never edited once made (a trigger refuses it); a new version supersedes the active one,
 * while the classes that already use the old one keep it.
 */
@Entity({ name: 'evaluation_template' })
@Check('evaluation_template_direction_ck', `direction IN ('classroom', 'post_class')`)
@Check('evaluation_template_status_ck', `status IN ('active', 'superseded')`)
@Index('evaluation_template_version_uq', ['direction', 'version'], { unique: true })
@Index('evaluation_template_active_uq', ['direction'], {
  unique: true,
  where: `status = 'active'`,
})
export class EvaluationTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12 })
  direction: Direction;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'jsonb' })
  items: TemplateItem[];

  @Column({ type: 'varchar', length: 12, default: 'active' })
  status: TemplateStatus;

  /** The account of the bureau that made it (null: shipped with the platform). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;
}

/**
 * A class's evaluation settings: the templates it uses (pinned at its first evaluation, so
 * that one class is evaluated on one form) and its own deadlines instead of the policy's.
 */
@Entity({ name: 'evaluation_class_setting' })
@Check(
  'evaluation_class_setting_days_ck',
  `(post_class_days IS NULL OR post_class_days BETWEEN 1 AND 60) AND (classroom_days IS NULL OR classroom_days BETWEEN 1 AND 60)`,
)
export class EvaluationClassSetting {
  @ForeignKey('TrainingClass', { name: 'evaluation_class_setting_class_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ForeignKey(() => EvaluationTemplate, {
    name: 'evaluation_class_setting_classroom_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'classroom_template_id', type: 'uuid', nullable: true })
  classroomTemplateId: string | null;

  @ForeignKey(() => EvaluationTemplate, {
    name: 'evaluation_class_setting_post_class_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'post_class_template_id', type: 'uuid', nullable: true })
  postClassTemplateId: string | null;

  @Column({ name: 'post_class_days', type: 'int', nullable: true })
  postClassDays: number | null;

  @Column({ name: 'classroom_days', type: 'int', nullable: true })
  classroomDays: number | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The respondent ledger of post-class evaluations: that a trainee answered for a session
 * (once: the unique index), and when. It holds no answer and no reference to one; the
 * answers (PostClassAnswer) hold no reference to the trainee. Only the authority reads it.
 */
@Entity({ name: 'evaluation_receipt' })
@Index('evaluation_receipt_once_uq', ['sessionId', 'enrollmentId'], { unique: true })
@Index('evaluation_receipt_class_idx', ['classId'])
@Index('evaluation_receipt_worker_idx', ['workerId'])
export class EvaluationReceipt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('ClassSession', { name: 'evaluation_receipt_session_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ForeignKey('Enrollment', { name: 'evaluation_receipt_enrollment_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}

/**
 * A trainee's anonymous answers about a session and its teacher (课后评价). No trainee,
 * enrolment, account or time: nothing joins it back to the ledger.
 */
@Entity({ name: 'evaluation_post_class_answer' })
@Index('evaluation_post_class_answer_class_idx', ['classId', 'teacherId'])
@Index('evaluation_post_class_answer_teacher_idx', ['teacherId'])
export class PostClassAnswer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('ClassSession', {
    name: 'evaluation_post_class_answer_session_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  /** The session's teacher (null: a named speaker of a street class). */
  @Column({ name: 'teacher_id', type: 'uuid', nullable: true })
  teacherId: string | null;

  @ForeignKey(() => EvaluationTemplate, {
    name: 'evaluation_post_class_answer_template_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ type: 'jsonb' })
  answers: Answer[];
}

/** A teacher's assessment of one trainee at one session (课堂评价); not anonymous. */
@Entity({ name: 'evaluation_classroom' })
@Index('evaluation_classroom_once_uq', ['sessionId', 'enrollmentId'], { unique: true })
@Index('evaluation_classroom_class_idx', ['classId'])
export class ClassroomEvaluation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('ClassSession', { name: 'evaluation_classroom_session_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ForeignKey('Enrollment', { name: 'evaluation_classroom_enrollment_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'teacher_id', type: 'uuid', nullable: true })
  teacherId: string | null;

  @ForeignKey(() => EvaluationTemplate, {
    name: 'evaluation_classroom_template_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ type: 'jsonb' })
  answers: Answer[];

  @Column({ name: 'evaluated_by', type: 'uuid' })
  evaluatedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}

/**
 * That a trainee who attended a session was told its evaluation is open (one notice per
 * trainee and session; the sweep inserts these and notifies only for the rows it inserted).
 */
@Entity({ name: 'evaluation_invitation' })
export class EvaluationInvitation {
  @ForeignKey('ClassSession', { name: 'evaluation_invitation_session_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ForeignKey('Enrollment', { name: 'evaluation_invitation_enrollment_fk', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @CreateDateColumn({ name: 'notified_at', type: 'timestamptz' })
  notifiedAt: Date;
}

export type ReportScope = 'class' | 'teacher' | 'institution';
export type ReportFormat = 'xlsx' | 'pdf';
export type ReportFileStatus = 'pending' | 'ready' | 'failed';

/** An exported evaluation report (Excel or PDF) for the authority, rendered by the worker. */
@Entity({ name: 'evaluation_report_file' })
@Check('evaluation_report_file_scope_ck', `scope IN ('class', 'teacher', 'institution')`)
@Check('evaluation_report_file_format_ck', `format IN ('xlsx', 'pdf')`)
@Check('evaluation_report_file_status_ck', `status IN ('pending', 'ready', 'failed')`)
@Index('evaluation_report_file_requester_idx', ['requestedBy', 'createdAt'])
export class EvaluationReportFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12 })
  scope: ReportScope;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'varchar', length: 4 })
  format: ReportFormat;

  /** A district's export covers only the classes it commissioned. */
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: ReportFileStatus;

  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256: string | null;

  @Column({ type: 'int', nullable: true })
  size: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
