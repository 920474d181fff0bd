import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Queue } from 'bullmq';
import {
  DEFAULT_JOB_OPTIONS,
  JOB_CATALOGUE,
  JobName,
  JobPayloads,
  QueueName,
} from './job-catalogue';

export interface JobStatus {
  queue: string;
  id: string;
  name: string;
  state: string;
  progress: unknown;
  attemptsMade: number;
  result: unknown;
  failedReason: string | null;
  createdAt: string;
  finishedAt: string | null;
  requestedBy: string | null;
}

/** Enqueues catalogued jobs (API side) and reports their state. */
@Injectable()
export class JobsService {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** `at`: run no earlier than this instant (a delayed job, e.g. an offer's deadline). */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    opts: { at?: Date } = {},
  ): Promise<{ queue: QueueName; jobId: string }> {
    const def = JOB_CATALOGUE[name];
    const jobId = def.jobId(payload);
    const queue = this.queue(def.queue);
    const delay = opts.at ? Math.max(0, opts.at.getTime() - Date.now()) : undefined;
    await queue.add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...def.options, jobId, delay });
    await this.retryFailed(def.queue, [jobId]);
    return { queue: def.queue, jobId };
  }

  /**
   * The same id is kept after a final failure, so adding a job again does nothing: whoever asks
   * again calls this to retry those of `jobIds` that failed for good. They are found with one
   * O(1) lookup each in the queue's failed set, sent together on one connection (a bulk request
   * asks about hundreds).
   */
  async retryFailed(name: QueueName, jobIds: readonly string[]): Promise<void> {
    if (!jobIds.length) return;
    const queue = this.queue(name);
    const client = await queue.getBackend().client;
    const scores = await Promise.all(jobIds.map((id) => client.zscore(queue.keys.failed, id)));
    for (const id of jobIds.filter((_, i) => scores[i] !== null)) {
      const job = await queue.getJob(id);
      if (job && (await job.isFailed())) await job.retry('failed');
    }
  }

  async status(queue: QueueName, jobId: string): Promise<JobStatus | null> {
    // the state first, then the job: read the other way round, a job finishing in between
    // showed as completed without its result
    const state = await this.queue(queue).getJobState(jobId);
    if (state === 'unknown') return null;
    const job = (await this.queue(queue).getJob(jobId)) as Job<Record<string, unknown>> | undefined;
    if (!job?.id) return null;
    const data = job.data ?? {};
    return {
      queue,
      id: job.id,
      name: job.name,
      state,
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      result: job.returnvalue ?? null,
      failedReason: job.failedReason || null,
      createdAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      requestedBy: typeof data.requestedBy === 'string' ? data.requestedBy : null,
    };
  }
}
