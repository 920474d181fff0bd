import type { EntityManager } from 'typeorm';
import type { SurveyCampaign } from './campaign.entity';
import { populationSql } from './campaign.rules';
import { invitationIdSql } from './invitation-id';

/** The districts of a municipality (a population without a district filter covers them all). */
export async function municipalDistrictIds(
  em: EntityManager,
  municipalityId: string,
): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `select id from org_unit where kind = 'district' and parent_id = $1`,
    [municipalityId],
  );
  return rows.map((r) => r.id);
}

/**
 * The INSERT of invitations for workers of the campaign's population, returning the worker ids
 * it added (`on conflict do nothing`: the deterministic id makes a second run add none).
 * `workerId`: just that worker; `after` + `limit`: the next batch in worker-id order, with the
 * last worker id scanned (`last`) and how many were scanned (`scanned`) on every row of the
 * batch query (see distributeBatchSql).
 */
export function inviteSql(
  c: Pick<SurveyCampaign, 'id' | 'population'>,
  municipalDistricts: readonly string[],
  only: { workerId: string },
): { sql: string; params: unknown[] } {
  const pop = populationSql(c.population, municipalDistricts, 3);
  return {
    sql: `insert into survey_invitation
            (id, campaign_id, worker_id, district_id, street_id, community_id, position_tier, entry_channel, qualification)
          select ${invitationIdSql('$1::uuid', 'w.id')}, $1, w.id, w.district_id, w.street_id, w.community_id,
                 w.position_tier, w.entry_channel, w.qualification
            from worker w
           where w.id = $2 and ${pop.sql}
          on conflict do nothing
          returning worker_id`,
    params: [c.id, only.workerId, ...pop.params],
  };
}

/**
 * One batch of a distribution: the next `limit` workers of the population after `after` (in id
 * order, below `upto` if given: one part of the id space), invited; returns the last id scanned, how many were scanned, and the ids invited now.
 */
export function distributeBatchSql(
  c: Pick<SurveyCampaign, 'id' | 'population'>,
  municipalDistricts: readonly string[],
  after: string,
  limit: number,
  upto: string | null = null,
): { sql: string; params: unknown[] } {
  const pop = populationSql(c.population, municipalDistricts, 5);
  return {
    sql: `with batch as (
            select w.id, w.district_id, w.street_id, w.community_id, w.position_tier, w.entry_channel, w.qualification
              from worker w
             where w.id > $2 and ($4::uuid is null or w.id < $4::uuid) and ${pop.sql}
             order by w.id
             limit $3
          ), added as (
            insert into survey_invitation
              (id, campaign_id, worker_id, district_id, street_id, community_id, position_tier, entry_channel, qualification)
            select ${invitationIdSql('$1::uuid', 'b.id')}, $1, b.id, b.district_id, b.street_id, b.community_id,
                   b.position_tier, b.entry_channel, b.qualification
              from batch b
            on conflict do nothing
            returning worker_id
          )
          select (select id from batch order by id desc limit 1) as last,
                 (select count(*) from batch)::int as scanned,
                 coalesce((select array_agg(worker_id) from added), '{}') as added`,
    params: [c.id, after, limit, upto, ...pop.params],
  };
}

/**
 * The worker-id space cut into `parts` ranges by the first 32 bits (ids are random UUIDs, so
 * the parts are about the same size): `after` (exclusive) and `upto` (exclusive, null: the end).
 */
export function idRanges(parts: number): { after: string; upto: string | null }[] {
  const hex = (n: number): string => n.toString(16).padStart(8, '0');
  const bound = (i: number): number => Math.floor((i * 0x100000000) / parts);
  return Array.from({ length: parts }, (_, i) => ({
    after:
      i === 0
        ? '00000000-0000-0000-0000-000000000000'
        : `${hex(bound(i) - 1)}-ffff-ffff-ffff-ffffffffffff`,
    upto: i === parts - 1 ? null : `${hex(bound(i + 1))}-0000-0000-0000-000000000000`,
  }));
}
