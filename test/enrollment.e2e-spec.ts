import { INestApplicationContext } from '@nestjs/common';
import { Notification } from '@peixun/core';
import { Enrollment, EnrollmentService } from '@peixun/enrollment';
import { Worker, WorkerAssessment } from '@peixun/org';
import request from 'supertest';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import {
  aConsentingTeacher,
  anApprovedPlan,
  aFiledInstitution,
  dayFromNow,
} from './factories/class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker, TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, sessionFor, TestApi } from './support/app';

describe('enrolment, waitlist and offers', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let staff: Session;
  let districtA: Session;
  let districtB: Session;
  let streetA1: Session;

  const as = async (
    role: Parameters<ReturnType<typeof anAccount>['withRole']>[0],
    unit: TestOrg[keyof TestOrg],
  ) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
  const sessionOf = (w: Worker): Session =>
    sessionFor(api, {
      accountId: `00000000-0000-4000-8000-${w.id.slice(-12)}`,
      username: `w-${w.id.slice(0, 8)}`,
      role: 'worker',
      orgId: null,
      districtId: null,
      streetId: null,
      workerId: w.id,
    });
  const window = {
    enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    enrolClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };

  /** An open class of district A from a fresh approved plan (its own teacher, so no double booking). */
  const openClass = async (
    capacity: number,
    spec: Parameters<typeof anApprovedPlan>[2] extends infer S ? Partial<S> : never = {},
    offset = 10,
  ) => {
    const t = await aConsentingTeacher(
      api.ds,
      org.institution.id,
      `师${Math.random().toString(36).slice(2, 6)}`,
    );
    const plan = await anApprovedPlan(api.ds, org, {
      teacherIds: [t.id],
      sessions: Array.from({ length: 5 }, (_, i) => ({
        date: dayFromNow(offset + i),
        startTime: '09:00',
        halfHours: 16,
        topic: `专题 ${i + 1}`,
        teacherId: t.id,
      })),
      ...spec,
    });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: plan.id, capacity, ...window })
      .expect(201);
    await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(staff))
      .expect(201);
    return c.body as { id: string; title: string; sessions: { id: string }[] };
  };
  const enrol = (w: Worker, classId: string, body: Record<string, unknown> = {}) =>
    request(api.http)
      .post(`/api/v1/classes/${classId}/enrollments`)
      .set(bearer(sessionOf(w)))
      .send(body);

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    staff = await as('institution_staff', org.institution);
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    streetA1 = await as('street_admin', org.streetA1);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('a worker sees whether they may enrol, enrols, and the full class puts the next ones on the waitlist in order', async () => {
    const c = await openClass(2);
    const ws = await Promise.all(
      [1, 2, 3, 4].map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
    );
    const before = await request(api.http)
      .get(`/api/v1/classes/${c.id}/availability`)
      .set(bearer(sessionOf(ws[0])))
      .expect(200);
    expect(before.body).toMatchObject({
      eligible: true,
      code: null,
      placesLeft: 2,
      waitlisted: 0,
      wouldWaitlist: false,
    });
    const statuses: string[] = [];
    for (const w of ws) statuses.push((await enrol(w, c.id).expect(201)).body.status);
    expect(statuses).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted']);
    const last = await request(api.http)
      .get('/api/v1/me/enrollments')
      .set(bearer(sessionOf(ws[3])))
      .expect(200);
    expect(last.body[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    const again = await enrol(ws[0], c.id).expect(409);
    expect(again.body.code).toBe('ALREADY_IN_CLASS');
    const full = await request(api.http)
      .get(`/api/v1/classes/${c.id}/availability`)
      .set(bearer(sessionOf(ws[0])))
      .expect(200);
    expect(full.body).toMatchObject({
      eligible: false,
      code: 'ALREADY_IN_CLASS',
      placesLeft: 0,
      waitlisted: 2,
    });
  });

  it('a withdrawal offers the place to the next in line with a deadline; accept, decline and expiry move on', async () => {
    const c = await openClass(1);
    const [a, b, d, e] = await Promise.all(
      [1, 2, 3, 4].map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
    );
    const ea = (await enrol(a, c.id).expect(201)).body;
    for (const w of [b, d, e]) await enrol(w, c.id).expect(201);
    const account = await anAccount().forWorker(b.id).create(api.ds);
    const bLogin = await login(api.http, account.username, TEST_PASSWORD);

    await request(api.http)
      .post(`/api/v1/enrollments/${ea.id}/withdraw`)
      .set(bearer(sessionOf(a)))
      .send({ reason: '工作冲突' })
      .expect(200);
    const mineB = await request(api.http)
      .get('/api/v1/me/enrollments')
      .set(bearer(bLogin))
      .expect(200);
    expect(mineB.body[0]).toMatchObject({ status: 'offered', offeredUntil: expect.any(String) });
    const hours = (Date.parse(mineB.body[0].offeredUntil) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47);
    expect(hours).toBeLessThanOrEqual(48);
    // the offer reaches B in the app (outbox row, delivered by the worker)
    const deadline = Date.now() + 15_000;
    let inbox: { kind: string; data: { classId?: string } }[] = [];
    while (Date.now() < deadline) {
      inbox = (await request(api.http).get('/api/v1/notifications').set(bearer(bLogin)).expect(200))
        .body.items;
      if (inbox.some((n) => n.kind === 'enrollment.place_offered')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(inbox.find((n) => n.kind === 'enrollment.place_offered')).toMatchObject({
      data: { classId: c.id },
    });

    // B declines: D is offered
    await request(api.http)
      .post(`/api/v1/enrollments/${mineB.body[0].id}/decline`)
      .set(bearer(bLogin))
      .expect(200);
    const dEntry = await api.ds
      .getRepository(Enrollment)
      .findOneByOrFail({ classId: c.id, workerId: d.id });
    expect(dEntry.status).toBe('offered');
    // D lets the deadline pass: the expiry job moves the place to E
    await api.ds.query(
      `update enrollment set offered_until = now() - interval '1 second' where id = $1`,
      [dEntry.id],
    );
    const moved = await api.app
      .get(EnrollmentService)
      .expireOffer(dEntry.id, new Date(Date.now() - 60_000).toISOString());
    expect(moved).toBe('answered'); // the job's deadline is not this offer's: nothing happens
    const [{ until }] = await api.ds.query(
      `select offered_until as until from enrollment where id = $1`,
      [dEntry.id],
    );
    expect(await api.app.get(EnrollmentService).expireOffer(dEntry.id, until.toISOString())).toBe(
      'expired',
    );
    expect(await api.app.get(EnrollmentService).expireOffer(dEntry.id, until.toISOString())).toBe(
      'answered',
    ); // twice: no-op
    const eEntry = await api.ds
      .getRepository(Enrollment)
      .findOneByOrFail({ classId: c.id, workerId: e.id });
    expect(eEntry.status).toBe('offered');
    const late = await request(api.http)
      .post(`/api/v1/enrollments/${dEntry.id}/accept`)
      .set(bearer(sessionOf(d)))
      .expect(409);
    expect(late.body.code).toBe('ILLEGAL_TRANSITION');
    await request(api.http)
      .post(`/api/v1/enrollments/${eEntry.id}/accept`)
      .set(bearer(sessionOf(e)))
      .expect(200);
    const rows = await api.ds
      .getRepository(Enrollment)
      .find({ where: { classId: c.id }, order: { queueSeq: 'ASC' } });
    expect(rows.map((r) => r.status)).toEqual(['withdrawn', 'declined', 'expired', 'enrolled']);
    const [{ taken }] = await api.ds.query(`select taken from training_class where id = $1`, [
      c.id,
    ]);
    expect(taken).toBe(1);
    // someone else's entry is not yours to touch
    await request(api.http)
      .post(`/api/v1/enrollments/${eEntry.id}/withdraw`)
      .set(bearer(sessionOf(a)))
      .send({})
      .expect(404);
    await request(api.http)
      .post(`/api/v1/enrollments/${eEntry.id}/withdraw`)
      .set(bearer(districtB))
      .send({})
      .expect(404);
  });

  it('refuses two places in one project and classes whose sessions overlap, naming the rule', async () => {
    const c1 = await openClass(10, {}, 20);
    const clashing = await openClass(10, {}, 20);
    const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
    await enrol(w, c1.id).expect(201);
    const clash = await enrol(w, clashing.id).expect(409);
    expect(clash.body.code).toBe('SCHEDULE_CLASH');
    // a class of another plan of the same project of the city plan, at another time
    const [{ project }] = await api.ds.query(
      `select p.plan_project_id as project from training_class c join project_plan p on p.id = c.project_plan_id where c.id = $1`,
      [c1.id],
    );
    const second = await openClass(5, { planProjectId: project }, 30);
    const again = await enrol(w, second.id).expect(409);
    expect(again.body.code).toBe('ALREADY_IN_PROJECT');
    // the same worker asking for both clashing classes at the same instant gets one of them
    const a = await openClass(10, {}, 24);
    const b = await openClass(10, {}, 24);
    for (let i = 0; i < 5; i++) {
      const racer = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const both = await Promise.all([enrol(racer, a.id), enrol(racer, b.id)]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(both.find((r) => r.status === 409)!.body.code).toBe('SCHEDULE_CLASH');
      expect(
        await api.ds.getRepository(Enrollment).countBy({ workerId: racer.id, status: 'enrolled' }),
      ).toBe(1);
    }
  });

  it('eligibility facts from the records: induction for new workers only, continuing for the qualified, advanced by nomination', async () => {
    const induction = await openClass(10, { type: 'induction' }, 40);
    const continuing = await openClass(10, { type: 'continuing' }, 50);
    const veteran = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const newcomer = await aWorker()
      .inCommunity(org.communityA1)
      .with({ startedOn: dayFromNow(-60) })
      .create(api.ds);
    expect((await enrol(veteran, induction.id).expect(409)).body.code).toBe('INDUCTION_NOT_NEW');
    await enrol(newcomer, induction.id).expect(201);
    expect((await enrol(veteran, continuing.id).expect(409)).body.code).toBe(
      'CONTINUING_NOT_QUALIFIED',
    );
    const qualified = await aWorker()
      .inCommunity(org.communityA1)
      .with({ qualification: 'social_worker' })
      .create(api.ds);
    await enrol(qualified, continuing.id).expect(201);
    const outsider = await aWorker().inCommunity(org.communityB1).create(api.ds);
    expect((await enrol(outsider, continuing.id).expect(404)).body.code).toBe('NOT_FOUND'); // not a class of their district
  });

  it('a street enrols its workers in bulk: all or nothing, each refusal listed', async () => {
    const c = await openClass(3, {}, 60);
    const ok = await Promise.all(
      [1, 2, 3, 4].map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
    );
    const left = await aWorker()
      .inCommunity(org.communityA1)
      .with({ status: 'left' })
      .create(api.ds);
    const foreign = await aWorker().inCommunity(org.communityA2).create(api.ds);
    const refused = await request(api.http)
      .post(`/api/v1/classes/${c.id}/enrollments/bulk`)
      .set(bearer(streetA1))
      .send({ workerIds: [...ok.map((w) => w.id), left.id, foreign.id] })
      .expect(409);
    expect(refused.body.code).toBe('BULK_ENROLMENT_REFUSED');
    expect(refused.body.details).toEqual([
      expect.objectContaining({ workerId: left.id, code: 'WORKER_NOT_ACTIVE' }),
      expect.objectContaining({ workerId: foreign.id, code: 'WORKER_NOT_IN_SCOPE' }),
    ]);
    expect(await api.ds.getRepository(Enrollment).countBy({ classId: c.id })).toBe(0);
    const done = await request(api.http)
      .post(`/api/v1/classes/${c.id}/enrollments/bulk`)
      .set(bearer(streetA1))
      .send({ workerIds: ok.map((w) => w.id) })
      .expect(201);
    expect(done.body).toMatchObject({ enrolled: 3, waitlisted: 1 });
    expect(done.body.items.map((i: { status: string }) => i.status)).toEqual([
      'enrolled',
      'enrolled',
      'enrolled',
      'waitlisted',
    ]);
    const roster = await request(api.http)
      .get(`/api/v1/classes/${c.id}/enrollments`)
      .set(bearer(staff))
      .expect(200);
    expect(roster.body.counts).toEqual({ enrolled: 3, waitlisted: 1 });
    expect(roster.body.items[0].idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(roster.body)).not.toContain(ok[0].idNumber);
    const ofDistrict = await request(api.http)
      .get(`/api/v1/classes/${c.id}/enrollments`)
      .set(bearer(districtA))
      .expect(200);
    expect(ofDistrict.body.items).toHaveLength(4);
    await request(api.http)
      .get(`/api/v1/classes/${c.id}/enrollments`)
      .set(bearer(districtB))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/classes/${c.id}/enrollments`)
      .set(bearer(sessionOf(ok[0])))
      .expect(403);
  });

  it('a session change after enrolment opens, and a cancelled class, reach the trainees in the same transaction', async () => {
    const c = await openClass(5, {}, 70);
    const ws = await Promise.all(
      [1, 2].map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
    );
    for (const w of ws) await enrol(w, c.id).expect(201);
    await request(api.http)
      .patch(`/api/v1/classes/${c.id}/sessions/${c.sessions[0].id}`)
      .set(bearer(staff))
      .send({ startTime: '13:00', endTime: '19:00', reason: '会场调整' })
      .expect(200);
    const changed = await api.ds
      .getRepository(Notification)
      .findBy({ kind: 'class.session_changed', recipientId: ws[0].id });
    expect(changed).toHaveLength(1);
    expect(changed[0].body).toContain('会场调整');
    await request(api.http)
      .post(`/api/v1/classes/${c.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: '承办机构调整' })
      .expect(201);
    const entries = await api.ds.getRepository(Enrollment).findBy({ classId: c.id });
    expect(entries.map((e) => e.status)).toEqual(['cancelled', 'cancelled']);
    expect(
      await api.ds
        .getRepository(Notification)
        .countBy({ kind: 'class.cancelled', recipientId: ws[1].id }),
    ).toBe(1);
  });

  it('1,000 simultaneous enrolments for 100 places: exactly 100 places and 900 on the waitlist in arrival order', async () => {
    const c = await openClass(100, { places: 2000 }, 90);
    const rows = Array.from({ length: 1000 }, (_, i) => i);
    const workers: TestWorker[] = [];
    for (let i = 0; i < rows.length; i += 100) {
      workers.push(
        ...(await Promise.all(
          rows.slice(i, i + 100).map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
        )),
      );
    }
    const started = Date.now();
    const results = await Promise.all(workers.map((w) => enrol(w, c.id)));
    const elapsed = Date.now() - started;
    expect(results.filter((r) => r.status !== 201).map((r) => r.body as unknown)).toEqual([]);
    const entries = await api.ds
      .getRepository(Enrollment)
      .find({ where: { classId: c.id }, order: { queueSeq: 'ASC' } });
    expect(entries).toHaveLength(1000);
    expect(new Set(entries.map((e) => e.workerId)).size).toBe(1000);
    expect(entries.filter((e) => e.status === 'enrolled')).toHaveLength(100);
    expect(entries.filter((e) => e.status === 'waitlisted')).toHaveLength(900);
    // arrival order: the 100 places went to the first 100 to arrive, the rest wait behind them
    expect(entries.slice(0, 100).every((e) => e.status === 'enrolled')).toBe(true);
    const [{ taken }] = await api.ds.query(`select taken from training_class where id = $1`, [
      c.id,
    ]);
    expect(taken).toBe(100);
    const positions = results
      .map((r) => r.body as { status: string; waitlistPosition: number | null })
      .filter((b) => b.status === 'waitlisted')
      .map((b) => b.waitlistPosition!)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 900 }, (_, i) => i + 1));
    console.log(`[enrolment] 1,000 concurrent enrolments settled in ${elapsed} ms`);
  }, 180_000);
});

describe('advanced-study nominations', () => {
  let api: TestApi;
  let org: TestOrg;
  let municipal: Session;
  let districtA: Session;
  let districtB: Session;
  // a year of its own: the quota counts per municipality and year, shared by the test files
  const year = Number(dayFromNow(0).slice(0, 4)) + 3;

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    const as = async (role: 'municipal_admin' | 'district_admin', unit: TestOrg[keyof TestOrg]) =>
      login(
        api.http,
        (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
        TEST_PASSWORD,
      );
    municipal = await as('municipal_admin', org.municipality);
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
  });
  afterAll(() => api.close());

  const graded = async (grade: string, community = org.communityA1) => {
    const w = await aWorker().inCommunity(community).create(api.ds);
    await api.ds.getRepository(WorkerAssessment).save({
      workerId: w.id,
      year: year - 1,
      grade,
      policyId: 'beijing-2012',
      note: null,
      recordedBy: null,
    });
    return w;
  };
  const advancedClass = async (capacity = 100) => {
    const t = await aConsentingTeacher(
      api.ds,
      org.institution.id,
      `进修${Math.random().toString(36).slice(2, 5)}`,
    );
    const c = await request(api.http)
      .post('/api/v1/classes/advanced')
      .set(bearer(municipal))
      .send({
        institutionId: org.institution.id,
        year,
        title: `${year} 年社区工作者进修班`,
        location: '北京某大学',
        capacity,
        enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        enrolClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        sessions: Array.from({ length: 16 }, (_, i) => ({
          date: dayFromNow(100 + i),
          startTime: '08:00',
          endTime: '20:00',
          halfHours: 40,
          topic: `进修专题 ${i + 1}`,
          method: 'lecture',
          teacherId: t.id,
        })),
      })
      .expect(201);
    await api.ds.query(
      `update training_class set status = 'open', opened_at = now() where id = $1`,
      [c.body.id],
    );
    return c.body as { id: string };
  };

  it('districts nominate only workers rated excellent last year; the bureau rejects with a reason the worker is told', async () => {
    const good = await graded('excellent');
    const fair = await graded('competent');
    const none = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const refusedGrade = await request(api.http)
      .post('/api/v1/nominations')
      .set(bearer(districtA))
      .send({ workerId: fair.id, year })
      .expect(409);
    expect(refusedGrade.body.code).toBe('NOMINATION_GRADE_NOT_ELIGIBLE');
    const noGrade = await request(api.http)
      .post('/api/v1/nominations')
      .set(bearer(districtA))
      .send({ workerId: none.id, year })
      .expect(409);
    expect(noGrade.body.code).toBe('NOMINATION_NO_PREVIOUS_GRADE');
    await request(api.http)
      .post('/api/v1/nominations')
      .set(bearer(districtB))
      .send({ workerId: good.id, year })
      .expect(404);
    const n = await request(api.http)
      .post('/api/v1/nominations')
      .set(bearer(districtA))
      .send({ workerId: good.id, year, reason: '连续两年优秀' })
      .expect(201);
    const twice = await request(api.http)
      .post('/api/v1/nominations')
      .set(bearer(districtA))
      .send({ workerId: good.id, year })
      .expect(409);
    expect(twice.body.code).toBe('ALREADY_NOMINATED');
    // the worker cannot enrol in an advanced class on their own
    const c = await advancedClass();
    const self = await request(api.http)
      .post(`/api/v1/classes/${c.id}/enrollments`)
      .set(
        bearer(
          sessionFor(api, {
            accountId: '00000000-0000-4000-8000-00000000a001',
            username: 'x',
            role: 'worker',
            orgId: null,
            districtId: null,
            streetId: null,
            workerId: good.id,
          }),
        ),
      )
      .send({})
      .expect(409);
    expect(self.body.code).toBe('ADVANCED_BY_NOMINATION_ONLY');
    await request(api.http)
      .post(`/api/v1/nominations/${n.body.id}/reject`)
      .set(bearer(municipal))
      .send({ reason: '名额优先安排基层一线' })
      .expect(200);
    const told = await api.ds
      .getRepository(Notification)
      .findBy({ kind: 'nomination.refused', recipientId: good.id });
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('名额优先安排基层一线');
    const list = await request(api.http)
      .get('/api/v1/nominations')
      .query({ year })
      .set(bearer(districtB))
      .expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('150 simultaneous acceptances with the quota at 100 leave exactly 100 accepted, each enrolled', async () => {
    const c = await advancedClass(100);
    const workers = [];
    for (let i = 0; i < 150; i += 50)
      workers.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () =>
            graded('excellent', i % 100 ? org.communityA1 : org.communityA2),
          ),
        )),
      );
    const nominations: string[] = [];
    for (const w of workers) {
      const d = w.districtId === org.districtA.id ? districtA : districtB;
      nominations.push(
        (
          await request(api.http)
            .post('/api/v1/nominations')
            .set(bearer(d))
            .send({ workerId: w.id, year })
            .expect(201)
        ).body.id,
      );
    }
    const results = await Promise.all(
      nominations.map((id) =>
        request(api.http)
          .post(`/api/v1/nominations/${id}/accept`)
          .set(bearer(municipal))
          .send({ classId: c.id }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(100);
    const refused = results.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(50);
    expect(new Set(refused.map((r) => (r.body as { code: string }).code))).toEqual(
      new Set(['NOMINATION_QUOTA_FULL']),
    );
    const [{ accepted }] = await api.ds.query(
      `select count(*)::int as accepted from nomination where year = $1 and status = 'accepted'`,
      [year],
    );
    expect(accepted).toBe(100);
    expect(
      await api.ds.getRepository(Enrollment).countBy({ classId: c.id, status: 'enrolled' }),
    ).toBe(100);
    const list = await request(api.http)
      .get('/api/v1/nominations')
      .query({ year })
      .set(bearer(municipal))
      .expect(200);
    expect(list.body).toMatchObject({ accepted: 100, quota: 100 });
    // the 101st is refused later too
    const late = await graded('excellent');
    const refusedLate = await request(api.http)
      .post('/api/v1/nominations')
      .set(bearer(districtA))
      .send({ workerId: late.id, year })
      .expect(409);
    expect(refusedLate.body.code).toBe('NOMINATION_QUOTA_FULL');
  }, 120_000);
});
