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
  VersionColumn,
} from 'typeorm';
import type { InstitutionStatus } from './institution.rules';

export const INSTITUTION_KINDS = [
  'university',
  'vocational_college',
  'training_center',
  'social_organization',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** A training institution's qualification application and filing (the institution itself is an org_unit). */
@Entity({ name: 'institution_profile' })
@Check(
  'institution_profile_status_ck',
  `status IN ('draft', 'pending', 'changes_requested', 'rejected', 'approved', 'suspended')`,
)
@Index('institution_profile_queue_idx', ['status', 'submittedAt'])
export class InstitutionProfile {
  @PrimaryColumn({ name: 'org_unit_id', type: 'uuid' })
  @ForeignKey('OrgUnit', { name: 'institution_profile_unit_fk', onDelete: 'RESTRICT' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: InstitutionStatus;

  @Column({ name: 'legal_name', type: 'varchar', length: 100, nullable: true })
  legalName: string | null;

  @Index('institution_profile_credit_code_uq', { unique: true, where: 'credit_code IS NOT NULL' })
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  kind: InstitutionKind | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  /** The contact's phone, sealed (field `institution_profile.contact_phone`). */
  @Column({ name: 'contact_phone_enc', type: 'bytea', nullable: true })
  contactPhoneEnc: Buffer | null;

  @Column({ name: 'contact_phone_masked', type: 'varchar', length: 20, nullable: true })
  contactPhoneMasked: string | null;

  /** Training places the institution can offer a year. */
  @Column({ name: 'annual_capacity', type: 'int', nullable: true })
  annualCapacity: number | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index('institution_profile_filing_uq', { unique: true, where: 'filing_number IS NOT NULL' })
  @Column({ name: 'filing_number', type: 'varchar', length: 40, nullable: true })
  filingNumber: string | null;

  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** The reason of the last rejection, request for changes or suspension. */
  @Column({ name: 'last_reason', type: 'varchar', length: 500, nullable: true })
  lastReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int', default: 1 })
  version: number;
}

/** A supporting document of an application (licence, teaching plan, teacher list …). */
@Entity({ name: 'institution_document' })
export class InstitutionDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('institution_document_profile_idx')
  @ForeignKey(() => InstitutionProfile, {
    name: 'institution_document_profile_fk',
    onDelete: 'CASCADE',
  })
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'mime_type', type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  /** The bytes live in the file store (libs/core files); the row keeps the key and the hash. */
  @Column({ name: 'file_key', type: 'varchar', length: 200 })
  fileKey: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}

/** Every step of the workflow: who, when, from what to what, and why. */
@Entity({ name: 'institution_review' })
@Index('institution_review_profile_idx', ['institutionId', 'at'])
export class InstitutionReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => InstitutionProfile, {
    name: 'institution_review_profile_fk',
    onDelete: 'CASCADE',
  })
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'varchar', length: 20 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 20 })
  fromStatus: string;

  @Column({ name: 'to_status', type: 'varchar', length: 20 })
  toStatus: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'actor_account_id', type: 'uuid' })
  actorAccountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
