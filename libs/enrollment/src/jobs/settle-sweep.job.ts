import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_JOB_OPTIONS,
  HandlesJob,
  JOB_CATALOGUE,
  JobHandler,
  JobName,
  QueueName,
} from '@peixun/core';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { EnrollmentService } from '../enrollment.service';

/**
 * An enrolment is written pending and settled right after, by the request itself. If the
 * process dies in between, this sweep (every minute) settles what was left pending.
 */
@Injectable()
@HandlesJob(JobName.EnrollmentSettleSweep)
export class SettleSweepJob implements JobHandler<typeof JobName.EnrollmentSettleSweep> {
  private readonly logger = new Logger('EnrollmentSettleSweep');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly enrollment: EnrollmentService,
  ) {}

  async handle(): Promise<{ classes: number; enrolled: number }> {
    const rows = await this.ds.query<{ class_id: string }[]>(
      `select distinct class_id from enrollment
        where status = 'pending' and created_at < now() - interval '10 seconds'`,
    );
    let enrolled = 0;
    for (const r of rows) enrolled += await this.enrollment.settle(r.class_id);
    if (rows.length)
      this.logger.warn({ classes: rows.length, enrolled }, 'settled left-over pending enrolments');
    return { classes: rows.length, enrolled };
  }
}

/** Registers the sweep (idempotently, at every worker boot). */
@Injectable()
export class EnrollmentScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Enrollment) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      'enrollment-settle-sweep',
      { every: 60_000 },
      {
        name: JobName.EnrollmentSettleSweep,
        data: { trigger: 'sweep' },
        opts: { ...DEFAULT_JOB_OPTIONS, ...JOB_CATALOGUE[JobName.EnrollmentSettleSweep].options },
      },
    );
  }
}
