import { DEMO_PASSWORD, DemoSeedService } from '@peixun/org';
import request from 'supertest';
import { bearer, bootApi, login, TestApi } from './support/app';
import { aScratchDatabase, ScratchDatabase } from './support/scratch-db';

/** Issue 10, 8: the demo shows the day's attendance work right after `npm start`. */
describe('attendance demo data', () => {
  let api: TestApi;
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    // a database of its own: the demo is seeded once per database (test/demo-seed seeds the main one)
    scratch = await aScratchDatabase('attdemo');
    api = await bootApi(scratch.env);
    expect((await api.app.get(DemoSeedService).seed()).seeded).toBe(true);
  });
  afterAll(async () => {
    await api.close();
    await scratch.drop();
  });

  it('today’s session of the demo class has a mix of marks, a pending leave request and a live check-in code', async () => {
    const staff = await login(api.http, 'jigou.staff', DEMO_PASSWORD);
    const [today] = await api.ds.query<{ session_id: string; class_id: string }[]>(
      `select m.session_id, m.class_id from attendance_mark m join class_session s on s.id = m.session_id
        group by 1, 2 order by max(s.starts_at) desc limit 1`,
    );
    expect(today).toBeDefined();
    const roster = await request(api.http)
      .get(`/api/v1/sessions/${today.session_id}/attendance`)
      .set(bearer(staff))
      .expect(200);
    expect(roster.body.counts).toMatchObject({ present: 2, late: 1, absent: 1 });
    expect(roster.body.counts.unmarked).toBeGreaterThan(0);

    const [leave] = await api.ds.query<{ session_id: string }[]>(
      `select session_id from leave_request where status = 'pending'`,
    );
    const leaves = await request(api.http)
      .get(`/api/v1/sessions/${leave.session_id}/leave-requests`)
      .set(bearer(staff))
      .expect(200);
    expect(leaves.body).toEqual([expect.objectContaining({ status: 'pending' })]);

    const code = await request(api.http)
      .get(`/api/v1/sessions/${today.session_id}/check-in-code`)
      .set(bearer(staff))
      .expect(200);
    expect(code.body.code).toMatch(/^\d{6}$/);
    const page = await request(api.http)
      .get(new URL(code.body.url, 'http://x').pathname)
      .expect(200);
    expect(page.text).toContain('签到二维码有效');
  });
});
