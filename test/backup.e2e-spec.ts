import { DEMO_PASSWORD, DemoSeedService } from '@peixun/org';
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { bearer, bootApi, login } from './support/app';

const ROOT = resolve(__dirname, '..');

function withDb(url: string, db: string, user?: { name: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  if (user) {
    u.username = user.name;
    u.password = user.password;
  }
  return u.toString();
}

/** `npm run <script> [arg]` as a new user would run it, with this test's database and file store. */
function cli(env: Record<string, string>, ...args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise(out)
        : reject(new Error(`cli ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    );
    const out: Record<string, number> = {};
    for (const { t } of tables.rows) {
      out[t] = Number((await c.query<{ n: string }>(`select count(*) as n from "${t}"`)).rows[0].n);
    }
    return out;
  } finally {
    await c.end();
  }
}

function fileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.startsWith('.'))
        out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('backup and restore', () => {
  const ownerServer = process.env.DATABASE_OWNER_URL!;
  const appRole = new URL(process.env.DATABASE_URL!);
  const db = `peixun_backup_${randomBytes(3).toString('hex')}`;
  const filesDir = mkdtempSync(join(tmpdir(), 'peixun-backup-files-'));
  const outDir = mkdtempSync(join(tmpdir(), 'peixun-backup-out-'));
  const env = {
    DATABASE_URL: withDb(ownerServer, db, {
      name: decodeURIComponent(appRole.username),
      password: decodeURIComponent(appRole.password),
    }),
    DATABASE_OWNER_URL: withDb(ownerServer, db),
    FILE_STORE_DIR: filesDir,
  };
  const admin = new Client({ connectionString: withDb(ownerServer, 'postgres') });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${db}`);
  });
  afterAll(async () => {
    const left = await admin.query<{ d: string }>(
      `select datname as d from pg_database where datname like $1`,
      [`${db}%`],
    );
    for (const { d } of left.rows) await admin.query(`drop database if exists "${d}" with (force)`);
    await admin.end();
    rmSync(filesDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('round-trips the demo data: every row count and every file hash come back', async () => {
    // the demo, whose filed institution keeps its supporting documents in the file store
    const api = await bootApi({ ...env, MIGRATIONS_RUN_ON_START: 'true' });
    try {
      await api.app.get(DemoSeedService).seed();
      const staff = await login(api.http, 'jigou.staff', DEMO_PASSWORD);
      const mine = await request(api.http)
        .get('/api/v1/institutions/mine')
        .set(bearer(staff))
        .expect(200);
      expect(mine.body.documents).toHaveLength(2);
    } finally {
      await api.close();
    }
    const before = await rowCounts(env.DATABASE_OWNER_URL);
    const filesBefore = fileHashes(filesDir);
    expect(before.worker).toBeGreaterThan(0);
    expect(Object.keys(filesBefore).length).toBeGreaterThanOrEqual(2);

    const archive = join(outDir, 'demo.tar.gz');
    const out = await cli(env, 'backup', archive);
    expect(out).toContain(`wrote ${archive}`);

    // then things change: rows added, files lost
    const c = new Client({ connectionString: env.DATABASE_OWNER_URL });
    await c.connect();
    await c.query(`insert into audit_log (action, entity_type) values ('after.backup', 'test')`);
    await c.query(`update account set display_name = '改过' where username = 'shi.admin'`);
    await c.end();
    rmSync(filesDir, { recursive: true, force: true });

    const restored = await cli(env, 'restore', archive);
    expect(restored).toMatch(/the previous database is kept as peixun_backup_/);
    expect(await rowCounts(env.DATABASE_OWNER_URL)).toEqual(before);
    expect(fileHashes(filesDir)).toEqual(filesBefore);

    // and the platform runs on it: sealed personal data opens, sign-in works, files download
    const again = await bootApi(env);
    try {
      const [{ n }] = await again.ds.query(
        `select count(*)::int n from audit_log where action = 'after.backup'`,
      );
      expect(n).toBe(0);
      const me = await login(again.http, 'worker.li', DEMO_PASSWORD);
      const worker = await request(again.http)
        .get(`/api/v1/workers/${me.actor.workerId}`)
        .set(bearer(me))
        .expect(200);
      expect(worker.body.idNumber).toMatch(/^\d{17}[\dX]$/);
      const staff = await login(again.http, 'jigou.staff', DEMO_PASSWORD);
      const mine = await request(again.http)
        .get('/api/v1/institutions/mine')
        .set(bearer(staff))
        .expect(200);
      expect(mine.body.documents).toHaveLength(2);
      await request(again.http)
        .get(`/api/v1/institutions/${mine.body.id}/documents/${mine.body.documents[0].id}`)
        .set(bearer(staff))
        .expect(200);
    } finally {
      await again.close();
    }
  });

  it('refuses an archive that is not a backup, and changes nothing', async () => {
    const bogus = join(outDir, 'bogus.tar.gz');
    const { c } = await import('tar');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const stage = mkdtempSync(join(tmpdir(), 'peixun-bogus-'));
    mkdirSync(join(stage, 'db'));
    writeFileSync(
      join(stage, 'manifest.json'),
      JSON.stringify({ format: 'something-else', version: 1 }),
    );
    await c({ gzip: true, file: bogus, cwd: stage }, ['manifest.json', 'db']);
    const before = await rowCounts(env.DATABASE_OWNER_URL);
    await expect(cli(env, 'restore', bogus)).rejects.toThrow(/is not a peixun backup/);
    expect(await rowCounts(env.DATABASE_OWNER_URL)).toEqual(before);
    rmSync(stage, { recursive: true, force: true });
  });
});
