import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type {
  ClassOrigin,
  ClassStatus,
  ClassType,
  SessionMethod,
  SessionStatus,
} from './classes.rules';

/**
 * A class (班次): one run of a training project for a group of trainees, with its own
 * sessions, places and enrolment window.
 * - `plan`: from a district's approved project plan, run by the plan's institution (Art. 12-13);
 * - `municipal`: advanced study, run for the municipal bureau by a filed institution (Art. 9);
 * - `street`: a street's own business and policy training (Art. 19), no plan.
 */
@Entity({ name: 'training_class' })
@Check('training_class_origin_ck', `origin IN ('plan', 'municipal', 'street')`)
@Check('training_class_status_ck', `status IN ('draft', 'open', 'cancelled')`)
@Check('training_class_capacity_ck', `capacity >= 1 AND taken >= 0 AND taken <= capacity`)
@Check('training_class_fee_ck', `fee_fen >= 0`)
@Check(
  'training_class_origin_refs_ck',
  `(origin = 'plan' AND project_plan_id IS NOT NULL AND institution_id IS NOT NULL) OR ` +
    `(origin = 'municipal' AND institution_id IS NOT NULL) OR ` +
    `(origin = 'street' AND street_id IS NOT NULL)`,
)
@Index('training_class_institution_idx', ['institutionId', 'year'])
@Index('training_class_district_idx', ['districtId', 'year'])
@Index('training_class_street_idx', ['streetId', 'year'])
@Index('training_class_status_idx', ['status', 'enrolClosesAt'])
export class TrainingClass {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12 })
  origin: ClassOrigin;

  @Index('training_class_plan_idx')
  @ForeignKey('ProjectPlan', { name: 'training_class_plan_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'project_plan_id', type: 'uuid', nullable: true })
  projectPlanId: string | null;

  /** The institution that runs it (plan and municipal classes). */
  @ForeignKey('OrgUnit', { name: 'training_class_institution_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId: string | null;

  /** The commissioning district (plan classes) or the street's district. */
  @ForeignKey('OrgUnit', { name: 'training_class_district_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  /** The street that runs it (street classes). */
  @ForeignKey('OrgUnit', { name: 'training_class_street_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'street_id', type: 'uuid', nullable: true })
  streetId: string | null;

  /** The municipality whose policy applies. */
  @ForeignKey('OrgUnit', { name: 'training_class_municipality_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'int' })
  year: number;

  /** A training type of the policy, or `street` (Art. 19). */
  @Column({ type: 'varchar', length: 20 })
  type: ClassType;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** Tiers and entry channels it is for (empty: all); from the plan's project. */
  @Column({ name: 'target_tiers', type: 'jsonb', default: () => `'[]'` })
  targetTiers: string[];

  @Column({ name: 'target_channels', type: 'jsonb', default: () => `'[]'` })
  targetChannels: string[];

  @Column({ type: 'int' })
  capacity: number;

  /** Places held: enrolled plus offered to the waitlist (never above capacity). */
  @Column({ type: 'int', default: 0 })
  taken: number;

  @Column({ type: 'varchar', length: 200 })
  location: string;

  @Column({ name: 'enrol_opens_at', type: 'timestamptz' })
  enrolOpensAt: Date;

  @Column({ name: 'enrol_closes_at', type: 'timestamptz' })
  enrolClosesAt: Date;

  /** Fee in fen; only an elective class may carry one (Art. 23). */
  @Column({ name: 'fee_fen', type: 'int', default: 0 })
  feeFen: number;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: ClassStatus;

  /** Stricter attendance thresholds than the policy's (minutes), or null for the policy's. */
  @Column({ name: 'late_threshold_minutes', type: 'int', nullable: true })
  lateThresholdMinutes: number | null;

  @Column({ name: 'early_threshold_minutes', type: 'int', nullable: true })
  earlyThresholdMinutes: number | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 500, nullable: true })
  cancelReason: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int', default: 1 })
  version: number;
}

/**
 * A session (课次) of a class. A teacher or a room is never booked twice at once: two
 * exclusion constraints refuse overlapping scheduled sessions (also under concurrency).
 */
@Entity({ name: 'class_session' })
@Check('class_session_time_ck', `ends_at > starts_at`)
@Check('class_session_hours_ck', `half_hours >= 1 AND half_hours <= 48`)
@Check('class_session_status_ck', `status IN ('scheduled', 'cancelled')`)
@Exclusion(
  'class_session_teacher_excl',
  `USING gist ("teacher_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (((status)::text = 'scheduled'::text) AND (teacher_id IS NOT NULL))`,
)
@Exclusion(
  'class_session_room_excl',
  `USING gist ("room_key" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (((status)::text = 'scheduled'::text) AND (room_key IS NOT NULL))`,
)
@Index('class_session_class_idx', ['classId', 'startsAt'])
export class ClassSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => TrainingClass, { name: 'class_session_class_fk', onDelete: 'CASCADE' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** Class hours (学时) in halves: 1.5 class hours = 3. */
  @Column({ name: 'half_hours', type: 'int' })
  halfHours: number;

  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'varchar', length: 20 })
  method: SessionMethod;

  /** A teacher of the pool; street classes may name a speaker instead. */
  @ForeignKey('Teacher', { name: 'class_session_teacher_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'teacher_id', type: 'uuid', nullable: true })
  teacherId: string | null;

  @Column({ name: 'speaker_name', type: 'varchar', length: 50, nullable: true })
  speakerName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  room: string | null;

  /** Who owns the room and which room, normalised: what the room exclusion compares. */
  @Column({ name: 'room_key', type: 'varchar', length: 200, nullable: true })
  roomKey: string | null;

  @Column({ type: 'varchar', length: 12, default: 'scheduled' })
  status: SessionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
