import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  ensureRedis,
  loadConfig,
  runMigrations,
  startEmbeddedPostgres,
} from '../../libs/core/src';

/**
 * Runs once before the end-to-end tests: a real PostgreSQL (DATABASE_URL, or
 * the embedded one on its own port), a fresh database with every migration
 * applied, and a queue prefix of its own in the real Redis. The test
 * processes inherit these through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const root = resolve(__dirname, '../..');
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await startEmbeddedPostgres({
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
      dataDir: resolve(root, '.data/pg-test'),
      database: 'postgres',
    });
    (globalThis as Record<string, unknown>).__PEIXUN_PG__ = handle;
    serverUrl = handle.url;
  }
  const redis = await ensureRedis(process.env.REDIS_URL, resolve(root, '.data/redis-test'), (m) =>
    console.log(`[e2e] ${m}`),
  );
  (globalThis as Record<string, unknown>).__PEIXUN_REDIS__ = redis;
  process.env.REDIS_URL = redis.url;

  const database = `peixun_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;

  process.env.DATABASE_URL = url.toString();
  process.env.NODE_ENV = 'test';
  process.env.QUEUE_PREFIX = `peixun-test-${randomBytes(4).toString('hex')}`;
  process.env.SEED_DEMO_ON_EMPTY = 'false';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.MIGRATIONS_RUN_ON_START = 'false';
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  (globalThis as Record<string, unknown>).__PEIXUN_TEST_DB__ = { serverUrl, database };

  const ds = new DataSource(dataSourceOptions(loadConfig(process.env), url.toString()));
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  console.log(
    `\n[e2e] database ${database} migrated in ${Date.now() - started} ms; queue prefix ${process.env.QUEUE_PREFIX}`,
  );
}
