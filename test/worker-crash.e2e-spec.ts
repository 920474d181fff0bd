import { AuditLog, JobName, JobsService, MaintenanceRun } from '@peixun/core';
import { randomBytes } from 'node:crypto';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { bootApi, login, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';
import { startWorkerProcess, WorkerProcess } from './support/worker-process';

/**
 * The worker is killed with SIGKILL in the middle of a job; a new worker
 * finishes it, and the job's effect happens exactly once.
 */
describe('worker crash mid-job', () => {
  let api: TestApi;
  let municipal: Session;
  const workers: WorkerProcess[] = [];
  const ROWS = 3000;
  const workerEnv = {
    AUDIT_RETENTION_BATCH_SIZE: '100',
    AUDIT_RETENTION_BATCH_PAUSE_MS: '150',
    QUEUE_LOCK_DURATION_MS: '2000',
    QUEUE_STALLED_INTERVAL_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '10000',
  };

  beforeAll(async () => {
    api = await bootApi();
    const org = await anOrgTree(api.ds);
    const m = await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds);
    municipal = await login(api.http, m.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await api.close();
  });

  it('a job cut off by SIGKILL is completed by the next worker, its effect exactly once', async () => {
    await api.ds.query(
      `insert into audit_log (occurred_at, action, entity_type, entity_id)
       select now() - interval '400 days', 'test.crash', 'test', g::text from generate_series(1, ${ROWS}) g`,
    );
    const first = await startWorkerProcess(workerEnv);
    workers.push(first);

    // a run of its own (the API's run key is one per day and period: other files use those)
    const ref = await api.app.get(JobsService).enqueue(JobName.AuditRetention, {
      runKey: `test-crash-${randomBytes(4).toString('hex')}`,
      retentionDays: 300,
      requestedBy: municipal.actor.accountId,
    });

    // mid-job: some batches committed, most not
    await waitForJob(
      api.http,
      municipal,
      ref,
      (s) => typeof s.progress === 'object' && (s.progress.batches ?? 0) >= 2,
    );
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const [{ n: archivedAtKill }] = await api.ds.query(
      `select count(*)::int n from audit_log_archive where action = 'test.crash'`,
    );
    expect(archivedAtKill).toBeGreaterThan(0);
    expect(archivedAtKill).toBeLessThan(ROWS);

    const second = await startWorkerProcess(workerEnv);
    workers.push(second);
    const status = await waitForJob(api.http, municipal, ref);
    expect(status.state).toBe('completed');
    expect(status.result).toMatchObject({ moved: ROWS, alreadyDone: false });

    // exactly once: nothing left behind, nothing copied twice, one run, one completion entry
    expect(await api.ds.getRepository(AuditLog).countBy({ action: 'test.crash' })).toBe(0);
    const [{ n, distinct }] = await api.ds.query(
      `select count(*)::int n, count(distinct entity_id)::int distinct from audit_log_archive where action = 'test.crash'`,
    );
    expect({ n, distinct }).toEqual({ n: ROWS, distinct: ROWS });
    const runs = await api.ds.getRepository(MaintenanceRun).findBy({ kind: 'audit.retention' });
    const run = runs.find((r) => ref.jobId.endsWith(r.runKey))!;
    expect(run).toMatchObject({ status: 'completed', attempts: 2 });
    expect(Number(run.stats.moved)).toBe(ROWS);
    const completions = await api.ds
      .getRepository(AuditLog)
      .findBy({ action: 'audit.retention_completed' });
    expect(completions.filter((c) => c.entityId === run.id)).toHaveLength(1);

    // graceful shutdown: SIGTERM lets the worker close and exit 0
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain('shutting down');
  });
});
