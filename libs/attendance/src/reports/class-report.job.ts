import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FileStore, HandlesJob, JobHandler, JobName, JobPayloads } from '@peixun/core';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadClass } from '../class-access';
import { AttendanceReportsService } from './attendance-reports.service';
import { gridPdf } from './class-grid';

type Payload = JobPayloads[typeof JobName.AttendanceClassReport];

export interface ClassReportJobResult {
  classId: string;
  fileKey: string | null;
  size: number;
  /** The hash of what was rendered (the class as the job read it). */
  renderedHash: string | null;
}

/**
 * Renders a class's attendance report PDF from the marks as they are when the job runs and
 * stores it (FileStore kind `attendance-report`); the job's result names the file. Safe to run
 * twice: a second run renders and stores the same content again under its own key.
 */
@Injectable()
@HandlesJob(JobName.AttendanceClassReport)
export class ClassReportJob implements JobHandler<typeof JobName.AttendanceClassReport> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly reports: AttendanceReportsService,
    private readonly files: FileStore,
  ) {}

  async handle(job: Job<Payload>): Promise<ClassReportJobResult> {
    const grid = await this.ds.transaction('REPEATABLE READ', async (em) => {
      const ctx = await loadClass(em, job.data.classId).catch(() => null);
      return ctx ? this.reports.grid(em, ctx) : null;
    });
    if (!grid) return { classId: job.data.classId, fileKey: null, size: 0, renderedHash: null };
    await job.updateProgress(50);
    const pdf = await gridPdf(grid, new Date(job.timestamp));
    const stored = await this.files.put(pdf, 'attendance-report');
    return {
      classId: job.data.classId,
      fileKey: stored.key,
      size: stored.size,
      renderedHash: this.reports.gridHash(grid),
    };
  }
}
