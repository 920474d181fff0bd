import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AppConfig, localYear, NotFoundError } from '@peixun/core';
import { ClassesService, ClassSession, TrainingClass } from '@peixun/classes';
import { Enrollment } from '@peixun/enrollment';
import { administers, Worker } from '@peixun/org';
import {
  attendanceRules,
  minimumHours,
  TrainingPolicy,
  TrainingType,
  typeRule,
} from '@peixun/policy';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  completion,
  Completion,
  creditedHalfHours,
  effectiveThresholds,
  MarkStatus,
} from './attendance.rules';
import { EnrollmentHoursDto, WorkerHoursDto } from './dto/attendance.dto';

export interface EnrollmentCompletion extends Completion {
  enrollmentId: string;
  classId: string;
  workerId: string;
  type: string;
  sessions: {
    sessionId: string;
    startsAt: Date;
    halfHours: number;
    held: boolean;
    status: MarkStatus | null;
    creditedHalfHours: number;
  }[];
}

/** A trainee's mark of one session, as completions() reads it. */
export interface MarkFacts {
  status: MarkStatus;
  minutes_late: number;
  minutes_early: number;
}

/**
 * Hours credited and whether the hours requirement is met (what the exam and the certificate
 * check), always computed from the marks by the policy's rule: nothing stored can drift.
 */
@Injectable()
export class HoursService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly classes: ClassesService,
    private readonly config: AppConfig,
  ) {}

  /** Completion of many places at once (a class's roster for the exam). */
  async completions(
    em: EntityManager,
    enrollmentIds: string[],
    now = new Date(),
  ): Promise<Map<string, EnrollmentCompletion>> {
    const out = new Map<string, EnrollmentCompletion>();
    if (!enrollmentIds.length) return out;
    const entries = await em.find(Enrollment, { where: { id: In(enrollmentIds) } });
    const classIds = [...new Set(entries.map((e) => e.classId))];
    const classes = new Map(
      (await em.find(TrainingClass, { where: { id: In(classIds) } })).map((c) => [c.id, c]),
    );
    const sessions = await this.classes.scheduledSessions(em, classIds);
    const workers = new Map(
      (
        await em.find(Worker, {
          select: { id: true, entryChannel: true, positionTier: true },
          where: { id: In(entries.map((e) => e.workerId)) },
        })
      ).map((w) => [w.id, w]),
    );
    const marks = await em.query<
      {
        enrollment_id: string;
        session_id: string;
        status: MarkStatus;
        minutes_late: number;
        minutes_early: number;
      }[]
    >(
      `select enrollment_id, session_id, status, minutes_late, minutes_early from attendance_mark where enrollment_id = any($1::uuid[])`,
      [enrollmentIds],
    );
    const markOf = new Map(marks.map((m) => [`${m.enrollment_id}|${m.session_id}`, m]));
    for (const e of entries) {
      const c = classes.get(e.classId)!;
      const policy = await this.classes.policyOfClass(em, c);
      const own = new Map<string, MarkFacts>();
      for (const s of sessions.get(c.id) ?? []) {
        const m = markOf.get(`${e.id}|${s.id}`);
        if (m) own.set(s.id, m);
      }
      out.set(
        e.id,
        this.completionOf(
          e,
          c,
          sessions.get(c.id) ?? [],
          workers.get(e.workerId),
          own,
          policy,
          now,
        ),
      );
    }
    return out;
  }

  /**
   * One place's completion from what completions() reads, already at hand: the class, its
   * scheduled sessions, the trainee's tier and channel, their marks by session, the policy.
   */
  completionOf(
    e: { id: string; workerId: string },
    c: TrainingClass,
    sessions: readonly ClassSession[],
    w: Pick<Worker, 'entryChannel' | 'positionTier'> | undefined,
    marks: ReadonlyMap<string, MarkFacts>,
    policy: TrainingPolicy,
    now = new Date(),
  ): EnrollmentCompletion {
    const thresholds = effectiveThresholds(attendanceRules(policy), c);
    const policyHours =
      c.type === 'street'
        ? null
        : minimumHours(policy, c.type, {
            entryChannel: w?.entryChannel,
            positionTier: w?.positionTier,
          });
    const classHalfHours = sessions.reduce((a, s) => a + s.halfHours, 0);
    const rows = sessions.map((s) => {
      const m = marks.get(s.id);
      const credited = m
        ? creditedHalfHours(thresholds, s, {
            status: m.status,
            minutesLate: m.minutes_late,
            minutesEarly: m.minutes_early,
          })
        : 0;
      return {
        sessionId: s.id,
        startsAt: s.startsAt,
        halfHours: s.halfHours,
        held: s.endsAt <= now,
        status: m?.status ?? null,
        creditedHalfHours: credited,
      };
    });
    const c2 = completion(
      rows.map((r) => ({ held: r.held, status: r.status, credited: r.creditedHalfHours })),
      policyHours !== null ? Math.min(policyHours * 2, classHalfHours) : classHalfHours,
    );
    return {
      ...c2,
      enrollmentId: e.id,
      classId: c.id,
      workerId: e.workerId,
      type: c.type,
      sessions: rows,
    };
  }

  async enrollmentHours(actor: Actor, enrollmentId: string): Promise<EnrollmentHoursDto> {
    const em = this.ds.manager;
    const e = await em.findOne(Enrollment, { where: { id: enrollmentId } });
    if (!e) throw new NotFoundError('报名记录', enrollmentId);
    const c = await em.findOneByOrFail(TrainingClass, { id: e.classId });
    const w = await em.findOneByOrFail(Worker, { id: e.workerId });
    const allowed =
      (actor.role === 'worker' && actor.workerId === e.workerId) ||
      administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId }) ||
      (actor.role === 'institution_staff' && !!actor.orgId && actor.orgId === c.institutionId) ||
      (actor.role === 'district_admin' && !!actor.districtId && actor.districtId === c.districtId);
    if (!allowed) throw new NotFoundError('报名记录', enrollmentId);
    const done = (await this.completions(em, [e.id])).get(e.id)!;
    return {
      enrollmentId: e.id,
      classId: c.id,
      type: c.type,
      creditedHalfHours: done.creditedHalfHours,
      requiredHalfHours: done.requiredHalfHours,
      sessionsHeld: done.sessionsHeld,
      sessionsAttended: done.sessionsAttended,
      attendanceRate: done.attendanceRate,
      met: done.met,
      sessions: done.sessions,
    };
  }

  /** A worker's hours of a year by training type across classes (the trainee, their administrators). */
  async workerHours(actor: Actor, workerId: string, year?: number): Promise<WorkerHoursDto> {
    const em = this.ds.manager;
    const w = await em.findOne(Worker, { where: { id: workerId } });
    const allowed =
      !!w &&
      ((actor.role === 'worker' && actor.workerId === workerId) ||
        administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId }));
    if (!w || !allowed) throw new NotFoundError('社区工作者', workerId);
    const y = year ?? localYear(new Date(), this.config.timezone);
    const entries = await em.query<{ id: string }[]>(
      `select e.id from enrollment e join training_class c on c.id = e.class_id
        where e.worker_id = $1 and c.year = $2 and e.status in ('enrolled', 'withdrawn')`,
      [workerId, y],
    );
    const done = await this.completions(
      em,
      entries.map((r) => r.id),
    );
    const byType = new Map<string, { credited: number; classes: Set<string> }>();
    for (const d of done.values()) {
      const t = byType.get(d.type) ?? { credited: 0, classes: new Set<string>() };
      t.credited += d.creditedHalfHours;
      t.classes.add(d.classId);
      byType.set(d.type, t);
    }
    const policy = await this.classes.policyOfClass(em, {
      municipalityId:
        (
          await em.query<{ id: string }[]>(
            `select m.id from org_unit d join org_unit m on m.id = d.parent_id where d.id = $1`,
            [w.districtId],
          )
        )[0]?.id ?? '',
      year: y,
    });
    const types = [...byType.entries()].map(([type, v]) => {
      const policyHours =
        type === 'street'
          ? null
          : minimumHours(policy, type as TrainingType, {
              entryChannel: w.entryChannel,
              positionTier: w.positionTier,
            });
      return {
        type,
        label: type === 'street' ? '街道业务培训' : typeRule(policy, type as TrainingType).label,
        creditedHalfHours: v.credited,
        requiredHalfHours: policyHours === null ? null : policyHours * 2,
        classes: v.classes.size,
      };
    });
    return {
      workerId,
      year: y,
      types,
      totalHalfHours: types.reduce((a, t) => a + t.creditedHalfHours, 0),
    };
  }
}
