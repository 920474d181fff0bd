import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { TrainingRecord } from './record.types';

/**
 * A worker's annual training record (年度培训记录), computed from the source records by the
 * `assessment.recompute` job and never edited by hand: recomputing it from scratch gives the
 * same `record` (and `record_hash`). The scalar columns are copies of the record's facts that
 * the reports group by.
 */
@Entity({ name: 'training_record' })
@Index('training_record_street_idx', ['year', 'streetId'])
@Index('training_record_district_idx', ['year', 'districtId'])
export class TrainingRecordRow {
  @PrimaryColumn({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @Column({ name: 'street_id', type: 'uuid' })
  streetId: string;

  @Column({ name: 'policy_id', type: 'varchar', length: 40 })
  policyId: string;

  @Column({ name: 'total_half_hours', type: 'int' })
  totalHalfHours: number;

  /** Every mandatory requirement of the year met. */
  @Column({ type: 'boolean' })
  compliant: boolean;

  @Column({ name: 'induction_required', type: 'boolean' })
  inductionRequired: boolean;

  @Column({ name: 'induction_met', type: 'boolean' })
  inductionMet: boolean;

  @Column({ name: 'post_required', type: 'boolean' })
  postRequired: boolean;

  @Column({ name: 'post_met', type: 'boolean' })
  postMet: boolean;

  /** Null: exam results are not known (no exams contributor). */
  @Column({ name: 'exams_taken', type: 'int', nullable: true })
  examsTaken: number | null;

  @Column({ name: 'exams_passed', type: 'int', nullable: true })
  examsPassed: number | null;

  /** The best grade the record still allows (null: no limit). */
  @Column({ name: 'best_grade', type: 'varchar', length: 30, nullable: true })
  bestGrade: string | null;

  @Column({ type: 'jsonb' })
  record: TrainingRecord;

  /** sha256 of the canonical JSON of `record`: a recomputation that changes nothing writes nothing. */
  @Column({ name: 'record_hash', type: 'char', length: 64 })
  recordHash: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

/**
 * A district's written permission to give a worker a grade that the training record forbids
 * (or that exceeds a share limit). One per worker and year; the grant is audited.
 */
@Entity({ name: 'grade_override' })
@Index('grade_override_worker_year_uq', ['workerId', 'year'], { unique: true })
export class GradeOverride {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 30 })
  grade: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'granted_by', type: 'uuid' })
  grantedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
