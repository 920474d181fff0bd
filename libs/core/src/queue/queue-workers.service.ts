import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import {
  ALL_QUEUES,
  JOB_CATALOGUE,
  JobName,
  jobsOfQueue,
  MAX_STALLED_COUNT,
  QueueName,
} from './job-catalogue';
import { checkHandlers, HandlesJob, JobHandler } from './job-handler';
import { resolveRedisUrl } from './redis-url';
import { redisConnectionOptions } from './redis-options';

/**
 * Runs the BullMQ workers of the worker process. At boot it discovers every
 * @HandlesJob provider and refuses to start if a catalogued job has no handler.
 * On shutdown it lets active jobs finish (up to SHUTDOWN_TIMEOUT_MS), then
 * closes; a job cut off is picked up again by another worker once its lock lapses.
 */
@Injectable()
export class QueueWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueWorkers');
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  /** Discovers handlers and checks them against the catalogue (throws when one is missing). */
  collectHandlers(): Map<JobName, JobHandler<JobName>> {
    const found: JobName[] = [];
    for (const wrapper of this.discovery.getProviders({ metadataKey: HandlesJob.KEY })) {
      const name = this.discovery.getMetadataByDecorator(HandlesJob, wrapper);
      if (!name || !wrapper.instance) continue;
      found.push(name);
      this.handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
    checkHandlers(Object.keys(JOB_CATALOGUE) as JobName[], found);
    return this.handlers;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.collectHandlers();
    const connection = redisConnectionOptions(await resolveRedisUrl(this.config));
    for (const queue of ALL_QUEUES) {
      const worker = new Worker(queue, (job: Job) => this.process(queue, job), {
        connection,
        prefix: this.config.queue.prefix,
        concurrency: this.config.queue.concurrency,
        lockDuration: this.config.queue.lockDurationMs,
        stalledInterval: this.config.queue.stalledIntervalMs,
        maxStalledCount: MAX_STALLED_COUNT,
        autorun: true,
      });
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { queue, jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message },
          'job failed',
        ),
      );
      worker.on('completed', (job) =>
        this.logger.log({ queue, jobId: job.id, job: job.name }, 'job completed'),
      );
      worker.on('error', (err) => this.logger.error({ queue, err: err.message }, 'worker error'));
      this.workers.push(worker);
      this.logger.log(`processing queue "${queue}" (${jobsOfQueue(queue).join(', ')})`);
    }
  }

  private async process(queue: QueueName, job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || JOB_CATALOGUE[job.name as JobName]?.queue !== queue) {
      throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
    }
    this.logger.log(
      { queue, jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 },
      'job started',
    );
    return handler.handle(job as Job<never>);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.workers.length) return;
    this.logger.log('shutting down: waiting for active jobs to finish');
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    const timeout = new Promise<'timeout'>((r) =>
      setTimeout(() => r('timeout'), this.config.shutdownTimeoutMs).unref(),
    );
    if ((await Promise.race([graceful.then(() => 'closed' as const), timeout])) === 'timeout') {
      this.logger.warn(
        'shutdown timeout: closing workers with jobs still active; they will be retried',
      );
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    this.workers.length = 0;
  }
}
