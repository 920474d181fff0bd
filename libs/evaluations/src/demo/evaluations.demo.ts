import { Injectable, OnModuleInit } from '@nestjs/common';
import { Account, AppConfig } from '@peixun/core';
import { DemoSeedService } from '@peixun/org';
import { EntityManager } from 'typeorm';
import { EvaluationTemplate } from '../evaluation.entity';
import { Answer, attended, TemplateItem } from '../evaluations.rules';

const COMMENTS = [
  '案例贴近社区实际，希望多安排互动讨论。',
  '讲解清楚，课件可以提前发给学员。',
  '内容实用，建议增加政策解读的时间。',
  '',
  '希望多一些情景模拟练习。',
];

/** A demo answer: varied but fixed (the n-th respondent of a session). */
function demoAnswers(items: TemplateItem[], n: number): Answer[] {
  const out: Answer[] = [];
  items.forEach((it, i) => {
    switch (it.type) {
      case 'likert':
        out.push({ key: it.key, value: [5, 4, 5, 3, 4, 5][(n + i) % 6] });
        break;
      case 'single':
        out.push({ key: it.key, value: it.options![(n + i) % it.options!.length] });
        break;
      case 'multiple':
        out.push({ key: it.key, value: it.options!.filter((_, j) => (j + n) % 2 === 0) });
        break;
      case 'text': {
        const t = COMMENTS[n % COMMENTS.length];
        if (t) out.push({ key: it.key, value: t });
        break;
      }
    }
  });
  return out;
}

/**
 * The demo's evaluations: in 东城区's post class, the sessions that have already ended get
 * their attendance (five of the six trainees attended, one was absent) and five post-class
 * evaluations each — enough for the anonymous aggregates, which the institution and the
 * teacher see once the class's evaluation has closed (the district and the bureau at once) —
 * and 王老师's classroom evaluation of the trainees of the first one. worker.li
 * attended the ended sessions of the continuing class and finds them open to evaluate.
 * (On a Monday morning no session of the week has ended yet: the step then adds nothing.)
 */
@Injectable()
export class EvaluationsDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeedService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'evaluations', run: (em) => this.seed(em) });
  }

  private async seed(em: EntityManager): Promise<number> {
    const staff = await em.findOneBy(Account, { username: 'jigou.staff' });
    const wang = await em.findOneBy(Account, { username: 'teacher.wang' });
    const post = await em.findOneBy(EvaluationTemplate, {
      direction: 'post_class',
      status: 'active',
    });
    const classroom = await em.findOneBy(EvaluationTemplate, {
      direction: 'classroom',
      status: 'active',
    });
    if (!staff || !post || !classroom) return 0;
    let count = 0;
    const ended = async (title: string) =>
      em.query<{ id: string; class_id: string; teacher_id: string | null }[]>(
        `select s.id, s.class_id, s.teacher_id from class_session s join training_class c on c.id = s.class_id
          where c.title like '%' || $1 and s.status = 'scheduled' and s.ends_at <= now()
            -- today's sessions are the attendance demo's day of work: some trainees stay unmarked
            and (s.starts_at at time zone $2)::date < (now() at time zone $2)::date
          order by s.starts_at`,
        [title, this.config.timezone],
      );
    const trainees = async (classId: string) =>
      em.query<{ id: string; worker_id: string }[]>(
        `select id, worker_id from enrollment where class_id = $1 and status = 'enrolled' order by enrolled_at, id`,
        [classId],
      );
    /** Marks a trainee unless the session already has their mark (the attendance demo's); the mark that holds. */
    const mark = async (
      s: { id: string; class_id: string },
      e: { id: string; worker_id: string },
      status: string,
    ): Promise<string> => {
      const [held] = await em.query<{ status: string }[]>(
        `with ins as (
           insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, source, marked_by)
           values ($1, $2, $3, $4, $5, $6, 'staff', $7) on conflict (session_id, enrollment_id) do nothing
           returning status)
         select status from ins
         union all
         select status from attendance_mark where session_id = $1 and enrollment_id = $2
         limit 1`,
        [s.id, e.id, s.class_id, e.worker_id, status, status === 'late' ? 20 : 0, staff.id],
      );
      return held.status;
    };

    const postSessions = await ended('东城区社区工作者岗位培训');
    for (const [k, s] of postSessions.entries()) {
      const list = await trainees(s.class_id);
      for (const [n, e] of list.entries()) {
        const wanted = n === list.length - 1 ? 'absent' : n === 1 ? 'late' : 'present';
        // only who attended evaluates (an earlier demo step may have marked the session already)
        if (!attended(await mark(s, e, wanted))) continue;
        await em.query(
          `insert into evaluation_receipt (session_id, class_id, enrollment_id, worker_id) values ($1, $2, $3, $4)`,
          [s.id, s.class_id, e.id, e.worker_id],
        );
        await em.query(
          `insert into evaluation_post_class_answer (session_id, class_id, teacher_id, template_id, answers)
           values ($1, $2, $3, $4, $5)`,
          [s.id, s.class_id, s.teacher_id, post.id, JSON.stringify(demoAnswers(post.items, n + k))],
        );
        count += 1;
        if (k === 0 && wang) {
          await em.query(
            `insert into evaluation_classroom (session_id, class_id, enrollment_id, worker_id, teacher_id, template_id, answers, evaluated_by)
             values ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              s.id,
              s.class_id,
              e.id,
              e.worker_id,
              s.teacher_id,
              classroom.id,
              JSON.stringify(demoAnswers(classroom.items, n)),
              wang.id,
            ],
          );
          count += 1;
        }
      }
      await em.query(
        `insert into evaluation_class_setting (class_id, post_class_template_id, classroom_template_id)
         values ($1, $2, $3) on conflict (class_id) do nothing`,
        [s.class_id, post.id, classroom.id],
      );
    }

    // worker.li attended the continuing class's ended sessions: open evaluations to try
    const li = await em.findOneBy(Account, { username: 'worker.li' });
    if (li?.workerId) {
      for (const s of await ended('东城区社会工作者继续教育培训')) {
        for (const e of await trainees(s.class_id)) await mark(s, e, 'present');
        count += 1;
      }
    }
    return count;
  }
}
