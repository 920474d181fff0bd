import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { MaintenanceRun } from '../../database/maintenance-run.entity';
import { localDate, sleep } from '../../common/time';
import { JobName, JobPayloads } from '../../queue/job-catalogue';
import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { AuditService } from '../audit.service';

export interface AuditRetentionResult {
  runId: string;
  runKey: string;
  cutoff: string;
  moved: number;
  alreadyDone: boolean;
}

const KIND = 'audit.retention';

/** The key of a run: the nightly schedule sends "nightly", made unique per local date. */
export function effectiveRunKey(payloadKey: string, enqueuedAt: Date, timeZone: string): string {
  return payloadKey === 'nightly' ? `nightly-${localDate(enqueuedAt, timeZone)}` : payloadKey;
}

/**
 * Moves audit entries older than the retention period from audit_log to
 * audit_log_archive, in batches. Each batch (delete + insert + run counter) is
 * one transaction, so a worker killed mid-run leaves no entry lost or copied
 * twice, and the next attempt continues where it stopped. The run row keyed by
 * runKey makes a second job for the same run return the first one's result.
 */
@Injectable()
@HandlesJob(JobName.AuditRetention)
export class AuditRetentionJob implements JobHandler<typeof JobName.AuditRetention> {
  private readonly logger = new Logger('AuditRetention');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.AuditRetention]>,
    signal?: AbortSignal,
  ): Promise<AuditRetentionResult> {
    const runKey = effectiveRunKey(job.data.runKey, new Date(job.timestamp), this.config.timezone);
    const cutoff = new Date(job.timestamp - job.data.retentionDays * 86_400_000);
    const runs = this.dataSource.getRepository(MaintenanceRun);
    await runs
      .createQueryBuilder()
      .insert()
      .values({ kind: KIND, runKey, stats: { moved: 0, cutoff: cutoff.toISOString() } })
      .orIgnore()
      .execute();
    const run = await runs.findOneByOrFail({ kind: KIND, runKey });
    if (run.status === 'completed') {
      return {
        runId: run.id,
        runKey,
        cutoff: String(run.stats.cutoff),
        moved: Number(run.stats.moved),
        alreadyDone: true,
      };
    }
    await runs.increment({ id: run.id }, 'attempts', 1);

    const { batchSize, batchPauseMs } = this.config.audit;
    let batches = 0;
    for (;;) {
      signal?.throwIfAborted(); // handed back at shutdown: the next worker continues from here
      const moved = await this.dataSource.transaction(async (em) => {
        // the application role cannot delete audit entries: the owner's function moves them
        const rows: { n: number }[] = await em.query(
          `select audit_archive_batch($1, $2, $3) as n`,
          [cutoff, batchSize, run.id],
        );
        const n = rows[0]?.n ?? 0;
        if (n > 0) {
          await em.query(
            `update maintenance_run
                set stats = jsonb_set(stats, '{moved}', to_jsonb(coalesce((stats->>'moved')::int, 0) + $2))
              where id = $1`,
            [run.id, n],
          );
        }
        return n;
      });
      if (moved === 0) break;
      batches++;
      const current = await runs.findOneByOrFail({ id: run.id });
      await job.updateProgress({ batches, moved: Number(current.stats.moved) });
      if (batchPauseMs > 0) await sleep(batchPauseMs);
    }

    return this.dataSource.transaction(async (em) => {
      const done = await em.findOneOrFail(MaintenanceRun, {
        where: { id: run.id },
        lock: { mode: 'pessimistic_write' },
      });
      const total = Number(done.stats.moved);
      if (done.status !== 'completed') {
        await em.update(
          MaintenanceRun,
          { id: run.id },
          { status: 'completed', finishedAt: new Date() },
        );
        await this.audit.record(
          em,
          { system: 'worker' },
          {
            action: 'audit.retention_completed',
            entityType: 'maintenance_run',
            entityId: run.id,
            data: { runKey, cutoff: cutoff.toISOString(), moved: total, jobId: job.id ?? null },
          },
        );
        this.logger.log({ runKey, moved: total }, 'audit retention run completed');
      }
      return {
        runId: run.id,
        runKey,
        cutoff: cutoff.toISOString(),
        moved: total,
        alreadyDone: false,
      };
    });
  }
}
