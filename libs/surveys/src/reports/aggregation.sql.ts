import type { EntityManager } from 'typeorm';
import type { CodeRow, RateInput, TermRow } from './report.rules';
import { TERMS_PER_QUESTION } from './report.rules';

/**
 * The aggregation of a campaign, in SQL: the answers never leave PostgreSQL, only their counts
 * (a few thousand rows for any number of answers). One scan of `survey_response` counts every
 * option code overall and by district, tier and channel (grouping sets); a second one by the
 * training types each respondent wants; a third the terms of the free-text answers; one scan
 * of the invitations gives the response rates by district and street.
 */

export const COUNTS_BY_GROUP_SQL = `
  select case when grouping(r.district_id) = 0 then 'district'
              when grouping(r.position_tier) = 0 then 'tier'
              when grouping(r.entry_channel) = 0 then 'channel'
              else 'all' end as dim,
         coalesce(r.district_id::text, r.position_tier, r.entry_channel) as "group",
         c.code, count(*)::int as n
    from survey_response r cross join lateral unnest(r.choice_codes) as c(code)
   where r.campaign_id = $1 and r.status = 'submitted'
   group by grouping sets ((c.code), (r.district_id, c.code), (r.position_tier, c.code), (r.entry_channel, c.code))`;

export const COUNTS_BY_TRAINING_TYPE_SQL = `
  select 'trainingType' as dim, b.t::text as "group", c.code, count(*)::int as n
    from survey_response r
         cross join lateral unnest(r.breakdown_codes) as b(t)
         cross join lateral unnest(r.choice_codes) as c(code)
   where r.campaign_id = $1 and r.status = 'submitted'
   group by b.t, c.code`;

export const TERMS_SQL = `
  select question, term, n from (
    select split_part(t.term, ':', 1)::int as question,
           substr(t.term, strpos(t.term, ':') + 1) as term,
           count(*)::int as n,
           row_number() over (partition by split_part(t.term, ':', 1) order by count(*) desc, t.term) as rn
      from survey_response r cross join lateral unnest(r.terms) as t(term)
     where r.campaign_id = $1 and r.status = 'submitted'
     group by t.term
    having count(*) >= $2
  ) ranked where rn <= ${TERMS_PER_QUESTION}`;

export const RATES_SQL = `
  select case when grouping(i.district_id) = 1 then 'all'
              when grouping(i.street_id) = 1 then 'district' else 'street' end as level,
         i.district_id as "districtId", i.street_id as "streetId",
         count(*)::int as invited,
         (count(*) filter (where i.status = 'submitted'))::int as submitted,
         (count(*) filter (where i.status = 'draft'))::int as drafts
    from survey_invitation i
   where i.campaign_id = $1
   group by grouping sets ((), (i.district_id), (i.district_id, i.street_id))`;

export interface AggregationRead {
  codes: CodeRow[];
  rates: RateInput[];
  terms: TermRow[];
  names: Map<string, string>;
  asOf: Date;
}

/**
 * Reads the counts of a campaign in the transaction of `em` (give it a REPEATABLE READ one:
 * every count is then of the same snapshot, and `asOf` is its time).
 */
export async function readAggregation(
  em: EntityManager,
  campaignId: string,
  minGroupSize: number,
): Promise<AggregationRead> {
  const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
  const codes = [
    ...(await em.query<CodeRow[]>(COUNTS_BY_GROUP_SQL, [campaignId])),
    ...(await em.query<CodeRow[]>(COUNTS_BY_TRAINING_TYPE_SQL, [campaignId])),
  ];
  const terms = await em.query<TermRow[]>(TERMS_SQL, [campaignId, minGroupSize]);
  const rates = await em.query<RateInput[]>(RATES_SQL, [campaignId]);
  const ids = [
    ...new Set(
      [
        ...rates.flatMap((r) => [r.districtId, r.streetId]),
        ...codes.filter((c) => c.dim === 'district').map((c) => c.group),
      ].filter((x): x is string => !!x),
    ),
  ];
  const units = ids.length
    ? await em.query<{ id: string; name: string }[]>(
        'select id, name from org_unit where id = any($1::uuid[])',
        [ids],
      )
    : [];
  return { codes, rates, terms, names: new Map(units.map((u) => [u.id, u.name])), asOf: now };
}
