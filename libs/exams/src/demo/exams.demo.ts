import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Account, AppConfig, JobName, JobsService, localDate, zonedDateTime } from '@peixun/core';
import { DemoSeedContext, DemoSeedService } from '@peixun/org';
import { examRules, POLICY_DEFAULTS } from '@peixun/policy';
import { EntityManager } from 'typeorm';

const DAY = 86_400_000;
/** Scores of the demo trainees at the exam (two fail; the last missed too many sessions). */
const SCORES = [92, 86, 78, 55, 71, 48, 88, 64];

/**
 * The demo's finished class: 东城区's post training of five weeks ago, every session held,
 * the trainees marked, the exam held under the district's supervision with passed and failed
 * trainees, and — issued by the worker shortly after the seed — their certificates, so that
 * worker.li can download one and verification can be tried at once.
 */
@Injectable()
export class ExamsDemoSeed implements OnModuleInit {
  private readonly logger = new Logger(ExamsDemoSeed.name);

  constructor(
    private readonly seeder: DemoSeedService,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'exams', run: (em, ctx) => this.seed(em, ctx) });
  }

  private async seed(em: EntityManager, ctx: DemoSeedContext): Promise<number> {
    const tz = this.config.timezone;
    const inst = ctx.units.get('inst');
    const dc = ctx.units.get('dc');
    const bj = ctx.units.get('bj');
    if (!inst || !dc || !bj) return 0;
    // a project of its own (the first run of the year's post training), so that the week's
    // post class of the same project is still open to its trainees
    const [base] = await em.query<{ id: string; year: number; plan_project_id: string }[]>(
      `select p.id, p.year, p.plan_project_id from project_plan p join plan_project pp on pp.id = p.plan_project_id
        where p.institution_id = $1 and p.status = 'approved' and pp.type = 'post'
        order by p.created_at limit 1`,
      [inst.id],
    );
    if (!base) return 0;
    const [project] = await em.query<{ id: string }[]>(
      `insert into plan_project (plan_id, type, title, target_tiers, target_channels, planned_places, budget_fen, funding_level)
       select plan_id, type, '社区工作者岗位培训（第一期）', target_tiers, target_channels, 30, 0, funding_level
         from plan_project where id = $1 returning id`,
      [base.plan_project_id],
    );
    const [plan] = await em.query<{ id: string; year: number }[]>(
      `insert into project_plan (year, district_id, plan_project_id, institution_id, title, places, start_date, end_date,
         place, methods, teacher_ids, materials, sessions, cost_items, status, submitted_at, decided_at, filing_number, created_by)
       select year, district_id, $2, institution_id, '东城区社区工作者岗位培训（第一期）', 30, $3::date, $3::date + 4,
         place, methods, teacher_ids, materials, '[]'::jsonb, cost_items, 'approved', submitted_at, decided_at,
         filing_number || '-1', created_by
         from project_plan where id = $1 returning id, year`,
      [base.id, project.id, localDate(new Date(Date.now() - 35 * DAY), tz)],
    );
    if (!plan) return 0;
    const staff = await em.findOneByOrFail(Account, { username: 'jigou.staff' });
    const li = await em.findOneBy(Account, { username: 'worker.li' });
    const workers = await em.query<{ id: string }[]>(
      `select id from worker where district_id = $1 and status = 'active' ${li?.workerId ? 'and id <> $2' : ''}
        order by id limit ${SCORES.length + (li?.workerId ? 0 : 1)}`,
      li?.workerId ? [dc.id, li.workerId] : [dc.id],
    );
    const trainees = [...(li?.workerId ? [li.workerId] : []), ...workers.map((w) => w.id)];
    const now = Date.now();
    const first = localDate(new Date(now - 35 * DAY), tz);
    const year = Number(first.slice(0, 4)) === plan.year ? plan.year : Number(first.slice(0, 4));
    const [c] = await em.query<{ id: string }[]>(
      `insert into training_class (origin, project_plan_id, institution_id, district_id, municipality_id, year, type,
         title, capacity, taken, location, enrol_opens_at, enrol_closes_at, status, opened_at, created_by)
       values ('plan', $1, $2, $3, $4, $5, 'post', '东城区社区工作者岗位培训（第一期·已结业）', 30, $6,
         '东城区社区学院', $7, $8, 'open', $7, $9) returning id`,
      [
        plan.id,
        inst.id,
        dc.id,
        bj.id,
        year,
        trainees.length,
        new Date(now - 50 * DAY),
        new Date(now - 36 * DAY),
        staff.id,
      ],
    );
    const [teacher] = await em.query<{ id: string }[]>(
      `select id from teacher where name = '王老师' limit 1`,
    );
    const sessions: string[] = [];
    for (let i = 0; i < 5; i++) {
      const date = localDate(new Date(now - (35 - i) * DAY), tz);
      const starts = zonedDateTime(date, '08:00', tz);
      const [s] = await em.query<{ id: string }[]>(
        `insert into class_session (class_id, starts_at, ends_at, half_hours, topic, method, teacher_id, room)
         values ($1, $2, $3, 16, $4, 'lecture', $5, '东城区社区学院 201') returning id`,
        [
          c.id,
          starts,
          new Date(starts.getTime() + 8 * 45 * 60_000),
          `专题 ${i + 1}：社区治理与服务实务`,
          teacher?.id ?? null,
        ],
      );
      sessions.push(s.id);
    }
    const rules = examRules({ exam: POLICY_DEFAULTS.exam } as never);
    const [exam] = await em.query<{ id: string }[]>(
      `insert into exam (class_id, attempt, held_on, mode, max_score, pass_score, supervisor_name, supervisor_org_id, recorded_by)
       values ($1, 1, $2, 'score', $3, $4, '东城区民政局 赵监考', $5, $6) returning id`,
      [
        c.id,
        localDate(new Date(now - 30 * DAY), tz),
        rules.maxScore,
        rules.passScore,
        dc.id,
        staff.id,
      ],
    );
    const passed: string[] = [];
    for (const [i, workerId] of trainees.entries()) {
      const [e] = await em.query<{ id: string }[]>(
        `insert into enrollment (class_id, worker_id, status, source, enrolled_at, created_by)
         values ($1, $2, 'enrolled', 'bulk', $3, $4) returning id`,
        [c.id, workerId, new Date(now - 40 * DAY), staff.id],
      );
      // the last trainee missed three days: hours not met, no exam
      const missed = i === trainees.length - 1 && i >= SCORES.length ? 3 : 0;
      for (const [k, s] of sessions.entries()) {
        await em.query(
          `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, source, marked_by)
           values ($1, $2, $3, $4, $5, 'staff', $6)`,
          [s, e.id, c.id, workerId, k < missed ? 'absent' : 'present', staff.id],
        );
      }
      const score = SCORES[i];
      if (missed || score === undefined) continue;
      await em.query(
        `insert into exam_result (exam_id, enrollment_id, class_id, worker_id, attempt, score, passed, recorded_by)
         values ($1, $2, $3, $4, 1, $5, $6, $7)`,
        [exam.id, e.id, c.id, workerId, score, score >= rules.passScore, staff.id],
      );
      if (score >= rules.passScore) passed.push(e.id);
    }
    // the worker issues them once the seed has committed (a job that runs early retries)
    const at = new Date(Date.now() + 3000);
    for (const enrollmentId of passed) {
      await this.jobs
        .enqueue(
          JobName.CertificateIssue,
          { enrollmentId, generation: 1, requestedBy: staff.id },
          { at },
        )
        .catch((err: unknown) =>
          this.logger.warn(`demo certificate not queued: ${(err as Error).message}`),
        );
    }
    return trainees.length;
  }
}
