import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayloads } from '@peixun/core';
import type { Job } from 'bullmq';
import { RosterExportService } from '../roster-export.service';

/** Builds a roster export in the worker. */
@Injectable()
@HandlesJob(JobName.RosterExport)
export class RosterExportJob implements JobHandler<typeof JobName.RosterExport> {
  constructor(private readonly exports: RosterExportService) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.RosterExport]>,
  ): Promise<{ rows: number; sizeBytes: number }> {
    const f = await this.exports.run(job.data.fileId, (rows) => job.updateProgress({ rows }));
    return { rows: f.totalRows ?? 0, sizeBytes: f.sizeBytes };
  }
}
