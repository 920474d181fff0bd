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

export type CertificateStatus = 'valid' | 'revoked' | 'superseded';

/**
 * The annual training-project qualification certificate (年度培训项目合格证书, Art. 16) of
 * one enrolment. `generation` 1 is the first issue; a reissue (after a name correction) is
 * the next generation and supersedes the one before. The serial is allocated once, with the
 * row, under the lock of the region's counter for the year: gap-free and never twice.
 * The PDF follows in a second step (`file_key` null until it is stored).
 */
@Entity({ name: 'certificate' })
@Check('certificate_status_ck', `status IN ('valid', 'revoked', 'superseded')`)
@Check('certificate_generation_ck', `generation >= 1`)
@Index('certificate_enrollment_generation_uq', ['enrollmentId', 'generation'], { unique: true })
@Index('certificate_serial_uq', ['serial'], { unique: true })
@Index('certificate_region_seq_uq', ['region', 'year', 'seq'], { unique: true })
@Index('certificate_class_idx', ['classId'])
@Index('certificate_worker_idx', ['workerId'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('Enrollment', { name: 'certificate_enrollment_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId: string;

  @Column({ type: 'int', default: 1 })
  generation: number;

  @ForeignKey('TrainingClass', { name: 'certificate_class_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @ForeignKey('Worker', { name: 'certificate_worker_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'exam_result_id', type: 'uuid' })
  examResultId: string;

  /** Policy region (beijing) and the year of the serial. */
  @Column({ type: 'varchar', length: 20 })
  region: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  seq: number;

  /** `BJPX-2026-000123`. */
  @Column({ type: 'varchar', length: 32 })
  serial: string;

  /** The code in the QR link: a serial alone does not verify (no guessing of serials). */
  @Column({ name: 'verify_code', type: 'varchar', length: 16 })
  verifyCode: string;

  @Column({ type: 'varchar', length: 12, default: 'valid' })
  status: CertificateStatus;

  // What the certificate says, as issued (a later change of the worker or class does not alter it)
  @Column({ name: 'holder_name', type: 'varchar', length: 50 })
  holderName: string;

  /** Already masked (`1101**********1234`): the full number is never copied here. */
  @Column({ name: 'id_number_masked', type: 'varchar', length: 32 })
  idNumberMasked: string;

  @Column({ name: 'project_title', type: 'varchar', length: 200 })
  projectTitle: string;

  @Column({ name: 'type_label', type: 'varchar', length: 50 })
  typeLabel: string;

  @Column({ name: 'half_hours', type: 'int' })
  halfHours: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'institution_name', type: 'varchar', length: 200 })
  institutionName: string;

  @Column({ type: 'jsonb' })
  issuers: string[];

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256: string | null;

  @Column({ name: 'file_size', type: 'int', nullable: true })
  fileSize: number | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 500, nullable: true })
  revokeReason: string | null;

  /** The earlier generation this one replaces. */
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Column({ name: 'reissue_reason', type: 'varchar', length: 500, nullable: true })
  reissueReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The last serial number allocated per region and year (locked by every allocation). */
@Entity({ name: 'certificate_counter' })
@Check('certificate_counter_last_ck', `last >= 0`)
export class CertificateCounter {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  region: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int', default: 0 })
  last: number;
}

export type BundleStatus = 'pending' | 'ready' | 'failed';

/** A class's certificates as one ZIP, built by the worker. */
@Entity({ name: 'certificate_bundle' })
@Check('certificate_bundle_status_ck', `status IN ('pending', 'ready', 'failed')`)
@Index('certificate_bundle_class_idx', ['classId', 'createdAt'])
export class CertificateBundle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('TrainingClass', { name: 'certificate_bundle_class_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: BundleStatus;

  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256: string | null;

  @Column({ name: 'file_size', type: 'int', nullable: true })
  fileSize: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
