import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, WaitingError, Worker } from 'bullmq';
import type Redis from 'ioredis';
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
import { PlatformRedis } from './platform-redis';
import { beat, forget, HEARTBEAT_INTERVAL_MS } from './worker-heartbeat';

/**
 * Runs the BullMQ workers of the worker process. At boot it discovers every
 * @HandlesJob provider and refuses to start if a catalogued job has no handler.
 * On shutdown it takes no new jobs and lets active ones finish (up to
 * SHUTDOWN_TIMEOUT_MS); jobs still running then are handed back to the queue
 * (moved to waiting, attempt not counted) and their handlers are signalled to
 * stop, so another worker takes them up at once. A job cut off by a crash is
 * taken up again once its lock lapses.
 */
@Injectable()
export class QueueWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('QueueWorkers');
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private heartbeat?: { timer: NodeJS.Timeout; redis: Redis };
  /** Jobs running in this process, with the lock token that lets us hand them back. */
  private readonly active = new Map<
    string,
    { job: Job; token: string | undefined; queue: QueueName }
  >();
  private releasing = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly redis: PlatformRedis,
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
      const worker = new Worker(
        queue,
        (job: Job, token?: string, signal?: AbortSignal) => this.process(queue, job, token, signal),
        {
          connection,
          prefix: this.config.queue.prefix,
          concurrency: this.config.queue.concurrency,
          lockDuration: this.config.queue.lockDurationMs,
          stalledInterval: this.config.queue.stalledIntervalMs,
          maxStalledCount: MAX_STALLED_COUNT,
          autorun: true,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { queue, jobId: job?.id, job: job?.name, attempt: job?.attemptsMade, err: err.message },
          'job failed',
        ),
      );
      worker.on('completed', (job) =>
        this.logFor(job)({ queue, jobId: job.id, job: job.name }, 'job completed'),
      );
      worker.on('error', (err) => this.logger.error({ queue, err: err.message }, 'worker error'));
      this.workers.push(worker);
      this.logger.log(`processing queue "${queue}" (${jobsOfQueue(queue).join(', ')})`);
    }
    await this.startHeartbeat();
  }

  /** Routine jobs (catalogued `quiet`, e.g. the notification sweep) log at debug level. */
  private logFor(job: Job): (fields: object, message: string) => void {
    return JOB_CATALOGUE[job.name as JobName]?.quiet
      ? (f, m) => this.logger.debug(f, m)
      : (f, m) => this.logger.log(f, m);
  }

  /** Tells readiness checks (of any API process) that a worker is alive. */
  private async startHeartbeat(): Promise<void> {
    const redis = await this.redis.get();
    const tick = (): void => {
      beat(redis, this.config.queue.prefix).catch((err: unknown) =>
        this.logger.warn(`heartbeat failed: ${err instanceof Error ? err.message : String(err)}`),
      );
    };
    tick();
    this.heartbeat = { redis, timer: setInterval(tick, HEARTBEAT_INTERVAL_MS).unref() };
  }

  private async process(
    queue: QueueName,
    job: Job,
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || JOB_CATALOGUE[job.name as JobName]?.queue !== queue) {
      throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
    }
    this.logFor(job)(
      { queue, jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 },
      'job started',
    );
    const key = `${queue}/${job.id}`;
    this.active.set(key, { job, token, queue });
    try {
      return await handler.handle(job as Job<never>, signal);
    } catch (err) {
      // handed back at shutdown: not a failure, the job waits for the next worker
      if (this.releasing) throw new WaitingError();
      throw err;
    } finally {
      this.active.delete(key);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.heartbeat) {
      clearInterval(this.heartbeat.timer);
      await forget(this.heartbeat.redis, this.config.queue.prefix).catch(() => undefined);
      this.heartbeat = undefined;
    }
    if (!this.workers.length) return;
    this.logger.log(`shutting down: no new jobs; ${this.active.size} active may finish`);
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    const timeout = new Promise<'timeout'>((r) =>
      setTimeout(() => r('timeout'), this.config.shutdownTimeoutMs).unref(),
    );
    if ((await Promise.race([graceful.then(() => 'closed' as const), timeout])) === 'timeout') {
      await this.releaseActive();
      await Promise.all(this.workers.map((w) => w.close(true)));
    }
    this.workers.length = 0;
  }

  /** Hands the jobs still running back to the queue and tells their handlers to stop. */
  private async releaseActive(): Promise<void> {
    this.releasing = true;
    const jobs = [...this.active.values()];
    for (const { job, token, queue } of jobs) {
      try {
        await job.moveToWait(token);
        this.logger.warn({ queue, jobId: job.id, job: job.name }, 'job handed back to the queue');
      } catch (err) {
        // the lock was lost meanwhile: the stalled-job check of another worker takes it up
        this.logger.warn(
          { queue, jobId: job.id, err: err instanceof Error ? err.message : String(err) },
          'job could not be handed back; it will be retried once its lock lapses',
        );
      }
    }
    for (const w of this.workers) w.cancelAllJobs('worker shutting down');
  }
}
