import { localDate } from '@peixun/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeedService, OrgUnit, Worker } from '@peixun/org';
import request from 'supertest';
import { bearer, bootApi, login, TestApi } from './support/app';

describe('demo seed', () => {
  let api: TestApi;
  /** The region's date when the demo was seeded: its classes have sessions that day. */
  let seededOn = '';

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('loads the demo organisation once; every demo account logs in and sees its own scope', async () => {
    const seeder = api.app.get(DemoSeedService);
    seededOn = localDate(new Date(), api.config.timezone);
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

  it("gives a new user this week's classes: a place, a refusal with its rule, a waitlist, a bulk enrolment, nominations", async () => {
    type ClassItem = {
      id: string;
      type: string;
      institutionId: string | null;
      title: string;
      status: string;
      capacity: number;
      taken: number;
      feeFen: number;
      enrolmentOpen: boolean;
      sessions: { date: string }[];
    };
    const classesOf = async (username: string, query = ''): Promise<ClassItem[]> =>
      (
        await request(api.http)
          .get(`/api/v1/classes${query}`)
          .set(bearer(await login(api.http, username, DEMO_PASSWORD)))
          .expect(200)
      ).body.items as ClassItem[];

    // worker.li sees an open class of every training type and the street's own, each with a session on the seed's day
    const li = await login(api.http, 'worker.li', DEMO_PASSWORD);
    const demoInstitution = (await login(api.http, 'jigou.staff', DEMO_PASSWORD)).actor.orgId;
    // every worker sees the city's advanced classes: other test files' too (the database is shared)
    // (the demo's finished class of five weeks ago is open too, its enrolment long closed)
    const open = (await classesOf('worker.li', '?status=open')).filter(
      (c) => (c.type !== 'advanced' || c.institutionId === demoInstitution) && c.enrolmentOpen,
    );
    expect(open.map((c) => c.type).sort()).toEqual(
      ['advanced', 'continuing', 'elective', 'induction', 'post', 'street'].sort(),
    );
    for (const c of open) {
      expect(c).toMatchObject({ status: 'open', enrolmentOpen: true });
      expect(c.sessions.map((s) => s.date)).toContain(seededOn);
    }
    const byType = new Map(open.map((c) => [c.type, c]));
    const availability = async (type: string) =>
      (
        await request(api.http)
          .get(`/api/v1/classes/${byType.get(type)!.id}/availability`)
          .set(bearer(li))
          .expect(200)
      ).body as { eligible: boolean; code: string | null; message: string | null; feeFen: number };

    // a place in the post class
    const post = await request(api.http)
      .post(`/api/v1/classes/${byType.get('post')!.id}/enrollments`)
      .set(bearer(li))
      .send({})
      .expect(201);
    expect(post.body).toMatchObject({ status: 'enrolled', workerId: li.actor.workerId });

    // refusals that name the rule: a veteran is no new worker; advanced study is by nomination
    expect(await availability('induction')).toMatchObject({
      eligible: false,
      code: 'INDUCTION_NOT_NEW',
    });
    const induction = await request(api.http)
      .post(`/api/v1/classes/${byType.get('induction')!.id}/enrollments`)
      .set(bearer(li))
      .send({})
      .expect(409);
    expect(induction.body.code).toBe('INDUCTION_NOT_NEW');
    expect(induction.body.message).toMatch(/初任培训/);
    expect(await availability('advanced')).toMatchObject({
      eligible: false,
      code: 'ADVANCED_BY_NOMINATION_ONLY',
    });
    // the elective class shows its fee before enrolling; the continuing class already has worker.li
    const elective = await availability('elective');
    expect(elective.feeFen).toBeGreaterThan(0);
    expect(elective).toMatchObject({ eligible: true, code: 'FEE_NOT_CONFIRMED' });
    expect(await availability('continuing')).toMatchObject({ code: 'ALREADY_IN_CLASS' });

    // the street's small class is full: worker.li waits first in line
    const street = byType.get('street')!;
    expect(street.taken).toBe(street.capacity);
    const waiting = await request(api.http)
      .post(`/api/v1/classes/${street.id}/enrollments`)
      .set(bearer(li))
      .send({})
      .expect(201);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // the institution sees the classes it runs (and the finished one), the post class with its roster
    const staffClasses = await classesOf('jigou.staff');
    expect(staffClasses.map((c) => c.type).sort()).toEqual(
      ['advanced', 'continuing', 'elective', 'induction', 'post', 'post'].sort(),
    );
    const roster = await request(api.http)
      .get(`/api/v1/classes/${byType.get('post')!.id}/enrollments`)
      .set(bearer(await login(api.http, 'jigou.staff', DEMO_PASSWORD)))
      .expect(200);
    expect(roster.body.counts.enrolled).toBeGreaterThanOrEqual(2);
    expect(roster.body.items.map((e: { workerId: string }) => e.workerId)).toContain(
      li.actor.workerId,
    );

    // the district enrols the workers of a community that holds no places yet, in one request
    const dongcheng = await login(api.http, 'dongcheng.admin', DEMO_PASSWORD);
    const jixiang = await api.ds.getRepository(OrgUnit).findOneByOrFail({ name: '吉祥社区' });
    const free = await api.ds.getRepository(Worker).findBy({ communityId: jixiang.id });
    expect(free).toHaveLength(3);
    const bulk = await request(api.http)
      .post(`/api/v1/classes/${byType.get('post')!.id}/enrollments/bulk`)
      .set(bearer(dongcheng))
      .send({ workerIds: free.map((w) => w.id) })
      .expect(201);
    expect(bulk.body).toMatchObject({ enrolled: 3, waitlisted: 0 });

    // the bureau finds the advanced class and the districts' pending nominations, and accepts one
    const shi = await login(api.http, 'shi.admin', DEMO_PASSWORD);
    const advanced = (await classesOf('shi.admin', '?type=advanced&status=open')).find(
      (c) => c.id === byType.get('advanced')!.id,
    );
    expect(advanced).toBeDefined();
    const noms = await request(api.http)
      .get('/api/v1/nominations?status=pending')
      .set(bearer(shi))
      .expect(200);
    const demoDistricts = [
      dongcheng.actor.districtId,
      (await login(api.http, 'haidian.admin', DEMO_PASSWORD)).actor.districtId,
    ];
    const pending = (noms.body.items as { id: string; grade: string; districtId: string }[]).filter(
      (n) => demoDistricts.includes(n.districtId),
    );
    expect(pending).toHaveLength(2);
    expect(pending.every((n) => n.grade === 'excellent')).toBe(true);
    expect(new Set(pending.map((n) => n.districtId)).size).toBe(2);
    const accepted = await request(api.http)
      .post(`/api/v1/nominations/${pending[0].id}/accept`)
      .set(bearer(shi))
      .send({ classId: advanced!.id })
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', classId: advanced!.id });
  });

  it('has a finished class whose exam was held, with passed and failed trainees (certificates: the worker issues them)', async () => {
    const staff = await login(api.http, 'jigou.staff', DEMO_PASSWORD);
    const [finished] = await api.ds.query<{ id: string }[]>(
      `select id from training_class where title like '%已结业%' and institution_id = $1`,
      [staff.actor.orgId],
    );
    const roster = await request(api.http)
      .get(`/api/v1/classes/${finished.id}/exam-roster`)
      .set(bearer(staff))
      .expect(200);
    const outcomes = (roster.body.trainees as { outcome: string; eligible: boolean }[]).map(
      (t) => t.outcome,
    );
    expect(outcomes.filter((o) => o === 'passed').length).toBeGreaterThanOrEqual(5);
    expect(outcomes).toContain('failed');
    expect(roster.body.trainees.some((t: { eligible: boolean }) => !t.eligible)).toBe(true);
    const li = await login(api.http, 'worker.li', DEMO_PASSWORD);
    const mine = await request(api.http).get('/api/v1/me/exam-results').set(bearer(li)).expect(200);
    expect(mine.body[0]).toMatchObject({ classId: finished.id, passed: true });
  });
});
