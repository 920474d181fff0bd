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
import { cliDataSource } from '../../apps/cli/src/cli-data-source';
import {
  appConfig,
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

/** A fresh database on DATABASE_URL's server (or an embedded PostgreSQL), its roles, a file store and Redis. */
export interface BenchDatabase {
  /** The database as its owner (migrations, bulk loads, ANALYZE). */
  ownerUrl: string;
  /** The same database as the application's role, which owns nothing. */
  appUrl: string;
  /** The environment an API or worker of this database needs (keys, Redis, queue prefix, files). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Creates the bench's database (named `peixun_bench_<name>_<time>`) and what an API needs beside it. */
export async function benchDatabase(opts: {
  pgPort: number;
  name: string;
}): Promise<BenchDatabase> {
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
  const database = `peixun_bench_${opts.name}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const owner = new URL(serverUrl);
  owner.pathname = `/${database}`;
  // as in production: the app connects as a role that owns nothing; migrations run as the owner
  await ensureAppRole(owner.toString(), EMBEDDED_APP_ROLE, EMBEDDED_APP_ROLE);
  const app = new URL(owner.toString());
  app.username = EMBEDDED_APP_ROLE;
  app.password = EMBEDDED_APP_ROLE;
  // the bench's uploads and exports go to a file store of its own, removed on close
  const filesDir = mkdtempSync(join(tmpdir(), 'peixun-bench-files-'));
  const redis = await ensureRedis(
    process.env.REDIS_URL,
    join(tmpdir(), 'peixun-bench-redis'),
    () => undefined,
  );
  return {
    ownerUrl: owner.toString(),
    appUrl: app.toString(),
    env: {
      DATABASE_URL: app.toString(),
      DATABASE_OWNER_URL: owner.toString(),
      PII_KEYS: `b1:${randomBytes(32).toString('base64')}`,
      PII_INDEX_KEY: randomBytes(32).toString('base64'),
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `peixun-bench-${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'warn',
      SEED_DEMO_ON_EMPTY: 'false',
      MIGRATIONS_RUN_ON_START: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
      FILE_STORE: 'local',
      FILE_STORE_DIR: filesDir,
    },
    close: async () => {
      // KEEP_BENCH_DB=1: the database stays, for EXPLAIN and the like (DATABASE_URL's server)
      if (process.env.KEEP_BENCH_DB === '1' && !stopPg) console.log(`  kept database ${database}`);
      else await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
      if (stopPg) await stopPg();
      if (redis.owned) await redis.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A migrated bench database whose API runs in a process of its own (`env`), and a data source onto it as its owner. */
export interface BenchStage {
  ds: DataSource;
  ownerUrl: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * For benches that start the API as a separate production process on `apiPort`: the database,
 * migrated, the API's environment (also set in this process, which writes the bench's rows with
 * the same keys: workers' ID numbers are sealed), and the owner's data source.
 */
export async function benchStage(opts: {
  pgPort: number;
  name: string;
  apiPort: number;
}): Promise<BenchStage> {
  const db = await benchDatabase(opts);
  const env: Record<string, string> = {
    ...db.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(opts.apiPort),
    LOG_FORMAT: 'json',
    READY_REQUIRES_WORKER: 'false',
    DATA_DIR: db.env.FILE_STORE_DIR,
  };
  Object.assign(process.env, env);
  resetAppConfig();
  await migrateAsOwner(loadConfig(process.env));
  const ds = cliDataSource(appConfig(), db.ownerUrl);
  await ds.initialize();
  return {
    ds,
    ownerUrl: db.ownerUrl,
    env,
    close: async () => {
      await ds.destroy();
      await db.close();
    },
  };
}

/**
 * A fresh database (DATABASE_URL's server, or an embedded PostgreSQL in a temp
 * directory), migrated, with the API (and optionally the worker) in-process.
 */
export async function benchEnv(opts: { worker: boolean; pgPort: number }): Promise<BenchEnv> {
  const db = await benchDatabase({ pgPort: opts.pgPort, name: 'env' });
  Object.assign(process.env, { ...db.env, WORKER_CONCURRENCY: '1' });
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
      await db.close();
    },
  };
}

export const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
export const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
