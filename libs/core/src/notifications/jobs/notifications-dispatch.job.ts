import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, JobPayloads } from '../../queue/job-catalogue';
import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { DispatchResult, NotificationDispatcher } from '../notification-dispatcher';
import { NotificationsService } from '../notifications.service';

/**
 * Delivers what is due in the outbox (a poke after a commit, or the sweep).
 * Safe to run twice and concurrently: the outbox rows are claimed with
 * SKIP LOCKED. A run stops after DISPATCH_MAX_BATCHES batches and pokes
 * again when more is due, so one large backlog does not hold a worker slot.
 */
@Injectable()
@HandlesJob(JobName.NotificationsDispatch)
export class NotificationsDispatchJob implements JobHandler<typeof JobName.NotificationsDispatch> {
  constructor(
    private readonly dispatcher: NotificationDispatcher,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(
    _job: Job<JobPayloads[typeof JobName.NotificationsDispatch]>,
    signal?: AbortSignal,
  ): Promise<DispatchResult> {
    const result = await this.dispatcher.dispatchDue({ signal });
    if (result.more) await this.notifications.dispatchSoon();
    return result;
  }
}
