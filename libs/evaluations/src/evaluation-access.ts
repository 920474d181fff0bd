import { Actor } from '@peixun/core';
import { mayManageClass, TrainingClass } from '@peixun/classes';
import { EntityManager } from 'typeorm';

/**
 * The authority a class's evaluation is reported to (Art. 15): the municipal bureau, and
 * the district that commissioned the class (or whose street runs it).
 */
export function isAuthorityOf(actor: Actor, c: Pick<TrainingClass, 'districtId'>): boolean {
  if (actor.role === 'municipal_admin') return true;
  return actor.role === 'district_admin' && !!actor.districtId && actor.districtId === c.districtId;
}

/** Who runs the class (institution staff, or the street for its own class). */
export function runsClass(
  actor: Actor,
  c: Pick<TrainingClass, 'origin' | 'institutionId' | 'streetId'>,
): boolean {
  return mayManageClass(actor, c);
}

/** The pool teacher record of a teacher's account, if any. */
export async function teacherOfActor(em: EntityManager, actor: Actor): Promise<string | null> {
  if (actor.role !== 'teacher') return null;
  const [t] = await em.query<{ id: string }[]>(`select id from teacher where account_id = $1`, [
    actor.accountId,
  ]);
  return t?.id ?? null;
}
