import { AuditLog } from '@peixun/core';
import request from 'supertest';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

describe('teacher pool and city-plan documents', () => {
  let api: TestApi;
  let org: TestOrg;
  let staffA: Session;
  let staffB: Session;
  let district: Session;
  let municipal: Session;
  let institutionB: string;

  const as = async (
    role: 'institution_staff' | 'district_admin' | 'municipal_admin' | 'teacher',
    unit: TestOrg[keyof TestOrg],
  ) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    const other = await anOrgUnit(api.ds, 'institution', '第二机构', org.municipality);
    institutionB = other.id;
    staffA = await as('institution_staff', org.institution);
    staffB = await as('institution_staff', other);
    district = await as('district_admin', org.districtA);
    municipal = await as('municipal_admin', org.municipality);
  });
  afterAll(async () => {
    await api.close();
  });

  it('an institution adds a teacher to the shared pool; another institution can take the teacher on', async () => {
    const teacherAccount = await anAccount()
      .withRole('teacher')
      .inOrg(org.institution)
      .create(api.ds);
    const created = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(staffA))
      .send({
        name: '刘老师',
        title: '讲师',
        subjects: ['社区治理', '社会工作实务'],
        accountId: teacherAccount.id,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      hasAccount: true,
      institutionIds: [org.institution.id],
      consenting: false,
    });

    // until the teacher consents to be listed, nobody else is offered the teacher
    const search = () =>
      request(api.http).get('/api/v1/teachers?subject=社会工作').set(bearer(district)).expect(200);
    expect((await search()).body.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
    const early = await request(api.http)
      .post(`/api/v1/teachers/${created.body.id}/institutions/mine`)
      .set(bearer(staffB))
      .expect(409);
    expect(early.body.code).toBe('TEACHER_NOT_CONSENTING');
    const own = await request(api.http)
      .get('/api/v1/teachers?subject=社会工作')
      .set(bearer(staffA))
      .expect(200);
    expect(own.body.map((t: { id: string }) => t.id)).toContain(created.body.id);
    const self = await login(api.http, teacherAccount.username, TEST_PASSWORD);
    const consent = await request(api.http)
      .post('/api/v1/teachers/me/consent')
      .set(bearer(self))
      .send({ note: '同意公开姓名、职称和授课方向' })
      .expect(200);
    expect(consent.body).toMatchObject({
      teacherId: created.body.id,
      consenting: true,
      current: { method: 'account', recordedBy: teacherAccount.id, withdrawnAt: null },
    });
    const bySubject = await search();
    expect(bySubject.body.map((t: { id: string }) => t.id)).toContain(created.body.id);

    // institution B may take the teacher on, but only the institution that added the teacher edits the record
    await request(api.http)
      .patch(`/api/v1/teachers/${created.body.id}`)
      .set(bearer(staffB))
      .send({ title: '教授' })
      .expect(404);
    const joined = await request(api.http)
      .post(`/api/v1/teachers/${created.body.id}/institutions/mine`)
      .set(bearer(staffB))
      .expect(200);
    expect(joined.body.institutionIds.sort()).toEqual([org.institution.id, institutionB].sort());
    await request(api.http)
      .patch(`/api/v1/teachers/${created.body.id}`)
      .set(bearer(staffB))
      .send({ title: '教授' })
      .expect(404);
    const edited = await request(api.http)
      .patch(`/api/v1/teachers/${created.body.id}`)
      .set(bearer(staffA))
      .send({ title: '教授' })
      .expect(200);
    expect(edited.body.title).toBe('教授');
    await request(api.http)
      .delete(`/api/v1/teachers/${created.body.id}/institutions/mine`)
      .set(bearer(staffB))
      .expect(204);
    const byB = await request(api.http)
      .get(`/api/v1/teachers?institutionId=${institutionB}`)
      .set(bearer(municipal))
      .expect(200);
    expect(byB.body.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
  });

  it('the owning institution records a signed paper consent and its withdrawal; who sees what, all audited', async () => {
    const created = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(staffA))
      .send({ name: '周老师', subjects: ['社区调解'] })
      .expect(201);
    const id = created.body.id as string;
    const paper = { signedOn: '2026-03-02', reference: '师资档案 2026-017' };

    // only the owning institution records it, with the date and where the form is kept
    await request(api.http)
      .post(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffB))
      .send(paper)
      .expect(404);
    const noRef = await request(api.http)
      .post(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffA))
      .send({ signedOn: paper.signedOn })
      .expect(400);
    expect(noRef.body.details[0].field).toBe('reference');
    const future = await request(api.http)
      .post(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffA))
      .send({ ...paper, signedOn: '2999-01-01' })
      .expect(400);
    expect(future.body.details[0].field).toBe('signedOn');
    const given = await request(api.http)
      .post(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffA))
      .send(paper)
      .expect(200);
    expect(given.body.current).toMatchObject({ method: 'paper', ...paper });
    const twice = await request(api.http)
      .post(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffA))
      .send(paper)
      .expect(409);
    expect(twice.body.code).toBe('CONFLICT');

    // listed: institution B takes the teacher on
    await request(api.http)
      .post(`/api/v1/teachers/${id}/institutions/mine`)
      .set(bearer(staffB))
      .expect(200);

    // the consent record: the owner and the municipal bureau; not a district, nor institution B
    await request(api.http)
      .get(`/api/v1/teachers/${id}/consent`)
      .set(bearer(municipal))
      .expect(200);
    const byB = await request(api.http)
      .get(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffB))
      .expect(403);
    expect(byB.body.code).toBe('FORBIDDEN_SCOPE');
    const byDistrict = await request(api.http)
      .get(`/api/v1/teachers/${id}/consent`)
      .set(bearer(district))
      .expect(403);
    expect(byDistrict.body.code).toBe('FORBIDDEN_ROLE');

    // the teacher tells the institution they withdraw: a reason is required from the institution
    await request(api.http)
      .post(`/api/v1/teachers/${id}/consent/withdrawal`)
      .set(bearer(staffA))
      .send({})
      .expect(400);
    const withdrawn = await request(api.http)
      .post(`/api/v1/teachers/${id}/consent/withdrawal`)
      .set(bearer(staffA))
      .send({ reason: '本人 2026-11-20 书面申请撤回' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ consenting: false, current: null });
    expect(withdrawn.body.history[0]).toMatchObject({
      method: 'paper',
      withdrawalMethod: 'paper',
      withdrawalReason: '本人 2026-11-20 书面申请撤回',
    });
    await request(api.http)
      .post(`/api/v1/teachers/${id}/consent/withdrawal`)
      .set(bearer(staffA))
      .send({ reason: '再次' })
      .expect(409);

    // no longer offered: a district and a third institution neither find nor read the teacher;
    // institution B, which already teaches with them, still does
    const staffC = await as(
      'institution_staff',
      await anOrgUnit(api.ds, 'institution', '第三机构', org.municipality),
    );
    for (const s of [district, staffC]) {
      const found = await request(api.http).get('/api/v1/teachers').set(bearer(s)).expect(200);
      expect(found.body.map((t: { id: string }) => t.id)).not.toContain(id);
      await request(api.http).get(`/api/v1/teachers/${id}`).set(bearer(s)).expect(404);
    }
    const joinC = await request(api.http)
      .post(`/api/v1/teachers/${id}/institutions/mine`)
      .set(bearer(staffC))
      .expect(409);
    expect(joinC.body).toMatchObject({
      code: 'TEACHER_NOT_CONSENTING',
      details: { teacherIds: [id] },
    });
    const seenByB = await request(api.http)
      .get(`/api/v1/teachers/${id}`)
      .set(bearer(staffB))
      .expect(200);
    expect(seenByB.body).toMatchObject({ consenting: false });
    const all = await request(api.http).get('/api/v1/teachers').set(bearer(municipal)).expect(200);
    expect(all.body.find((t: { id: string }) => t.id === id)).toMatchObject({ consenting: false });

    // a new signed form lists the teacher again; the history keeps both
    const renewed = await request(api.http)
      .post(`/api/v1/teachers/${id}/consent`)
      .set(bearer(staffA))
      .send({ signedOn: '2026-11-21', reference: '师资档案 2026-018' })
      .expect(200);
    expect(renewed.body.history).toHaveLength(2);
    expect(renewed.body.consenting).toBe(true);

    const actions = (
      await api.ds.getRepository(AuditLog).findBy({ entityType: 'teacher', entityId: id })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === 'teacher.consent_given')).toHaveLength(2);
    expect(actions).toContain('teacher.consent_withdrawn');
    // the evidence cannot be rewritten or removed behind the service's back
    await expect(
      api.ds.query(`delete from teacher_consent where teacher_id = $1`, [id]),
    ).rejects.toThrow(/evidence/);
    await expect(
      api.ds.query(`update teacher_consent set reference = 'x' where teacher_id = $1`, [id]),
    ).rejects.toThrow(/withdrawn, once/);
  });

  it('a teacher gives and withdraws consent only for themself', async () => {
    const account = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
    const teacher = await login(api.http, account.username, TEST_PASSWORD);
    // an account not yet linked to a pool record has nothing to consent for
    await request(api.http).get('/api/v1/teachers/me/consent').set(bearer(teacher)).expect(404);
    const created = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(staffA))
      .send({ name: '吴老师', subjects: ['党建'], accountId: account.id })
      .expect(201);
    const mine = await request(api.http)
      .get('/api/v1/teachers/me/consent')
      .set(bearer(teacher))
      .expect(200);
    expect(mine.body).toEqual({
      teacherId: created.body.id,
      consenting: false,
      current: null,
      history: [],
    });
    await request(api.http)
      .post('/api/v1/teachers/me/consent/withdrawal')
      .set(bearer(teacher))
      .send({})
      .expect(409);
    await request(api.http)
      .post('/api/v1/teachers/me/consent')
      .set(bearer(teacher))
      .send({})
      .expect(200);
    // the teacher reads their own record, not another teacher's consent
    await request(api.http)
      .get(`/api/v1/teachers/${created.body.id}/consent`)
      .set(bearer(teacher))
      .expect(200);
    const other = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(staffA))
      .send({ name: '郑老师', subjects: ['党建'] })
      .expect(201);
    await request(api.http)
      .get(`/api/v1/teachers/${other.body.id}/consent`)
      .set(bearer(teacher))
      .expect(404);
    // others cannot use the teacher's own routes, nor record paper consent
    for (const s of [staffA, district, municipal]) {
      const res = await request(api.http)
        .post('/api/v1/teachers/me/consent')
        .set(bearer(s))
        .send({})
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    await request(api.http)
      .post(`/api/v1/teachers/${other.body.id}/consent`)
      .set(bearer(teacher))
      .send({ signedOn: '2026-01-01', reference: 'x' })
      .expect(403);
    const out = await request(api.http)
      .post('/api/v1/teachers/me/consent/withdrawal')
      .set(bearer(teacher))
      .send({})
      .expect(200);
    expect(out.body.history[0]).toMatchObject({
      method: 'account',
      withdrawalMethod: 'account',
      withdrawnBy: account.id,
      withdrawalReason: null,
    });
  });

  it('refuses an account that is not a teacher of the institution, and roles that do not keep the pool', async () => {
    const foreign = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
    const res = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(staffB))
      .send({ name: '某老师', subjects: ['法律'], accountId: foreign.id })
      .expect(400);
    expect(res.body.details[0].field).toBe('accountId');
    const noSubjects = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(staffA))
      .send({ name: 'x', subjects: [] })
      .expect(400);
    expect(noSubjects.body.details[0].field).toBe('subjects');
    const byDistrict = await request(api.http)
      .post('/api/v1/teachers')
      .set(bearer(district))
      .send({ name: 'x', subjects: ['y'] })
      .expect(403);
    expect(byDistrict.body.code).toBe('FORBIDDEN_ROLE');
    const worker = await login(
      api.http,
      (await anAccount().withRole('worker').create(api.ds)).username,
      TEST_PASSWORD,
    );
    await request(api.http).get('/api/v1/teachers').set(bearer(worker)).expect(403);
  });

  it('the city plan carries the needs-survey report it is based on; districts see only published plans', async () => {
    const year = 2090 + Math.floor(Math.random() * 9);
    const plan = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(municipal))
      .send({ year, title: '远期计划' })
      .expect(201);
    const withReport = await request(api.http)
      .put(`/api/v1/annual-plans/${plan.body.id}/survey-report`)
      .set(bearer(municipal))
      .attach('file', Buffer.from('%PDF-1.4 report'), '年终需求调查报告.pdf')
      .expect(200);
    expect(withReport.body.surveyReportName).toBe('年终需求调查报告.pdf');
    const report = await request(api.http)
      .get(`/api/v1/annual-plans/${plan.body.id}/survey-report`)
      .set(bearer(municipal))
      .expect(200);
    expect(report.headers['content-disposition']).toContain(
      encodeURIComponent('年终需求调查报告.pdf'),
    );
    await request(api.http)
      .get(`/api/v1/annual-plans/${plan.body.id}/survey-report`)
      .set(bearer(district))
      .expect(404);
    const exe = await request(api.http)
      .put(`/api/v1/annual-plans/${plan.body.id}/survey-report`)
      .set(bearer(municipal))
      .attach('file', Buffer.from('MZ'), 'setup.exe')
      .expect(400);
    expect(exe.body.details[0].field).toBe('file');
    await request(api.http)
      .get(`/api/v1/annual-plans/${plan.body.id}`)
      .set(bearer(district))
      .expect(404);
    const listed = await request(api.http)
      .get('/api/v1/annual-plans')
      .set(bearer(district))
      .expect(200);
    expect(listed.body.map((p: { id: string }) => p.id)).not.toContain(plan.body.id);
    await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(district))
      .send({ year, title: 'x' })
      .expect(403);
    const dup = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(municipal))
      .send({ year, title: '重复' })
      .expect(409);
    expect(dup.body.code).toBe('CONFLICT');
    const policies = await request(api.http)
      .get('/api/v1/policies')
      .set(bearer(district))
      .expect(200);
    expect(policies.body.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['beijing-2012', 'shenyang-2012']),
    );
  });
});
