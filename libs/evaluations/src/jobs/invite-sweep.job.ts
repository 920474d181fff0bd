import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  DEFAULT_JOB_OPTIONS,
  HandlesJob,
  JOB_CATALOGUE,
  JobHandler,
  JobName,
  localDate,
  localTime,
  NotificationKind,
  NotificationsService,
  QueueName,
} from '@peixun/core';
import { TrainingClass } from '@peixun/classes';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CollectService } from '../collect.service';
import { ATTENDED, closesAt, windowState } from '../evaluations.rules';

/** Notices written per run at most (the next run takes the rest). */
const BATCH = 5_000;
/** Sessions that ended this long ago at most are looked at (the longest deadline a class may set). */
const LOOKBACK_DAYS = 60;

/**
 * After a session ends, tells each trainee who attended it (present, late, left early) that
 * its post-class evaluation is open, once: the invitation rows are inserted and the notices
 * written in one transaction, only for the rows this run inserted. Marks written after the
 * session (a late roll call) are picked up by a later run; a session whose evaluation has
 * already closed is recorded without a notice.
 */
@Injectable()
@HandlesJob(JobName.EvaluationInviteSweep)
export class EvaluationInviteSweepJob implements JobHandler<typeof JobName.EvaluationInviteSweep> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly collect: CollectService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async handle(): Promise<{ invited: number; notified: number }> {
    return this.ds.transaction(async (em) => {
      const rows = await em.query<{ session_id: string; worker_id: string }[]>(
        `insert into evaluation_invitation (session_id, enrollment_id, worker_id)
         select m.session_id, m.enrollment_id, m.worker_id
           from attendance_mark m
           join class_session s on s.id = m.session_id
          where s.status = 'scheduled' and s.ends_at <= now()
            and s.ends_at > now() - make_interval(days => $2)
            and m.status = any($1)
            and not exists (select 1 from evaluation_invitation i
                             where i.session_id = m.session_id and i.enrollment_id = m.enrollment_id)
            and not exists (select 1 from evaluation_receipt r
                             where r.session_id = m.session_id and r.enrollment_id = m.enrollment_id)
          limit $3
         on conflict do nothing
         returning session_id, worker_id`,
        [[...ATTENDED], LOOKBACK_DAYS, BATCH],
      );
      if (!rows.length) return { invited: 0, notified: 0 };
      const sessions = await em.query<
        { id: string; class_id: string; topic: string; ends_at: Date }[]
      >(`select id, class_id, topic, ends_at from class_session where id = any($1)`, [
        [...new Set(rows.map((r) => r.session_id))],
      ]);
      const tz = this.config.timezone;
      const notice = new Map<string, { title: string; body: string; classId: string } | null>();
      const now = new Date();
      for (const s of sessions) {
        const c = await em.findOneByOrFail(TrainingClass, { id: s.class_id });
        const { postClassDays } = await this.collect.deadlines(em, c);
        if (windowState(now, s.ends_at, postClassDays) !== 'open') {
          notice.set(s.id, null);
          continue;
        }
        const until = closesAt(s.ends_at, postClassDays);
        notice.set(s.id, {
          classId: c.id,
          title: `课后评价：${c.title}`,
          body: `「${s.topic}」已结束，请在 ${localDate(until, tz)} ${localTime(until, tz)} 前完成课后评价。评价匿名，授课教师和培训机构只能看到 5 份以上的汇总。`,
        });
      }
      const items = rows.flatMap((r) => {
        const n = notice.get(r.session_id);
        return n
          ? [
              {
                to: { workerId: r.worker_id },
                kind: NotificationKind.EvaluationOpen,
                title: n.title,
                body: n.body,
                data: { classId: n.classId, sessionId: r.session_id },
              },
            ]
          : [];
      });
      await this.notifications.notify(em, items);
      return { invited: rows.length, notified: items.length };
    });
  }
}

/** Registers the sweep (idempotently, at every worker boot). */
@Injectable()
export class EvaluationsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'evaluation-invite-sweep',
      { every: 60_000 },
      {
        name: JobName.EvaluationInviteSweep,
        data: { trigger: 'sweep' },
        opts: { ...DEFAULT_JOB_OPTIONS, ...JOB_CATALOGUE[JobName.EvaluationInviteSweep].options },
      },
    );
  }
}
