import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { JobName, JobPayloads } from '../../queue/job-catalogue';
import { HandlesJob, JobHandler } from '../../queue/job-handler';

/** Rows deleted per statement (their deliveries go with them: ON DELETE CASCADE). */
const BATCH = 5_000;

export interface NotificationsRetentionResult {
  cutoff: string;
  deleted: number;
}

/**
 * Deletes notifications older than the retention period (read or not, with
 * their delivery rows), in batches of 5,000, each its own statement, so that
 * no long lock is held. Safe to run twice: a second run finds nothing older.
 * One audit entry per run that deleted something (counts only).
 */
@Injectable()
@HandlesJob(JobName.NotificationsRetention)
export class NotificationsRetentionJob implements JobHandler<
  typeof JobName.NotificationsRetention
> {
  private readonly logger = new Logger('NotificationsRetention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.NotificationsRetention]>,
    signal?: AbortSignal,
  ): Promise<NotificationsRetentionResult> {
    const cutoff = new Date(job.timestamp - job.data.retentionDays * 86_400_000);
    let deleted = 0;
    for (;;) {
      signal?.throwIfAborted();
      const [, n]: [unknown, number] = await this.dataSource.query(
        `delete from notification where id in (
           select id from notification where created_at < $1 order by created_at limit $2)`,
        [cutoff, BATCH],
      );
      deleted += n;
      await job.updateProgress({ deleted });
      if (n < BATCH) break;
    }
    if (deleted > 0) {
      await this.audit.recordStandalone(
        { system: 'worker' },
        {
          action: 'notifications.retention_completed',
          entityType: 'notification',
          data: { cutoff: cutoff.toISOString(), deleted, jobId: job.id ?? null },
        },
      );
      this.logger.log({ cutoff: cutoff.toISOString(), deleted }, 'old notifications deleted');
    }
    return { cutoff: cutoff.toISOString(), deleted };
  }
}
