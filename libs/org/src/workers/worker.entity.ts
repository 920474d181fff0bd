import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import type {
  EntryChannel,
  Gender,
  PositionTier,
  Post,
  Qualification,
  WorkerStatus,
} from './workers.rules';

/**
 * A community worker (社区工作者). The district and street are copied from the
 * community so that every scoped query is one indexed comparison.
 */
@Entity({ name: 'worker' })
@Check('worker_tier_ck', `position_tier IN ('head', 'deputy', 'staff')`)
@Check('worker_channel_ck', `entry_channel IN ('elected', 'recruited_citywide', 'recruited_other')`)
@Check(
  'worker_qualification_ck',
  `qualification IN ('none', 'assistant_social_worker', 'social_worker', 'senior_social_worker')`,
)
@Check('worker_status_ck', `status IN ('active', 'left', 'retired')`)
@Check('worker_gender_ck', `gender IN ('male', 'female')`)
@Index('worker_district_name_idx', ['districtId', 'name', 'id'])
@Index('worker_street_name_idx', ['streetId', 'name', 'id'])
@Index('worker_community_name_idx', ['communityId', 'name', 'id'])
@Index('worker_name_idx', ['name', 'id'])
export class Worker {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'varchar', length: 6 })
  gender: Gender;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  /**
   * The 18-character resident ID number, sealed with AES-256-GCM (worker-pii.ts):
   * opened only for the worker and their administrators.
   */
  @Column({ name: 'id_number_enc', type: 'bytea' })
  idNumberEnc: Buffer;

  /** Keyed blind index (HMAC-SHA256) of the ID number: uniqueness and exact look-up. */
  @Index('worker_id_number_hash_uq', { unique: true })
  @Column({ name: 'id_number_hash', type: 'bytea' })
  idNumberHash: Buffer;

  /** `1101**********1234`: what others see, without opening the sealed value. */
  @Column({ name: 'id_number_masked', type: 'varchar', length: 18 })
  idNumberMasked: string;

  @Column({ name: 'phone_enc', type: 'bytea', nullable: true })
  phoneEnc: Buffer | null;

  @Index('worker_phone_hash_idx')
  @Column({ name: 'phone_hash', type: 'bytea', nullable: true })
  phoneHash: Buffer | null;

  @Column({ name: 'phone_masked', type: 'varchar', length: 20, nullable: true })
  phoneMasked: string | null;

  @ForeignKey(() => OrgUnit, { name: 'worker_community_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ name: 'street_id', type: 'uuid' })
  streetId: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @Column({ name: 'position_tier', type: 'varchar', length: 10 })
  positionTier: PositionTier;

  @Column({ type: 'varchar', length: 40, nullable: true })
  post: Post | null;

  @Column({ name: 'entry_channel', type: 'varchar', length: 30 })
  entryChannel: EntryChannel;

  /** Date the worker started community work (社区工作起始时间). */
  @Column({ name: 'started_on', type: 'date' })
  startedOn: string;

  @Column({ type: 'varchar', length: 30, default: 'none' })
  qualification: Qualification;

  @Column({ name: 'qualification_cert_no', type: 'varchar', length: 40, nullable: true })
  qualificationCertNo: string | null;

  @Column({ name: 'qualification_on', type: 'date', nullable: true })
  qualificationOn: string | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: WorkerStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int', default: 1 })
  version: number;
}

export type WorkerChangeKind = 'initial' | 'post_change' | 'transfer' | 'status_change';

/** Post changes and transfers between communities, kept as history (岗位变化情况). */
@Entity({ name: 'worker_post_history' })
@Check(
  'worker_post_history_kind_ck',
  `change_kind IN ('initial', 'post_change', 'transfer', 'status_change')`,
)
@Index('worker_post_history_worker_idx', ['workerId', 'effectiveOn'])
export class WorkerPostHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Worker, { name: 'worker_post_history_worker_fk', onDelete: 'CASCADE' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'change_kind', type: 'varchar', length: 20 })
  changeKind: WorkerChangeKind;

  @ForeignKey(() => OrgUnit, { name: 'worker_post_history_community_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ name: 'position_tier', type: 'varchar', length: 10 })
  positionTier: PositionTier;

  @Column({ type: 'varchar', length: 40, nullable: true })
  post: Post | null;

  @Column({ type: 'varchar', length: 10 })
  status: WorkerStatus;

  /** From when the new situation holds. */
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}

/** A worker's annual assessment grade (年度考核评议), recorded by the street. */
@Entity({ name: 'worker_assessment' })
@Index('worker_assessment_worker_year_uq', ['workerId', 'year'], { unique: true })
export class WorkerAssessment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Worker, { name: 'worker_assessment_worker_fk', onDelete: 'CASCADE' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ type: 'int' })
  year: number;

  /** Grade code from the region's policy (Beijing: excellent / competent / basically_competent / incompetent). */
  @Column({ type: 'varchar', length: 30 })
  grade: string;

  @Column({ name: 'policy_id', type: 'varchar', length: 40 })
  policyId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @UpdateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
