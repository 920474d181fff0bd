import { DataSource } from 'typeorm';
import { aConsentingTeacher, anApprovedPlan } from './class.factory';
import type { TestOrg } from './org.factory';
import { aWorker, TestWorker } from './worker.factory';

export interface FinishedClass {
  id: string;
  sessions: string[];
  trainees: { worker: TestWorker; enrollmentId: string }[];
}

/**
 * A class of district A run by the test institution whose sessions were all held (days ago),
 * with `trainees` enrolled and marked — written directly (classes, enrolment and attendance
 * have their own tests). `absentFor`: trainees (by index) absent from every session, who
 * therefore have not met the hours.
 */
export async function aFinishedClass(
  ds: DataSource,
  org: TestOrg,
  opts: { trainees: number; absentFor?: number[]; sessions?: number; year?: number },
): Promise<FinishedClass> {
  const teacher = await aConsentingTeacher(
    ds,
    org.institution.id,
    `师${Math.random().toString(36).slice(2, 6)}`,
  );
  const plan = await anApprovedPlan(ds, org, { teacherIds: [teacher.id], year: opts.year });
  const [c] = await ds.query<{ id: string }[]>(
    `insert into training_class (origin, project_plan_id, institution_id, district_id, municipality_id, year, type,
       title, capacity, taken, location, enrol_opens_at, enrol_closes_at, status, opened_at, created_by)
     values ('plan', $1, $2, $3, $4, $5, 'post', $6, $7, $7, '东城区社区学院',
       now() - interval '30 days', now() - interval '20 days', 'open', now() - interval '30 days',
       '00000000-0000-4000-8000-000000000000') returning id`,
    [
      plan.id,
      org.institution.id,
      org.districtA.id,
      org.municipality.id,
      plan.year,
      `结业班 ${Math.random().toString(36).slice(2, 6)}`,
      Math.max(1, opts.trainees),
    ],
  );
  const sessions: string[] = [];
  for (let i = 0; i < (opts.sessions ?? 2); i++) {
    const [s] = await ds.query<{ id: string }[]>(
      `insert into class_session (class_id, starts_at, ends_at, half_hours, topic, method)
       values ($1, now() - make_interval(days => $2) - interval '8 hours', now() - make_interval(days => $2) - interval '2 hours',
               8, $3, 'lecture') returning id`,
      [c.id, 10 - i, `专题 ${i + 1}`],
    );
    sessions.push(s.id);
  }
  const absent = new Set(opts.absentFor ?? []);
  const trainees: FinishedClass['trainees'] = [];
  for (let i = 0; i < opts.trainees; i++) {
    const worker = await aWorker()
      .inCommunity(i % 2 ? org.communityA2 : org.communityA1)
      .create(ds);
    const [e] = await ds.query<{ id: string }[]>(
      `insert into enrollment (class_id, worker_id, status, source, enrolled_at)
       values ($1, $2, 'enrolled', 'bulk', now() - interval '25 days') returning id`,
      [c.id, worker.id],
    );
    trainees.push({ worker, enrollmentId: e.id });
  }
  // marks for everyone at once
  await ds.query(
    `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, source)
     select s.id, e.id, e.class_id, e.worker_id,
            case when e.id = any($2::uuid[]) then 'absent' else 'present' end, 'staff'
       from enrollment e cross join class_session s
      where e.class_id = $1 and s.class_id = $1`,
    [c.id, trainees.filter((_, i) => absent.has(i)).map((t) => t.enrollmentId)],
  );
  return { id: c.id, sessions, trainees };
}
