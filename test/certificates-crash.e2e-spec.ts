import request from 'supertest';
import { aFiledInstitution } from './factories/class.factory';
import { aFinishedClass } from './factories/finished-class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { startWorkerProcess, WorkerProcess } from './support/worker-process';

/**
 * The worker process is killed with SIGKILL in the middle of a 300-certificate bulk issue;
 * a new worker finishes it: exactly 300 certificates with 300 distinct consecutive serials,
 * each with its stored PDF.
 */
describe('certificates: worker crash mid bulk issue', () => {
  const N = 300;
  let api: TestApi;
  let staff: Session;
  const workers: WorkerProcess[] = [];
  const workerEnv = { QUEUE_LOCK_DURATION_MS: '2000', QUEUE_STALLED_INTERVAL_MS: '1000' };

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await api.close();
  });

  const counts = async (classId: string) => {
    const [row] = await api.ds.query<
      { n: number; ready: number; serials: number; lo: number; hi: number }[]
    >(
      `select count(*)::int n, count(file_key)::int ready, count(distinct serial)::int serials,
              min(seq)::int lo, max(seq)::int hi
         from certificate where class_id = $1`,
      [classId],
    );
    return row;
  };
  const until = async (what: () => Promise<boolean>, ms = 120_000) => {
    const deadline = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('ends with exactly 300 certificates and 300 distinct consecutive serials', async () => {
    const org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    const account = await anAccount()
      .withRole('institution_staff')
      .inOrg(org.institution)
      .create(api.ds);
    staff = await login(api.http, account.username, TEST_PASSWORD);
    const c = await aFinishedClass(api.ds, org, { trainees: N });
    const exam = await request(api.http)
      .post(`/api/v1/classes/${c.id}/exams`)
      .set(bearer(staff))
      .send({
        heldOn: '2026-11-20',
        mode: 'pass_fail',
        supervisorName: '东城区民政局 赵监考',
        supervisorOrgId: org.districtA.id,
      })
      .expect(201);
    await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(staff))
      .send({ results: c.trainees.map((t) => ({ enrollmentId: t.enrollmentId, passed: true })) })
      .expect(200);

    const first = await startWorkerProcess(workerEnv);
    workers.push(first);
    const issue = await request(api.http)
      .post(`/api/v1/classes/${c.id}/certificates/issue`)
      .set(bearer(staff))
      .expect(202);
    expect(issue.body).toMatchObject({ eligible: N, queued: N });

    // in the middle: some issued, most not
    await until(async () => (await counts(c.id)).ready >= 40);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const atKill = await counts(c.id);
    expect(atKill.ready).toBeLessThan(N);

    const second = await startWorkerProcess(workerEnv);
    workers.push(second);
    await until(async () => (await counts(c.id)).ready >= N);
    // let anything still running settle, then look again: nothing more appears
    await until(async () => {
      const p = await request(api.http)
        .get(`/api/v1/classes/${c.id}/certificates/progress`)
        .set(bearer(staff))
        .expect(200);
      return p.body.queued === 0;
    });
    const end = await counts(c.id);
    expect(end).toMatchObject({ n: N, ready: N, serials: N });
    expect(end.hi - end.lo + 1).toBe(N);
    const [{ dup }] = await api.ds.query<{ dup: number }[]>(
      `select count(*)::int dup from (select enrollment_id from certificate where class_id = $1
         group by enrollment_id having count(*) > 1) d`,
      [c.id],
    );
    expect(dup).toBe(0);
    const p = await request(api.http)
      .get(`/api/v1/classes/${c.id}/certificates/progress`)
      .set(bearer(staff))
      .expect(200);
    expect(p.body).toMatchObject({ passed: N, allocated: N, issued: N, failed: 0 });

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 240_000);
});
