import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS, JOB_CATALOGUE, JobName, QueueName } from '../queue/job-catalogue';

/** When the nightly notification retention runs (region time zone), after the audit retention. */
export const NOTIFICATION_RETENTION_CRON = '30 3 * * *';

/**
 * Registers (idempotently, at every worker boot) the outbox sweep — a
 * dispatch every NOTIFICATION_SWEEP_INTERVAL_MS that delivers retries that
 * came due and anything whose poke was lost — and the nightly retention run.
 */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('NotificationsScheduler');

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { sweepIntervalMs, retentionDays } = this.config.notifications;
    await this.notifications.upsertJobScheduler(
      'notifications-dispatch-sweep',
      { every: sweepIntervalMs },
      {
        name: JobName.NotificationsDispatch,
        data: { trigger: 'sweep' },
        opts: { ...DEFAULT_JOB_OPTIONS, ...JOB_CATALOGUE[JobName.NotificationsDispatch].options },
      },
    );
    await this.maintenance.upsertJobScheduler(
      'notifications-retention-nightly',
      { pattern: NOTIFICATION_RETENTION_CRON, tz: this.config.timezone },
      {
        name: JobName.NotificationsRetention,
        data: { runKey: 'nightly', retentionDays },
        opts: { ...DEFAULT_JOB_OPTIONS },
      },
    );
    this.logger.log(
      `notification sweep every ${sweepIntervalMs} ms; retention "${NOTIFICATION_RETENTION_CRON}" (${this.config.timezone}), keeping ${retentionDays} days`,
    );
  }
}
