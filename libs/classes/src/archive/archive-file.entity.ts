import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ArchiveCategory } from './archive.rules';

/**
 * A file of a class's archive (Art. 20): teaching plan, materials, roster, classroom photos
 * and video. The bytes are in the FileStore (kind `class-archive`); the row keeps the key and
 * the SHA-256. A removed file is deleted (row, then the object after the commit); the audit
 * log keeps who removed which file (category, size, SHA-256).
 */
@Entity({ name: 'class_archive_file' })
@Check(
  'class_archive_file_category_ck',
  `category IN ('teaching_plan', 'material', 'roster', 'photo', 'video', 'other')`,
)
@Check('class_archive_file_size_ck', `size > 0`)
@Index('class_archive_file_class_idx', ['classId', 'uploadedAt'])
export class ClassArchiveFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey('TrainingClass', { name: 'class_archive_file_class_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'class_id', type: 'uuid' })
  classId: string;

  @Column({ type: 'varchar', length: 20 })
  category: ArchiveCategory;

  /** The name the file was uploaded under (a label only: the key never contains it). */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Index('class_archive_file_key_uq', { unique: true })
  @Column({ name: 'file_key', type: 'varchar', length: 200 })
  fileKey: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Bytes (the kind's limit, 500 MB, is far below the int range). */
  @Column({ type: 'int' })
  size: number;

  /** Sniffed from the bytes, not the client's claim. */
  @Column({ type: 'varchar', length: 100 })
  mime: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
