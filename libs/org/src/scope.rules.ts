import type { Actor } from '@peixun/core';

/** Where a node or a worker sits: enough to decide who may see it. */
export interface Placement {
  id: string;
  districtId: string | null;
  streetId: string | null;
}

/**
 * Whether an administrator's scope covers a place (an org unit or a worker's
 * community). The municipal bureau sees everything; a district its district;
 * a street its street. Institutions, teachers and workers administer no part of the tree.
 */
export function administers(actor: Actor, place: Placement): boolean {
  switch (actor.role) {
    case 'municipal_admin':
      return true;
    case 'district_admin':
      return (
        !!actor.districtId &&
        (place.id === actor.districtId || place.districtId === actor.districtId)
      );
    case 'street_admin':
      return !!actor.streetId && (place.id === actor.streetId || place.streetId === actor.streetId);
    default:
      return false;
  }
}

/** Whether the actor may see a worker's record: their administrators, and the worker themself. */
export function maySeeWorker(
  actor: Actor,
  worker: { id: string; districtId: string; streetId: string },
): boolean {
  if (actor.role === 'worker') return actor.workerId === worker.id;
  return administers(actor, { id: '', districtId: worker.districtId, streetId: worker.streetId });
}

/** Whether the actor may see the unmasked ID number: the worker and their chain of administration. */
export const maySeeIdNumber = maySeeWorker;

/**
 * SQL condition limiting workers (alias `w`) to the actor's scope, or null
 * when the actor may list no workers at all.
 */
export function workerScopeSql(
  actor: Actor,
): { sql: string; params: Record<string, string> } | null {
  switch (actor.role) {
    case 'municipal_admin':
      return { sql: 'true', params: {} };
    case 'district_admin':
      return actor.districtId
        ? { sql: 'w.district_id = :scopeDistrict', params: { scopeDistrict: actor.districtId } }
        : null;
    case 'street_admin':
      return actor.streetId
        ? { sql: 'w.street_id = :scopeStreet', params: { scopeStreet: actor.streetId } }
        : null;
    case 'worker':
      return actor.workerId
        ? { sql: 'w.id = :scopeSelf', params: { scopeSelf: actor.workerId } }
        : null;
    default:
      return null;
  }
}
