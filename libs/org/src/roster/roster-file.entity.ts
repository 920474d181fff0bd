import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RosterFileKind = 'import' | 'export';
export type RosterFileStatus = 'pending' | 'processing' | 'invalid' | 'completed' | 'failed';

export interface RosterRowError {
  /** Spreadsheet row number (the header is row 1). */
  row: number;
  column: string;
  reason: string;
}

/**
 * An uploaded roster (import) or a generated one (export), with its status and
 * outcome. The file itself is in the file store (libs/core files), which API and
 * worker share; the row keeps its key and hash.
 */
@Entity({ name: 'roster_file' })
@Check('roster_file_kind_ck', `kind IN ('import', 'export')`)
@Check(
  'roster_file_status_ck',
  `status IN ('pending', 'processing', 'invalid', 'completed', 'failed')`,
)
@Index('roster_file_owner_idx', ['createdBy', 'createdAt'])
export class RosterFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: RosterFileKind;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: RosterFileStatus;

  @Column({ type: 'varchar', length: 8 })
  format: 'xlsx' | 'csv';

  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  /** Set once the file exists: at upload for imports, when the job finishes for exports. */
  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'file_sha256', type: 'char', length: 64, nullable: true })
  fileSha256: string | null;

  @Column({ name: 'size_bytes', type: 'int', default: 0 })
  sizeBytes: number;

  /** Who asked, and the scope they asked in (import target / export filter). */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'actor', type: 'jsonb' })
  actor: Record<string, unknown>;

  @Column({ name: 'filters', type: 'jsonb', nullable: true })
  filters: Record<string, unknown> | null;

  @Column({ name: 'total_rows', type: 'int', nullable: true })
  totalRows: number | null;

  @Column({ name: 'created_count', type: 'int', nullable: true })
  createdCount: number | null;

  @Column({ name: 'updated_count', type: 'int', nullable: true })
  updatedCount: number | null;

  /** Every bad row (at most the first 1,000), when status is "invalid". */
  @Column({ type: 'jsonb', nullable: true })
  errors: RosterRowError[] | null;

  @Column({ name: 'error_count', type: 'int', nullable: true })
  errorCount: number | null;

  @Column({ name: 'failure', type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
