/**
 * The needs survey (issue 12):
 *  1. distribution of a campaign to 50,000 workers (invitations, notifications, running count,
 *     in batches of SURVEY_DISTRIBUTION_BATCH_SIZE), and a second run that must add nobody;
 *     target: under 10 s;
 *  2. aggregating 1,000,000 generated answers (ReportsService.aggregate: the SQL counts of one
 *     snapshot, the report built from them and stored) against the bare SQL GROUP BYs of the
 *     same counts, in the same run; ratio = bare / ours, goal ≥ 0.8; plus rendering the files.
 *
 *   npm run bench:surveys        WORKERS=50000 ANSWERS=1000000 RUNS=2 npm run bench:surveys
 */
import { Client } from 'pg';
import { Account, hashPassword } from '../libs/core/src';
import { OrgUnit } from '../libs/org/src';
import {
  DistributionService,
  emptyPopulation,
  normalizeQuestion,
  ReportsService,
  STANDARD_QUESTIONNAIRE,
  SurveyCampaign,
  SurveyQuestionnaire,
  SurveyReport,
} from '../libs/surveys/src';
import { benchEnv, ms } from './support/bench-env';

const WORKERS = Number(process.env.WORKERS ?? 50_000);
const ANSWERS = Number(process.env.ANSWERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 1);
const DAY = 86_400_000;

/** The same counts as the report's, each by a plain GROUP BY (no grouping sets, no report). */
const BARE_SQL = [
  `select c.code, count(*) from survey_response r, unnest(r.choice_codes) c(code)
    where r.campaign_id = $1 and r.status = 'submitted' group by c.code`,
  `select r.district_id, c.code, count(*) from survey_response r, unnest(r.choice_codes) c(code)
    where r.campaign_id = $1 and r.status = 'submitted' group by r.district_id, c.code`,
  `select r.position_tier, c.code, count(*) from survey_response r, unnest(r.choice_codes) c(code)
    where r.campaign_id = $1 and r.status = 'submitted' group by r.position_tier, c.code`,
  `select r.entry_channel, c.code, count(*) from survey_response r, unnest(r.choice_codes) c(code)
    where r.campaign_id = $1 and r.status = 'submitted' group by r.entry_channel, c.code`,
  `select b.t, c.code, count(*) from survey_response r, unnest(r.breakdown_codes) b(t), unnest(r.choice_codes) c(code)
    where r.campaign_id = $1 and r.status = 'submitted' group by b.t, c.code`,
  `select t.term, count(*) from survey_response r, unnest(r.terms) t(term)
    where r.campaign_id = $1 and r.status = 'submitted' group by t.term having count(*) >= 5`,
];

async function main(): Promise<void> {
  const env = await benchEnv({ worker: false, pgPort: 4201 });
  try {
    const ds = env.ds;
    const units = ds.getRepository(OrgUnit);
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
    const communities: OrgUnit[] = [];
    for (const d of districts) {
      for (let s = 0; s < 3; s++) {
        const street = await units.save({
          kind: 'street' as const,
          name: `${d.name}街道${s + 1}`,
          parentId: d.id,
          districtId: d.id,
        });
        for (let k = 0; k < 4; k++)
          communities.push(
            await units.save({
              kind: 'community' as const,
              name: `${street.name}社区${k + 1}`,
              parentId: street.id,
              districtId: d.id,
              streetId: street.id,
            }),
          );
      }
    }
    const account = await ds.getRepository(Account).save({
      username: 'bench.city',
      displayName: 'bench',
      role: 'municipal_admin',
      scopeOrgId: city.id,
      passwordHash: await hashPassword('Bench2026pass'),
    });
    let t0 = process.hrtime.bigint();
    await ds.query(
      `insert into worker (name, gender, birth_date, community_id, street_id, district_id, position_tier,
                           entry_channel, started_on, qualification, status, id_number_enc, id_number_hash, id_number_masked)
       select '工作者' || g, case when g % 2 = 0 then 'male' else 'female' end, date '1985-01-01',
              c.id, c.street_id, c.district_id, (array['head', 'deputy', 'staff', 'staff'])[1 + g % 4],
              (array['elected', 'recruited_citywide', 'recruited_other'])[1 + g % 3], date '2018-03-01', 'none',
              case when g > $2 then 'left' else 'active' end,
              '\\x00'::bytea, decode(md5('bench:' || g), 'hex'), '110***********0000'
         from generate_series(1, $2 + $2 / 50) g
         join lateral (select u.id, u.street_id, u.district_id from org_unit u
                        where u.id = ($1::uuid[])[1 + g % array_length($1::uuid[], 1)]) c on true`,
      [communities.map((c) => c.id), WORKERS],
    );
    await ds.query('analyze worker');
    const [{ active }] = await ds.query<{ active: number }[]>(
      `select count(*)::int active from worker where status = 'active'`,
    );
    console.log(
      `setup: ${active} active workers (and ${WORKERS / 50} who left) in ${(ms(t0) / 1000).toFixed(1)} s`,
    );

    const questions = STANDARD_QUESTIONNAIRE.questions.map(normalizeQuestion);
    const q = await ds.getRepository(SurveyQuestionnaire).save({
      region: 'beijing',
      lineageId: '00000000-0000-4000-8000-000000000001',
      version: 1,
      title: STANDARD_QUESTIONNAIRE.title,
      description: null,
      questions,
      lockedAt: new Date(),
      createdBy: account.id,
    });
    await ds.query('update survey_questionnaire set lineage_id = id');
    const campaign = (title: string, minGroupSize = 5) =>
      ds.getRepository(SurveyCampaign).save({
        region: 'beijing',
        municipalityId: city.id,
        year: 2026,
        title,
        description: null,
        questionnaireId: q.id,
        population: emptyPopulation(),
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 14 * DAY),
        reminders: [],
        minGroupSize,
        status: 'open' as const,
        createdBy: account.id,
      });

    // 1. distribution
    const c1 = await campaign('分发基准');
    const distribution = env.api.get(DistributionService);
    t0 = process.hrtime.bigint();
    const first = await distribution.distribute(c1.id);
    const firstMs = ms(t0);
    t0 = process.hrtime.bigint();
    const second = await distribution.distribute(c1.id);
    const secondMs = ms(t0);
    const [{ notes }] = await ds.query<{ notes: number }[]>(
      `select count(*)::int notes from notification where kind = 'survey.invited'`,
    );
    console.log(
      [
        `distribution to ${first.invited} workers (population: the ${active} active): ${(firstMs / 1000).toFixed(2)} s in ${first.batches} batches; ${notes} notifications`,
        `  second run: ${(secondMs / 1000).toFixed(2)} s, added ${second.added}`,
        `  target < 10 s: ${firstMs < 10_000 ? 'met' : 'NOT met'}`,
      ].join('\n'),
    );

    // 2. aggregation of generated answers (a bench-only database: the response's link to an
    //    invitation is dropped, so a million answers need no million workers)
    const c2 = await campaign('汇总基准');
    const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    await owner.query('alter table survey_response drop constraint survey_response_invitation_fk');
    await owner.end();
    t0 = process.hrtime.bigint();
    const q7 = 7 * 4096;
    await ds.query(
      `insert into survey_response (invitation_id, campaign_id, district_id, position_tier, entry_channel, status,
                                    answers, choice_codes, breakdown_codes, terms, revision, submitted_at)
       select gen_random_uuid(), $1, ($2::uuid[])[1 + h % 16], (array['head', 'deputy', 'staff'])[1 + (h / 16) % 3],
              (array['elected', 'recruited_citywide', 'recruited_other'])[1 + (h / 48) % 3], 'submitted', '[]',
              array[0,
                    4096 + 4080, 4096 + t1 * 16, 4096 + t2 * 16,
                    8192 + 4080, 8192 + r1 * 16 + 1, 8192 + r2 * 16 + 2, 8192 + r3 * 16 + 3,
                    12288 + 4080, 12288 + m1 * 16, 12288 + m2 * 16,
                    16384 + 4080, 16384 + (h / 7) % 3 * 16,
                    20480 + 4080, 20480 + (h / 11) % 3 * 16,
                    24576 + 4080, 24576 + (h / 13) % 2 * 16]
                || case when h % 3 = 0 then array[${q7} + 4080] else '{}'::int[] end,
              array[t1, t2]::smallint[],
              case when h % 3 = 0
                   then array['7:' || (array['矛盾调解', '案例教学', '现场观摩', '心理疏导', '数字化'])[1 + (h / 5) % 5],
                              '7:' || (array['线上', '周末', '实操', '演练'])[1 + (h / 25) % 4]]
                   else '{}'::text[] end,
              1, now()
         from (select g, abs(hashint4(g)) as h from generate_series(1, $3) g) s,
              lateral (select h % 5 as t1, (h % 5 + 1 + (h / 5) % 4) % 5 as t2,
                              h % 12 as r1, (h % 12 + 1 + (h / 12) % 5) % 12 as r2,
                              (h % 12 + 7 + (h / 60) % 5) % 12 as r3,
                              h % 6 as m1, (h % 6 + 1 + (h / 6) % 5) % 6 as m2) o`,
      [c2.id, districts.map((d) => d.id), ANSWERS],
    );
    await ds.query('analyze survey_response');
    console.log(`setup: ${ANSWERS} answers generated in ${(ms(t0) / 1000).toFixed(1)} s`);

    const reports = env.api.get(ReportsService);
    const runs: { ours: number; bare: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      // bare: the same counts by plain GROUP BYs, one after the other (as ours are read)
      t0 = process.hrtime.bigint();
      for (const sql of BARE_SQL) await ds.query(sql, [c2.id]);
      const bare = ms(t0);
      const report = await ds.transaction((em) =>
        reports.createVersion(em, c2, 'interim', account.id),
      );
      t0 = process.hrtime.bigint();
      const data = await reports.aggregate(report, c2);
      const ours = ms(t0);
      runs.push({ ours, bare });
      if (data.respondents !== ANSWERS) throw new Error(`respondents ${data.respondents}`);
    }
    const best = {
      ours: Math.min(...runs.map((r) => r.ours)),
      bare: Math.min(...runs.map((r) => r.bare)),
    };
    const ratio = best.bare / best.ours;
    // the files of the last version
    const last = await ds
      .getRepository(SurveyReport)
      .findOneOrFail({ where: { campaignId: c2.id }, order: { number: 'DESC' } });
    t0 = process.hrtime.bigint();
    await reports.render(last.id);
    const renderMs = ms(t0);
    const rendered = await ds.getRepository(SurveyReport).findOneByOrFail({ id: last.id });
    console.log(
      [
        `aggregation of ${ANSWERS} answers (${runs.length} runs, best of each):`,
        ...runs.map(
          (r, i) =>
            `  run ${i + 1}: ours ${(r.ours / 1000).toFixed(2)} s, bare GROUP BYs ${(r.bare / 1000).toFixed(2)} s`,
        ),
        `  ratio bare / ours: ${ratio.toFixed(2)} (goal ≥ 0.8: ${ratio >= 0.8 ? 'met' : 'NOT met'})`,
        `  rendering the version (Excel ${rendered.xlsxSize} B, PDF ${rendered.pdfSize} B): ${renderMs.toFixed(0)} ms`,
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
