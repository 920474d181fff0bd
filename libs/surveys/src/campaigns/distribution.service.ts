import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  JobName,
  JobsService,
  NotificationKind,
  NotificationsService,
  QueueName,
} from '@peixun/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { SurveyReport } from '../reports/report.entity';
import { SurveyCampaign } from './campaign.entity';
import { dueReminders } from './campaign.rules';
import { CampaignsService } from './campaigns.service';
import { distributeBatchSql, idRanges, municipalDistrictIds } from './population.sql';

export interface DistributionProgress {
  batches: number;
  scanned: number;
  /** Invitations this run added. */
  added: number;
}

export interface DistributionResult extends DistributionProgress {
  campaignId: string;
  /** skipped: the campaign is not open (not yet, or any more). */
  outcome: 'distributed' | 'skipped';
  /** The campaign's invitations in all (the final count). */
  invited: number;
}

export interface ReminderResult {
  campaignId: string;
  index: number;
  outcome: 'sent' | 'already' | 'skipped';
  reminded: number;
}

/**
 * The worker's side of a campaign: the distribution (one invitation per worker of the
 * population, in batches, each batch with its notifications and the running count in one
 * transaction; the invitation id is deterministic, so a second run — a retry after a kill, the
 * sweep's top-ups — adds only who is missing), the reminders (each worker once per reminder)
 * and the sweep that brings campaigns up to the clock.
 */
@Injectable()
export class DistributionService {
  private readonly logger = new Logger('SurveyDistribution');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly campaigns: CampaignsService,
  ) {}

  async distribute(
    campaignId: string,
    onProgress?: (p: DistributionProgress) => Promise<void> | void,
    signal?: AbortSignal,
  ): Promise<DistributionResult> {
    const progress: DistributionProgress = { batches: 0, scanned: 0, added: 0 };
    const c = await this.open(campaignId);
    if (!c) return { campaignId, outcome: 'skipped', invited: 0, ...progress };
    const districts = await municipalDistrictIds(this.ds.manager, c.municipalityId);
    const { batchSize, batchPauseMs, parallel } = this.config.surveys;
    const title = `请填写${c.title}`;
    const body = `${c.title}已开始，请在截止前完成问卷。问卷结果只以汇总形式用于制定培训计划。`;
    // the id space in parts written side by side (each batch its own transaction)
    const part = async (range: { after: string; upto: string | null }): Promise<void> => {
      let after = range.after;
      for (;;) {
        signal?.throwIfAborted();
        const batch = await this.ds.transaction(async (em) => {
          const { sql, params } = distributeBatchSql(c, districts, after, batchSize, range.upto);
          const [row] = await em.query<{ last: string | null; scanned: number; added: string[] }[]>(
            sql,
            params,
          );
          if (row.added.length) {
            await this.notifications.notify(
              em,
              row.added.map((workerId) => ({
                to: { workerId },
                kind: NotificationKind.SurveyInvited,
                title,
                body,
                data: { campaignId: c.id },
              })),
            );
            // last: the campaign row is the one lock the parts share
            await em.query(
              'update survey_campaign set invited_count = invited_count + $2 where id = $1',
              [c.id, row.added.length],
            );
          }
          return row;
        });
        if (!batch.last || batch.scanned === 0) break;
        progress.batches += 1;
        progress.scanned += batch.scanned;
        progress.added += batch.added.length;
        after = batch.last;
        await onProgress?.({ ...progress });
        if (batch.scanned < batchSize) break;
        if (batchPauseMs) await sleep(batchPauseMs);
      }
    };
    // every part ends before the job does (a failure is rethrown once both have stopped)
    const ends = await Promise.allSettled(idRanges(parallel).map(part));
    const failed = ends.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (failed) throw failed.reason;
    // (a CTE: TypeORM answers a bare UPDATE with [rows, count])
    const [done] = await this.ds.query<{ invited_count: number }[]>(
      `with u as (update survey_campaign set distributed_at = coalesce(distributed_at, now())
                   where id = $1 returning invited_count)
       select invited_count from u`,
      [c.id],
    );
    if (progress.added)
      this.logger.log({ campaignId: c.id, ...progress }, 'survey invitations distributed');
    return { campaignId, outcome: 'distributed', invited: done?.invited_count ?? 0, ...progress };
  }

  /** The `index`-th reminder (1-based) to those invited who have not submitted; once each. */
  async remind(campaignId: string, index: number, signal?: AbortSignal): Promise<ReminderResult> {
    const c = await this.open(campaignId);
    if (!c) return { campaignId, index, outcome: 'skipped', reminded: 0 };
    if (c.remindersSent >= index) return { campaignId, index, outcome: 'already', reminded: 0 };
    // those who joined the population since the last top-up are invited first, so that the
    // reminder reaches everyone it is due to, whichever of the sweep's two jobs runs first
    // (the invitation is idempotent: a concurrent top-up adds nobody twice)
    await this.distribute(campaignId, undefined, signal);
    const { batchSize } = this.config.surveys;
    const days = Math.max(0, Math.ceil((c.closesAt.getTime() - Date.now()) / (24 * 3600 * 1000)));
    let reminded = 0;
    for (;;) {
      signal?.throwIfAborted();
      const n = await this.ds.transaction(async (em) => {
        const rows = await em.query<{ worker_id: string }[]>(
          `with u as (
             update survey_invitation set reminders_sent = $2
              where id in (select id from survey_invitation
                            where campaign_id = $1 and status <> 'submitted' and reminders_sent < $2
                            limit $3 for update)
             returning worker_id)
           select worker_id from u`,
          [c.id, index, batchSize],
        );
        if (rows.length)
          await this.notifications.notify(
            em,
            rows.map((r) => ({
              to: { workerId: r.worker_id },
              kind: NotificationKind.SurveyReminder,
              title: `提醒：请填写${c.title}`,
              body: `您尚未提交${c.title}，距截止还有约 ${days} 天，请尽快完成。`,
              data: { campaignId: c.id, reminder: index },
            })),
          );
        return rows.length;
      });
      reminded += n;
      if (n < batchSize) break;
    }
    await this.ds.query(
      'update survey_campaign set reminders_sent = greatest(reminders_sent, $2) where id = $1',
      [c.id, index],
    );
    return { campaignId, index, outcome: 'sent', reminded };
  }

  /**
   * Brings every launched campaign up to the clock: opens what is due (and tops up its
   * invitations with workers added to the roster since), enqueues due reminders, closes what
   * has ended, re-enqueues a report whose job was lost.
   */
  async sweep(): Promise<{ topUps: number; reminders: number; closed: number; reports: number }> {
    const out = { topUps: 0, reminders: 0, closed: 0, reports: 0 };
    const rows = await this.ds.getRepository(SurveyCampaign).find({
      where: [{ status: 'scheduled' }, { status: 'open' }],
    });
    const [{ now }] = await this.ds.query<{ now: Date }[]>('select now() as now');
    const bucket = Math.floor(now.getTime() / this.config.surveys.sweepIntervalMs);
    for (const c of rows) {
      if (c.closesAt.getTime() <= now.getTime()) {
        if (await this.campaigns.closeOnSchedule(c.id)) out.closed += 1;
        continue;
      }
      if (c.opensAt.getTime() > now.getTime()) continue;
      await this.jobs.enqueue(JobName.SurveyDistribute, {
        campaignId: c.id,
        round: `sweep-${bucket}`,
      });
      out.topUps += 1;
      for (const index of dueReminders(c.reminders, c.remindersSent, now)) {
        const ref = await this.jobs.enqueue(JobName.SurveyRemind, {
          campaignId: c.id,
          index,
          at: [...c.reminders].sort((a, b) => a.getTime() - b.getTime())[index - 1].toISOString(),
        });
        // due now: a job still waiting for a later time (its delay outlived a change) runs now
        const job = await this.jobs.queue(QueueName.Surveys).getJob(ref.jobId);
        if (job && (await job.isDelayed())) await job.promote();
        out.reminders += 1;
      }
    }
    // reports asked for over ten minutes ago and not finished: their job may have been lost
    const stale = await this.ds
      .getRepository(SurveyReport)
      .createQueryBuilder('r')
      .where(
        `r.status in ('pending', 'aggregated') and r.requested_at < now() - interval '10 minutes'`,
      )
      .getMany();
    for (const r of stale) {
      await this.jobs.enqueue(JobName.SurveyAggregate, { reportId: r.id });
      out.reports += 1;
    }
    return out;
  }

  /** The campaign if it takes answers now (a scheduled one whose opening has come is opened). */
  private async open(campaignId: string): Promise<SurveyCampaign | null> {
    await this.ds.query(
      `update survey_campaign set status = 'open'
        where id = $1 and status = 'scheduled' and opens_at <= now() and closes_at > now()
`,
      [campaignId],
    );
    const c = await this.ds.getRepository(SurveyCampaign).findOneBy({ id: campaignId });
    if (!c || c.status !== 'open' || c.closesAt.getTime() <= Date.now()) return null;
    return c;
  }
}
