import { Actor, NotFoundError } from '@peixun/core';
import { TrainingClass } from '@peixun/classes';
import { EntityManager } from 'typeorm';

/** Who runs a class's exam: the staff of the institution that runs the class. */
export function mayRunExam(actor: Actor, c: Pick<TrainingClass, 'institutionId'>): boolean {
  return actor.role === 'institution_staff' && !!actor.orgId && actor.orgId === c.institutionId;
}

/** The municipal bureau of this municipality (not another city's bureau in the same deployment). */
export function isBureauOf(actor: Actor, municipalityId: string): boolean {
  return actor.role === 'municipal_admin' && !!actor.orgId && actor.orgId === municipalityId;
}

/** Who reads a class's exams and certificates: the institution, the commissioning district, the bureau. */
export function mayReadClass(
  actor: Actor,
  c: Pick<TrainingClass, 'institutionId' | 'districtId' | 'municipalityId'>,
): boolean {
  if (mayRunExam(actor, c)) return true;
  if (actor.role === 'municipal_admin') return isBureauOf(actor, c.municipalityId);
  return actor.role === 'district_admin' && !!actor.districtId && actor.districtId === c.districtId;
}

/** The class, or 404 when it does not exist or is outside the caller's scope (no existence leak). */
export async function loadClassFor(
  em: EntityManager,
  actor: Actor,
  classId: string,
  may: (actor: Actor, c: TrainingClass) => boolean,
): Promise<TrainingClass> {
  const c = await em.findOne(TrainingClass, { where: { id: classId } });
  if (!c || !may(actor, c)) throw new NotFoundError('班次', classId);
  return c;
}
