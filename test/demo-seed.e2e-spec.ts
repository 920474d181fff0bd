import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeedService } from '@peixun/org';
import request from 'supertest';
import { bearer, bootApi, login, TestApi } from './support/app';

describe('demo seed', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('loads the demo organisation once; every demo account logs in and sees its own scope', async () => {
    const seeder = api.app.get(DemoSeedService);
    const first = await seeder.seed();
    expect(first.seeded).toBe(true);
    expect(first.accounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect((await seeder.seed()).seeded).toBe(false);

    for (const a of DEMO_ACCOUNTS) {
      const s = await login(api.http, a.username, DEMO_PASSWORD);
      expect(s.actor.role).toBe(a.role);
    }
    const dongcheng = await login(api.http, 'dongcheng.admin', DEMO_PASSWORD);
    const workers = await request(api.http)
      .get('/api/v1/workers?limit=200')
      .set(bearer(dongcheng))
      .expect(200);
    expect(workers.body.items).toHaveLength(12); // 2 streets x 2 communities x 3 workers
    const me = await login(api.http, 'worker.li', DEMO_PASSWORD);
    const mine = await request(api.http).get('/api/v1/workers').set(bearer(me)).expect(200);
    expect(mine.body.items).toHaveLength(1);
    const file = await request(api.http)
      .get(`/api/v1/workers/${mine.body.items[0].id}/file`)
      .set(bearer(me))
      .expect(200);
    expect(file.body.assessments).toHaveLength(1);
    expect(file.body.postHistory).toHaveLength(1);
  });

  it('offers a new user the demo teachers who consent to be listed', async () => {
    const staff = await login(api.http, 'jigou.staff', DEMO_PASSWORD);
    const institutionId = staff.actor.orgId as string;
    const names = async (username: string): Promise<string[]> => {
      const res = await request(api.http)
        .get(`/api/v1/teachers?institutionId=${institutionId}`)
        .set(bearer(await login(api.http, username, DEMO_PASSWORD)))
        .expect(200);
      return (res.body as { name: string }[]).map((t) => t.name).sort();
    };
    // the district selects among those who consented; the institution also sees the one who has not
    expect(await names('dongcheng.admin')).toEqual(['张老师', '王老师'].sort());
    expect(await names('jigou.staff')).toEqual(['张老师', '王老师', '陈老师'].sort());
    const wang = await login(api.http, 'teacher.wang', DEMO_PASSWORD);
    const consent = await request(api.http)
      .get('/api/v1/teachers/me/consent')
      .set(bearer(wang))
      .expect(200);
    expect(consent.body).toMatchObject({ consenting: true, current: { method: 'account' } });
  });
});
