import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import {
  EMBEDDED_APP_ROLE,
  ensureAppRole,
  ensureRedis,
  loadConfig,
  migrateAsOwner,
  resetAppConfig,
  startEmbeddedPostgres,
} from '../../libs/core/src';

export interface BenchEnv {
  api: INestApplication;
  worker: INestApplicationContext | null;
  http: App;
  ds: DataSource;
  close(): Promise<void>;
}

/**
 * A fresh database (DATABASE_URL's server, or an embedded PostgreSQL in a temp
 * directory), migrated, with the API (and optionally the worker) in-process.
 */
export async function benchEnv(opts: { worker: boolean; pgPort: number }): Promise<BenchEnv> {
  let serverUrl = process.env.DATABASE_URL;
  let stopPg: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (!serverUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'peixun-bench-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach it
    const pg = await startEmbeddedPostgres({
      port: opts.pgPort,
      dataDir: join(dataDir, 'pg'),
      database: 'postgres',
    });
    serverUrl = pg.url;
    stopPg = pg.stop;
  }
  const database = `peixun_bench_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  // as in production: the app connects as a role that owns nothing; migrations run as the owner
  await ensureAppRole(url.toString(), EMBEDDED_APP_ROLE, EMBEDDED_APP_ROLE);
  const appUrl = new URL(url.toString());
  appUrl.username = EMBEDDED_APP_ROLE;
  appUrl.password = EMBEDDED_APP_ROLE;
  // the bench's uploads and exports go to a file store of its own, removed on close
  const filesDir = mkdtempSync(join(tmpdir(), 'peixun-bench-files-'));
  const redis = await ensureRedis(
    process.env.REDIS_URL,
    join(tmpdir(), 'peixun-bench-redis'),
    () => undefined,
  );
  Object.assign(process.env, {
    DATABASE_URL: appUrl.toString(),
    DATABASE_OWNER_URL: url.toString(),
    PII_KEYS: `b1:${randomBytes(32).toString('base64')}`,
    PII_INDEX_KEY: randomBytes(32).toString('base64'),
    REDIS_URL: redis.url,
    QUEUE_PREFIX: `peixun-bench-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO_ON_EMPTY: 'false',
    MIGRATIONS_RUN_ON_START: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    WORKER_CONCURRENCY: '1',
    FILE_STORE: 'local',
    FILE_STORE_DIR: filesDir,
  });
  resetAppConfig();
  await migrateAsOwner(loadConfig(process.env));

  const api = await createApiApp({ seedDemoOnEmpty: false });
  const worker = opts.worker ? await createWorkerApp() : null;
  return {
    api,
    worker,
    http: api.getHttpServer() as App,
    ds: api.get(DataSource),
    close: async () => {
      if (worker) await worker.close();
      await api.close();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
      if (stopPg) await stopPg();
      if (redis.owned) await redis.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
