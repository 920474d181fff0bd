import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Generated,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { EnrollmentSource, EnrollmentStatus } from './enrollment.rules';

/**
 * A worker's place, or place in line, in a class. Kept for good once it ends (withdrawn,
 * declined, expired, cancelled): the history is part of the worker's training record.
 */
@Entity({ name: 'enrollment' })
@Check(
  'enrollment_status_ck',
  `status IN ('pending', 'enrolled', 'waitlisted', 'offered', 'withdrawn', 'declined', 'expired', 'cancelled')`,
)
@Check('enrollment_source_ck', `source IN ('self', 'bulk', 'nomination')`)
@Index('enrollment_active_uq', ['classId', 'workerId'], {
  unique: true,
  where: `status IN ('pending', 'enrolled', 'waitlisted', 'offered')`,
})
@Index('enrollment_class_queue_idx', ['classId', 'status', 'queueSeq'])
@Index('enrollment_worker_idx', ['workerId', 'status'])
export class Enrollment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('TrainingClass', { name: 'enrollment_class_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ForeignKey('Worker', { name: 'enrollment_worker_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'varchar', length: 12 })
  status: EnrollmentStatus;

  @Column({ type: 'varchar', length: 12 })
  source: EnrollmentSource;

  /** Arrival order: the waitlist is served by it. */
  @Column({ name: 'queue_seq', type: 'bigint' })
  @Generated('increment')
  queueSeq: string;

  /** A waitlist place offered: accept before this. */
  @Column({ name: 'offered_until', type: 'timestamptz', nullable: true })
  offeredUntil: Date | null;

  @Column({ name: 'enrolled_at', type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 200, nullable: true })
  endReason: string | null;

  /** The fee the worker saw and confirmed (elective classes), in fen. */
  @Column({ name: 'fee_fen', type: 'int', default: 0 })
  feeFen: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A district's nomination of a worker for advanced study (进修培训, Art. 9). */
@Entity({ name: 'nomination' })
@Check('nomination_status_ck', `status IN ('pending', 'accepted', 'rejected', 'withdrawn')`)
@Index('nomination_active_uq', ['year', 'workerId'], {
  unique: true,
  where: `status IN ('pending', 'accepted')`,
})
@Index('nomination_district_idx', ['districtId', 'year'])
@Index('nomination_queue_idx', ['municipalityId', 'year', 'status'])
export class Nomination {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @ForeignKey('Worker', { name: 'nomination_worker_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @ForeignKey('OrgUnit', { name: 'nomination_district_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ForeignKey('OrgUnit', { name: 'nomination_municipality_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  /** The previous year's grade the nomination rests on. */
  @Column({ name: 'grade', type: 'varchar', length: 30 })
  grade: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: 'pending' | 'accepted' | 'rejected' | 'withdrawn';

  @Column({ name: 'nomination_reason', type: 'varchar', length: 500, nullable: true })
  nominationReason: string | null;

  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  /** The advanced class the accepted nominee was enrolled in. */
  @ForeignKey('TrainingClass', { name: 'nomination_class_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'class_id', type: 'uuid', nullable: true })
  classId: string | null;

  @Column({ name: 'nominated_by', type: 'uuid' })
  nominatedBy: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Acceptances of a municipality's year, counted in one row that is raised only while below
 * the quota: two acceptances at the same instant cannot both take the last place.
 */
@Entity({ name: 'nomination_quota' })
@Check('nomination_quota_ck', `accepted >= 0`)
export class NominationQuota {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  @ForeignKey('OrgUnit', { name: 'nomination_quota_municipality_fk', onDelete: 'RESTRICT' })
  municipalityId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int', default: 0 })
  accepted: number;
}

/** A worker's calendar feed: a secret URL (its hash kept here) that can be revoked. */
@Entity({ name: 'calendar_feed' })
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('calendar_feed_worker_idx')
  @ForeignKey('Worker', { name: 'calendar_feed_worker_fk', onDelete: 'CASCADE' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  /** SHA-256 of the secret in the URL: the secret itself is shown once and not kept. */
  @Index('calendar_feed_token_uq', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
