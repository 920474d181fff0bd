/**
 * The municipal bureau's approval queue with 500 pending project plans (issue 4:
 * target under 100 ms). Plans are inserted directly; the queue is read over
 * HTTP (in-process) and by the service alone.
 *
 *   npm run bench:planning        PENDING=2000 npm run bench:planning
 */
import request from 'supertest';
import { Account, hashPassword } from '../libs/core/src';
import { OrgUnit } from '../libs/org/src';
import { AnnualPlan, PlanProject, ProjectPlansService } from '../libs/planning/src';
import { benchEnv, ms, pct } from './support/bench-env';

const PENDING = Number(process.env.PENDING ?? 500);
const RUNS = 50;

async function main(): Promise<void> {
  const env = await benchEnv({ worker: false, pgPort: 54379 });
  try {
    const units = env.ds.getRepository(OrgUnit);
    const city = await units.save({
      kind: 'municipality' as const,
      name: '北京市',
      code: '110000',
    });
    const districts = await units.save(
      Array.from({ length: 16 }, (_, i) => ({
        kind: 'district' as const,
        name: `区${i + 1}`,
        parentId: city.id,
      })),
    );
    const institution = await units.save({
      kind: 'institution' as const,
      name: '培训学院',
      parentId: city.id,
    });
    const account = await env.ds.getRepository(Account).save({
      username: 'bench.city',
      displayName: 'bench',
      role: 'municipal_admin',
      scopeOrgId: city.id,
      passwordHash: await hashPassword('Bench2026pass'),
    });
    const plan = await env.ds.getRepository(AnnualPlan).save({
      region: 'beijing',
      year: 2027,
      title: 'bench',
      status: 'published',
      createdBy: account.id,
    });
    const projects = await env.ds.getRepository(PlanProject).save(
      (['induction', 'post', 'continuing'] as const).map((type) => ({
        planId: plan.id,
        type,
        title: type,
        targetTiers: [],
        targetChannels: [],
        plannedPlaces: 1000,
        budgetFen: '0',
        fundingLevel: 'district' as const,
      })),
    );
    // PENDING submitted plans, plus four times as many decided ones to make the table realistic
    await env.ds.query(
      `insert into project_plan (year, district_id, plan_project_id, institution_id, title, places, start_date, end_date,
                                 place, methods, teacher_ids, sessions, cost_items, status, submitted_at, created_by)
       select 2027, ($1::uuid[])[1 + g % 16], ($2::uuid[])[1 + g % 3], $3, '计划 ' || g, 100, '2027-03-01', '2027-03-10',
              '教室', '["lecture"]', '[]', '[]', '[]',
              case when g <= $4 then 'submitted' else 'approved' end,
              now() - (g || ' minutes')::interval, $5
         from generate_series(1, $4 * 5) g`,
      [districts.map((d) => d.id), projects.map((p) => p.id), institution.id, PENDING, account.id],
    );
    await env.ds.query('analyze project_plan');

    const token = (
      await request(env.http)
        .post('/api/v1/auth/login')
        .send({ username: 'bench.city', password: 'Bench2026pass' })
    ).body.accessToken as string;
    const http: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const res = await request(env.http)
        .get('/api/v1/project-plans/review-queue')
        .set('Authorization', `Bearer ${token}`);
      http.push(ms(t0));
      count = res.body.count as number;
    }
    const service = env.api.get(ProjectPlansService);
    const direct: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      await service.queue();
      direct.push(ms(t0));
    }
    console.log(
      [
        `approval queue: ${count} pending of ${PENDING * 5} plans, ${RUNS} runs each`,
        `  over HTTP: median ${pct(http, 0.5).toFixed(1)} ms, p95 ${pct(http, 0.95).toFixed(1)} ms, max ${Math.max(...http).toFixed(1)} ms`,
        `  service only: median ${pct(direct, 0.5).toFixed(1)} ms, p95 ${pct(direct, 0.95).toFixed(1)} ms`,
        `  target < 100 ms: ${pct(http, 0.95) < 100 ? 'met' : 'NOT met'} (p95 over HTTP)`,
      ].join('\n'),
    );
  } finally {
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
