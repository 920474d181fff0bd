import type { OrgUnit } from '@peixun/org';
import type { Role } from '@peixun/core';
import { INestApplicationContext } from '@nestjs/common';
import { pdfPageTexts } from '@peixun/core/documents/testing/pdf-text';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { EvaluationInviteSweepJob } from '@peixun/evaluations';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import {
  aConsentingTeacher,
  anApprovedPlan,
  anEnrolledWorker,
  aFiledInstitution,
  dayFromNow,
} from './factories/class.factory';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { signInAs, workerSessionFor } from './support/sessions';

interface Trainee {
  worker: TestWorker;
  enrollmentId: string;
  session: Session;
}

interface EvalClass {
  id: string;
  /** Session ids in timetable order; their times are moved to the past as each test needs. */
  sessions: string[];
  teachers: { id: string; session: Session }[];
  trainees: Trainee[];
}

const GOOD = (n: number, comment?: string) => [
  { key: 'content', value: 1 + (n % 5) },
  { key: 'method', value: 4 },
  { key: 'usefulness', value: 5 },
  { key: 'pace', value: '适中' },
  ...(comment ? [{ key: 'suggestion', value: comment }] : []),
];
const CLASSROOM = [
  { key: 'participation', value: 5 },
  { key: 'mastery', value: 4 },
  { key: 'conduct', value: 5 },
  { key: 'overall', value: '优秀' },
];

/** Two-way evaluation (issue 11): collecting, anonymity, the threshold, reports and exports. */
describe('evaluations', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;
  let bureau: Session;

  const as = (role: Role, unit: OrgUnit | null): Promise<Session> => signInAs(api, role, unit);
  const workerSession = (w: TestWorker): Session => workerSessionFor(api, w);

  /** A class of the institution: `teachers` teachers, one session each (in the future), `n` trainees. */
  const aClass = async (teacherCount: number, n: number): Promise<EvalClass> => {
    const teachers: EvalClass['teachers'] = [];
    for (let i = 0; i < teacherCount; i++) {
      const account = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
      const t = await aConsentingTeacher(
        api.ds,
        org.institution.id,
        `评${i}师${Math.random().toString(36).slice(2, 6)}`,
      );
      await api.ds.query(`update teacher set account_id = $2 where id = $1`, [t.id, account.id]);
      teachers.push({ id: t.id, session: await login(api.http, account.username, TEST_PASSWORD) });
    }
    const plan = await anApprovedPlan(api.ds, org, {
      teacherIds: teachers.map((t) => t.id),
      sessions: [0, 1, 2, 3, 4].map((i) => ({
        date: dayFromNow(20 + i),
        startTime: '09:00',
        halfHours: 16,
        topic: `专题 ${i + 1}`,
        teacherId: teachers[i % teacherCount].id,
      })),
    });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({
        projectPlanId: plan.id,
        capacity: 100,
        enrolOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
        enrolClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(staff))
      .expect(201);
    const trainees: Trainee[] = [];
    for (let i = 0; i < n; i++) {
      const e = await anEnrolledWorker(api.ds, c.body.id, org.communityA1);
      trainees.push({ ...e, session: workerSession(e.worker) });
    }
    return {
      id: c.body.id,
      sessions: (c.body.sessions as { id: string }[]).map((s) => s.id),
      teachers,
      trainees,
    };
  };

  /** Moves a session so that it ended `hoursAgo` hours ago (negative: it ends in the future). */
  const endedAgo = async (sessionId: string, hoursAgo: number): Promise<void> => {
    await api.ds.query(
      `update class_session set starts_at = now() - make_interval(hours => $2) - interval '6 hours',
                                ends_at = now() - make_interval(hours => $2) where id = $1`,
      [sessionId, hoursAgo],
    );
  };
  /** Attendance written directly (attendance has its own tests). */
  const mark = async (c: EvalClass, sessionId: string, t: Trainee, status: string) => {
    await api.ds.query(
      `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, minutes_early, source)
       values ($1, $2, $3, $4, $5, $6, $7, 'staff')`,
      [
        sessionId,
        t.enrollmentId,
        c.id,
        t.worker.id,
        status,
        status === 'late' ? 20 : 0,
        status === 'left_early' ? 20 : 0,
      ],
    );
  };
  const answer = (t: Trainee, sessionId: string, answers: unknown) =>
    request(api.http)
      .post(`/api/v1/sessions/${sessionId}/evaluations`)
      .set(bearer(t.session))
      .send({ answers });
  const report = (s: Session, classId: string) =>
    request(api.http).get(`/api/v1/classes/${classId}/evaluation-report`).set(bearer(s));

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
    bureau = await as('municipal_admin', org.municipality);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('ships the standard pair of forms; the bureau supersedes a form with a new version and never edits one', async () => {
    const list = await request(api.http)
      .get('/api/v1/evaluation-templates')
      .set(bearer(staff))
      .expect(200);
    const active = (list.body as { direction: string; status: string; version: number }[]).filter(
      (t) => t.status === 'active',
    );
    expect(active.map((t) => [t.direction, t.version]).sort()).toEqual([
      ['classroom', 1],
      ['post_class', 1],
    ]);
    // only the bureau publishes; a bad form names the field
    const form = {
      direction: 'classroom',
      title: '课堂评价表（测试）',
      items: [{ key: 'overall', type: 'single', label: '总体', options: ['好'] }],
    };
    await request(api.http)
      .post('/api/v1/evaluation-templates')
      .set(bearer(districtA))
      .send(form)
      .expect(403);
    const bad = await request(api.http)
      .post('/api/v1/evaluation-templates')
      .set(bearer(bureau))
      .send(form)
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toContain('items[0].options');
    // the database refuses an edit of a form, whoever asks
    await expect(
      api.ds.query(
        `update evaluation_template set title = 'changed' where direction = 'classroom' and version = 1`,
      ),
    ).rejects.toThrow(/never edited/);
  });

  it('only trainees who attended get an evaluation, after the session and until the deadline, once', async () => {
    const c = await aClass(1, 7);
    const [s0, s1, s2] = c.sessions;
    await endedAgo(s0, 10 * 24); // ended 10 days ago: past the 7-day deadline
    await endedAgo(s1, 1);
    await endedAgo(s2, -5); // running now
    const statuses = ['present', 'late', 'left_early', 'present', 'present', 'absent', 'leave'];
    for (const [i, t] of c.trainees.entries()) {
      await mark(c, s0, t, 'present');
      await mark(c, s1, t, statuses[i]);
      await mark(c, s2, t, 'present');
    }
    const [p, late, early, , , absent, leave] = c.trainees;

    // the absent and the excused trainee get none, and cannot answer
    for (const t of [absent, leave]) {
      const mine = await request(api.http)
        .get('/api/v1/me/evaluations')
        .set(bearer(t.session))
        .expect(200);
      expect(mine.body.map((e: { sessionId: string }) => e.sessionId)).not.toContain(s1);
      const refused = await answer(t, s1, GOOD(1)).expect(404);
      expect(refused.body.code).toBe('NO_EVALUATION');
    }
    // who attended (also late or leaving early) finds it open
    for (const t of [p, late, early]) {
      const mine = await request(api.http)
        .get('/api/v1/me/evaluations')
        .set(bearer(t.session))
        .expect(200);
      const byId = new Map(
        mine.body.map((e: { sessionId: string; status: string }) => [e.sessionId, e.status]),
      );
      expect(byId.get(s1)).toBe('open');
      expect(byId.get(s0)).toBe('closed');
      expect(byId.has(s2)).toBe(false);
    }
    // bad answers name the field
    const bad = await answer(p, s1, [{ key: 'content', value: 9 }]).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toMatch(/answers/);
    await answer(p, s1, GOOD(1, '很好')).expect(201);
    const twice = await answer(p, s1, GOOD(2)).expect(409);
    expect(twice.body.code).toBe('ALREADY_ANSWERED');
    const after = await request(api.http)
      .get('/api/v1/me/evaluations')
      .set(bearer(p.session))
      .expect(200);
    expect(after.body.find((e: { sessionId: string }) => e.sessionId === s1).status).toBe(
      'answered',
    );
    // a running session is not open yet; a late answer is refused
    expect((await answer(p, s2, GOOD(1)).expect(409)).body.code).toBe('EVALUATION_NOT_OPEN');
    const lateAnswer = await answer(p, s0, GOOD(1)).expect(409);
    expect(lateAnswer.body.code).toBe('EVALUATION_CLOSED');

    // the class may set its own deadline (who runs it; not the district, not another institution)
    await request(api.http)
      .put(`/api/v1/classes/${c.id}/evaluation-settings`)
      .set(bearer(districtA))
      .send({ postClassDays: 14 })
      .expect(403);
    await request(api.http)
      .put(`/api/v1/classes/${c.id}/evaluation-settings`)
      .set(bearer(otherStaff))
      .send({ postClassDays: 14 })
      .expect(404);
    const bad2 = await request(api.http)
      .put(`/api/v1/classes/${c.id}/evaluation-settings`)
      .set(bearer(staff))
      .send({ postClassDays: 0 })
      .expect(400);
    expect(bad2.body.message).toContain('postClassDays');
    const set = await request(api.http)
      .put(`/api/v1/classes/${c.id}/evaluation-settings`)
      .set(bearer(staff))
      .send({ postClassDays: 14 })
      .expect(200);
    expect(set.body).toMatchObject({ postClassDays: 14, ownPostClassDays: true, classroomDays: 7 });
    await answer(p, s0, GOOD(1)).expect(201);

    // the ledger and the answers share nothing that would join them
    const cols = async (table: string): Promise<string[]> =>
      (
        await api.ds.query<{ column_name: string }[]>(
          `select column_name from information_schema.columns where table_name = $1`,
          [table],
        )
      ).map((r) => r.column_name);
    const answerCols = await cols('evaluation_post_class_answer');
    for (const col of ['worker_id', 'enrollment_id', 'account_id', 'submitted_at', 'created_at'])
      expect(answerCols).not.toContain(col);
    expect(await cols('evaluation_receipt')).not.toContain('answers');
    // the authority sees that each trainee answered at most once per session
    const ledger = await request(api.http)
      .get(`/api/v1/classes/${c.id}/evaluation-respondents`)
      .set(bearer(districtA))
      .expect(200);
    const row = ledger.body.find(
      (r: { enrollmentId: string }) => r.enrollmentId === p.enrollmentId,
    );
    expect(row).toMatchObject({ expected: 2, answered: 2 });
    expect(
      ledger.body.find((r: { enrollmentId: string }) => r.enrollmentId === absent.enrollmentId),
    ).toMatchObject({ expected: 1, answered: 0 });
    for (const s of [staff, c.teachers[0].session])
      await request(api.http)
        .get(`/api/v1/classes/${c.id}/evaluation-respondents`)
        .set(bearer(s))
        .expect(403);
    await request(api.http)
      .get(`/api/v1/classes/${c.id}/evaluation-respondents`)
      .set(bearer(districtB))
      .expect(404);
  });

  it('the teacher of a session assesses the trainees who attended it, once each; no one else does', async () => {
    const c = await aClass(2, 3);
    const [s1, s2] = c.sessions; // s1: teacher 0, s2: teacher 1
    await endedAgo(s1, 1);
    await endedAgo(s2, -30);
    await mark(c, s1, c.trainees[0], 'present');
    await mark(c, s1, c.trainees[1], 'late');
    await mark(c, s1, c.trainees[2], 'absent');
    const [t0, t1] = c.teachers;
    const list = await request(api.http)
      .get(`/api/v1/sessions/${s1}/classroom-evaluations`)
      .set(bearer(t0.session))
      .expect(200);
    expect(list.body.window).toBe('open');
    expect(list.body.trainees.map((t: { enrollmentId: string }) => t.enrollmentId).sort()).toEqual(
      [c.trainees[0].enrollmentId, c.trainees[1].enrollmentId].sort(),
    );
    expect(JSON.stringify(list.body)).not.toContain(c.trainees[0].worker.idNumber);
    const url = (t: Trainee) => `/api/v1/sessions/${s1}/classroom-evaluations/${t.enrollmentId}`;
    const done = await request(api.http)
      .post(url(c.trainees[0]))
      .set(bearer(t0.session))
      .send({ answers: CLASSROOM })
      .expect(201);
    expect(
      done.body.trainees.find(
        (t: { enrollmentId: string }) => t.enrollmentId === c.trainees[0].enrollmentId,
      ).answers,
    ).toEqual(CLASSROOM);
    expect(
      (
        await request(api.http)
          .post(url(c.trainees[0]))
          .set(bearer(t0.session))
          .send({ answers: CLASSROOM })
          .expect(409)
      ).body.code,
    ).toBe('ALREADY_ANSWERED');
    expect(
      (
        await request(api.http)
          .post(url(c.trainees[2]))
          .set(bearer(t0.session))
          .send({ answers: CLASSROOM })
          .expect(404)
      ).body.code,
    ).toBe('NO_EVALUATION');
    // the other teacher of the class, the institution, the district: not theirs to assess
    await request(api.http)
      .post(url(c.trainees[1]))
      .set(bearer(t1.session))
      .send({ answers: CLASSROOM })
      .expect(404);
    await request(api.http)
      .get(`/api/v1/sessions/${s1}/classroom-evaluations`)
      .set(bearer(t1.session))
      .expect(404);
    await request(api.http)
      .post(url(c.trainees[1]))
      .set(bearer(staff))
      .send({ answers: CLASSROOM })
      .expect(403);
    // the institution and the commissioning district read them; another district does not
    await request(api.http)
      .get(`/api/v1/sessions/${s1}/classroom-evaluations`)
      .set(bearer(staff))
      .expect(200);
    await request(api.http)
      .get(`/api/v1/sessions/${s1}/classroom-evaluations`)
      .set(bearer(districtA))
      .expect(200);
    await request(api.http)
      .get(`/api/v1/sessions/${s1}/classroom-evaluations`)
      .set(bearer(districtB))
      .expect(404);
    // a session not ended yet cannot be assessed
    await mark(c, s2, c.trainees[0], 'present');
    expect(
      (
        await request(api.http)
          .post(`/api/v1/sessions/${s2}/classroom-evaluations/${c.trainees[0].enrollmentId}`)
          .set(bearer(t1.session))
          .send({ answers: CLASSROOM })
          .expect(409)
      ).body.code,
    ).toBe('EVALUATION_NOT_OPEN');
  });

  it('keeps trainees anonymous to the teacher and the institution: aggregates only from 5 answers up', async () => {
    const c = await aClass(2, 8);
    const [s1, s2, ...rest] = c.sessions; // s1: teacher 0, s2: teacher 1
    // the other sessions are long over; s1 and s2 are open to evaluate, or closed (then the
    // class's evaluation is over and its results reach the institution and the teachers)
    for (const [i, s] of rest.entries()) await endedAgo(s, (20 + i) * 24);
    const open = async () => {
      await endedAgo(s1, 3);
      await endedAgo(s2, 1);
    };
    const close = async () => {
      await endedAgo(s1, 9 * 24);
      await endedAgo(s2, 8 * 24);
    };
    await open();
    for (const t of c.trainees) {
      await mark(c, s1, t, 'present');
      await mark(c, s2, t, 'present');
    }
    const [t0, t1] = c.teachers;
    const secret = '第四位学员的独特意见';
    for (let i = 0; i < 4; i++)
      await answer(c.trainees[i], s1, GOOD(i, i === 3 ? secret : undefined)).expect(201);

    const group = (body: { groups: { key: string }[] }, key: string) =>
      body.groups.find((g) => g.key === key) as
        | { visible: boolean; answered: number | null; items: unknown; comments: string[] | null }
        | undefined;

    // while the evaluation is open, the teacher and the institution see nothing; the authority sees it
    const early = await report(staff, c.id).expect(200);
    expect(early.body.total.visible).toBe(false);
    expect(new Date(early.body.releasesAt).getTime()).toBeGreaterThan(Date.now());

    // closed with 4 answers: the teacher and the institution still see nothing of them
    await close();
    for (const s of [staff, t0.session]) {
      const r = await report(s, c.id).expect(200);
      expect(r.body.view).toBe('anonymous');
      expect(r.body.total.visible).toBe(false);
      expect(group(r.body, t0.id)).toMatchObject({ visible: false, answered: null, items: null });
      expect(JSON.stringify(r.body)).not.toContain(secret);
    }
    const teacherOwn = await request(api.http)
      .get(`/api/v1/teachers/${t0.id}/evaluation-report`)
      .set(bearer(t0.session))
      .expect(200);
    expect(teacherOwn.body.total.visible).toBe(false);
    expect(JSON.stringify(teacherOwn.body)).not.toContain(secret);
    const inst = await request(api.http)
      .get(`/api/v1/institutions/${org.institution.id}/evaluation-report`)
      .set(bearer(staff))
      .expect(200);
    expect(JSON.stringify(inst.body)).not.toContain(secret);
    const auth = await report(districtA, c.id).expect(200);
    expect(auth.body.view).toBe('authority');
    expect(group(auth.body, t0.id)).toMatchObject({ visible: true, answered: 4 });
    expect(group(auth.body, t0.id)!.comments).toEqual([secret]);

    // a fifth answer: not shown while the evaluation is open (the moving aggregate would tell
    // what the one who just answered said) …
    await open();
    await answer(c.trainees[4], s1, GOOD(4)).expect(201);
    expect(group((await report(staff, c.id).expect(200)).body, t0.id)!.visible).toBe(false);
    // … and once it has closed, the teacher and the institution see the aggregate, and no one
    await close();
    for (const s of [staff, t0.session]) {
      const r = await report(s, c.id).expect(200);
      const g = group(r.body, t0.id)!;
      expect(g).toMatchObject({ visible: true, answered: 5 });
      expect(g.comments).toEqual([secret]);
      // neither who answered nor when
      const text = JSON.stringify(r.body);
      for (const t of c.trainees.slice(0, 5)) {
        expect(text).not.toContain(t.worker.id);
        expect(text).not.toContain(t.enrollmentId);
        expect(text).not.toContain(t.worker.name);
      }
      expect(text).not.toMatch(/submittedAt|receivedAt|workerId|enrollmentId/);
    }
    // every endpoint the teacher and the institution may call about the class: nothing tells
    // who answered (the classroom roster lists everyone who attended, alike)
    const endpoints = [
      `/api/v1/classes/${c.id}/evaluation-report`,
      `/api/v1/teachers/${t0.id}/evaluation-report`,
      `/api/v1/institutions/${org.institution.id}/evaluation-report`,
      `/api/v1/sessions/${s1}/classroom-evaluations`,
      `/api/v1/classes/${c.id}/evaluation-settings`,
      `/api/v1/evaluation-templates`,
    ];
    for (const s of [staff, t0.session]) {
      for (const url of endpoints) {
        const res = await request(api.http).get(url).set(bearer(s));
        if (res.status !== 200) {
          expect([403, 404]).toContain(res.status);
          continue;
        }
        const text = JSON.stringify(res.body);
        if (url.endsWith('classroom-evaluations')) {
          // the teacher's own assessments (none yet): every row alike, answered post-class or not
          const rows = res.body.trainees as Record<string, unknown>[];
          expect(rows).toHaveLength(8);
          const shapes = new Set(
            rows.map((r) => JSON.stringify({ ...r, enrollmentId: '', name: '' })),
          );
          expect(shapes.size).toBe(1);
          expect(text).not.toContain(secret);
        } else {
          expect(text).not.toMatch(/submittedAt|receivedAt|receipt/);
          for (const t of c.trainees) {
            expect(text).not.toContain(t.worker.id);
            expect(text).not.toContain(t.enrollmentId);
            expect(text).not.toContain(t.worker.name);
          }
        }
      }
    }
    // a teacher sees only their own group of the class
    const other = await report(t1.session, c.id).expect(200);
    expect(other.body.groups.map((g: { key: string }) => g.key)).toEqual([t1.id]);

    // two answers for the other teacher: hidden, and so is the first teacher's group now, else
    // the class total minus it would give the two away (the total of 7 stays)
    await open();
    await answer(c.trainees[0], s2, GOOD(0)).expect(201);
    await answer(c.trainees[1], s2, GOOD(1)).expect(201);
    await close();
    const r = await report(staff, c.id).expect(200);
    expect(group(r.body, t1.id)!.visible).toBe(false);
    expect(group(r.body, t0.id)!.visible).toBe(false);
    expect(r.body.total).toMatchObject({ visible: true, answered: 7 });
    const a = await report(bureau, c.id).expect(200);
    expect(group(a.body, t1.id)).toMatchObject({ visible: true, answered: 2 });

    // the teacher's own report: only groups of 5 up count towards its total
    const t1own = await request(api.http)
      .get(`/api/v1/teachers/${t1.id}/evaluation-report`)
      .set(bearer(t1.session))
      .expect(200);
    expect(t1own.body.total.visible).toBe(false);

    // scope: another institution, another district, another teacher, a worker
    await report(otherStaff, c.id).expect(404);
    await report(districtB, c.id).expect(404);
    const stranger = (await aClass(1, 0)).teachers[0];
    await report(stranger.session, c.id).expect(404);
    await report(c.trainees[0].session, c.id).expect(403);
    await request(api.http)
      .get(`/api/v1/teachers/${t0.id}/evaluation-report`)
      .set(bearer(t1.session))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/teachers/${t0.id}/evaluation-report`)
      .set(bearer(otherStaff))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/institutions/${org.institution.id}/evaluation-report`)
      .set(bearer(otherStaff))
      .expect(404);
    // a district reads the institution's report only for the classes it commissioned
    const ofB = await request(api.http)
      .get(`/api/v1/institutions/${org.institution.id}/evaluation-report`)
      .set(bearer(districtB))
      .expect(200);
    expect(ofB.body.total.answered).toBe(0);
  });

  it('exports the report for the authority as Excel and as a Chinese PDF with charts, rendered by the worker', async () => {
    worker = await createWorkerApp();
    const c = await aClass(1, 5);
    const [s1] = c.sessions;
    await endedAgo(s1, 1);
    for (const [i, t] of c.trainees.entries()) {
      await mark(c, s1, t, 'present');
      await answer(t, s1, GOOD(i, i === 0 ? '希望增加案例教学' : undefined)).expect(201);
    }
    // only the authority exports
    for (const s of [staff, c.teachers[0].session])
      await request(api.http)
        .post('/api/v1/evaluation-reports')
        .set(bearer(s))
        .send({ scope: 'class', targetId: c.id, format: 'pdf' })
        .expect(403);
    await request(api.http)
      .post('/api/v1/evaluation-reports')
      .set(bearer(districtB))
      .send({ scope: 'class', targetId: c.id, format: 'pdf' })
      .expect(404);

    const ready = async (format: 'pdf' | 'xlsx'): Promise<Buffer> => {
      const res = await request(api.http)
        .post('/api/v1/evaluation-reports')
        .set(bearer(districtA))
        .send({ scope: 'class', targetId: c.id, format })
        .expect(202);
      expect(res.body.status).toBe('pending');
      const deadline = Date.now() + 45_000;
      for (;;) {
        const s = await request(api.http)
          .get(`/api/v1/evaluation-reports/${res.body.id}`)
          .set(bearer(districtA))
          .expect(200);
        if (s.body.status === 'ready') break;
        if (s.body.status === 'failed' || Date.now() > deadline)
          throw new Error(JSON.stringify(s.body));
        await new Promise((r) => setTimeout(r, 100));
      }
      // the requester follows the job itself (its progress), as for every long job
      const job = await request(api.http)
        .get(`/api/v1/jobs/${res.body.queue}/${res.body.jobId}`)
        .set(bearer(districtA))
        .expect(200);
      expect(job.body.state).toBe('completed');
      // someone else's export is not theirs to read
      await request(api.http)
        .get(`/api/v1/evaluation-reports/${res.body.id}/file`)
        .set(bearer(bureau))
        .expect(404);
      const file = await request(api.http)
        .get(`/api/v1/evaluation-reports/${res.body.id}/file`)
        .set(bearer(districtA))
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (d: Buffer) => chunks.push(d));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      return file.body as Buffer;
    };

    const pdf = await ready('pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain('教学评价报告');
    expect(text).toContain('各项均分');
    expect(text).toContain('希望增加案例教学');
    for (const t of c.trainees) expect(text).not.toContain(t.worker.name);

    const xlsx = await ready('xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['汇总', '题目统计', '意见建议']),
    );
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getRow(2).getCell(3).value).toBe(5);
  });

  it('tells each trainee who attended an ended session, once, that its evaluation is open', async () => {
    worker ??= await createWorkerApp();
    const c = await aClass(1, 4);
    const [s1, s2] = c.sessions;
    await endedAgo(s1, 1);
    await endedAgo(s2, -30);
    const [came, absent, answered, future] = c.trainees;
    await mark(c, s1, came, 'late');
    await mark(c, s1, absent, 'absent');
    await mark(c, s1, answered, 'present');
    await answer(answered, s1, GOOD(0)).expect(201);
    await mark(c, s2, future, 'present');
    const sweep = worker.get(EvaluationInviteSweepJob);
    await sweep.handle();
    const notices = async (t: Trainee) =>
      api.ds.query<{ kind: string; title: string; body: string; data: { sessionId: string } }[]>(
        `select kind, title, body, data from notification where recipient_kind = 'worker' and recipient_id = $1`,
        [t.worker.id],
      );
    const mine = await notices(came);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'evaluation.open', data: { sessionId: s1 } });
    expect(mine[0].body).toContain('课后评价');
    for (const t of [absent, answered, future]) expect(await notices(t)).toHaveLength(0);
    // a second run tells no one again; a mark written later is picked up then
    const late = c.trainees[3];
    await mark(c, s1, late, 'left_early');
    await sweep.handle();
    expect(await notices(came)).toHaveLength(1);
    expect(await notices(late)).toHaveLength(1);
  });

  it('a class keeps the form it started with when the bureau publishes a new version', async () => {
    const c = await aClass(1, 2);
    const [s1, s2] = c.sessions;
    await endedAgo(s1, 30);
    await endedAgo(s2, 1);
    for (const t of c.trainees) {
      await mark(c, s1, t, 'present');
      await mark(c, s2, t, 'present');
    }
    await answer(c.trainees[0], s1, GOOD(0)).expect(201);
    const v1 = (
      await request(api.http).get('/api/v1/me/evaluations').set(bearer(c.trainees[1].session))
    ).body.find((e: { sessionId: string }) => e.sessionId === s2).templateId;

    const v2 = await request(api.http)
      .post('/api/v1/evaluation-templates')
      .set(bearer(bureau))
      .send({
        direction: 'post_class',
        title: '课后评价表（第二版）',
        items: [
          { key: 'content', type: 'likert', label: '教学内容' },
          { key: 'overall', type: 'single', label: '总体', options: ['满意', '不满意'] },
        ],
      })
      .expect(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'active' });
    const old = await request(api.http)
      .get(`/api/v1/evaluation-templates/${v1}`)
      .set(bearer(staff))
      .expect(200);
    expect(old.body).toMatchObject({ version: 1, status: 'superseded' });
    // this class goes on with version 1
    await answer(c.trainees[1], s2, GOOD(1)).expect(201);
    // a new class uses version 2
    const d = await aClass(1, 1);
    await endedAgo(d.sessions[0], 1);
    await mark(d, d.sessions[0], d.trainees[0], 'present');
    await answer(d.trainees[0], d.sessions[0], GOOD(0)).expect(400);
    await answer(d.trainees[0], d.sessions[0], [
      { key: 'content', value: 5 },
      { key: 'overall', value: '满意' },
    ]).expect(201);
  });
});
