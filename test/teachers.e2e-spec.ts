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
    expect(created.body).toMatchObject({ hasAccount: true, institutionIds: [org.institution.id] });

    const bySubject = await request(api.http)
      .get('/api/v1/teachers?subject=社会工作')
      .set(bearer(district))
      .expect(200);
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
