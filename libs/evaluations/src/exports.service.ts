import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  FileStore,
  JOB_CATALOGUE,
  JobName,
  JobsService,
  NotFoundError,
} from '@peixun/core';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ExportDto, ExportInputDto } from './dto/evaluation.dto';
import { EvaluationReportFile } from './evaluation.entity';
import { EvaluationErrorCode } from './evaluations.errors';
import { ReportSpec, ReportsService } from './reports.service';

/**
 * Exports of the evaluation reports for the authority (the bureau; a district: its own
 * classes): Excel or PDF, rendered by the worker and stored in the file store.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  async request(actor: Actor, dto: ExportInputDto): Promise<ExportDto> {
    const spec = await this.specFor(actor, dto);
    if (spec.view !== 'authority') throw new NotFoundError('报告对象', dto.targetId);
    const row = await this.ds.transaction(async (em) => {
      const saved = await em.save(
        em.create(EvaluationReportFile, {
          scope: dto.scope,
          targetId: dto.targetId,
          year: dto.year ?? null,
          format: dto.format,
          districtId: spec.districtId ?? null,
          status: 'pending',
          requestedBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'evaluation_report.export_requested',
        entityType: 'evaluation_report_file',
        entityId: saved.id,
        data: {
          scope: dto.scope,
          targetId: dto.targetId,
          year: dto.year ?? null,
          format: dto.format,
        },
      });
      return saved;
    });
    // the requester may follow the job (GET /v1/jobs/…)
    await this.jobs.enqueue(JobName.EvaluationReport, {
      fileId: row.id,
      requestedBy: actor.accountId,
    });
    return this.present(row);
  }

  async get(actor: Actor, id: string): Promise<ExportDto> {
    return this.present(await this.own(actor, id));
  }

  async file(
    actor: Actor,
    id: string,
  ): Promise<{ content: Readable; size: number; fileName: string; mime: string }> {
    const row = await this.own(actor, id);
    if (row.status !== 'ready' || !row.fileKey)
      throw new DomainError(
        EvaluationErrorCode.REPORT_NOT_READY,
        `报告尚未生成（${row.status}）(the report is not ready)`,
        409,
        { status: row.status },
      );
    return {
      content: await this.files.get(row.fileKey),
      size: row.size!,
      fileName: `教学评价报告.${row.format}`,
      mime:
        row.format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }

  /** Only who asked for an export reads it. */
  private async own(actor: Actor, id: string): Promise<EvaluationReportFile> {
    const row = await this.ds.getRepository(EvaluationReportFile).findOneBy({ id });
    if (!row || row.requestedBy !== actor.accountId) throw new NotFoundError('评价报告', id);
    return row;
  }

  private specFor(actor: Actor, dto: ExportInputDto): Promise<ReportSpec> {
    switch (dto.scope) {
      case 'class':
        return this.reports.specForClass(actor, dto.targetId);
      case 'teacher':
        return this.reports.specForTeacher(actor, dto.targetId, dto.year ?? null);
      default:
        return this.reports.specForInstitution(actor, dto.targetId, dto.year ?? null);
    }
  }

  private present(row: EvaluationReportFile): ExportDto {
    return {
      id: row.id,
      status: row.status,
      format: row.format,
      size: row.size,
      sha256: row.fileSha256,
      error: row.error,
      queue: JOB_CATALOGUE[JobName.EvaluationReport].queue,
      jobId: JOB_CATALOGUE[JobName.EvaluationReport].jobId({ fileId: row.id }),
    };
  }
}
