import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  AppConfig,
  DEFAULT_JOB_OPTIONS,
  HandlesJob,
  JOB_CATALOGUE,
  JobHandler,
  JobName,
  JobPayloads,
  QueueName,
} from '@peixun/core';
import { type Job, Queue } from 'bullmq';
import { CampaignsService } from '../campaigns/campaigns.service';
import {
  DistributionResult,
  DistributionService,
  ReminderResult,
} from '../campaigns/distribution.service';
import { RenderResult, ReportsService } from '../reports/reports.service';

/** Invites the population of an open campaign, in batches, with progress (`{ batches, scanned, added }`). */
@Injectable()
@HandlesJob(JobName.SurveyDistribute)
export class SurveyDistributeJob implements JobHandler<typeof JobName.SurveyDistribute> {
  constructor(private readonly distribution: DistributionService) {}

  handle(
    job: Job<JobPayloads[typeof JobName.SurveyDistribute]>,
    signal?: AbortSignal,
  ): Promise<DistributionResult> {
    return this.distribution.distribute(
      job.data.campaignId,
      (p) => job.updateProgress({ ...p }),
      signal,
    );
  }
}

/** A reminder to those who have not submitted. */
@Injectable()
@HandlesJob(JobName.SurveyRemind)
export class SurveyRemindJob implements JobHandler<typeof JobName.SurveyRemind> {
  constructor(private readonly distribution: DistributionService) {}

  handle(
    job: Job<JobPayloads[typeof JobName.SurveyRemind]>,
    signal?: AbortSignal,
  ): Promise<ReminderResult> {
    return this.distribution.remind(job.data.campaignId, job.data.index, signal);
  }
}

/** Closes a campaign at the end of its window and enqueues its final report. */
@Injectable()
@HandlesJob(JobName.SurveyClose)
export class SurveyCloseJob implements JobHandler<typeof JobName.SurveyClose> {
  constructor(private readonly campaigns: CampaignsService) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.SurveyClose]>,
  ): Promise<{ campaignId: string; reportId: string | null }> {
    const report = await this.campaigns.closeOnSchedule(job.data.campaignId);
    return { campaignId: job.data.campaignId, reportId: report?.id ?? null };
  }
}

/** Aggregates a report version and renders its Excel workbook and PDF. */
@Injectable()
@HandlesJob(JobName.SurveyAggregate)
export class SurveyAggregateJob implements JobHandler<typeof JobName.SurveyAggregate> {
  constructor(private readonly reports: ReportsService) {}

  async handle(job: Job<JobPayloads[typeof JobName.SurveyAggregate]>): Promise<RenderResult> {
    try {
      return await this.reports.render(job.data.reportId);
    } catch (err) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1))
        await this.reports.markFailed(job.data.reportId, err);
      throw err;
    }
  }
}

/** Brings campaigns up to the clock (see DistributionService.sweep). */
@Injectable()
@HandlesJob(JobName.SurveySweep)
export class SurveySweepJob implements JobHandler<typeof JobName.SurveySweep> {
  constructor(private readonly distribution: DistributionService) {}

  handle(): Promise<unknown> {
    return this.distribution.sweep();
  }
}

/** Registers the sweep (idempotently, at every worker boot). */
@Injectable()
export class SurveysScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('SurveysScheduler');

  constructor(
    @InjectQueue(QueueName.Surveys) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'survey-sweep',
      { every: this.config.surveys.sweepIntervalMs },
      {
        name: JobName.SurveySweep,
        data: { trigger: 'sweep' },
        opts: { ...DEFAULT_JOB_OPTIONS, ...JOB_CATALOGUE[JobName.SurveySweep].options },
      },
    );
    this.logger.log(`survey sweep every ${this.config.surveys.sweepIntervalMs} ms`);
  }
}

export const SURVEY_JOBS = [
  SurveyDistributeJob,
  SurveyRemindJob,
  SurveyCloseJob,
  SurveyAggregateJob,
  SurveySweepJob,
  SurveysScheduler,
];
