import type { OrgUnit } from '@peixun/org';
import type { Role } from '@peixun/core';
import { AuditLog } from '@peixun/core';
import { AttendanceMark, AttendanceService, checkInToken, slotOf } from '@peixun/attendance';
import request from 'supertest';
import { anEnrolledWorker, aFiledInstitution } from './factories/class.factory';
import { anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { aClassInSession, ClassInSession } from './support/class-in-session';
import { signInAs, workerSessionFor } from './support/sessions';

type OpenClass = ClassInSession;

describe('attendance', () => {
  let api: TestApi;
  let org: TestOrg;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;

  const as = (role: Role, unit: OrgUnit | null): Promise<Session> => signInAs(api, role, unit);
  const workerSession = (w: TestWorker): Session => workerSessionFor(api, w);

  /** An open class whose first session started `minutesAgo` minutes ago (6 h long), 4 more on the next days. */

  const openClass = (minutesAgo = 10): Promise<OpenClass> =>
    aClassInSession(api, org, staff, minutesAgo);
  const tokenNow = (sessionId: string, offsetSlots = 0): string => {
    const key = api.app.get(AttendanceService).checkInKey;
    return checkInToken(key, sessionId, slotOf(new Date(), 30) + offsetSlots);
  };

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
  });
  afterAll(() => api.close());

  it('staff mark a whole roster in one request; the teacher of the session may too; others may only read, or not at all', async () => {
    const c = await openClass();
    const trainees = await Promise.all(
      [1, 2, 3, 4].map(() => anEnrolledWorker(api.ds, c.id, org.communityA1)),
    );
    const s = c.sessions[0].id;
    const body = {
      marks: [
        { enrollmentId: trainees[0].enrollmentId, status: 'present' },
        { enrollmentId: trainees[1].enrollmentId, status: 'late', minutesLate: 20 },
        { enrollmentId: trainees[2].enrollmentId, status: 'absent' },
        { enrollmentId: trainees[3].enrollmentId, status: 'left_early', minutesEarly: 10 },
      ],
    };
    const res = await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(staff))
      .send(body)
      .expect(200);
    expect(res.body.counts).toEqual({ unmarked: 0, present: 1, late: 1, absent: 1, left_early: 1 });
    const credited = Object.fromEntries(
      res.body.marks.map((m: { enrollmentId: string; creditedHalfHours: number }) => [
        m.enrollmentId,
        m.creditedHalfHours,
      ]),
    );
    // 6 h session, 8 class hours = 16 halves; 20 minutes late is past the 15-minute threshold: pro rata
    expect(credited[trainees[0].enrollmentId]).toBe(16);
    expect(credited[trainees[1].enrollmentId]).toBe(15);
    expect(credited[trainees[2].enrollmentId]).toBe(0);
    expect(credited[trainees[3].enrollmentId]).toBe(16);
    expect(res.body.missingNow).toEqual([trainees[2].enrollmentId]);
    expect(JSON.stringify(res.body)).not.toContain(trainees[0].worker.idNumber);

    const teacher = await login(api.http, c.teacherAccount, TEST_PASSWORD);
    await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance/${trainees[2].enrollmentId}`)
      .set(bearer(teacher))
      .send({ status: 'present', reason: '到场补签' })
      .expect(200);
    const otherTeacher = await as('teacher', org.institution);
    await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(otherTeacher))
      .send(body)
      .expect(404);
    await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(otherStaff))
      .send(body)
      .expect(404);
    await request(api.http)
      .get(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(districtA))
      .expect(200);
    const ro = await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(districtA))
      .send(body)
      .expect(403);
    expect(ro.body.code).toBe('FORBIDDEN_ROLE');
    await request(api.http)
      .get(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(districtB))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(workerSession(trainees[0].worker)))
      .expect(403);
    // a future session cannot be marked yet; a stranger to the class is refused, naming the row
    const future = await request(api.http)
      .put(`/api/v1/sessions/${c.sessions[2].id}/attendance`)
      .set(bearer(staff))
      .send(body)
      .expect(409);
    expect(future.body.code).toBe('SESSION_NOT_STARTED');
    const stranger = await anEnrolledWorker(api.ds, (await openClass()).id, org.communityA1);
    const bad = await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(staff))
      .send({ marks: [body.marks[0], { enrollmentId: stranger.enrollmentId, status: 'present' }] })
      .expect(400);
    expect(bad.body.details[0].field).toBe('marks[1].enrollmentId');
  });

  it('corrections after the session need a reason, keep the previous value in the audit log, and close after the window', async () => {
    const c = await openClass();
    const t = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const s = c.sessions[0].id;
    await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance`)
      .set(bearer(staff))
      .send({ marks: [{ enrollmentId: t.enrollmentId, status: 'absent' }] })
      .expect(200);
    // the session ended two days ago
    await api.ds.query(
      `update class_session set starts_at = now() - interval '2 days 6 hours', ends_at = now() - interval '2 days' where id = $1`,
      [s],
    );
    const noReason = await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance/${t.enrollmentId}`)
      .set(bearer(staff))
      .send({ status: 'present' })
      .expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance/${t.enrollmentId}`)
      .set(bearer(staff))
      .send({ status: 'present', reason: '纸质签到表已签名' })
      .expect(200);
    const entry = (
      await api.ds.getRepository(AuditLog).findBy({ entityId: s, action: 'attendance.corrected' })
    )[0];
    expect(entry.data).toMatchObject({
      reason: '纸质签到表已签名',
      changes: [
        { enrollmentId: t.enrollmentId, from: { status: 'absent' }, to: { status: 'present' } },
      ],
    });
    await api.ds.query(
      `update class_session set starts_at = now() - interval '8 days 6 hours', ends_at = now() - interval '8 days' where id = $1`,
      [s],
    );
    const late = await request(api.http)
      .put(`/api/v1/sessions/${s}/attendance/${t.enrollmentId}`)
      .set(bearer(staff))
      .send({ status: 'absent', reason: '再改' })
      .expect(409);
    expect(late.body.code).toBe('CORRECTION_WINDOW_CLOSED');
  });

  it('self check-in by the rotating QR code: idempotent for a retry, refused twice, expired, forged, for another session, or a future one', async () => {
    const c = await openClass(20);
    const t = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const ws = workerSession(t.worker);
    const s = c.sessions[0].id;
    const display = await request(api.http)
      .get(`/api/v1/sessions/${s}/check-in-code`)
      .set(bearer(staff))
      .expect(200);
    expect(display.body.url).toMatch(new RegExp(`/c/${s}/\\d+\\.[A-Za-z0-9_-]{16}$`));
    expect(display.body).toMatchObject({
      periodSeconds: 30,
      checkOut: true,
      code: expect.stringMatching(/^\d{6}$/),
    });
    await request(api.http).get(`/api/v1/sessions/${s}/check-in-code`).set(bearer(ws)).expect(403);

    const refuse = async (
      body: Record<string, unknown>,
      code: string,
      status = 409,
      session = ws,
    ) => {
      const r = await request(api.http).post('/api/v1/check-ins').set(bearer(session)).send(body);
      expect({ status: r.status, code: r.body.code }).toEqual({ status, code });
    };
    await refuse({ sessionId: s, token: tokenNow(s, -2) }, 'CHECKIN_TOKEN_EXPIRED');
    await refuse(
      { sessionId: s, token: `${slotOf(new Date(), 30)}.AAAAAAAAAAAAAAAA` },
      'CHECKIN_TOKEN_INVALID',
    );
    await refuse({ sessionId: s, token: tokenNow(c.sessions[1].id) }, 'CHECKIN_TOKEN_INVALID');
    await refuse(
      { sessionId: c.sessions[1].id, token: tokenNow(c.sessions[1].id) },
      'CHECKIN_NOT_OPEN_YET',
    );
    const outsider = await anEnrolledWorker(api.ds, (await openClass()).id, org.communityA1);
    await refuse(
      { sessionId: s, token: tokenNow(s) },
      'CHECKIN_NOT_ENROLLED',
      403,
      workerSession(outsider.worker),
    );

    // a flaky phone retries the same check-in 10 times at once: one record, every answer the same
    const token = display.body.token as string;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(api.http)
          .post('/api/v1/check-ins')
          .set(bearer(ws))
          .send({ sessionId: s, token, clientRef: 'phone-abc-12345' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(results.filter((r) => r.body.repeated === false)).toHaveLength(1);
    expect(results[0].body).toMatchObject({ status: 'late', minutesLate: expect.any(Number) });
    expect(await api.ds.getRepository(AttendanceMark).countBy({ sessionId: s })).toBe(1);
    // another check-in (not a retry) is refused, saying why
    await refuse({ sessionId: s, token: tokenNow(s) }, 'ALREADY_CHECKED_IN');
    // check-out of a long session shortens the stay
    const out = await request(api.http)
      .post('/api/v1/check-ins')
      .set(bearer(ws))
      .send({ sessionId: s, token: tokenNow(s), direction: 'out' })
      .expect(200);
    expect(out.body.checkOutAt).not.toBeNull();
    expect(out.body.minutesEarly).toBeGreaterThan(300);
    await refuse({ sessionId: s, token: tokenNow(s), direction: 'out' }, 'ALREADY_CHECKED_OUT');
  });

  it('check-ins arriving together are written together, each answered for itself', async () => {
    const c = await openClass(5);
    const other = await openClass(5);
    const s = c.sessions[0].id;
    const trainees = await Promise.all(
      Array.from({ length: 24 }, () => anEnrolledWorker(api.ds, c.id, org.communityA1)),
    );
    // trainees of another class among them: their answers must not be anyone else's
    const outsiders = await Promise.all(
      Array.from({ length: 6 }, () => anEnrolledWorker(api.ds, other.id, org.communityA1)),
    );
    const send = (w: TestWorker, clientRef: string) =>
      request(api.http)
        .post('/api/v1/check-ins')
        .set(bearer(workerSession(w)))
        .send({ sessionId: s, token: tokenNow(s), clientRef });
    // the first of a session takes the full path (which learns the session's region)
    await send(trainees[0].worker, 'first-0000').expect(200);
    const everyone = [...trainees.slice(1), ...outsiders];
    const replies = await Promise.all(
      everyone.map((t, i) => send(t.worker, `together-${String(i).padStart(4, '0')}`)),
    );
    const byWorker = new Map(everyone.map((t, i) => [t.worker.id, replies[i]]));
    for (const t of trainees.slice(1)) {
      const r = byWorker.get(t.worker.id)!;
      expect({ status: r.status, sessionId: r.body.sessionId, repeated: r.body.repeated }).toEqual({
        status: 200,
        sessionId: s,
        repeated: false,
      });
    }
    for (const t of outsiders) {
      const r = byWorker.get(t.worker.id)!;
      expect({ status: r.status, code: r.body.code }).toEqual({
        status: 403,
        code: 'CHECKIN_NOT_ENROLLED',
      });
    }
    const marks = await api.ds.getRepository(AttendanceMark).findBy({ sessionId: s });
    expect(marks.map((m) => m.workerId).sort()).toEqual(trainees.map((t) => t.worker.id).sort());
    // each mark carries its own request's clientRef
    const refs = new Map(marks.map((m) => [m.workerId, m.clientRef]));
    everyone.slice(0, 23).forEach((t, i) => {
      expect(refs.get(t.worker.id)).toBe(`together-${String(i).padStart(4, '0')}`);
    });
  });

  it('accepts an offline scan within the window at its scan time, and refuses a late submission or a scan from the future', async () => {
    const c = await openClass(60);
    const [a, b] = await Promise.all(
      [1, 2].map(() => anEnrolledWorker(api.ds, c.id, org.communityA1)),
    );
    const s = c.sessions[0].id;
    const scannedAt = new Date(Date.now() - 45 * 60_000); // 15 minutes after the start
    const key = api.app.get(AttendanceService).checkInKey;
    const token = checkInToken(key, s, slotOf(scannedAt, 30));
    const ok = await request(api.http)
      .post('/api/v1/check-ins')
      .set(bearer(workerSession(a.worker)))
      .send({ sessionId: s, token, scannedAt: scannedAt.toISOString() })
      .expect(200);
    expect(ok.body).toMatchObject({ status: 'late', minutesLate: 15 });
    // the same token now, without its scan time, has long expired
    const stale = await request(api.http)
      .post('/api/v1/check-ins')
      .set(bearer(workerSession(b.worker)))
      .send({ sessionId: s, token })
      .expect(409);
    expect(stale.body.code).toBe('CHECKIN_TOKEN_EXPIRED');
    const future = await request(api.http)
      .post('/api/v1/check-ins')
      .set(bearer(workerSession(b.worker)))
      .send({
        sessionId: s,
        token: tokenNow(s),
        scannedAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .expect(400);
    expect(future.body.code).toBe('CHECKIN_SCAN_IN_FUTURE');
    const tooOld = new Date(Date.now() - 25 * 3_600_000);
    const old = await request(api.http)
      .post('/api/v1/check-ins')
      .set(bearer(workerSession(b.worker)))
      .send({
        sessionId: s,
        token: checkInToken(key, s, slotOf(tooOld, 30)),
        scannedAt: tooOld.toISOString(),
      })
      .expect(409);
    expect(old.body.code).toBe('CHECKIN_OFFLINE_TOO_LATE');
  });

  it('checks in by the 6-digit code for those without a camera', async () => {
    const c = await openClass(0);
    const t = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const display = await request(api.http)
      .get(`/api/v1/sessions/${c.sessions[0].id}/check-in-code`)
      .set(bearer(staff))
      .expect(200);
    const wrong = String((Number(display.body.code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await request(api.http)
      .post('/api/v1/check-ins/code')
      .set(bearer(workerSession(t.worker)))
      .send({ code: wrong })
      .expect(409);
    expect(bad.body.code).toBe('CHECKIN_CODE_INVALID');
    const ok = await request(api.http)
      .post('/api/v1/check-ins/code')
      .set(bearer(workerSession(t.worker)))
      .send({ code: display.body.code })
      .expect(200);
    expect(ok.body).toMatchObject({
      sessionId: c.sessions[0].id,
      status: expect.stringMatching(/^(present|late)$/),
    });
  });

  it('leave is asked before the session starts and approved by the institution (no hours, not an absence)', async () => {
    const c = await openClass();
    const t = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const ws = workerSession(t.worker);
    const tooLate = await request(api.http)
      .post(`/api/v1/sessions/${c.sessions[0].id}/leave-requests`)
      .set(bearer(ws))
      .send({ reason: '身体不适' })
      .expect(409);
    expect(tooLate.body.code).toBe('LEAVE_TOO_LATE');
    const l = await request(api.http)
      .post(`/api/v1/sessions/${c.sessions[1].id}/leave-requests`)
      .set(bearer(ws))
      .send({ reason: '社区换届选举值班' })
      .expect(201);
    expect(l.body.status).toBe('pending');
    const twice = await request(api.http)
      .post(`/api/v1/sessions/${c.sessions[1].id}/leave-requests`)
      .set(bearer(ws))
      .send({ reason: '再请一次' })
      .expect(409);
    expect(twice.body.code).toBe('LEAVE_ALREADY_REQUESTED');
    await request(api.http)
      .post(`/api/v1/leave-requests/${l.body.id}/approve`)
      .set(bearer(otherStaff))
      .send({})
      .expect(404);
    await request(api.http)
      .post(`/api/v1/leave-requests/${l.body.id}/approve`)
      .set(bearer(ws))
      .send({})
      .expect(403);
    const ok = await request(api.http)
      .post(`/api/v1/leave-requests/${l.body.id}/approve`)
      .set(bearer(staff))
      .send({ note: '同意' })
      .expect(200);
    expect(ok.body.status).toBe('approved');
    const mark = await api.ds
      .getRepository(AttendanceMark)
      .findOneByOrFail({ sessionId: c.sessions[1].id, enrollmentId: t.enrollmentId });
    expect(mark).toMatchObject({ status: 'leave', source: 'leave' });
    const mine = await request(api.http)
      .get('/api/v1/me/leave-requests')
      .set(bearer(ws))
      .expect(200);
    expect(mine.body.map((x: { status: string }) => x.status)).toEqual(['approved']);
  });

  it('hours credited against the requirement, from the marks (what the exam and the certificate check)', async () => {
    const c = await openClass();
    const t = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const ws = workerSession(t.worker);
    // all five sessions held: the first two present, one late 30 minutes, one absent, one on leave
    const past = [5, 4, 3, 2, 1];
    for (const [i, s] of c.sessions.entries()) {
      await api.ds.query(
        `update class_session set starts_at = now() - make_interval(days => $2) - interval '6 hours', ends_at = now() - make_interval(days => $2) where id = $1`,
        [s.id, past[i]],
      );
    }
    const marks = ['present', 'present', 'late', 'absent', 'leave'] as const;
    for (const [i, status] of marks.entries()) {
      await api.ds.query(
        `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, source) values ($1, $2, $3, $4, $5, $6, 'staff')`,
        [c.sessions[i].id, t.enrollmentId, c.id, t.worker.id, status, status === 'late' ? 30 : 0],
      );
    }
    const res = await request(api.http)
      .get(`/api/v1/enrollments/${t.enrollmentId}/hours`)
      .set(bearer(ws))
      .expect(200);
    // 16 + 16 + 16·330/360 → 14 = 46 halves of the 80 the policy asks for post training (40 h)
    expect(res.body).toMatchObject({
      creditedHalfHours: 46,
      requiredHalfHours: 80,
      sessionsHeld: 5,
      sessionsAttended: 3,
      attendanceRate: 0.6,
      met: false,
    });
    await request(api.http)
      .get(`/api/v1/enrollments/${t.enrollmentId}/hours`)
      .set(bearer(districtB))
      .expect(404);
    const year = await request(api.http)
      .get(`/api/v1/workers/${t.worker.id}/hours`)
      .set(bearer(districtA))
      .expect(200);
    expect(year.body.types).toEqual([
      expect.objectContaining({
        type: 'post',
        label: '岗位培训',
        creditedHalfHours: 46,
        requiredHalfHours: 80,
      }),
    ]);
  });
});
