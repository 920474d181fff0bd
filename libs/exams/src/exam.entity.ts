import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ExamMode } from './exams.rules';

/**
 * A class exam (培训考核, Art. 16), held by the institution under the supervision of the
 * authority. Attempt 1 is the exam, later attempts the retakes (补考) the policy allows.
 */
@Entity({ name: 'exam' })
@Check('exam_mode_ck', `mode IN ('score', 'pass_fail')`)
@Check('exam_attempt_ck', `attempt >= 1`)
@Check('exam_scores_ck', `max_score >= 1 AND pass_score >= 0 AND pass_score <= max_score`)
@Index('exam_class_attempt_uq', ['classId', 'attempt'], { unique: true })
export class Exam {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('TrainingClass', { name: 'exam_class_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ type: 'int' })
  attempt: number;

  /** The calendar date it was held (region's clock). */
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 12 })
  mode: ExamMode;

  /** The policy's figures when the exam was recorded (a later policy does not change them). */
  @Column({ name: 'max_score', type: 'int' })
  maxScore: number;

  @Column({ name: 'pass_score', type: 'int' })
  passScore: number;

  /** The supervisor sent by the authority (监考/监督人). */
  @Column({ name: 'supervisor_name', type: 'varchar', length: 50 })
  supervisorName: string;

  /** The supervising authority: the commissioning district or the municipal bureau. */
  @ForeignKey('OrgUnit', { name: 'exam_supervisor_org_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'supervisor_org_id', type: 'uuid' })
  supervisorOrgId: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One trainee's result at one exam. */
@Entity({ name: 'exam_result' })
@Check('exam_result_score_ck', `score IS NULL OR score >= 0`)
@Index('exam_result_exam_entry_uq', ['examId', 'enrollmentId'], { unique: true })
@Index('exam_result_enrollment_idx', ['enrollmentId', 'attempt'])
@Index('exam_result_worker_idx', ['workerId'])
export class ExamResult {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Exam, { name: 'exam_result_exam_fk', onDelete: 'CASCADE' })
  @Column({ name: 'exam_id', type: 'uuid' })
  examId: string;

  @ForeignKey('Enrollment', { name: 'exam_result_enrollment_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'int' })
  attempt: number;

  /** The score of a scored exam; null for pass/fail. */
  @Column({ type: 'int', nullable: true })
  score: number | null;

  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @UpdateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
