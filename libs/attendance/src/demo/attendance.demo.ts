import { Injectable, OnModuleInit } from '@nestjs/common';
import { Account, AppConfig, localDate } from '@peixun/core';
import { DemoSeedService } from '@peixun/org';
import { EntityManager } from 'typeorm';
import { MarkStatus } from '../attendance.rules';

interface DemoSession {
  id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
}

/** How the trainees of today's session are marked, in order (the rest stay unmarked). */
const TODAY: { status: MarkStatus; minutesLate: number; source: 'self' | 'staff' | 'code' }[] = [
  { status: 'present', minutesLate: 0, source: 'self' },
  { status: 'present', minutesLate: 0, source: 'code' },
  { status: 'late', minutesLate: 12, source: 'self' },
  { status: 'absent', minutesLate: 0, source: 'staff' },
];

/**
 * Adds the day's attendance to the demo (after the classes and enrolments): the class with a
 * session today that has the most trainees gets a mix of marks on it (self check-in, code,
 * late, absent, some still unmarked), earlier sessions of the class are marked present, and
 * a trainee has asked for leave from its next session (pending). The live check-in token
 * needs no data: jigou.staff opens GET /api/v1/sessions/:id/check-in-code for today's session.
 */
@Injectable()
export class AttendanceDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeedService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'attendance', run: (em) => this.seed(em) });
  }

  private async seed(em: EntityManager): Promise<number> {
    const tz = this.config.timezone;
    const now = new Date();
    const today = localDate(now, tz);
    const staff = await em.findOneBy(Account, { username: 'jigou.staff' });
    const sessions = await em.query<(DemoSession & { enrolled: number })[]>(
      `select s.id, s.class_id, s.starts_at, s.ends_at,
              (select count(*)::int from enrollment e where e.class_id = s.class_id and e.status = 'enrolled') as enrolled
         from class_session s join training_class c on c.id = s.class_id
        where s.status = 'scheduled' and c.status = 'open' and c.institution_id is not null`,
    );
    const todays = sessions
      .filter((s) => localDate(s.starts_at, tz) === today && s.enrolled > 0)
      .sort((a, b) => b.enrolled - a.enrolled || a.starts_at.getTime() - b.starts_at.getTime());
    const session = todays[0];
    if (!session) return 0;
    const trainees = await em.query<{ id: string; worker_id: string }[]>(
      `select e.id, e.worker_id from enrollment e join worker w on w.id = e.worker_id
        where e.class_id = $1 and e.status = 'enrolled' order by w.name, w.id`,
      [session.class_id],
    );
    const rows: unknown[] = [];
    const mark = (
      s: DemoSession,
      t: { id: string; worker_id: string },
      status: MarkStatus,
      minutesLate: number,
      source: string,
    ): void => {
      const self = source === 'self' || source === 'code';
      rows.push({
        session_id: s.id,
        enrollment_id: t.id,
        class_id: s.class_id,
        worker_id: t.worker_id,
        status,
        minutes_late: minutesLate,
        check_in_at: self
          ? new Date(s.starts_at.getTime() + (minutesLate ? minutesLate : -5) * 60_000)
          : null,
        source,
        marked_by: self ? null : (staff?.id ?? null),
      });
    };
    // earlier sessions of the class: everyone was there
    for (const s of sessions.filter(
      (x) => x.class_id === session.class_id && x.ends_at <= session.starts_at,
    )) {
      for (const t of trainees) mark(s, t, 'present', 0, 'staff');
    }
    TODAY.slice(0, Math.max(0, trainees.length - 2)).forEach((m, i) =>
      mark(session, trainees[i], m.status, m.minutesLate, m.source),
    );
    if (rows.length) {
      await em.query(
        `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, check_in_at,
                                      source, marked_by, note)
         select v.session_id, v.enrollment_id, v.class_id, v.worker_id, v.status, v.minutes_late, v.check_in_at,
                v.source, v.marked_by, '演示数据 (demo)'
           from jsonb_to_recordset($1::jsonb) as v(session_id uuid, enrollment_id uuid, class_id uuid, worker_id uuid,
                                                   status text, minutes_late int, check_in_at timestamptz, source text,
                                                   marked_by uuid)
         on conflict (session_id, enrollment_id) do nothing`,
        [JSON.stringify(rows)],
      );
    }
    // a pending leave request: the last trainee, from the class's next session (or, when
    // none is left this week, the next session of any demo class they hold a place in)
    const last = trainees[trainees.length - 1];
    const next = sessions
      .filter((s) => s.class_id === session.class_id && s.starts_at > now)
      .sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime())[0];
    let leaves = 0;
    if (last && next) {
      await em.query(
        `insert into leave_request (session_id, enrollment_id, class_id, worker_id, reason, status)
         values ($1, $2, $3, $4, $5, 'pending')`,
        [
          next.id,
          last.id,
          next.class_id,
          last.worker_id,
          '社区入户走访任务冲突，申请请假（演示数据）',
        ],
      );
      leaves = 1;
    } else {
      const [other] = await em.query<
        { session_id: string; class_id: string; enrollment_id: string; worker_id: string }[]
      >(
        `select s.id as session_id, s.class_id, e.id as enrollment_id, e.worker_id
           from class_session s join enrollment e on e.class_id = s.class_id and e.status = 'enrolled'
          where s.status = 'scheduled' and s.starts_at > $1 order by s.starts_at limit 1`,
        [now],
      );
      if (other) {
        await em.query(
          `insert into leave_request (session_id, enrollment_id, class_id, worker_id, reason, status)
           values ($1, $2, $3, $4, $5, 'pending')`,
          [
            other.session_id,
            other.enrollment_id,
            other.class_id,
            other.worker_id,
            '社区入户走访任务冲突，申请请假（演示数据）',
          ],
        );
        leaves = 1;
      }
    }
    return rows.length + leaves;
  }
}
