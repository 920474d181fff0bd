import { Actor, NotFoundError } from '@peixun/core';
import { ClassSession, TrainingClass } from '@peixun/classes';
import { EntityManager } from 'typeorm';
import { mayMark, mayRead, SessionContext } from './session-access';

export interface ClassContext {
  c: TrainingClass;
  /** The class's scheduled sessions in time order, each with its teacher's account. */
  sessions: SessionContext[];
}

/** Loads a class with its scheduled sessions and their teachers' accounts. 404 when there is none. */
export async function loadClass(em: EntityManager, classId: string): Promise<ClassContext> {
  const c = await em.findOne(TrainingClass, { where: { id: classId } });
  if (!c || c.status === 'draft') throw new NotFoundError('班次', classId);
  const rows = await em.query<{ id: string; account_id: string | null }[]>(
    `select s.id, t.account_id from class_session s left join teacher t on t.id = s.teacher_id
      where s.class_id = $1 and s.status = 'scheduled'`,
    [classId],
  );
  const accounts = new Map(rows.map((r) => [r.id, r.account_id]));
  const sessions = await em.find(ClassSession, {
    where: { classId, status: 'scheduled' },
    order: { startsAt: 'ASC' },
  });
  return {
    c,
    sessions: sessions.map((session) => ({
      session,
      c,
      teacherAccountId: accounts.get(session.id) ?? null,
    })),
  };
}

/**
 * Who reads a class's attendance as a whole: who runs it, the commissioning district, the
 * bureau (a teacher reads their own sessions through the session routes).
 */
export function mayReadClass(actor: Actor, ctx: ClassContext): boolean {
  if (actor.role === 'teacher') return false;
  const probe: SessionContext = {
    session: ctx.sessions[0]?.session,
    c: ctx.c,
    teacherAccountId: null,
  };
  return mayRead(actor, probe);
}

/** The sessions of the class the actor may mark (a teacher: their own). */
export function markableSessions(actor: Actor, ctx: ClassContext): SessionContext[] {
  return ctx.sessions.filter((s) => mayMark(actor, s));
}
