/**
 * The annual training records' roll-up (issue 13: target under 5 s): 50,000 workers in 16
 * districts and 160 streets, 1,000 classes of 20 sessions, 1,000,000 attendance marks of
 * every status. Measures the recomputation of every record of the year from scratch (the
 * nightly job's work: contributors' set-based queries, the rules, the upsert), a second run
 * over unchanged sources (writes nothing), and the city report over the stored records.
 *
 *   npm run bench:assessment           (DATABASE_URL's server, or an embedded PostgreSQL)
 *   WORKERS=20000 npm run bench:assessment
 */
import { Client } from 'pg';
import { localYear } from '../libs/core/src';
import {
  AttendanceContributor,
  EnrolmentContributor,
  recordHash,
  RecordsService,
  TrainingRecordContributor,
} from '../libs/assessment/src';
import { EntityManager } from 'typeorm';
import { benchEnv, ms } from './support/bench-env';

const WORKERS = Number(process.env.WORKERS ?? 50_000);
const PER_CLASS = 50;
const SESSIONS = 20;
const BATCH = Number(process.env.BATCH ?? 50_000);

/** The records built from parts already fetched: the JavaScript side alone. */
async function timeRules(
  records: RecordsService,
  em: EntityManager,
  ids: string[],
  year: number,
): Promise<void> {
  const saved = (records as unknown as { contributors: TrainingRecordContributor[] }).contributors;
  const cached = await Promise.all(saved.map((c) => c.contribute(ids, year, em)));
  (records as unknown as { contributors: TrainingRecordContributor[] }).contributors = saved.map(
    (c, i) => ({
      name: c.name,
      provides: c.provides,
      contribute: () => Promise.resolve(cached[i]),
    }),
  );
  const t = process.hrtime.bigint();
  const out = await records.compute(em, ids, year);
  for (const r of out) recordHash(r.record);
  console.log(`  (rules and hashes of ${out.length} records: ${ms(t).toFixed(0)} ms)`);
  (records as unknown as { contributors: TrainingRecordContributor[] }).contributors = saved;
}

async function main(): Promise<void> {
  const env = await benchEnv({ worker: false, pgPort: 54690 });
  const q = (sql: string, params: unknown[] = []) => env.ds.query(sql, params);
  try {
    const year = localYear(new Date(), 'Asia/Shanghai');
    let t = process.hrtime.bigint();
    const [city] = await q(
      `insert into org_unit (kind, name, code) values ('municipality', '北京市', '110000') returning id`,
    );
    await q(
      `insert into org_unit (kind, name, code, parent_id)
       select 'district', '区' || i, case when i = 8 then '110108' else null end, $1
         from generate_series(1, 16) i`,
      [city.id],
    );
    await q(
      `insert into org_unit (kind, name, parent_id, district_id)
       select 'street', d.name || '街道' || i, d.id, d.id
         from org_unit d cross join generate_series(1, 10) i where d.kind = 'district'`,
    );
    await q(
      `insert into org_unit (kind, name, parent_id, district_id, street_id)
       select 'community', s.name || '社区', s.id, s.district_id, s.id from org_unit s where s.kind = 'street'`,
    );
    const [inst] = await q(
      `insert into org_unit (kind, name, parent_id) values ('institution', '培训学院', $1) returning id`,
      [city.id],
    );
    // workers: round-robin over the communities; ID numbers are placeholders (sealed columns filled)
    await q(
      `with c as (select id, street_id, district_id, row_number() over (order by id) - 1 as k
                    from org_unit where kind = 'community'),
            n as (select count(*) as n from c)
       insert into worker (name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked,
                           community_id, street_id, district_id, position_tier, entry_channel, started_on)
       select '工作者' || i, 'female', date '1985-01-01',
              '\\x00'::bytea, sha256(i::text::bytea), '1101**********' || lpad((i % 10000)::text, 4, '0'),
              c.id, c.street_id, c.district_id, 'staff', 'recruited_other',
              case when i % 20 = 0 then make_date($2, 3, 1) else date '2018-03-01' end
         from generate_series(1, $1::int) i cross join n join c on c.k = i % n.n`,
      [WORKERS, year],
    );
    const classes = Math.ceil(WORKERS / PER_CLASS);
    await q(
      `insert into training_class (origin, institution_id, municipality_id, year, type, title, capacity, location,
              enrol_opens_at, enrol_closes_at, created_by, status, taken)
       select 'municipal', $1, $2, $3, case when i % 20 = 0 then 'induction' else 'post' end, '班' || i,
              $4, '教室', now() - interval '300 days', now() - interval '200 days',
              '00000000-0000-4000-8000-000000000000', 'open', $4
         from generate_series(1, $5::int) i`,
      [inst.id, city.id, year, PER_CLASS, classes],
    );
    await q(
      `insert into class_session (class_id, starts_at, ends_at, half_hours, topic, method)
       select c.id, make_timestamptz($1, 3, 1, 1, 0, 0, 'UTC') + (i || ' days')::interval,
              make_timestamptz($1, 3, 1, 5, 0, 0, 'UTC') + (i || ' days')::interval, 8, '专题', 'lecture'
         from training_class c cross join generate_series(1, $2::int) i`,
      [year, SESSIONS],
    );
    await q(
      `with w as (select id, row_number() over (order by id) - 1 as k from worker),
            c as (select id, row_number() over (order by id) - 1 as k from training_class)
       insert into enrollment (class_id, worker_id, status, source, enrolled_at)
       select c.id, w.id, 'enrolled', 'bulk', now() from w join c on c.k = w.k / $1`,
      [PER_CLASS],
    );
    // marks: mostly present; some late, early, on leave, absent; 2 % of sessions unmarked
    await q(
      `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, minutes_early, source)
       select s.id, e.id, e.class_id, e.worker_id,
              (array['present','present','present','present','present','present','late','left_early','leave','absent'])[1 + h % 10],
              case when h % 10 = 6 then (h / 10) % 60 else 0 end,
              case when h % 10 = 7 then (h / 10) % 60 else 0 end, 'staff'
         from enrollment e join class_session s on s.class_id = e.class_id
         cross join lateral (select abs(hashtext(e.id::text || s.id::text)) as h) x
        where h % 50 <> 0`,
    );
    // as the owner (the app's role may not analyze tables it does not own)
    const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    await owner.query('analyze');
    await owner.end();
    const [counts] = await q(
      `select (select count(*) from worker)::int as workers, (select count(*) from attendance_mark)::int as marks,
              (select count(*) from class_session)::int as sessions`,
    );
    console.log(
      `data: ${counts.workers} workers, ${counts.sessions} sessions, ${counts.marks} attendance marks (${(ms(t) / 1000).toFixed(1)} s to load)`,
    );

    const records = env.api.get(RecordsService);
    const results: string[] = [];
    {
      // one batch, phase by phase
      const ids = (await q(`select id from worker order by id limit ${BATCH}`)).map(
        (r: { id: string }) => r.id,
      );
      const em = env.ds.manager;
      for (const [name, run] of [
        [
          'attendance contributor',
          () => env.api.get(AttendanceContributor).contribute(ids, year, em),
        ],
        [
          'enrolment contributor',
          () => env.api.get(EnrolmentContributor).contribute(ids, year, em),
        ],
        ['compute (contributors + rules)', () => records.compute(em, ids, year)],
        ['rules alone', () => timeRules(records, em, ids, year)],
        [
          'store (compute + upsert)',
          () => env.ds.transaction((tx) => records.store(tx, ids, year)),
        ],
      ] as const) {
        t = process.hrtime.bigint();
        await run();
        console.log(`  one batch of ${ids.length}: ${name} ${ms(t).toFixed(0)} ms`);
      }
      await q(`delete from training_record`);
    }
    t = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const first = await records.recompute(year, {});
    const firstMs = ms(t);
    const cpu = process.cpuUsage(cpu0);
    results.push(
      `roll-up from scratch: ${first.workers} workers, ${first.changed} records written in ${(firstMs / 1000).toFixed(2)} s`,
    );
    results.push(
      `  of which this process's CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (the rest: PostgreSQL, and waiting for a core)`,
    );
    t = process.hrtime.bigint();
    const second = await records.recompute(year, {});
    results.push(
      `again, sources unchanged: ${second.changed} records written in ${(ms(t) / 1000).toFixed(2)} s`,
    );
    await q(
      `update attendance_mark set status = 'absent' where id in (select id from attendance_mark order by id limit 1000)`,
    );
    t = process.hrtime.bigint();
    const third = await records.recompute(year, {});
    results.push(
      `after 1,000 marks changed: ${third.changed} records rewritten in ${(ms(t) / 1000).toFixed(2)} s`,
    );
    t = process.hrtime.bigint();
    const [report] = await q(
      `select count(*)::int as workers, count(*) filter (where compliant)::int as compliant,
              round(avg(total_half_hours) / 2.0, 1)::float as average_hours,
              count(*) filter (where best_grade is not null)::int as limited
         from training_record where municipality_id = $1 and year = $2`,
      [city.id, year],
    );
    results.push(
      `city report over the stored records: ${ms(t).toFixed(0)} ms (${JSON.stringify(report)})`,
    );
    for (const r of results) console.log(r);
    const { loadavg, cpus } = await import('node:os');
    console.log(
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(firstMs < 5000 ? 'PASS: roll-up under 5 s' : 'FAIL: roll-up over 5 s');
  } finally {
    await env.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
