import type { OrgUnit } from '@peixun/org';
import type { Role } from '@peixun/core';
import { AuditLog } from '@peixun/core';
import request from 'supertest';
import { aFiledInstitution } from './factories/class.factory';
import { aFinishedClass, FinishedClass } from './factories/finished-class.factory';
import { anOrgTree, anOrgUnit, TestOrg } from './factories/org.factory';
import { TestWorker } from './factories/worker.factory';
import { bearer, bootApi, Session, TestApi } from './support/app';
import { signInAs, workerSessionFor } from './support/sessions';

describe('exams (Art. 16)', () => {
  let api: TestApi;
  let org: TestOrg;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;
  let municipal: Session;

  const as = (role: Role, unit: OrgUnit | null): Promise<Session> => signInAs(api, role, unit);
  const workerSession = (w: TestWorker): Session => workerSessionFor(api, w);
  const examOf = (c: FinishedClass, attempt = 1, who = staff) =>
    request(api.http).post(`/api/v1/classes/${c.id}/exams`).set(bearer(who)).send({
      attempt,
      heldOn: '2026-11-20',
      mode: 'score',
      supervisorName: '东城区民政局 赵监考',
      supervisorOrgId: org.districtA.id,
    });

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    staff = await as('institution_staff', org.institution);
    otherStaff = await as(
      'institution_staff',
      await anOrgUnit(api.ds, 'institution', '另一机构', org.municipality),
    );
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    municipal = await as('municipal_admin', org.municipality);
  });
  afterAll(() => api.close());

  it('the roster shows who met the hours; a trainee who did not cannot be given a result, and one refusal refuses the whole batch', async () => {
    const c = await aFinishedClass(api.ds, org, { trainees: 4, absentFor: [3] });
    const roster = await request(api.http)
      .get(`/api/v1/classes/${c.id}/exam-roster`)
      .set(bearer(staff))
      .expect(200);
    expect(roster.body).toMatchObject({ maxRetakes: 1, passScore: 60, maxScore: 100 });
    const byId = new Map(
      roster.body.trainees.map((t: { enrollmentId: string }) => [t.enrollmentId, t]),
    );
    expect(byId.get(c.trainees[0].enrollmentId)).toMatchObject({
      eligible: true,
      creditedHalfHours: 16,
      requiredHalfHours: 16,
      outcome: 'none',
    });
    expect(byId.get(c.trainees[3].enrollmentId)).toMatchObject({
      eligible: false,
      creditedHalfHours: 0,
    });

    const exam = await examOf(c).expect(201);
    expect(exam.body).toMatchObject({ attempt: 1, mode: 'score', passScore: 60, results: 0 });

    const refused = await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(staff))
      .send({
        results: [
          { enrollmentId: c.trainees[0].enrollmentId, score: 90 },
          { enrollmentId: c.trainees[3].enrollmentId, score: 95 },
        ],
      })
      .expect(422);
    expect(refused.body.code).toBe('EXAM_RESULT_REFUSED');
    expect(refused.body.message).toContain('results[1]');
    expect(refused.body.details).toEqual([
      {
        field: 'results[1]',
        enrollmentId: c.trainees[3].enrollmentId,
        problems: ['hours_not_met'],
      },
    ]);
    const [{ n }] = await api.ds.query(
      `select count(*)::int n from exam_result where exam_id = $1`,
      [exam.body.id],
    );
    expect(n).toBe(0);

    const ok = await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(staff))
      .send({
        results: [
          { enrollmentId: c.trainees[0].enrollmentId, score: 90 },
          { enrollmentId: c.trainees[1].enrollmentId, score: 59 },
          { enrollmentId: c.trainees[2].enrollmentId, score: 60 },
        ],
      })
      .expect(200);
    expect(ok.body).toMatchObject({ results: 3, passed: 2 });
    const after = await request(api.http)
      .get(`/api/v1/classes/${c.id}/exam-roster`)
      .set(bearer(districtA))
      .expect(200);
    const outcomes = Object.fromEntries(
      after.body.trainees.map((t: { enrollmentId: string; outcome: string }) => [
        t.enrollmentId,
        t.outcome,
      ]),
    );
    expect(outcomes).toEqual({
      [c.trainees[0].enrollmentId]: 'passed',
      [c.trainees[1].enrollmentId]: 'failed',
      [c.trainees[2].enrollmentId]: 'passed',
      [c.trainees[3].enrollmentId]: 'none',
    });
    const audit = await api.ds
      .getRepository(AuditLog)
      .findBy({ action: 'exam.results_recorded', entityId: exam.body.id });
    expect(audit).toHaveLength(1);

    // the trainee reads their own result
    const mine = await request(api.http)
      .get('/api/v1/me/exam-results')
      .set(bearer(workerSession(c.trainees[1].worker)))
      .expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({ classId: c.id, attempt: 1, score: 59, passed: false }),
    ]);
  });

  it('retakes follow the policy: only who has not passed, at most one retake in Beijing', async () => {
    const c = await aFinishedClass(api.ds, org, { trainees: 2 });
    const [a, b] = c.trainees;
    const first = await examOf(c).expect(201);
    await request(api.http)
      .put(`/api/v1/exams/${first.body.id}/results`)
      .set(bearer(staff))
      .send({
        results: [
          { enrollmentId: a.enrollmentId, score: 40 },
          { enrollmentId: b.enrollmentId, score: 80 },
        ],
      })
      .expect(200);

    // not out of order, not twice
    expect((await examOf(c, 1).expect(409)).body.code).toBe('EXAM_EXISTS');
    expect((await examOf(c, 3).expect(409)).body.code).toBe('EXAM_ATTEMPT_NOT_ALLOWED');

    const retake = await examOf(c, 2).expect(201);
    const passedBefore = await request(api.http)
      .put(`/api/v1/exams/${retake.body.id}/results`)
      .set(bearer(staff))
      .send({ results: [{ enrollmentId: b.enrollmentId, score: 95 }] })
      .expect(422);
    expect(passedBefore.body.details[0].problems).toEqual(['already_passed']);
    await request(api.http)
      .put(`/api/v1/exams/${retake.body.id}/results`)
      .set(bearer(staff))
      .send({ results: [{ enrollmentId: a.enrollmentId, score: 70 }] })
      .expect(200);

    // no third attempt under Beijing's policy
    const third = await examOf(c, 3).expect(409);
    expect(third.body).toMatchObject({ code: 'EXAM_ATTEMPT_NOT_ALLOWED' });
    expect(third.body.message).toContain('attempt');
  });

  it('pass/fail exams record the verdict; bad input names the field', async () => {
    const c = await aFinishedClass(api.ds, org, { trainees: 1 });
    const exam = await request(api.http)
      .post(`/api/v1/classes/${c.id}/exams`)
      .set(bearer(staff))
      .send({
        heldOn: '2026-11-21',
        mode: 'pass_fail',
        supervisorName: '市民政局 钱监督',
        supervisorOrgId: org.municipality.id,
      })
      .expect(201);
    const missing = await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(staff))
      .send({ results: [{ enrollmentId: c.trainees[0].enrollmentId, score: 80 }] })
      .expect(422);
    expect(missing.body.details[0].problems).toEqual(['passed_required']);
    await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(staff))
      .send({ results: [{ enrollmentId: c.trainees[0].enrollmentId, passed: true }] })
      .expect(200);

    const bad = await request(api.http)
      .post(`/api/v1/classes/${c.id}/exams`)
      .set(bearer(staff))
      .send({ heldOn: '2026-13-01', mode: 'oral', supervisorName: '', supervisorOrgId: 'x' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    for (const f of ['heldOn', 'mode', 'supervisorName', 'supervisorOrgId'])
      expect(bad.body.message).toContain(f);
    // the supervisor must be the class's authority, not any unit
    const notAuthority = await request(api.http)
      .post(`/api/v1/classes/${c.id}/exams`)
      .set(bearer(staff))
      .send({
        attempt: 2,
        heldOn: '2026-11-22',
        mode: 'score',
        supervisorName: '某人',
        supervisorOrgId: org.districtB.id,
      })
      .expect(400);
    expect(notAuthority.body.message).toContain('supervisorOrgId');
  });

  it('scope: only the class’s institution records; the commissioning district and the bureau read; others see nothing', async () => {
    const c = await aFinishedClass(api.ds, org, { trainees: 1 });
    const exam = await examOf(c).expect(201);
    const result = { results: [{ enrollmentId: c.trainees[0].enrollmentId, score: 88 }] };

    // another institution: as if the class did not exist
    expect((await examOf(c, 2, otherStaff).expect(404)).body.code).toBe('NOT_FOUND');
    await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(otherStaff))
      .send(result)
      .expect(404);
    await request(api.http)
      .get(`/api/v1/classes/${c.id}/exam-roster`)
      .set(bearer(otherStaff))
      .expect(404);
    // readers may not record
    for (const who of [districtA, municipal]) {
      const r = await examOf(c, 2, who).expect(403);
      expect(r.body.code).toBe('FORBIDDEN_ROLE');
      await request(api.http)
        .put(`/api/v1/exams/${exam.body.id}/results`)
        .set(bearer(who))
        .send(result)
        .expect(403);
    }
    await request(api.http).get(`/api/v1/classes/${c.id}/exams`).set(bearer(municipal)).expect(200);
    await request(api.http)
      .get(`/api/v1/classes/${c.id}/exam-roster`)
      .set(bearer(districtB))
      .expect(404);
    // a trainee reads their own results only, never the roster
    const trainee = workerSession(c.trainees[0].worker);
    await request(api.http)
      .get(`/api/v1/classes/${c.id}/exam-roster`)
      .set(bearer(trainee))
      .expect(403);
    await request(api.http)
      .put(`/api/v1/exams/${exam.body.id}/results`)
      .set(bearer(staff))
      .send(result)
      .expect(200);
    const other = await aFinishedClass(api.ds, org, { trainees: 1 });
    const mine = await request(api.http)
      .get('/api/v1/me/exam-results')
      .set(bearer(workerSession(other.trainees[0].worker)))
      .expect(200);
    expect(mine.body).toEqual([]);
  });
});
