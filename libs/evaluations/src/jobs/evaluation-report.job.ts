import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TrainingClass } from '@peixun/classes';
import {
  AuditService,
  FileStore,
  HandlesJob,
  JobHandler,
  JobName,
  JobPayloads,
} from '@peixun/core';
import { regionOfUnit } from '@peixun/org';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { EvaluationReportFile } from '../evaluation.entity';
import { renderReportPdf, renderReportXlsx } from '../report-render';
import { ReportsService } from '../reports.service';

type Payload = JobPayloads[typeof JobName.EvaluationReport];

/**
 * Renders an evaluation report export (Excel or PDF) from the answers as they are when the
 * job runs, stores it (FileStore kind `evaluation-report`) and marks the row ready. Safe to
 * run twice: a ready row is left alone, and a file the row does not point at is discarded.
 */
@Injectable()
@HandlesJob(JobName.EvaluationReport)
export class EvaluationReportJob implements JobHandler<typeof JobName.EvaluationReport> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: ReportsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  async handle(
    job: Job<Payload>,
  ): Promise<{ fileId: string; outcome: string; size: number | null }> {
    const { fileId } = job.data;
    try {
      return await this.run(fileId);
    } catch (err) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
        await this.ds
          .getRepository(EvaluationReportFile)
          .update({ id: fileId, status: 'pending' }, { status: 'failed', error: message });
      }
      throw err;
    }
  }

  private async run(
    fileId: string,
  ): Promise<{ fileId: string; outcome: string; size: number | null }> {
    const row = await this.ds.getRepository(EvaluationReportFile).findOneBy({ id: fileId });
    if (!row) return { fileId, outcome: 'gone', size: null };
    if (row.status === 'ready') return { fileId, outcome: 'done', size: row.size };
    const report = await this.ds.transaction('REPEATABLE READ', (em) =>
      this.reports.build(
        {
          scope: row.scope,
          targetId: row.targetId,
          year: row.year,
          view: 'authority',
          districtId: row.districtId,
        },
        em,
      ),
    );
    const authority = await this.authority(this.ds.manager, row);
    const bytes =
      row.format === 'pdf'
        ? await renderReportPdf(report, { authority, createdAt: row.createdAt })
        : await renderReportXlsx(report);
    const stored = await this.files.put(bytes, 'evaluation-report', {
      fileName: `report.${row.format}`,
    });
    let kept = false;
    try {
      kept = await this.ds.transaction(async (em) => {
        const locked = await em.findOne(EvaluationReportFile, {
          where: { id: fileId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!locked || locked.status === 'ready') return false;
        await em.update(
          EvaluationReportFile,
          { id: fileId },
          {
            status: 'ready',
            fileKey: stored.key,
            fileSha256: stored.sha256,
            size: stored.size,
            error: null,
          },
        );
        await this.audit.record(
          em,
          { system: 'evaluations' },
          {
            action: 'evaluation_report.rendered',
            entityType: 'evaluation_report_file',
            entityId: fileId,
            data: { format: row.format, sha256: stored.sha256, size: stored.size },
          },
        );
        return true;
      });
    } finally {
      if (!kept) await this.files.discard(stored.key);
    }
    return { fileId, outcome: kept ? 'rendered' : 'done', size: stored.size };
  }

  /** The authority the report goes to (the region's), named at the head of the PDF. */
  private async authority(em: EntityManager, row: EvaluationReportFile): Promise<string> {
    let unitId: string | null = null;
    if (row.scope === 'class')
      unitId = (await em.findOneBy(TrainingClass, { id: row.targetId }))?.municipalityId ?? null;
    else if (row.scope === 'institution') unitId = row.targetId;
    else {
      const [t] = await em.query<{ owner_institution_id: string | null }[]>(
        `select owner_institution_id from teacher where id = $1`,
        [row.targetId],
      );
      unitId = t?.owner_institution_id ?? null;
    }
    try {
      return (await regionOfUnit(em, unitId)).planAuthority;
    } catch {
      return '培训主管部门';
    }
  }
}
