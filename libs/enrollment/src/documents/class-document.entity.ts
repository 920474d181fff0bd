import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClassDocumentKind, ClassDocumentStatus } from './class-documents.rules';

/**
 * One of a class's trainee documents (Art. 13): the latest request to publish it and the
 * last rendering the worker stored. While a new rendering is pending or has failed, the last
 * one stays downloadable.
 */
@Entity({ name: 'class_document' })
@Check(
  'class_document_kind_ck',
  `kind IN ('project_list', 'notice', 'timetable', 'attendance_sheet')`,
)
@Check('class_document_status_ck', `status IN ('pending', 'ready', 'failed')`)
@Check(
  'class_document_file_ck',
  `(file_key IS NULL) = (file_sha256 IS NULL) AND (file_key IS NULL) = (size IS NULL) AND (file_key IS NULL) = (input_hash IS NULL)`,
)
export class ClassDocument {
  @PrimaryColumn({ name: 'class_id', type: 'uuid' })
  @ForeignKey('TrainingClass', { name: 'class_document_class_fk', onDelete: 'RESTRICT' })
  classId: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  kind: ClassDocumentKind;

  /** pending: a rendering was asked for and is not stored yet; ready: the file shows the class as requested; failed. */
  @Column({ type: 'varchar', length: 10 })
  status: ClassDocumentStatus;

  /** The last rendering (FileStore kind `trainee-document`), null until one is stored. */
  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256: string | null;

  @Column({ type: 'int', nullable: true })
  size: number | null;

  /** SHA-256 of the input (the class as it was read) the stored file was rendered from. */
  @Column({ name: 'input_hash', type: 'char', length: 64, nullable: true })
  inputHash: string | null;

  /**
   * When the class's state the stored file shows was read (database time): of two
   * renderings, the one read later wins, whichever finishes last.
   */
  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true })
  renderedAt: Date | null;

  /** The input hash the latest request saw (its job id carries it). */
  @Column({ name: 'requested_hash', type: 'char', length: 64 })
  requestedHash: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  /** The latest request's job (queue `documents`), for polling. */
  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  /** Why the latest rendering failed (short, no personal data). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
