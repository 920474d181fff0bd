import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, NotFoundError } from '@peixun/core';
import { ClassesService, ClassSession, TrainingClass } from '@peixun/classes';
import { evaluationRules } from '@peixun/policy';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnswersDto,
  ClassSettingsDto,
  ClassSettingsInputDto,
  OpenEvaluationDto,
  ReceivedDto,
  SessionClassroomDto,
} from './dto/evaluation.dto';
import { isAuthorityOf, runsClass, teacherOfActor } from './evaluation-access';
import { EvaluationClassSetting } from './evaluation.entity';
import { alreadyAnswered, closed, invalid, noEvaluation, notOpen } from './evaluations.errors';
import {
  ATTENDED,
  checkAnswers,
  closesAt,
  Deadlines,
  Direction,
  windowState,
} from './evaluations.rules';
import { present, TemplatesService } from './templates.service';

/**
 * Collecting the two-way evaluation (Art. 15). After a session ends, the trainees who
 * attended it (present, late, left early) evaluate it and its teacher (课后评价), and its
 * teacher assesses each of them (课堂评价), each until the deadline (policy or class).
 *
 * A trainee's answer is written as two rows in one transaction: a receipt in the ledger
 * (who answered for which session: once) and the anonymous answer (which session, teacher
 * and answers: no trainee, no time). Nothing links the two.
 */
@Injectable()
export class CollectService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly templates: TemplatesService,
    private readonly classes: ClassesService,
    private readonly audit: AuditService,
  ) {}

  /** The deadlines that apply to a class: its own, else its policy's. */
  async deadlines(em: EntityManager, c: TrainingClass): Promise<Deadlines> {
    const rules = evaluationRules(await this.classes.policyOfClass(em, c));
    const own = await em.findOneBy(EvaluationClassSetting, { classId: c.id });
    return {
      postClassDays: own?.postClassDays ?? rules.postClassDays,
      classroomDays: own?.classroomDays ?? rules.classroomDays,
    };
  }

  // -- settings ------------------------------------------------------------------------------

  async settings(actor: Actor, classId: string): Promise<ClassSettingsDto> {
    const em = this.ds.manager;
    const c = await em.findOneBy(TrainingClass, { id: classId });
    if (!c || !(runsClass(actor, c) || isAuthorityOf(actor, c)))
      throw new NotFoundError('班次', classId);
    return this.presentSettings(em, c);
  }

  async setSettings(
    actor: Actor,
    classId: string,
    dto: ClassSettingsInputDto,
  ): Promise<ClassSettingsDto> {
    return this.ds.transaction(async (em) => {
      const c = await em.findOneBy(TrainingClass, { id: classId });
      if (!c || !runsClass(actor, c)) throw new NotFoundError('班次', classId);
      await em.query(
        `insert into evaluation_class_setting (class_id) values ($1) on conflict (class_id) do nothing`,
        [classId],
      );
      const patch: Partial<EvaluationClassSetting> = { updatedBy: actor.accountId };
      if (dto.postClassDays !== undefined) patch.postClassDays = dto.postClassDays;
      if (dto.classroomDays !== undefined) patch.classroomDays = dto.classroomDays;
      await em.update(EvaluationClassSetting, { classId }, patch);
      await this.audit.record(em, actor, {
        action: 'evaluation.deadlines_set',
        entityType: 'training_class',
        entityId: classId,
        data: { postClassDays: dto.postClassDays, classroomDays: dto.classroomDays },
      });
      return this.presentSettings(em, c);
    });
  }

  private async presentSettings(em: EntityManager, c: TrainingClass): Promise<ClassSettingsDto> {
    const d = await this.deadlines(em, c);
    const own = await em.findOneBy(EvaluationClassSetting, { classId: c.id });
    return {
      classId: c.id,
      postClassDays: d.postClassDays,
      classroomDays: d.classroomDays,
      ownPostClassDays: own?.postClassDays != null,
      ownClassroomDays: own?.classroomDays != null,
      classroomTemplateId: own?.classroomTemplateId ?? null,
      postClassTemplateId: own?.postClassTemplateId ?? null,
    };
  }

  // -- the trainee's post-class evaluations --------------------------------------------------

  /** The trainee's evaluations: of every ended session they attended (latest first). */
  async mine(actor: Actor): Promise<OpenEvaluationDto[]> {
    if (!actor.workerId) return [];
    const em = this.ds.manager;
    const rows = await em.query<
      {
        session_id: string;
        class_id: string;
        title: string;
        topic: string;
        teacher_name: string | null;
        ends_at: Date;
        answered: boolean;
      }[]
    >(
      `select s.id as session_id, s.class_id, c.title, s.topic,
              coalesce(t.name, s.speaker_name) as teacher_name, s.ends_at,
              exists (select 1 from evaluation_receipt r
                       where r.session_id = m.session_id and r.enrollment_id = m.enrollment_id) as answered
         from attendance_mark m
         join class_session s on s.id = m.session_id and s.status = 'scheduled'
         join training_class c on c.id = s.class_id
         left join teacher t on t.id = s.teacher_id
        where m.worker_id = $1 and m.status = any($2) and s.ends_at <= now()
        order by s.ends_at desc
        limit 500`,
      [actor.workerId, [...ATTENDED]],
    );
    const now = new Date();
    const perClass = new Map<string, { days: number; templateId: string | null }>();
    const out: OpenEvaluationDto[] = [];
    for (const r of rows) {
      if (!perClass.has(r.class_id)) {
        const c = await em.findOneByOrFail(TrainingClass, { id: r.class_id });
        const t = await this.templates.ofClass(em, c.id, 'post_class', false).catch(() => null);
        perClass.set(r.class_id, {
          days: (await this.deadlines(em, c)).postClassDays,
          templateId: t?.id ?? null,
        });
      }
      const { days, templateId } = perClass.get(r.class_id)!;
      if (!templateId) continue;
      const state = windowState(now, r.ends_at, days);
      out.push({
        sessionId: r.session_id,
        classId: r.class_id,
        classTitle: r.title,
        topic: r.topic,
        teacherName: r.teacher_name,
        sessionEndsAt: r.ends_at,
        closesAt: closesAt(r.ends_at, days),
        status: r.answered ? 'answered' : state === 'open' ? 'open' : 'closed',
        templateId,
      });
    }
    return out;
  }

  /** A trainee answers the post-class evaluation of a session they attended: once, in time. */
  async answerPostClass(actor: Actor, sessionId: string, dto: AnswersDto): Promise<ReceivedDto> {
    if (!actor.workerId) throw noEvaluation();
    return this.ds.transaction(async (em) => {
      const { session, c, enrollmentId } = await this.attendedSession(
        em,
        sessionId,
        actor.workerId!,
      );
      await this.inWindow(em, c, session, 'post_class');
      const template = await this.templates.ofClass(em, c.id, 'post_class', true);
      const checked = checkAnswers(template.items, dto.answers);
      if (checked.problems.length) throw invalid(checked.problems);
      const [receipt] = await em.query<{ submitted_at: Date }[]>(
        `insert into evaluation_receipt (session_id, class_id, enrollment_id, worker_id)
         values ($1, $2, $3, $4) on conflict (session_id, enrollment_id) do nothing
         returning submitted_at`,
        [session.id, c.id, enrollmentId, actor.workerId],
      );
      if (!receipt) throw alreadyAnswered();
      await em.query(
        `insert into evaluation_post_class_answer (session_id, class_id, teacher_id, template_id, answers)
         values ($1, $2, $3, $4, $5)`,
        [session.id, c.id, session.teacherId, template.id, JSON.stringify(checked.answers)],
      );
      return { sessionId: session.id, receivedAt: receipt.submitted_at };
    });
  }

  // -- the teacher's classroom evaluations ---------------------------------------------------

  /** The trainees who attended a session, with the teacher's assessment of each (or none yet). */
  async classroom(actor: Actor, sessionId: string): Promise<SessionClassroomDto> {
    const em = this.ds.manager;
    const { session, c } = await this.sessionFor(em, actor, sessionId, 'read');
    const { classroomDays } = await this.deadlines(em, c);
    const template = await this.templates.ofClass(em, c.id, 'classroom', false);
    const rows = await em.query<
      {
        enrollment_id: string;
        name: string;
        status: string;
        answers: SessionClassroomDto['trainees'][number]['answers'];
        submitted_at: Date | null;
      }[]
    >(
      `select m.enrollment_id, w.name, m.status, e.answers, e.submitted_at
         from attendance_mark m
         join worker w on w.id = m.worker_id
         left join evaluation_classroom e on e.session_id = m.session_id and e.enrollment_id = m.enrollment_id
        where m.session_id = $1 and m.status = any($2)
        order by w.name, m.enrollment_id`,
      [session.id, [...ATTENDED]],
    );
    return {
      sessionId: session.id,
      window: windowState(new Date(), session.endsAt, classroomDays),
      closesAt: closesAt(session.endsAt, classroomDays),
      template: present(template),
      trainees: rows.map((r) => ({
        enrollmentId: r.enrollment_id,
        name: r.name,
        attendance: r.status,
        answers: r.answers,
        submittedAt: r.submitted_at,
      })),
    };
  }

  /** The session's teacher assesses one trainee who attended it: once, in time. */
  async answerClassroom(
    actor: Actor,
    sessionId: string,
    enrollmentId: string,
    dto: AnswersDto,
  ): Promise<SessionClassroomDto> {
    await this.ds.transaction(async (em) => {
      const { session, c } = await this.sessionFor(em, actor, sessionId, 'teach');
      const [mark] = await em.query<{ worker_id: string }[]>(
        `select worker_id from attendance_mark where session_id = $1 and enrollment_id = $2 and status = any($3)`,
        [session.id, enrollmentId, [...ATTENDED]],
      );
      if (!mark) throw noEvaluation();
      await this.inWindow(em, c, session, 'classroom');
      const template = await this.templates.ofClass(em, c.id, 'classroom', true);
      const checked = checkAnswers(template.items, dto.answers);
      if (checked.problems.length) throw invalid(checked.problems);
      const inserted = await em.query<{ id: string }[]>(
        `insert into evaluation_classroom (session_id, class_id, enrollment_id, worker_id, teacher_id, template_id, answers, evaluated_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (session_id, enrollment_id) do nothing returning id`,
        [
          session.id,
          c.id,
          enrollmentId,
          mark.worker_id,
          session.teacherId,
          template.id,
          JSON.stringify(checked.answers),
          actor.accountId,
        ],
      );
      if (!inserted.length) throw alreadyAnswered();
    });
    return this.classroom(actor, sessionId);
  }

  // -- helpers -------------------------------------------------------------------------------

  private async attendedSession(
    em: EntityManager,
    sessionId: string,
    workerId: string,
  ): Promise<{ session: ClassSession; c: TrainingClass; enrollmentId: string }> {
    const session = await em.findOneBy(ClassSession, { id: sessionId });
    if (!session || session.status !== 'scheduled') throw noEvaluation();
    const [mark] = await em.query<{ enrollment_id: string }[]>(
      `select enrollment_id from attendance_mark where session_id = $1 and worker_id = $2 and status = any($3)`,
      [sessionId, workerId, [...ATTENDED]],
    );
    if (!mark) throw noEvaluation();
    const c = await em.findOneByOrFail(TrainingClass, { id: session.classId });
    return { session, c, enrollmentId: mark.enrollment_id };
  }

  private async inWindow(
    em: EntityManager,
    c: TrainingClass,
    session: ClassSession,
    direction: Direction,
  ): Promise<void> {
    const d = await this.deadlines(em, c);
    const days = direction === 'post_class' ? d.postClassDays : d.classroomDays;
    const state = windowState(new Date(), session.endsAt, days);
    if (state === 'not_yet') throw notOpen();
    if (state === 'closed') throw closed(closesAt(session.endsAt, days));
  }

  /**
   * A session for its teacher (`teach`: only the session's own teacher), or to read its
   * classroom evaluations (also who runs the class and the authority). 404 otherwise.
   */
  private async sessionFor(
    em: EntityManager,
    actor: Actor,
    sessionId: string,
    purpose: 'teach' | 'read',
  ): Promise<{ session: ClassSession; c: TrainingClass }> {
    const session = await em.findOneBy(ClassSession, { id: sessionId });
    if (!session) throw new NotFoundError('课次', sessionId);
    const c = await em.findOneByOrFail(TrainingClass, { id: session.classId });
    const teacherId = await teacherOfActor(em, actor);
    const teaches = !!teacherId && teacherId === session.teacherId;
    const ok =
      purpose === 'teach' ? teaches : teaches || runsClass(actor, c) || isAuthorityOf(actor, c);
    if (!ok) throw new NotFoundError('课次', sessionId);
    return { session, c };
  }
}
