import request from 'supertest';
import {
  aConsentingTeacher,
  anApprovedPlan,
  clockFromNow,
  dayFromNow,
} from '../factories/class.factory';
import { anAccount, TestOrg } from '../factories/org.factory';
import { bearer, Session, TestApi } from './app';

/** An open class made for attendance tests: its first session is under way, its teacher has an account. */
export interface ClassInSession {
  id: string;
  title: string;
  sessions: { id: string }[];
  /** The username of the teacher's account (password TEST_PASSWORD). */
  teacherAccount: string;
}

/**
 * An open class of the institution from an approved plan: the first session started
 * `minutesAgo` minutes ago (16 half hours), four more on the next days, all taught by one pool
 * teacher who has an account; enrolment open, 400 places.
 */
export async function aClassInSession(
  api: TestApi,
  org: TestOrg,
  staff: Session,
  minutesAgo = 10,
): Promise<ClassInSession> {
  const teacherAccount = await anAccount()
    .withRole('teacher')
    .inOrg(org.institution)
    .create(api.ds);
  const t = await aConsentingTeacher(
    api.ds,
    org.institution.id,
    `师${Math.random().toString(36).slice(2, 6)}`,
  );
  await api.ds.query(`update teacher set account_id = $2 where id = $1`, [t.id, teacherAccount.id]);
  const first = clockFromNow(-minutesAgo);
  const plan = await anApprovedPlan(api.ds, org, {
    teacherIds: [t.id],
    sessions: [
      {
        date: first.date,
        startTime: first.time,
        halfHours: 16,
        topic: '今天的课',
        teacherId: t.id,
      },
      ...[1, 2, 3, 4].map((i) => ({
        date: dayFromNow(i + 1),
        startTime: '09:00',
        halfHours: 16,
        topic: `专题 ${i}`,
        teacherId: t.id,
      })),
    ],
  });
  const window = {
    enrolOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
    enrolClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
  };
  const c = await request(api.http)
    .post('/api/v1/classes')
    .set(bearer(staff))
    .send({ projectPlanId: plan.id, capacity: 400, ...window })
    .expect(201);
  await request(api.http)
    .post(`/api/v1/classes/${c.body.id}/publish`)
    .set(bearer(staff))
    .expect(201);
  return {
    id: c.body.id,
    title: c.body.title,
    sessions: c.body.sessions,
    teacherAccount: teacherAccount.username,
  };
}
