import { AuditLog, JobName, JobsService, MaintenanceRun } from '@peixun/core';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createServer } from 'node:net';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { bootApi, login, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';
import { AppProcess, startAppProcess, startWorkerProcess } from './support/worker-process';

const ROWS = 2000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Graceful shutdown on SIGTERM: nothing in flight is lost, and the process exits in bounded time. */
describe('graceful shutdown', () => {
  let api: TestApi;
  let municipal: Session;
  let municipalUsername: string;
  const procs: AppProcess[] = [];

  beforeAll(async () => {
    api = await bootApi();
    const org = await anOrgTree(api.ds);
    const m = await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds);
    municipalUsername = m.username;
    municipal = await login(api.http, m.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await api.close();
  });

  async function oldEntries(action: string): Promise<void> {
    await api.ds.query(
      `insert into audit_log (occurred_at, action, entity_type, entity_id)
       select now() - interval '400 days', $1, 'test', g::text from generate_series(1, ${ROWS}) g`,
      [action],
    );
  }

  /** A retention run of its own (the API's run key is one per day and period: other files use those). */
  async function startRun(days: number): Promise<{ queue: string; jobId: string }> {
    return api.app.get(JobsService).enqueue(JobName.AuditRetention, {
      runKey: `test-shutdown-${randomBytes(4).toString('hex')}`,
      retentionDays: days,
      requestedBy: municipal.actor.accountId,
    });
  }

  const midJob = (s: { progress: unknown }): boolean =>
    typeof s.progress === 'object' && ((s.progress as { batches?: number }).batches ?? 0) >= 2;

  it('the worker finishes its active job before it exits', async () => {
    await oldEntries('test.sigterm-finish');
    const worker = await startWorkerProcess({
      AUDIT_RETENTION_BATCH_SIZE: '100',
      AUDIT_RETENTION_BATCH_PAUSE_MS: '100',
      SHUTDOWN_TIMEOUT_MS: '30000',
    });
    procs.push(worker);
    const ref = await startRun(311);
    await waitForJob(api.http, municipal, ref, midJob);
    const sent = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(30_000);
    // done by this worker, before it exited: no other worker runs
    const status = await waitForJob(api.http, municipal, ref, () => true);
    expect(status).toMatchObject({ state: 'completed', result: { moved: ROWS } });
    expect(await api.ds.getRepository(AuditLog).countBy({ action: 'test.sigterm-finish' })).toBe(0);
    // the retention run, and perhaps a periodic sweep (surveys, evaluations) that was under way
    expect(worker.output()).toMatch(/no new jobs; [1-9]\d* active may finish/);
  });

  it('a job that cannot finish in time is handed back at once and done exactly once by the next worker', async () => {
    await oldEntries('test.sigterm-release');
    const env = {
      AUDIT_RETENTION_BATCH_SIZE: '50',
      AUDIT_RETENTION_BATCH_PAUSE_MS: '300',
      SHUTDOWN_TIMEOUT_MS: '1000',
    };
    const first = await startWorkerProcess(env);
    procs.push(first);
    const ref = await startRun(312);
    await waitForJob(api.http, municipal, ref, midJob);
    const sent = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - sent).toBeLessThan(6_000);
    expect(first.output()).toContain('job handed back to the queue');
    // back in the queue right away (no wait for a lock to lapse), not failed, no attempt used up
    const handedBack = await waitForJob(api.http, municipal, ref, () => true);
    expect(handedBack.state).toBe('waiting');
    expect(handedBack.failedReason).toBeNull();
    const [{ n: archived }] = await api.ds.query(
      `select count(*)::int n from audit_log_archive where action = 'test.sigterm-release'`,
    );
    expect(archived).toBeGreaterThan(0);
    expect(archived).toBeLessThan(ROWS);

    const second = await startWorkerProcess({ ...env, SHUTDOWN_TIMEOUT_MS: '30000' });
    procs.push(second);
    const status = await waitForJob(api.http, municipal, ref);
    expect(status).toMatchObject({ state: 'completed', result: { moved: ROWS } });
    const [{ n, distinct }] = await api.ds.query(
      `select count(*)::int n, count(distinct entity_id)::int distinct
         from audit_log_archive where action = 'test.sigterm-release'`,
    );
    expect({ n, distinct }).toEqual({ n: ROWS, distinct: ROWS });
    const run = (
      await api.ds.getRepository(MaintenanceRun).findBy({ kind: 'audit.retention' })
    ).find((r) => ref.jobId.endsWith(r.runKey))!;
    expect(run).toMatchObject({ status: 'completed', attempts: 2 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });

  it('the API stops accepting, answers the request in flight, and exits', async () => {
    const port = await freePort();
    const proc = await startAppProcess(
      'apps/api/src/main.ts',
      { PORT: String(port), SHUTDOWN_TIMEOUT_MS: '10000', LOG_FORMAT: 'json' },
      'API ready',
    );
    procs.push(proc);
    const body = JSON.stringify({ username: municipalUsername, password: TEST_PASSWORD });
    let refused: unknown;
    // a request in flight: headers and half the body sent, the rest after SIGTERM
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        proc.child.kill('SIGTERM');
        setTimeout(() => {
          // no new connections while draining
          fetch(`http://127.0.0.1:${port}/api/health`)
            .then(
              (r) => r.status,
              (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? err.message,
            )
            .then((fresh) => {
              refused = fresh;
              req.end(body.slice(10));
            }, reject);
        }, 500);
      }, 300);
    });
    const answered = await response;
    expect(refused).toBe('ECONNREFUSED');
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toMatchObject({ accessToken: expect.any(String) });
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect(proc.output()).toMatch(/SIGTERM: draining/);
  });

  it('API_WORKERS=2: two API processes share the port, a dead one is replaced, SIGTERM stops them all', async () => {
    const port = await freePort();
    const proc = await startAppProcess(
      'apps/api/src/main.ts',
      { PORT: String(port), SHUTDOWN_TIMEOUT_MS: '10000', LOG_FORMAT: 'json', API_WORKERS: '2' },
      '2 API processes listening',
    );
    procs.push(proc);
    const copies = (): number[] =>
      readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .filter((pid) => {
          try {
            return (
              readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1] ===
              String(proc.child.pid)
            );
          } catch {
            return false;
          }
        })
        .map(Number);
    // each on a connection of its own (a kept-alive one dies with the copy that held it)
    const health = async (): Promise<number[]> =>
      Promise.all(
        Array.from(
          { length: 6 },
          () =>
            new Promise<number>((resolve, reject) =>
              httpRequest({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
              })
                .on('error', reject)
                .end(),
            ),
        ),
      );
    const first = copies();
    expect(first).toHaveLength(2);
    expect(await health()).toEqual(Array(6).fill(200));
    // one copy dies: the primary starts another; the other copy answers meanwhile
    process.kill(first[0], 'SIGKILL');
    const waitFor = async (what: RegExp): Promise<void> => {
      for (let i = 0; i < 300 && !what.test(proc.output()); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(proc.output()).toMatch(what);
    };
    await waitFor(new RegExp(`API process ${first[0]} exited \\(SIGKILL\\): starting another`));
    expect(await health()).toEqual(Array(6).fill(200));
    const second = copies();
    expect(second).toHaveLength(2);
    expect(second).toContain(first[1]);
    const fresh = second.find((pid) => pid !== first[1]);
    await waitFor(new RegExp(`API process ${fresh} listening`));
    expect(await health()).toEqual(Array(6).fill(200));
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect(second.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });

  it('API_WORKERS=2: a copy that cannot start stops the cluster with exit code 1', async () => {
    // the port is taken: every copy fails at listen, before it ever served
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '0.0.0.0', () => r()));
    const port = (taken.address() as { port: number }).port;
    try {
      const proc = await startAppProcess(
        'apps/api/src/main.ts',
        { PORT: String(port), LOG_FORMAT: 'json', API_WORKERS: '2' },
        /exited before it listened: stopping/,
      );
      procs.push(proc);
      expect(await proc.exited).toEqual({ code: 1, signal: null });
    } finally {
      taken.close();
    }
  });

  it('npm start mode (embedded PostgreSQL): drains first, stops the server it started last', async () => {
    const port = await freePort();
    const pgPort = Number(process.env.TEST_SHUTDOWN_PG_PORT ?? 54359);
    const dataDir = mkdtempSync(join(tmpdir(), 'peixun-start-'));
    chmodSync(dataDir, 0o755); // as root, the embedded server runs as the `postgres` user
    try {
      const proc = await startAppProcess(
        'apps/api/src/main-all.ts',
        {
          PORT: String(port),
          DATABASE_URL: '', // unset: the embedded server
          DATABASE_OWNER_URL: '',
          DATA_DIR: dataDir,
          EMBEDDED_PG_PORT: String(pgPort),
          MIGRATIONS_RUN_ON_START: 'true',
          SEED_DEMO_ON_EMPTY: 'true',
          SHUTDOWN_TIMEOUT_MS: '10000',
          LOG_FORMAT: 'json',
        },
        'API + worker ready',
        120_000,
      );
      procs.push(proc);
      const body = JSON.stringify({ username: 'worker.li', password: 'Demo#2026' });
      const answered = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/auth/login',
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 5));
        setTimeout(() => {
          proc.child.kill('SIGTERM');
          // the database must still answer this request after the signal
          setTimeout(() => req.end(body.slice(5)), 700);
        }, 200);
      });
      expect(answered).toBe(200);
      expect(await proc.exited).toEqual({ code: 0, signal: null });
      expect(proc.output()).not.toMatch(/terminating connection due to administrator command/);
      // the server this process started is stopped
      const pg = new Client({
        host: '127.0.0.1',
        port: pgPort,
        user: 'peixun',
        password: 'peixun',
        connectionTimeoutMillis: 1000,
      });
      await expect(pg.connect()).rejects.toThrow();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
