import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName } from '../queue/job-catalogue';

/** Registers the nightly audit retention run (idempotent: one scheduler, upserted at every worker boot). */
@Injectable()
export class AuditRetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('AuditRetentionScheduler');

  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { retentionCron, retentionDays } = this.config.audit;
    await this.queue.upsertJobScheduler(
      'audit-retention-nightly',
      { pattern: retentionCron, tz: this.config.timezone },
      {
        name: JobName.AuditRetention,
        data: { runKey: 'nightly', retentionDays },
        opts: { ...DEFAULT_JOB_OPTIONS },
      },
    );
    this.logger.log(
      `audit retention scheduled "${retentionCron}" (${this.config.timezone}), keeping ${retentionDays} days`,
    );
  }
}
