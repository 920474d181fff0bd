import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import {
  EMBEDDED_APP_ROLE,
  ensureAppRole,
  ensureRedis,
  loadConfig,
  migrateAsOwner,
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
  const owner = new URL(serverUrl);
  owner.pathname = `/${database}`;
  // the application connects as a role that owns nothing (as in production); migrations run as the owner
  await ensureAppRole(owner.toString(), EMBEDDED_APP_ROLE, EMBEDDED_APP_ROLE);
  const app = new URL(owner.toString());
  app.username = EMBEDDED_APP_ROLE;
  app.password = EMBEDDED_APP_ROLE;

  process.env.DATABASE_URL = app.toString();
  process.env.DATABASE_OWNER_URL = owner.toString();
  process.env.NODE_ENV = 'test';
  process.env.QUEUE_PREFIX = `peixun-test-${randomBytes(4).toString('hex')}`;
  process.env.SEED_DEMO_ON_EMPTY = 'false';
  // each suite's worker starts one render thread (enough to run certificates through it)
  process.env.RENDER_THREADS ??= '1';
  process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
  process.env.MIGRATIONS_RUN_ON_START = 'false';
  // every test file logs in from 127.0.0.1; the per-address login limit is tested on its own
  process.env.LOGIN_RATE_LIMIT_PER_IP = '100000';
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  // a file store of this run's own (removed by global-teardown), so that runs never collide
  process.env.FILE_STORE = 'local';
  process.env.FILE_STORE_DIR = mkdtempSync(join(tmpdir(), 'peixun-test-files-'));
  // no built web app unless a test builds its own (test/web): a `dist/web` left by `npm start`
  // would otherwise take the pages the API serves itself (the check-in page /c/…)
  process.env.WEB_DIST_DIR = join(process.env.FILE_STORE_DIR, 'no-web-app');
  // personal data is encrypted with keys of this run (the API in-process and worker children share them)
  process.env.PII_KEYS = `t1:${randomBytes(32).toString('base64')}`;
  process.env.PII_INDEX_KEY = randomBytes(32).toString('base64');
  (globalThis as Record<string, unknown>).__PEIXUN_TEST_DB__ = { serverUrl, database };

  await migrateAsOwner(loadConfig(process.env));
  console.log(
    `\n[e2e] database ${database} migrated in ${Date.now() - started} ms; queue prefix ${process.env.QUEUE_PREFIX}`,
  );
}
