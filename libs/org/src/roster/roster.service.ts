import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  ErrorCode,
  FileStore,
  JobName,
  JobsService,
  NotFoundError,
  requireFile,
  uploadedFileName,
} from '@peixun/core';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { maskIdNumber } from '../workers/workers.rules';
import { RosterExportService } from './roster-export.service';
import { RosterFile } from './roster-file.entity';
import { importResult, RosterImportResult, RosterImportService } from './roster-import.service';
import { RosterExportDto, RosterJobDto, StartExportDto } from './roster.dto';

/** Files up to this size (about 2,000 rows) are imported within the request; larger ones by the worker. */
export const INLINE_IMPORT_MAX_BYTES = 200 * 1024;

export type UploadOutcome =
  { kind: 'done'; body: RosterImportResult } | { kind: 'queued'; body: RosterJobDto };

/** The API side of roster import/export: stores files, runs small imports, queues the rest. */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly imports: RosterImportService,
    private readonly exports: RosterExportService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly files: FileStore,
  ) {}

  template(format: 'xlsx' | 'csv'): Promise<Buffer> {
    return this.exports.template(format);
  }

  async upload(actor: Actor, file: Express.Multer.File | undefined): Promise<UploadOutcome> {
    const upload = requireFile(file, '名册文件');
    const name = uploadedFileName(upload);
    if (!/\.(xlsx|csv)$/i.test(name)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'file: 只接受 .xlsx 或 .csv 文件 (only .xlsx or .csv)',
        400,
        [{ field: 'file', problems: ['must be .xlsx or .csv'] }],
      );
    }
    // the format is what the bytes are (the file store sniffs them), whatever the name says
    const stored = await this.files.put(upload.buffer, 'roster-import', { fileName: name });
    let saved: RosterFile;
    try {
      saved = await this.ds.getRepository(RosterFile).save({
        kind: 'import' as const,
        format: stored.type === 'csv' ? ('csv' as const) : ('xlsx' as const),
        fileName: name.slice(0, 200),
        fileKey: stored.key,
        fileSha256: stored.sha256,
        sizeBytes: stored.size,
        createdBy: actor.accountId,
        actor: { ...actor },
      });
    } catch (err) {
      await this.files.discard(stored.key);
      throw err;
    }
    if (stored.size <= INLINE_IMPORT_MAX_BYTES) {
      const result = await this.imports.run(saved.id);
      if (result.status === 'invalid') {
        throw new DomainError(
          'ROSTER_INVALID',
          `名册有 ${result.errorCount} 处错误，未导入任何数据 (nothing imported): ` +
            result.errors
              .slice(0, 3)
              .map((e) => `第 ${e.row} 行 ${e.column}: ${e.reason}`)
              .join('; '),
          422,
          { importId: result.importId, errorCount: result.errorCount, errors: result.errors },
        );
      }
      return { kind: 'done', body: result };
    }
    const ref = await this.jobs.enqueue(JobName.RosterImport, {
      fileId: saved.id,
      requestedBy: actor.accountId,
    });
    return { kind: 'queued', body: { id: saved.id, ...ref, status: 'pending' } };
  }

  async importStatus(actor: Actor, id: string): Promise<RosterImportResult> {
    return importResult(await this.owned(actor, id, 'import'));
  }

  async startExport(actor: Actor, dto: StartExportDto): Promise<RosterJobDto> {
    const { format, ...filters } = dto;
    const saved = await this.ds.transaction(async (em) => {
      const row = await em.save(
        em.create(RosterFile, {
          kind: 'export',
          format: format ?? 'xlsx',
          fileName: `roster.${format ?? 'xlsx'}`,
          createdBy: actor.accountId,
          actor: { ...actor },
          filters: { ...filters },
        }),
      );
      await this.audit.record(em, actor, {
        action: 'worker.roster_export_requested',
        entityType: 'roster_file',
        entityId: row.id,
        data: {
          filters: {
            ...filters,
            ...(filters.idNumber ? { idNumber: maskIdNumber(filters.idNumber) } : {}),
          },
        },
      });
      return row;
    });
    const ref = await this.jobs.enqueue(JobName.RosterExport, {
      fileId: saved.id,
      requestedBy: actor.accountId,
    });
    return { id: saved.id, ...ref, status: 'pending' };
  }

  async exportStatus(actor: Actor, id: string): Promise<RosterExportDto> {
    const f = await this.owned(actor, id, 'export');
    return {
      id: f.id,
      status: f.status,
      format: f.format,
      totalRows: f.totalRows,
      sizeBytes: f.sizeBytes,
      failure: f.failure,
    };
  }

  async exportFile(
    actor: Actor,
    id: string,
  ): Promise<{ content: Readable; format: 'xlsx' | 'csv'; sizeBytes: number }> {
    const f = await this.owned(actor, id, 'export');
    if (f.status !== 'completed' || !f.fileKey) {
      throw new DomainError(
        'EXPORT_NOT_READY',
        `导出尚未完成（${f.status}）(export not ready)`,
        409,
      );
    }
    return { content: await this.files.get(f.fileKey), format: f.format, sizeBytes: f.sizeBytes };
  }

  /** Imports and exports are visible to whoever made them, and to the municipal bureau. */
  private async owned(actor: Actor, id: string, kind: 'import' | 'export'): Promise<RosterFile> {
    const f = await this.ds.getRepository(RosterFile).findOneBy({ id, kind });
    if (!f || (f.createdBy !== actor.accountId && actor.role !== 'municipal_admin')) {
      throw new NotFoundError(kind === 'import' ? '名册导入' : '名册导出', id);
    }
    return f;
  }
}
