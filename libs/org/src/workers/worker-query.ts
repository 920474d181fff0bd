import type { Actor, PiiCipher } from '@peixun/core';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { workerScopeSql } from '../scope.rules';
import { idNumberHash, phoneHash } from './worker-pii';
import type { ListWorkersQuery } from './worker.dto';
import { Worker } from './worker.entity';

export type WorkerFilters = Omit<ListWorkersQuery, 'cursor' | 'limit'>;

/**
 * Workers in the actor's scope matching the filters, ordered by (name, id) and
 * starting after a keyset position. Null when the actor may list no workers.
 */
export function workerQuery(
  ds: DataSource,
  cipher: PiiCipher,
  actor: Actor,
  q: WorkerFilters,
  after: [string, string] | null,
  limit: number,
): SelectQueryBuilder<Worker> | null {
  const scope = workerScopeSql(actor);
  if (!scope) return null;
  const qb = ds
    .getRepository(Worker)
    .createQueryBuilder('w')
    .where(scope.sql, scope.params)
    .orderBy('w.name', 'ASC')
    .addOrderBy('w.id', 'ASC')
    .limit(limit);
  if (q.districtId) qb.andWhere('w.district_id = :district', { district: q.districtId });
  if (q.streetId) qb.andWhere('w.street_id = :street', { street: q.streetId });
  if (q.communityId) qb.andWhere('w.community_id = :community', { community: q.communityId });
  if (q.positionTier) qb.andWhere('w.position_tier = :tier', { tier: q.positionTier });
  if (q.entryChannel) qb.andWhere('w.entry_channel = :channel', { channel: q.entryChannel });
  if (q.qualification) qb.andWhere('w.qualification = :qual', { qual: q.qualification });
  if (q.status) qb.andWhere('w.status = :status', { status: q.status });
  // exact look-ups through the keyed blind indexes: the sealed values are never compared
  if (q.idNumber) qb.andWhere('w.id_number_hash = :idn', { idn: idNumberHash(cipher, q.idNumber) });
  if (q.phone) qb.andWhere('w.phone_hash = :phone', { phone: phoneHash(cipher, q.phone) });
  if (q.name) {
    qb.andWhere(`w.name like :name escape '\\'`, {
      name: `%${q.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    });
  }
  if (after)
    qb.andWhere('(w.name, w.id) > (:afterName, :afterId)', {
      afterName: after[0],
      afterId: after[1],
    });
  return qb;
}
