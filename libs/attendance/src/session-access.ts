import { Actor, NotFoundError } from '@peixun/core';
import { ClassSession, TrainingClass } from '@peixun/classes';
import { EntityManager } from 'typeorm';

export interface SessionContext {
  session: ClassSession;
  c: TrainingClass;
  /** The account of the session's teacher (teachers mark their own sessions). */
  teacherAccountId: string | null;
}

/** Loads a session with its class and its teacher's account. 404 when there is none. */
export async function loadSession(em: EntityManager, sessionId: string): Promise<SessionContext> {
  const session = await em.findOne(ClassSession, { where: { id: sessionId } });
  if (!session) throw new NotFoundError('课次', sessionId);
  const c = await em.findOneOrFail(TrainingClass, { where: { id: session.classId } });
  const [t] = session.teacherId
    ? await em.query<{ account_id: string | null }[]>(
        `select account_id from teacher where id = $1`,
        [session.teacherId],
      )
    : [];
  return { session, c, teacherAccountId: t?.account_id ?? null };
}

/**
 * Who takes a session's attendance: the institution running the class, the session's own
 * teacher, or the street for its own class.
 */
export function mayMark(actor: Actor, ctx: SessionContext): boolean {
  switch (actor.role) {
    case 'institution_staff':
      return !!actor.orgId && actor.orgId === ctx.c.institutionId;
    case 'teacher':
      return !!ctx.teacherAccountId && ctx.teacherAccountId === actor.accountId;
    case 'street_admin':
      return ctx.c.origin === 'street' && !!actor.streetId && actor.streetId === ctx.c.streetId;
    default:
      return false;
  }
}

/** Who reads it besides: the commissioning district and the bureau. */
export function mayRead(actor: Actor, ctx: SessionContext): boolean {
  if (mayMark(actor, ctx)) return true;
  if (actor.role === 'municipal_admin') return true;
  if (actor.role === 'district_admin')
    return !!actor.districtId && actor.districtId === ctx.c.districtId;
  return false;
}
