import { INestApplicationContext } from '@nestjs/common';
import { AuditLog, localYear } from '@peixun/core';
import { InstitutionProfile, ProjectPlan, Teacher, TeacherInstitution } from '@peixun/planning';
import request from 'supertest';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';

describe('planning: city plan, project plans, approval, PDF, policy versions', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let municipal: Session;
  let districtA: Session;
  let districtB: Session;
  let institutionId: string;
  let teacherId: string;
  let foreignTeacherId: string;
  let year: number;
  let postProjectId: string;
  let inductionProjectId: string;

  const session = async (
    role: 'municipal_admin' | 'district_admin' | 'institution_staff' | 'teacher',
    unit: TestOrg[keyof TestOrg],
  ) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
  const sessions = (n: number, hours: number, y = year) =>
    Array.from({ length: n }, (_, i) => ({
      date: `${y}-03-${String(1 + (i % 9)).padStart(2, '0')}`,
      startTime: '09:00',
      hours,
      topic: `专题 ${i + 1}：社区治理`,
      teacherId,
    }));
  const planBody = (over: Record<string, unknown> = {}, y = year) => ({
    planProjectId: postProjectId,
    institutionId,
    title: '东城区社区工作者岗位培训第一期',
    places: 120,
    startDate: `${y}-03-01`,
    endDate: `${y}-03-10`,
    place: '东城区社区学院报告厅',
    methods: ['lecture', 'case_teaching'],
    teacherIds: [teacherId],
    materials: '《社区工作实务》',
    sessions: sessions(10, 4, y),
    costItems: [
      { item: '讲课费', amountFen: 800_000, payer: 'district' },
      { item: '资料费', amountFen: 120_000, payer: 'district' },
    ],
    ...over,
  });
  const draft = async (over: Record<string, unknown> = {}, s: Session = districtA) =>
    (
      await request(api.http)
        .post('/api/v1/project-plans')
        .set(bearer(s))
        .send(planBody(over))
        .expect(201)
    ).body as {
      id: string;
      version: number;
    };
  const submitted = async (over: Record<string, unknown> = {}) => {
    const p = await draft(over);
    await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    return p;
  };

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    org = await anOrgTree(api.ds);
    municipal = await session('municipal_admin', org.municipality);
    districtA = await session('district_admin', org.districtA);
    districtB = await session('district_admin', org.districtB);
    year = localYear(new Date(), 'Asia/Shanghai') + 1;
    // a filed institution with a teacher of its own, and a teacher of another institution
    institutionId = org.institution.id;
    await api.ds.getRepository(InstitutionProfile).save({
      orgUnitId: institutionId,
      status: 'approved',
      filingNumber: `京培备〔${year}〕T${Date.now() % 1000}号`,
    });
    const other = await anOrgUnit(api.ds, 'institution', '另一机构', org.municipality);
    teacherId = (
      await api.ds.getRepository(Teacher).save({
        name: '王老师',
        title: '副教授',
        subjects: ['社区治理'],
        ownerInstitutionId: institutionId,
      })
    ).id;
    foreignTeacherId = (
      await api.ds
        .getRepository(Teacher)
        .save({ name: '赵老师', subjects: ['心理'], ownerInstitutionId: other.id })
    ).id;
    await api.ds.getRepository(TeacherInstitution).save([
      { teacherId, institutionId },
      { teacherId: foreignTeacherId, institutionId: other.id },
    ]);
    // both consent to be listed: each owning institution records the signed form
    for (const [id, unit] of [
      [teacherId, org.institution],
      [foreignTeacherId, other],
    ] as const) {
      await request(api.http)
        .post(`/api/v1/teachers/${id}/consent`)
        .set(bearer(await session('institution_staff', unit)))
        .send({ signedOn: '2026-01-05', reference: `同意书-${id.slice(0, 8)}` })
        .expect(200);
    }

    const plan = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(municipal))
      .send({ year, title: `${year} 年度社区工作者培训计划` })
      .expect(201);
    await request(api.http)
      .post(`/api/v1/annual-plans/${plan.body.id}/publish`)
      .set(bearer(municipal))
      .expect(400);
    const withPost = await request(api.http)
      .post(`/api/v1/annual-plans/${plan.body.id}/projects`)
      .set(bearer(municipal))
      .send({
        type: 'post',
        title: '岗位培训',
        targetTiers: ['staff'],
        plannedPlaces: 3000,
        budgetFen: 150_000_000,
      })
      .expect(201);
    postProjectId = withPost.body.projects[0].id;
    const withInduction = await request(api.http)
      .post(`/api/v1/annual-plans/${plan.body.id}/projects`)
      .set(bearer(municipal))
      .send({
        type: 'induction',
        title: '初任培训',
        targetChannels: ['recruited_citywide'],
        plannedPlaces: 500,
        budgetFen: 20_000_000,
      })
      .expect(201);
    inductionProjectId = withInduction.body.projects.find(
      (p: { type: string }) => p.type === 'induction',
    ).id;
    expect(
      withInduction.body.projects.find((p: { type: string }) => p.type === 'induction')
        .minimumHours,
    ).toBe(24);
    // before publication the districts cannot plan against it
    await request(api.http)
      .post('/api/v1/project-plans')
      .set(bearer(districtA))
      .send(planBody())
      .expect(404);
    const published = await request(api.http)
      .post(`/api/v1/annual-plans/${plan.body.id}/publish`)
      .set(bearer(municipal))
      .expect(200);
    expect(published.body).toMatchObject({
      status: 'published',
      budgetByFunding: { district: 170_000_000 },
    });
    await request(api.http)
      .post(`/api/v1/annual-plans/${plan.body.id}/projects`)
      .set(bearer(municipal))
      .send({ type: 'post', title: '补充', plannedPlaces: 1, budgetFen: 0 })
      .expect(409);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('a district submits, the municipal bureau approves; the plan is filed, locked, audited and rendered as a PDF', async () => {
    const p = await submitted();
    const queue = await request(api.http)
      .get('/api/v1/project-plans/review-queue')
      .set(bearer(municipal))
      .expect(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(p.id);
    expect(queue.body.count).toBeGreaterThanOrEqual(1);
    const approved = await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/approve`)
      .set(bearer(municipal))
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', totalHours: 40 });
    expect(approved.body.filingNumber).toMatch(/^培计备〔\d{4}〕\d{4}号$/);
    await request(api.http)
      .patch(`/api/v1/project-plans/${p.id}`)
      .set(bearer(districtA))
      .send({ ...planBody(), version: approved.body.version })
      .expect(409);

    await waitForJob(api.http, municipal, { queue: 'documents', jobId: `plan-pdf.${p.id}` });
    const pdf = await request(api.http)
      .get(`/api/v1/project-plans/${p.id}/pdf`)
      .set(bearer(districtA))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/NotoSansSC/);
    expect(bytes.length).toBeGreaterThan(5_000);
    const actions = (
      await api.ds.getRepository(AuditLog).findBy({ entityType: 'project_plan', entityId: p.id })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'project_plan.created',
        'project_plan.submit',
        'project_plan.approve',
      ]),
    );
    // the institution sees its approved plan
    const staff = await login(
      api.http,
      (await anAccount().withRole('institution_staff').inOrg(org.institution).create(api.ds))
        .username,
      TEST_PASSWORD,
    );
    await request(api.http).get(`/api/v1/project-plans/${p.id}`).set(bearer(staff)).expect(200);
  });

  it.each<[string, () => Record<string, unknown>, string, string]>([
    [
      'fewer class hours than the policy minimum (39.5 < 40)',
      () => ({ sessions: [...sessions(9, 4), ...sessions(1, 3.5)] }),
      'HOURS_BELOW_MINIMUM',
      'sessions',
    ],
    [
      'a fee charged to workers for post training (Art. 23)',
      () => ({ costItems: [{ item: '资料费', amountFen: 3000, payer: 'worker' }] }),
      'WORKER_CHARGE_FORBIDDEN',
      'costItems[0]',
    ],
    [
      'a teacher who does not teach for the institution',
      () => ({
        teacherIds: [foreignTeacherId],
        sessions: sessions(10, 4).map((s) => ({ ...s, teacherId: foreignTeacherId })),
      }),
      'PLAN_INVALID',
      'teacherIds[0]',
    ],
  ])('cannot be submitted with %s', async (_, over, code, field) => {
    const p = await draft(over());
    const res = await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(res.body.code).toBe(code);
    expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect((await api.ds.getRepository(ProjectPlan).findOneByOrFail({ id: p.id })).status).toBe(
      'draft',
    );
  });

  it('a teacher without consent to be listed cannot be newly named; plans that already name them stay valid', async () => {
    const staff = await session('institution_staff', org.institution);
    const account = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
    const self = await login(api.http, account.username, TEST_PASSWORD);
    const t2 = (
      await request(api.http)
        .post('/api/v1/teachers')
        .set(bearer(staff))
        .send({ name: '孙老师', subjects: ['社区治理'], accountId: account.id })
        .expect(201)
    ).body.id as string;
    const withT2 = () => ({
      teacherIds: [teacherId, t2],
      sessions: sessions(10, 4).map((x, i) => ({ ...x, teacherId: i % 2 ? t2 : teacherId })),
    });

    // consent not recorded yet: not offered, and a plan naming the teacher is refused
    const early = await draft(withT2());
    const refused = await request(api.http)
      .post(`/api/v1/project-plans/${early.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(refused.body.code).toBe('TEACHER_NOT_CONSENTING');
    expect(refused.body.details).toEqual([
      { field: 'teacherIds[1]', problems: [expect.stringContaining('TEACHER_NOT_CONSENTING')] },
    ]);

    // the teacher consents through their own account: the same plan now goes through
    await request(api.http)
      .post('/api/v1/teachers/me/consent')
      .set(bearer(self))
      .send({})
      .expect(200);
    await request(api.http)
      .post(`/api/v1/project-plans/${early.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    await request(api.http)
      .post(`/api/v1/project-plans/${early.id}/approve`)
      .set(bearer(municipal))
      .expect(200);
    const pending = await submitted(withT2());

    // … and withdraws it
    const withdrawn = await request(api.http)
      .post('/api/v1/teachers/me/consent/withdrawal')
      .set(bearer(self))
      .send({})
      .expect(200);
    expect(withdrawn.body).toMatchObject({ consenting: false, current: null });

    // the approved plan stays approved and readable, with the teacher's record
    const approved = await request(api.http)
      .get(`/api/v1/project-plans/${early.id}`)
      .set(bearer(districtA))
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', teacherIds: [teacherId, t2] });
    const named = await request(api.http)
      .get(`/api/v1/teachers/${t2}`)
      .set(bearer(districtA))
      .expect(200);
    expect(named.body).toMatchObject({ name: '孙老师', consenting: false });
    await request(api.http).get(`/api/v1/teachers/${t2}`).set(bearer(districtB)).expect(404);
    const pool = await request(api.http)
      .get(`/api/v1/teachers?institutionId=${institutionId}`)
      .set(bearer(districtA))
      .expect(200);
    expect(pool.body.map((t: { id: string }) => t.id)).toEqual([teacherId]);

    // filing a plan is a new selection: the one submitted before the withdrawal is not approved
    const late = await request(api.http)
      .post(`/api/v1/project-plans/${pending.id}/approve`)
      .set(bearer(municipal))
      .expect(409);
    expect(late.body.code).toBe('TEACHER_NOT_CONSENTING');

    // a new plan cannot name the teacher; an amendment may keep whom the approved plan named
    const fresh = await draft(withT2());
    const again = await request(api.http)
      .post(`/api/v1/project-plans/${fresh.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(again.body.code).toBe('TEACHER_NOT_CONSENTING');
    const amendment = await request(api.http)
      .post(`/api/v1/project-plans/${early.id}/amendments`)
      .set(bearer(districtA))
      .expect(201);
    await request(api.http)
      .post(`/api/v1/project-plans/${amendment.body.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    await request(api.http)
      .post(`/api/v1/project-plans/${amendment.body.id}/approve`)
      .set(bearer(municipal))
      .expect(200);
  });

  it('refuses a city plan for a municipality the region table does not know', async () => {
    const nowhere = await anOrgUnit(api.ds, 'municipality', '某市');
    const admin = await login(
      api.http,
      (await anAccount().withRole('municipal_admin').inOrg(nowhere).create(api.ds)).username,
      TEST_PASSWORD,
    );
    const res = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(admin))
      .send({ year, title: '某市计划' })
      .expect(422);
    expect(res.body.code).toBe('REGION_UNSUPPORTED');
  });

  it('cannot take more places than the city plan has left for the project', async () => {
    const p = await draft({ places: 2999 });
    const res = await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(
      (res.body.details as { field: string; problems: string[] }[]).find(
        (d) => d.field === 'places',
      )?.problems[0],
    ).toContain('PLACES_EXCEEDED');
  });

  it('an induction course for city-wide recruits needs 24 hours, not 20', async () => {
    const p = await draft({ planProjectId: inductionProjectId, sessions: sessions(5, 4) });
    const res = await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(res.body.code).toBe('HOURS_BELOW_MINIMUM');
    expect(res.body.message).toContain('24');
  });

  it('refuses the illegal transitions', async () => {
    const d = await draft();
    expect(
      (
        await request(api.http)
          .post(`/api/v1/project-plans/${d.id}/approve`)
          .set(bearer(municipal))
          .expect(409)
      ).body.code,
    ).toBe('ILLEGAL_TRANSITION');
    expect(
      (
        await request(api.http)
          .post(`/api/v1/project-plans/${d.id}/return`)
          .set(bearer(municipal))
          .send({ comments: '退回' })
          .expect(409)
      ).body.code,
    ).toBe('ILLEGAL_TRANSITION');
    await request(api.http)
      .post(`/api/v1/project-plans/${d.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    // a district cannot approve (its own or any) plan
    expect(
      (
        await request(api.http)
          .post(`/api/v1/project-plans/${d.id}/approve`)
          .set(bearer(districtA))
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN_ROLE');
    await request(api.http)
      .post(`/api/v1/project-plans/${d.id}/submit`)
      .set(bearer(districtA))
      .expect(409);
    await request(api.http)
      .patch(`/api/v1/project-plans/${d.id}`)
      .set(bearer(districtA))
      .send({ ...planBody(), version: 2 })
      .expect(409);
    const noComment = await request(api.http)
      .post(`/api/v1/project-plans/${d.id}/return`)
      .set(bearer(municipal))
      .send({})
      .expect(400);
    expect(noComment.body.details[0].field).toBe('comments');
    const returned = await request(api.http)
      .post(`/api/v1/project-plans/${d.id}/return`)
      .set(bearer(municipal))
      .send({ comments: '请补充案例教学安排' })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'returned', comments: '请补充案例教学安排' });
    const edited = await request(api.http)
      .patch(`/api/v1/project-plans/${d.id}`)
      .set(bearer(districtA))
      .send({ ...planBody({ title: '修改后' }), version: returned.body.version })
      .expect(200);
    expect(edited.body.title).toBe('修改后');
    await request(api.http)
      .post(`/api/v1/project-plans/${d.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    // another district can neither see nor act on it
    await request(api.http).get(`/api/v1/project-plans/${d.id}`).set(bearer(districtB)).expect(404);
    await request(api.http)
      .post(`/api/v1/project-plans/${d.id}/amendments`)
      .set(bearer(districtB))
      .expect(404);
  });

  it('a change after approval is an amendment that replaces the approved plan once approved', async () => {
    const p = await submitted();
    await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/approve`)
      .set(bearer(municipal))
      .expect(200);
    const amendment = await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/amendments`)
      .set(bearer(districtA))
      .expect(201);
    expect(amendment.body).toMatchObject({
      status: 'draft',
      amendmentOf: p.id,
      filingNumber: null,
    });
    await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/amendments`)
      .set(bearer(districtA))
      .expect(409);
    await request(api.http)
      .patch(`/api/v1/project-plans/${amendment.body.id}`)
      .set(bearer(districtA))
      .send({ ...planBody({ places: 150 }), version: amendment.body.version })
      .expect(200);
    await request(api.http)
      .post(`/api/v1/project-plans/${amendment.body.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    const queue = await request(api.http)
      .get('/api/v1/project-plans/review-queue')
      .set(bearer(municipal))
      .expect(200);
    expect(queue.body.items.find((i: { id: string }) => i.id === amendment.body.id).amendment).toBe(
      true,
    );
    await request(api.http)
      .post(`/api/v1/project-plans/${amendment.body.id}/approve`)
      .set(bearer(municipal))
      .expect(200);
    const old = await request(api.http)
      .get(`/api/v1/project-plans/${p.id}`)
      .set(bearer(districtA))
      .expect(200);
    expect(old.body.status).toBe('superseded');
  });

  it('a concurrent approve and return of the same plan leave exactly one outcome', async () => {
    const p = await submitted();
    const [a, r] = await Promise.all([
      request(api.http).post(`/api/v1/project-plans/${p.id}/approve`).set(bearer(municipal)),
      request(api.http)
        .post(`/api/v1/project-plans/${p.id}/return`)
        .set(bearer(municipal))
        .send({ comments: '并发退回' }),
    ]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    const decisions = await api.ds
      .getRepository(AuditLog)
      .findBy({ entityType: 'project_plan', entityId: p.id });
    expect(
      decisions.filter(
        (d) => d.action === 'project_plan.approve' || d.action === 'project_plan.return',
      ),
    ).toHaveLength(1);
  });

  it('refuses what the Measures do not allow: district advanced-study plans, quota overruns, non-institutions, suspended institutions', async () => {
    const extra = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(municipal))
      .send({ year: year + 5, title: '远期' })
      .expect(201);
    const overQuota = await request(api.http)
      .post(`/api/v1/annual-plans/${extra.body.id}/projects`)
      .set(bearer(municipal))
      .send({ type: 'advanced', title: '进修', plannedPlaces: 101, budgetFen: 1 })
      .expect(400);
    expect(overQuota.body.code).toBe('QUOTA_EXCEEDED');

    const asDistrictInstitution = await request(api.http)
      .post('/api/v1/project-plans')
      .set(bearer(districtA))
      .send(planBody({ institutionId: org.districtA.id }))
      .expect(400);
    expect(asDistrictInstitution.body.details[0].field).toBe('institutionId');

    const p = await submitted();
    await api.ds
      .getRepository(InstitutionProfile)
      .update({ orgUnitId: institutionId }, { status: 'suspended' });
    try {
      const res = await request(api.http)
        .post(`/api/v1/project-plans/${p.id}/approve`)
        .set(bearer(municipal))
        .expect(409);
      expect(res.body.code).toBe('INSTITUTION_NOT_FILED');
    } finally {
      await api.ds
        .getRepository(InstitutionProfile)
        .update({ orgUnitId: institutionId }, { status: 'approved' });
    }
    const dupId = await request(api.http)
      .post('/api/v1/policies')
      .set(bearer(municipal))
      .send({
        id: 'beijing-2012',
        basedOn: 'beijing-2012',
        fromYear: year + 7,
        title: '重复的版本号',
      })
      .expect(409);
    expect(dupId.body.details[0].field).toBe('id');
  });

  it('a new policy version (post training 40 → 48 hours) changes validation for its years only', async () => {
    const v = await request(api.http)
      .post('/api/v1/policies')
      .set(bearer(municipal))
      .send({
        id: `beijing-${year + 1}-t${Date.now() % 100000}`,
        basedOn: 'beijing-2012',
        fromYear: year + 1,
        title: '岗位培训 48 学时',
        hours: { post: 48 },
      })
      .expect(201);
    expect(v.body.data.types.find((t: { type: string }) => t.type === 'post').hours.default).toBe(
      48,
    );
    await request(api.http)
      .post('/api/v1/policies')
      .set(bearer(municipal))
      .send({ id: 'beijing-now', basedOn: 'beijing-2012', fromYear: year - 1, title: 'x' })
      .expect(400);
    await expect(
      api.ds.query(`update training_policy set from_year = 2013 where id = 'beijing-2012'`),
    ).rejects.toThrow(/cannot be changed/);

    const next = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(municipal))
      .send({ year: year + 1, title: '下一年度计划' })
      .expect(201);
    const withProject = await request(api.http)
      .post(`/api/v1/annual-plans/${next.body.id}/projects`)
      .set(bearer(municipal))
      .send({ type: 'post', title: '岗位培训', plannedPlaces: 100, budgetFen: 1 })
      .expect(201);
    expect(withProject.body.projects[0].minimumHours).toBe(48);
    await request(api.http)
      .post(`/api/v1/annual-plans/${next.body.id}/publish`)
      .set(bearer(municipal))
      .expect(200);
    const fortyHours = await request(api.http)
      .post('/api/v1/project-plans')
      .set(bearer(districtA))
      .send(planBody({ planProjectId: withProject.body.projects[0].id }, year + 1))
      .expect(201);
    const refused = await request(api.http)
      .post(`/api/v1/project-plans/${fortyHours.body.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(refused.body.code).toBe('HOURS_BELOW_MINIMUM');
    expect(refused.body.message).toContain('48');
    // this year's 40-hour plans are still fine
    await submitted();
  });

  it('shows the submit checks read-only: what fails before submission, all passed once fixed; other districts and roles get nothing', async () => {
    const p = await draft({ sessions: sessions(9, 4), materials: '' });
    const checks = await request(api.http)
      .get(`/api/v1/project-plans/${p.id}/checks`)
      .set(bearer(districtA))
      .expect(200);
    expect(checks.body).toMatchObject({
      planId: p.id,
      minimumHours: 40,
      totalHours: 36,
      passed: false,
    });
    const byKey = Object.fromEntries(
      (checks.body.checks as { key: string; passed: boolean; problems: { code: string }[] }[]).map(
        (c) => [c.key, c],
      ),
    );
    expect(byKey.hours).toMatchObject({ passed: false });
    expect(byKey.hours.problems.map((x) => x.code)).toEqual(['HOURS_BELOW_MINIMUM']);
    expect(byKey.materials.passed).toBe(false);
    expect(byKey.teachers.passed).toBe(true);
    expect(byKey.institution.passed).toBe(true);
    // the same rules as submission: it is refused for the same reasons
    const refused = await request(api.http)
      .post(`/api/v1/project-plans/${p.id}/submit`)
      .set(bearer(districtA))
      .expect(400);
    expect(refused.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
      ['materials', 'sessions'].sort(),
    );
    // reading the checks changed nothing
    expect((await api.ds.getRepository(ProjectPlan).findOneByOrFail({ id: p.id })).status).toBe(
      'draft',
    );

    const fixed = await request(api.http)
      .patch(`/api/v1/project-plans/${p.id}`)
      .set(bearer(districtA))
      .send({ ...planBody(), version: p.version })
      .expect(200);
    await request(api.http)
      .post(`/api/v1/project-plans/${fixed.body.id}/submit`)
      .set(bearer(districtA))
      .expect(200);
    const forBureau = await request(api.http)
      .get(`/api/v1/project-plans/${p.id}/checks`)
      .set(bearer(municipal))
      .expect(200);
    expect(forBureau.body).toMatchObject({ passed: true, totalHours: 40, minimumHours: 40 });
    expect(forBureau.body.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);

    // scope: another district sees no such plan; institutions and others may not ask
    await request(api.http)
      .get(`/api/v1/project-plans/${p.id}/checks`)
      .set(bearer(districtB))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/project-plans/${p.id}/checks`)
      .set(bearer(await session('institution_staff', org.institution)))
      .expect(403);
  });
});
