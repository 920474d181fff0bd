import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  AppConfig,
  DEFAULT_JOB_OPTIONS,
  HandlesJob,
  JOB_CATALOGUE,
  JobHandler,
  JobName,
  JobPayloads,
  localYear,
  QueueName,
} from '@peixun/core';
import { Job, Queue } from 'bullmq';
import { RecordsService } from '../records.service';

type Payload = JobPayloads[typeof JobName.AssessmentRecompute];

/** Recomputes annual training records from scratch (safe to run twice: same sources, same rows). */
@Injectable()
@HandlesJob(JobName.AssessmentRecompute)
export class AssessmentRecomputeJob implements JobHandler<typeof JobName.AssessmentRecompute> {
  constructor(private readonly records: RecordsService) {}

  handle(
    job: Pick<Job<Payload>, 'data' | 'updateProgress'>,
    signal?: AbortSignal,
  ): Promise<{ workers: number; changed: number }> {
    const { year, districtId, workerIds } = job.data;
    return this.records.recompute(
      year,
      { districtId, workerIds },
      async (done, total) => {
        await job.updateProgress({ done, total });
      },
      signal,
    );
  }
}

/** The nightly run (02:00 region time): this year's records of every district. */
@Injectable()
export class AssessmentScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Assessment) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const year = localYear(new Date(), this.config.timezone);
    await this.queue.upsertJobScheduler(
      'assessment-nightly',
      { pattern: '0 2 * * *', tz: this.config.timezone },
      {
        name: JobName.AssessmentRecompute,
        data: { year, runKey: 'nightly' },
        opts: { ...DEFAULT_JOB_OPTIONS, ...JOB_CATALOGUE[JobName.AssessmentRecompute].options },
      },
    );
  }
}
