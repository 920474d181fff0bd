import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  ErrorCode,
  FileStore,
  NotFoundError,
  StreamedUpload,
  uploadedFileName,
} from '@peixun/core';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { TrainingClass } from '../class.entity';
import { ClassArchiveFile } from './archive-file.entity';
import { ArchiveFileDto, ArchiveListDto, ArchiveListQuery, ArchiveUploadDto } from './archive.dto';
import { ARCHIVE_CATEGORY_LABELS, archiveAccess } from './archive.rules';

/** The files of a class's archive (Art. 20), kept by who runs the class, read by who oversees it. */
@Injectable()
export class ClassArchiveService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * The class, if the actor may do `need` with its archive; 404 otherwise (also for a class
   * the actor may read but not keep: it is not theirs to change).
   */
  async classFor(
    em: EntityManager,
    actor: Actor,
    classId: string,
    need: 'manage' | 'read',
  ): Promise<TrainingClass> {
    const c = await em.findOneBy(TrainingClass, { id: classId });
    const access = c ? archiveAccess(actor, c) : null;
    if (!c || !access || (need === 'manage' && access !== 'manage'))
      throw new NotFoundError('班次', classId);
    return c;
  }

  /** Records a file already streamed into the store; on any failure the caller's interceptor discards it. */
  async add(
    actor: Actor,
    classId: string,
    dto: ArchiveUploadDto,
    upload: StreamedUpload | undefined,
  ): Promise<ArchiveFileDto> {
    if (!upload) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'file: 请上传档案文件 (missing file)',
        400,
        [{ field: 'file', problems: ['required'] }],
      );
    }
    const { stored } = upload;
    const fileName = uploadedFileName(upload) || `${ARCHIVE_CATEGORY_LABELS[dto.category]}`;
    const row = await this.ds.transaction(async (em) => {
      const c = await this.classFor(em, actor, classId, 'manage');
      const saved = await em.save(
        em.create(ClassArchiveFile, {
          classId: c.id,
          category: dto.category,
          fileName,
          fileKey: stored.key,
          sha256: stored.sha256,
          size: stored.size,
          mime: stored.mime,
          uploadedBy: actor.accountId,
        }),
      );
      // no file name in the audit entry: names may carry personal data; the hash identifies it
      await this.audit.record(em, actor, {
        action: 'class_archive.file_added',
        entityType: 'class_archive_file',
        entityId: saved.id,
        data: {
          classId: c.id,
          category: dto.category,
          size: stored.size,
          sha256: stored.sha256,
          mime: stored.mime,
        },
      });
      return saved;
    });
    upload.kept = true;
    return this.present(row);
  }

  async list(actor: Actor, classId: string, q: ArchiveListQuery): Promise<ArchiveListDto> {
    const em = this.ds.manager;
    const c = await this.classFor(em, actor, classId, 'read');
    const rows = await em.find(ClassArchiveFile, {
      where: { classId: c.id, ...(q.category ? { category: q.category } : {}) },
      order: { uploadedAt: 'DESC', id: 'ASC' },
    });
    return {
      items: rows.map((r) => this.present(r)),
      count: rows.length,
      totalBytes: rows.reduce((a, r) => a + r.size, 0),
    };
  }

  async download(
    actor: Actor,
    classId: string,
    fileId: string,
  ): Promise<{ file: ArchiveFileDto; content: Readable }> {
    const em = this.ds.manager;
    const c = await this.classFor(em, actor, classId, 'read');
    const row = await em.findOneBy(ClassArchiveFile, { id: fileId, classId: c.id });
    if (!row) throw new NotFoundError('档案文件', fileId);
    return { file: this.present(row), content: await this.files.get(row.fileKey) };
  }

  /** Deletes the row (audited with the file's hash), then the bytes once that has committed. */
  async remove(actor: Actor, classId: string, fileId: string): Promise<void> {
    const key = await this.ds.transaction(async (em) => {
      const c = await this.classFor(em, actor, classId, 'manage');
      const row = await em.findOne(ClassArchiveFile, {
        where: { id: fileId, classId: c.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFoundError('档案文件', fileId);
      await em.delete(ClassArchiveFile, { id: row.id });
      await this.audit.record(em, actor, {
        action: 'class_archive.file_deleted',
        entityType: 'class_archive_file',
        entityId: row.id,
        data: {
          classId: c.id,
          category: row.category,
          size: row.size,
          sha256: row.sha256,
          uploadedBy: row.uploadedBy,
          uploadedAt: row.uploadedAt.toISOString(),
        },
      });
      return row.fileKey;
    });
    await this.files.discard(key);
  }

  private present(r: ClassArchiveFile): ArchiveFileDto {
    return {
      id: r.id,
      classId: r.classId,
      category: r.category,
      categoryLabel: ARCHIVE_CATEGORY_LABELS[r.category],
      fileName: r.fileName,
      size: r.size,
      mime: r.mime,
      sha256: r.sha256,
      uploadedBy: r.uploadedBy,
      uploadedAt: r.uploadedAt,
    };
  }
}
