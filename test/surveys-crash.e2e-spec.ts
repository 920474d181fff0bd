import { PiiCipher } from '@peixun/core';
import { STANDARD_QUESTIONNAIRE } from '@peixun/surveys';
import request from 'supertest';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';
import { startWorkerProcess, WorkerProcess } from './support/worker-process';

/**
 * Workers of one community, written in one statement. They share one ID number sealed with the
 * app's key (the seal is bound to the column, not the row), so that the key rotation of another
 * test file, which opens every sealed value of the shared database, can open theirs.
 */
async function manyWorkers(api: TestApi, communityId: string, n: number): Promise<void> {
  const sealed = api.app.get(PiiCipher).seal('worker.id_number', '110101198501010000');
  await api.ds.query(
    `insert into worker (name, gender, birth_date, community_id, street_id, district_id, position_tier,
                         entry_channel, started_on, qualification, status, id_number_enc, id_number_hash, id_number_masked)
     select '工作者' || g, case when g % 2 = 0 then 'male' else 'female' end, date '1985-01-01',
            c.id, c.street_id, c.district_id, (array['head', 'deputy', 'staff'])[1 + g % 3],
            'recruited_other', date '2018-03-01', 'none', 'active',
            $3::bytea, decode(md5(c.id::text || ':' || g), 'hex'), '110***********0000'
       from generate_series(1, $2) g, org_unit c where c.id = $1`,
    [communityId, n, sealed],
  );
}

/**
 * The distribution is killed (SIGKILL) in the middle of its batches; the next worker finishes
 * it, and every worker of the population has exactly one invitation and one notification.
 */
describe('survey distribution under a worker crash', () => {
  let api: TestApi;
  let municipal: Session;
  const workers: WorkerProcess[] = [];
  const N = 3000;
  const workerEnv = {
    SURVEY_DISTRIBUTION_BATCH_SIZE: '100',
    SURVEY_DISTRIBUTION_BATCH_PAUSE_MS: '150',
    QUEUE_LOCK_DURATION_MS: '2000',
    QUEUE_STALLED_INTERVAL_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '10000',
  };

  beforeAll(async () => {
    api = await bootApi();
    const org = await anOrgTree(api.ds);
    const m = await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds);
    municipal = await login(api.http, m.username, TEST_PASSWORD);
    await manyWorkers(api, org.communityA1.id, N);
    const q = await request(api.http)
      .post('/api/v1/survey-questionnaires')
      .set(bearer(municipal))
      .send(STANDARD_QUESTIONNAIRE)
      .expect(201);
    const c = await request(api.http)
      .post('/api/v1/survey-campaigns')
      .set(bearer(municipal))
      .send({
        year: 2026,
        title: '崩溃测试调查',
        questionnaireId: q.body.id,
        population: { districtIds: [org.districtA.id] },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    campaignId = c.body.id;
  });
  let campaignId: string;
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await api.close();
  });

  it('a distribution cut off by SIGKILL is completed by the next worker, each invitation exactly once', async () => {
    const first = await startWorkerProcess(workerEnv);
    workers.push(first);
    const launched = await request(api.http)
      .post(`/api/v1/survey-campaigns/${campaignId}/launch`)
      .set(bearer(municipal))
      .expect(202);
    const ref = launched.body.distribution as { queue: string; jobId: string };

    // mid-run: some batches committed, most not
    await waitForJob(
      api.http,
      municipal,
      ref,
      (s) => typeof s.progress === 'object' && (s.progress.batches ?? 0) >= 2,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const [{ n: atKill }] = await api.ds.query(
      `select count(*)::int n from survey_invitation where campaign_id = $1`,
      [campaignId],
    );
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(N);

    const second = await startWorkerProcess(workerEnv);
    workers.push(second);
    const status = await waitForJob(api.http, municipal, ref, undefined, 90_000);
    expect(status.state).toBe('completed');
    expect(status.result).toMatchObject({ outcome: 'distributed', invited: N });
    expect((status.result as { added: number }).added).toBeLessThanOrEqual(N - atKill);

    // exactly once: one invitation, one notification per worker; the count agrees
    const [inv] = await api.ds.query(
      `select count(*)::int n, count(distinct worker_id)::int d from survey_invitation where campaign_id = $1`,
      [campaignId],
    );
    expect(inv).toEqual({ n: N, d: N });
    const [notes] = await api.ds.query(
      `select count(*)::int n, count(distinct recipient_id)::int d from notification
        where kind = 'survey.invited' and data->>'campaignId' = $1`,
      [campaignId],
    );
    expect(notes).toEqual({ n: N, d: N });
    const [c] = await api.ds.query(
      `select invited_count, distributed_at is not null as distributed from survey_campaign where id = $1`,
      [campaignId],
    );
    expect(c).toEqual({ invited_count: N, distributed: true });

    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
