import { DEMO_PASSWORD, DemoSeedService } from '@peixun/org';
import request from 'supertest';
import { bearer, bootApi, login, TestApi } from './support/app';
import { aScratchDatabase, ScratchDatabase } from './support/scratch-db';

/** The demo's evaluations (issue 11): what a new user sees right after `npm start`. */
describe('evaluations demo', () => {
  let api: TestApi;
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    // a database of its own: the demo seeds only once per database (test/demo-seed checks that)
    scratch = await aScratchDatabase('evaldemo');
    api = await bootApi(scratch.env);
    expect((await api.app.get(DemoSeedService).seed()).seeded).toBe(true);
  });
  afterAll(async () => {
    await api?.close();
    await scratch?.drop();
  });

  it('the demo post class has its ended sessions evaluated (5 each), worker.li has evaluations open', async () => {
    const ended = async (title: string) =>
      api.ds.query<{ id: string }[]>(
        `select s.id from class_session s join training_class c on c.id = s.class_id
          where c.title like '%' || $1 and s.ends_at <= now()
            -- not today's: the attendance demo's day of work, left as the day's roll call has it
            and (s.starts_at at time zone 'Asia/Shanghai')::date < (now() at time zone 'Asia/Shanghai')::date
          order by s.starts_at`,
        [title],
      );
    const post = await ended('东城区社区工作者岗位培训');
    const [{ id: classId }] = await api.ds.query<{ id: string }[]>(
      `select id from training_class where title like '%东城区社区工作者岗位培训'`,
    );

    // the commissioning district reads the report whole
    const district = await login(api.http, 'dongcheng.admin', DEMO_PASSWORD);
    const report = await request(api.http)
      .get(`/api/v1/classes/${classId}/evaluation-report`)
      .set(bearer(district))
      .expect(200);
    expect(report.body.view).toBe('authority');
    const wang = report.body.groups.find((g: { label: string }) => g.label === '王老师');
    // the institution: anonymous aggregates, once the class's evaluation has closed (not this week)
    const staff = await login(api.http, 'jigou.staff', DEMO_PASSWORD);
    const anon = await request(api.http)
      .get(`/api/v1/classes/${classId}/evaluation-report`)
      .set(bearer(staff))
      .expect(200);
    expect(anon.body).toMatchObject({ view: 'anonymous', total: { visible: false } });
    expect(new Date(anon.body.releasesAt).getTime()).toBeGreaterThan(Date.now());
    // who attended the post class's ended sessions (the attendance demo may have marked some)
    const attendees = async (sessionIds: string[]): Promise<number> =>
      Number(
        (
          await api.ds.query<{ n: string }[]>(
            `select count(*) as n from attendance_mark
              where session_id = any($1::uuid[]) and status in ('present', 'late', 'left_early')`,
            [sessionIds],
          )
        )[0].n,
      );
    if (post.length) {
      const attended = await attendees(post.map((p) => p.id));
      expect(attended).toBeGreaterThanOrEqual(5 * post.length);
      expect(wang).toMatchObject({ visible: true, answered: attended });
      expect(wang.items[0].average).toBeGreaterThan(0);
      expect(wang.comments.length).toBeGreaterThan(0);
      const teacher = await login(api.http, 'teacher.wang', DEMO_PASSWORD);
      const list = await request(api.http)
        .get(`/api/v1/sessions/${post[0].id}/classroom-evaluations`)
        .set(bearer(teacher))
        .expect(200);
      expect(list.body.trainees).toHaveLength(await attendees([post[0].id]));
      expect(list.body.trainees.every((t: { answers: unknown }) => t.answers)).toBe(true);
    } else {
      // Monday morning: no session of the week has ended yet
      expect(report.body.total.answered).toBe(0);
    }

    const continuing = await ended('东城区社会工作者继续教育培训');
    const li = await login(api.http, 'worker.li', DEMO_PASSWORD);
    const mine = await request(api.http).get('/api/v1/me/evaluations').set(bearer(li)).expect(200);
    expect(mine.body.filter((e: { status: string }) => e.status === 'open')).toHaveLength(
      continuing.length,
    );
  });
});
