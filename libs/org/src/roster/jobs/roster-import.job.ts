import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayloads } from '@peixun/core';
import type { Job } from 'bullmq';
import { RosterImportResult, RosterImportService } from '../roster-import.service';

/** Imports a large roster in the worker, reporting progress. */
@Injectable()
@HandlesJob(JobName.RosterImport)
export class RosterImportJob implements JobHandler<typeof JobName.RosterImport> {
  constructor(private readonly imports: RosterImportService) {}

  handle(job: Job<JobPayloads[typeof JobName.RosterImport]>): Promise<RosterImportResult> {
    let last = 0;
    return this.imports.run(job.data.fileId, async (p) => {
      // at most a few progress writes a second
      if (p.done === 0 || p.done === p.total || Date.now() - last > 250) {
        last = Date.now();
        await job.updateProgress(p);
      }
    });
  }
}
