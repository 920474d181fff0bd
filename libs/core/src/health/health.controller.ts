import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';
import { lifecycle } from '../common/shutdown';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from '../database/migrations';
import { FileStore } from '../files/file-store';
import { PlatformRedis } from '../queue/platform-redis';
import { WORKER_SEEN_WITHIN_MS, workersSeen } from '../queue/worker-heartbeat';

const TIMEOUT_MS = 2000;
const EXPECTED_MIGRATIONS = MIGRATIONS.map((M) => new M().name ?? M.name);

/** Runs `fn` with a time limit, measuring how long it took. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)),
          TIMEOUT_MS,
        );
      }),
    ]);
    return { value, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    clearTimeout(timer);
  }
}

const reason = (err: unknown): string =>
  err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly redisClient: PlatformRedis,
    private readonly files: FileStore,
    private readonly config: AppConfig,
  ) {}

  /** Liveness: the process answers. */
  @Get('health')
  @Public()
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Readiness, for an orchestrator and an operator: PostgreSQL, Redis, every
   * migration applied, the file store writable, a worker process seen within
   * the last minute, and this process not shutting down — each with its
   * latency. 503 when any of them is down.
   */
  @Get('ready')
  @Public()
  @HealthCheck()
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.accepting(),
        () => this.database(),
        () => this.migrations(),
        () => this.redis(),
        () => this.fileStore(),
        () => this.worker(),
      ]);
    } catch (err) {
      // terminus throws the full report with a 503: send it as it is (not the generic error shape)
      if (!(err instanceof ServiceUnavailableException)) throw err;
      res.status(503);
      return err.getResponse() as HealthCheckResult;
    }
  }

  private accepting(): HealthIndicatorResult {
    const check = this.indicator.check('process');
    return lifecycle.draining ? check.down({ message: 'shutting down' }) : check.up();
  }

  private async database(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('database');
    try {
      const { latencyMs } = await timed(() => this.ds.query('select 1'));
      return check.up({ latencyMs });
    } catch (err) {
      return check.down({ message: reason(err) });
    }
  }

  private async migrations(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('migrations');
    try {
      const { value, latencyMs } = await timed(() =>
        this.ds.query<{ name: string }[]>('select name from migrations'),
      );
      const applied = new Set(value.map((r) => r.name));
      const pending = EXPECTED_MIGRATIONS.filter((n) => !applied.has(n));
      return pending.length
        ? check.down({ latencyMs, message: `${pending.length} pending`, pending })
        : check.up({ latencyMs, applied: applied.size });
    } catch (err) {
      return check.down({ message: reason(err) });
    }
  }

  private async redis(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('redis');
    try {
      const { latencyMs } = await timed(async () => (await this.redisClient.get()).ping());
      return check.up({ latencyMs });
    } catch (err) {
      return check.down({ message: reason(err) });
    }
  }

  private async fileStore(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('fileStore');
    const probe = await this.files.probe(TIMEOUT_MS);
    return probe.ok
      ? check.up({ latencyMs: probe.latencyMs, backend: probe.backend })
      : check.down({ latencyMs: probe.latencyMs, backend: probe.backend, message: probe.error });
  }

  private async worker(): Promise<HealthIndicatorResult> {
    const check = this.indicator.check('worker');
    const required = this.config.readyRequiresWorker;
    try {
      const { value, latencyMs } = await timed(async () =>
        workersSeen(await this.redisClient.get(), this.config.queue.prefix),
      );
      if (value.length) {
        return check.up({
          latencyMs,
          processes: value.length,
          lastSeenMsAgo: Math.min(...value.map((w) => w.ageMs)),
        });
      }
      const message = `no worker process seen within ${WORKER_SEEN_WITHIN_MS / 1000} s`;
      return required
        ? check.down({ latencyMs, message })
        : check.up({ latencyMs, message, required });
    } catch (err) {
      return check.down({ message: reason(err) });
    }
  }
}
