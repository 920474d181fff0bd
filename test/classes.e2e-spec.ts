import { AuditLog } from '@peixun/core';
import { ClassSession } from '@peixun/classes';
import { InstitutionProfile } from '@peixun/planning';
import request from 'supertest';
import {
  aConsentingTeacher,
  anApprovedPlan,
  aFiledInstitution,
  dayFromNow,
} from './factories/class.factory';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

describe('classes and sessions', () => {
  let api: TestApi;
  let org: TestOrg;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;
  let streetA1: Session;
  let municipal: Session;
  let teacherId: string;
  let teacher2Id: string;

  const as = async (
    role: Parameters<ReturnType<typeof anAccount>['withRole']>[0],
    unit: TestOrg[keyof TestOrg],
  ) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
  const window = {
    enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    enrolClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    teacherId = (await aConsentingTeacher(api.ds, org.institution.id, '王老师')).id;
    teacher2Id = (await aConsentingTeacher(api.ds, org.institution.id, '李老师')).id;
    staff = await as('institution_staff', org.institution);
    const other = await anOrgUnit(api.ds, 'institution', '另一机构', org.municipality);
    otherStaff = await as('institution_staff', other);
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    streetA1 = await as('street_admin', org.streetA1);
    municipal = await as('municipal_admin', org.municipality);
  });
  afterAll(() => api.close());

  const open = async (planId: string, capacity = 30, extra: Record<string, unknown> = {}) => {
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: planId, capacity, ...window, ...extra })
      .expect(201);
    return c.body as {
      id: string;
      version: number;
      sessions: { id: string; teacherId: string; date: string }[];
    };
  };

  it('an institution opens a class of its approved plan: sessions from the timetable, then enrolment', async () => {
    const plan = await anApprovedPlan(api.ds, org, { teacherIds: [teacherId], places: 100 });
    const c = await open(plan.id, 60);
    expect(c).toMatchObject({
      origin: 'plan',
      status: 'draft',
      type: 'post',
      typeLabel: '岗位培训',
      capacity: 60,
      halfHours: 80,
      institutionName: org.institution.name,
      location: '东城区社区学院',
    });
    expect(c.sessions).toHaveLength(5);
    expect(c.sessions[0]).toMatchObject({
      date: dayFromNow(10),
      startTime: '09:00',
      endTime: '15:00',
      teacherName: '王老师',
    });
    const opened = await request(api.http)
      .post(`/api/v1/classes/${c.id}/publish`)
      .set(bearer(staff))
      .expect(201);
    expect(opened.body).toMatchObject({ status: 'open', enrolmentOpen: true });
    // the district sees it, district B does not know it exists
    await request(api.http).get(`/api/v1/classes/${c.id}`).set(bearer(districtA)).expect(200);
    await request(api.http).get(`/api/v1/classes/${c.id}`).set(bearer(districtB)).expect(404);
    const listA = await request(api.http)
      .get('/api/v1/classes')
      .query({ status: 'open' })
      .set(bearer(districtA))
      .expect(200);
    expect(listA.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const audit = await api.ds.getRepository(AuditLog).findBy({ entityId: c.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['class.created', 'class.opened']);
  });

  it("refuses a plan that is not approved, another institution's plan, and places beyond the plan's", async () => {
    const plan = await anApprovedPlan(api.ds, org, { teacherIds: [teacher2Id], places: 50 });
    await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(otherStaff))
      .send({ projectPlanId: plan.id, capacity: 10, ...window })
      .expect(404);
    await open(plan.id, 30);
    // the second class of the plan: at another time for the same teacher, but only 20 places remain
    const tooMany = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: plan.id, capacity: 21, ...window })
      .expect(409);
    expect(tooMany.body.code).toBe('PLAN_PLACES_EXCEEDED');
    const draft = await anApprovedPlan(api.ds, org, { teacherIds: [teacher2Id] });
    await api.ds.query(`update project_plan set status = 'submitted' where id = $1`, [draft.id]);
    const notApproved = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: draft.id, capacity: 10, ...window })
      .expect(409);
    expect(notApproved.body.code).toBe('PLAN_NOT_APPROVED');
  });

  it('never books a teacher twice at the same time, also when two requests race', async () => {
    const t = await aConsentingTeacher(api.ds, org.institution.id, '赵老师');
    const planA = await anApprovedPlan(api.ds, org, { teacherIds: [t.id] });
    const planB = await anApprovedPlan(api.ds, org, { teacherIds: [t.id] });
    const results = await Promise.all(
      [planA, planB].map((p) =>
        request(api.http)
          .post('/api/v1/classes')
          .set(bearer(staff))
          .send({ projectPlanId: p.id, capacity: 10, ...window }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('TEACHER_DOUBLE_BOOKED');
  });

  it('never books a room twice at the same time', async () => {
    const planA = await anApprovedPlan(api.ds, org, {
      teacherIds: [await aConsentingTeacher(api.ds, org.institution.id, '甲').then((x) => x.id)],
    });
    const planB = await anApprovedPlan(api.ds, org, {
      teacherIds: [await aConsentingTeacher(api.ds, org.institution.id, '乙').then((x) => x.id)],
    });
    const a = await open(planA.id, 10);
    const b = await open(planB.id, 10);
    await request(api.http)
      .patch(`/api/v1/classes/${a.id}/sessions/${a.sessions[0].id}`)
      .set(bearer(staff))
      .send({ room: '301 教室' })
      .expect(200);
    const clash = await request(api.http)
      .patch(`/api/v1/classes/${b.id}/sessions/${b.sessions[0].id}`)
      .set(bearer(staff))
      .send({ room: '301教室' })
      .expect(409);
    expect(clash.body.code).toBe('ROOM_DOUBLE_BOOKED');
    await request(api.http)
      .patch(`/api/v1/classes/${b.id}/sessions/${b.sessions[0].id}`)
      .set(bearer(staff))
      .send({ room: '302 教室' })
      .expect(200);
  });

  it('keeps an open class to its plan: fewer hours, other dates or teachers need an amendment', async () => {
    const plan = await anApprovedPlan(api.ds, org, {
      teacherIds: [await aConsentingTeacher(api.ds, org.institution.id, '丙').then((x) => x.id)],
    });
    const c = await open(plan.id, 10);
    await request(api.http).post(`/api/v1/classes/${c.id}/publish`).set(bearer(staff)).expect(201);
    const s = c.sessions[1];
    const cancel = await request(api.http)
      .delete(`/api/v1/classes/${c.id}/sessions/${s.id}`)
      .set(bearer(staff))
      .send({ reason: '教师临时有事' })
      .expect(409);
    expect(cancel.body.details.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(['PLAN_AMENDMENT_REQUIRED', 'CLASS_HOURS_BELOW_POLICY']),
    );
    const outside = await request(api.http)
      .patch(`/api/v1/classes/${c.id}/sessions/${s.id}`)
      .set(bearer(staff))
      .send({ date: dayFromNow(40), reason: '场地调整' })
      .expect(409);
    expect(outside.body.code).toBe('PLAN_AMENDMENT_REQUIRED');
    const stranger = await request(api.http)
      .patch(`/api/v1/classes/${c.id}/sessions/${s.id}`)
      .set(bearer(staff))
      .send({ teacherId: teacher2Id, reason: '换人' })
      .expect(409);
    expect(stranger.body.code).toBe('PLAN_AMENDMENT_REQUIRED');
    const noReason = await request(api.http)
      .patch(`/api/v1/classes/${c.id}/sessions/${s.id}`)
      .set(bearer(staff))
      .send({ startTime: '09:30', endTime: '15:30' })
      .expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    // moving within the plan's dates is allowed, with a reason
    const moved = await request(api.http)
      .patch(`/api/v1/classes/${c.id}/sessions/${s.id}`)
      .set(bearer(staff))
      .send({ startTime: '09:30', endTime: '15:30', reason: '交通管制' })
      .expect(200);
    expect(moved.body.sessions.find((x: { id: string }) => x.id === s.id)).toMatchObject({
      startTime: '09:30',
      endTime: '15:30',
    });
    // and more hours than the plan are fine
    await request(api.http)
      .post(`/api/v1/classes/${c.id}/sessions`)
      .set(bearer(staff))
      .send({
        date: dayFromNow(12),
        startTime: '16:00',
        endTime: '17:30',
        halfHours: 4,
        topic: '答疑',
        method: 'lecture',
      })
      .expect(400); // a plan class names a pool teacher
  });

  it('refuses to publish a class short of the policy minimum, and a fee for mandatory training (Art. 23)', async () => {
    const t = await aConsentingTeacher(api.ds, org.institution.id, '丁');
    const short = await anApprovedPlan(api.ds, org, {
      teacherIds: [t.id],
      sessions: [
        { date: dayFromNow(20), startTime: '09:00', halfHours: 16, topic: '短课', teacherId: t.id },
      ],
    });
    const c = await open(short.id, 10);
    const res = await request(api.http)
      .post(`/api/v1/classes/${c.id}/publish`)
      .set(bearer(staff))
      .expect(409);
    expect(res.body.code).toBe('CLASS_HOURS_BELOW_POLICY');
    const fee = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: short.id, capacity: 1, feeFen: 5000, ...window })
      .expect(409);
    expect(fee.body.code).toBe('FEE_NOT_ALLOWED');
  });

  it('a suspended institution can neither open a class nor add sessions', async () => {
    const t = await aConsentingTeacher(api.ds, org.institution.id, '戊');
    const plan = await anApprovedPlan(api.ds, org, { teacherIds: [t.id] });
    const c = await open(plan.id, 10);
    await api.ds
      .getRepository(InstitutionProfile)
      .update({ orgUnitId: org.institution.id }, { status: 'suspended' });
    try {
      const plan2 = await anApprovedPlan(api.ds, org, {
        teacherIds: [t.id],
        sessions: [
          { date: dayFromNow(30), startTime: '09:00', halfHours: 80, topic: 'x', teacherId: t.id },
        ],
      });
      const refused = await request(api.http)
        .post('/api/v1/classes')
        .set(bearer(staff))
        .send({ projectPlanId: plan2.id, capacity: 5, ...window })
        .expect(409);
      expect(refused.body.code).toBe('INSTITUTION_NOT_COMMISSIONABLE');
      const add = await request(api.http)
        .post(`/api/v1/classes/${c.id}/sessions`)
        .set(bearer(staff))
        .send({
          date: dayFromNow(12),
          startTime: '16:00',
          endTime: '17:30',
          halfHours: 4,
          topic: '答疑',
          method: 'lecture',
          teacherId: t.id,
        })
        .expect(409);
      expect(add.body.code).toBe('INSTITUTION_NOT_COMMISSIONABLE');
      const publish = await request(api.http)
        .post(`/api/v1/classes/${c.id}/publish`)
        .set(bearer(staff))
        .expect(409);
      expect(publish.body.code).toBe('INSTITUTION_NOT_COMMISSIONABLE');
    } finally {
      await api.ds
        .getRepository(InstitutionProfile)
        .update({ orgUnitId: org.institution.id }, { status: 'approved' });
    }
  });

  it("a street runs its own training without a plan; its workers see it, other streets' do not", async () => {
    const c = await request(api.http)
      .post('/api/v1/classes/street')
      .set(bearer(streetA1))
      .send({
        title: '2026 年社区业务与政策培训',
        location: '东华门街道办事处三楼会议室',
        capacity: 40,
        ...window,
        sessions: [
          {
            date: dayFromNow(5),
            startTime: '14:00',
            endTime: '16:00',
            halfHours: 4,
            topic: '垃圾分类新政',
            method: 'lecture',
            speakerName: '街道城管科',
          },
        ],
      })
      .expect(201);
    expect(c.body).toMatchObject({
      origin: 'street',
      type: 'street',
      typeLabel: '街道业务培训',
      halfHours: 4,
      streetId: org.streetA1.id,
    });
    await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(streetA1))
      .expect(201);
    const mine = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const theirs = await aWorker().inCommunity(org.communityA2).create(api.ds);
    const s1 = await login(
      api.http,
      (await anAccount().forWorker(mine.id).create(api.ds)).username,
      TEST_PASSWORD,
    );
    const s2 = await login(
      api.http,
      (await anAccount().forWorker(theirs.id).create(api.ds)).username,
      TEST_PASSWORD,
    );
    await request(api.http).get(`/api/v1/classes/${c.body.id}`).set(bearer(s1)).expect(200);
    await request(api.http).get(`/api/v1/classes/${c.body.id}`).set(bearer(s2)).expect(404);
    // a district's plan class is not the street's to change
    await request(api.http)
      .patch(`/api/v1/classes/${c.body.id}`)
      .set(bearer(staff))
      .send({ version: 1, title: 'x y' })
      .expect(404);
  });

  it('the municipal bureau opens an advanced class at a filed institution, within the quota', async () => {
    const t = await aConsentingTeacher(api.ds, org.institution.id, '己');
    const body = {
      institutionId: org.institution.id,
      year: Number(dayFromNow(0).slice(0, 4)),
      title: '社区工作者进修班',
      location: '北京某大学',
      capacity: 100,
      ...window,
      sessions: [
        {
          date: dayFromNow(60),
          startTime: '08:30',
          endTime: '17:30',
          halfHours: 20,
          topic: '社会管理前沿',
          method: 'lecture',
          teacherId: t.id,
        },
      ],
    };
    const c = await request(api.http)
      .post('/api/v1/classes/advanced')
      .set(bearer(municipal))
      .send(body)
      .expect(201);
    expect(c.body).toMatchObject({ origin: 'municipal', type: 'advanced', typeLabel: '进修培训' });
    const over = await request(api.http)
      .post('/api/v1/classes/advanced')
      .set(bearer(municipal))
      .send({ ...body, capacity: 101 })
      .expect(400);
    expect(over.body.details[0].field).toBe('capacity');
    // 10 class hours is far below the 320 of advanced study
    const publish = await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(staff))
      .expect(409);
    expect(publish.body.code).toBe('CLASS_HOURS_BELOW_POLICY');
    await request(api.http)
      .post('/api/v1/classes/advanced')
      .set(bearer(districtA))
      .send(body)
      .expect(403);
  });

  it("a municipality's own class is seen by its workers only, not by another municipality's", async () => {
    const t = await aConsentingTeacher(api.ds, org.institution.id, '庚');
    const c = await request(api.http)
      .post('/api/v1/classes/advanced')
      .set(bearer(municipal))
      .send({
        institutionId: org.institution.id,
        year: Number(dayFromNow(0).slice(0, 4)),
        title: '社区工作者进修班（本市）',
        location: '北京某大学',
        capacity: 30,
        ...window,
        sessions: [
          {
            date: dayFromNow(70),
            startTime: '08:30',
            endTime: '17:30',
            halfHours: 20,
            topic: '基层治理专题',
            method: 'lecture',
            teacherId: t.id,
          },
        ],
      })
      .expect(201);
    // open for enrolment (its hours are short of publishing; what is checked here is who sees it)
    await api.ds.query(`update training_class set status = 'open' where id = $1`, [c.body.id]);
    const shenyang = await anOrgTree(api.ds, 'shenyang');
    const here = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const there = await aWorker().inCommunity(shenyang.communityA1).create(api.ds);
    const sessionOf = async (workerId: string) =>
      login(
        api.http,
        (await anAccount().forWorker(workerId).create(api.ds)).username,
        TEST_PASSWORD,
      );
    const mine = await sessionOf(here.id);
    const theirs = await sessionOf(there.id);
    await request(api.http).get(`/api/v1/classes/${c.body.id}`).set(bearer(mine)).expect(200);
    await request(api.http).get(`/api/v1/classes/${c.body.id}`).set(bearer(theirs)).expect(404);
    const listed = await request(api.http).get('/api/v1/classes').set(bearer(theirs)).expect(200);
    expect(listed.body.items.map((x: { id: string }) => x.id)).not.toContain(c.body.id);
  });

  it('refuses bad times and unknown teachers with the field named', async () => {
    const res = await request(api.http)
      .post('/api/v1/classes/street')
      .set(bearer(streetA1))
      .send({
        title: '业务培训',
        location: '会议室',
        capacity: 10,
        ...window,
        sessions: [
          {
            date: dayFromNow(5),
            startTime: '16:00',
            endTime: '14:00',
            halfHours: 4,
            topic: 'x',
            method: 'lecture',
          },
        ],
      })
      .expect(400);
    expect(res.body.details[0].field).toBe('sessions[0].endTime');
    const bad = await request(api.http)
      .post('/api/v1/classes/street')
      .set(bearer(streetA1))
      .send({
        title: '业务培训',
        location: '会议室',
        capacity: 10,
        ...window,
        sessions: [
          {
            date: '2026-02-30',
            startTime: '25:00',
            endTime: '14:00',
            halfHours: 0,
            topic: '',
            method: 'dance',
          },
        ],
      })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
      expect.arrayContaining([
        'sessions[0].date',
        'sessions[0].startTime',
        'sessions[0].halfHours',
        'sessions[0].method',
      ]),
    );
    expect(await api.ds.getRepository(ClassSession).countBy({ topic: 'x' })).toBe(0);
  });
});
