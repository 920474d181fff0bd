import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  DomainError,
  ErrorCode,
  ForbiddenScopeError,
  illegalTransition,
  NotFoundError,
} from '@peixun/core';
import { ClassesService, TrainingClass } from '@peixun/classes';
import { Enrollment } from '@peixun/enrollment';
import { Worker } from '@peixun/org';
import { attendanceRules, AttendanceRules } from '@peixun/policy';
import { createHmac } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttendanceMark, LeaveRequest } from './attendance.entity';
import {
  checkInCode,
  checkInToken,
  creditedHalfHours,
  effectiveThresholds,
  Mark,
  MarkStatus,
  slotOf,
  Thresholds,
} from './attendance.rules';
import {
  CheckInCodeDto,
  LeaveDecisionDto,
  LeaveRequestDto,
  LeaveRequestInputDto,
  MarkDto,
  MarkInputDto,
  MarkOneDto,
  MarkRosterDto,
  SessionAttendanceDto,
} from './dto/attendance.dto';
import { loadSession, mayMark, mayRead, SessionContext } from './session-access';

const fieldError = (field: string, problem: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${problem}`, 400, [
    { field, problems: [problem] },
  ]);

/**
 * The institution's daily work (issue 10): a session's roster with its marks, marking in one
 * request (one transaction), corrections within the policy's window with a reason and the
 * previous value in the audit log, leave requests, and the projector's rotating QR code.
 */
@Injectable()
export class AttendanceService {
  private readonly tokenKey: Buffer;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly classes: ClassesService,
  ) {
    // derived from the token secret: rotating check-in tokens need no stored state
    this.tokenKey = createHmac('sha256', config.auth.jwtSecret).update('peixun:check-in').digest();
  }

  get checkInKey(): Buffer {
    return this.tokenKey;
  }

  /** The rules and thresholds that apply to a class. */
  async rulesOf(
    em: EntityManager,
    c: TrainingClass,
  ): Promise<{ rules: AttendanceRules; thresholds: Thresholds }> {
    const rules = attendanceRules(await this.classes.policyOfClass(em, c));
    return { rules, thresholds: effectiveThresholds(rules, c) };
  }

  // -- roster -------------------------------------------------------------------------------

  async roster(actor: Actor, sessionId: string): Promise<SessionAttendanceDto> {
    const em = this.ds.manager;
    const ctx = await loadSession(em, sessionId);
    if (!mayRead(actor, ctx)) throw new NotFoundError('课次', sessionId);
    return this.present(em, ctx);
  }

  /** Marks everyone of the roster in one request: all or nothing. */
  async markRoster(
    actor: Actor,
    sessionId: string,
    dto: MarkRosterDto,
  ): Promise<SessionAttendanceDto> {
    return this.ds.transaction(async (em) => {
      const ctx = await this.markable(em, actor, sessionId);
      await this.write(em, actor, ctx, dto.marks, dto.reason ?? null, 'staff');
      return this.present(em, ctx);
    });
  }

  async markOne(
    actor: Actor,
    sessionId: string,
    enrollmentId: string,
    dto: MarkOneDto,
  ): Promise<SessionAttendanceDto> {
    return this.ds.transaction(async (em) => {
      const ctx = await this.markable(em, actor, sessionId);
      await this.write(em, actor, ctx, [{ ...dto, enrollmentId }], dto.reason ?? null, 'staff');
      return this.present(em, ctx);
    });
  }

  /**
   * Writes marks with one statement. Before the session ends they are the roll call; after
   * it, changing an existing mark is a correction: allowed within the policy's window, with a
   * reason, and every previous value goes into the audit entry.
   */
  async write(
    em: EntityManager,
    actor: Actor,
    ctx: SessionContext,
    marks: MarkInputDto[],
    reason: string | null,
    source: 'staff' | 'paper',
  ): Promise<number> {
    const { session, c } = ctx;
    const { rules } = await this.rulesOf(em, c);
    const now = new Date();
    if (now.getTime() < session.startsAt.getTime() - rules.checkInOpensMinutesBefore * 60_000) {
      throw new DomainError(
        'SESSION_NOT_STARTED',
        '课次尚未开始，不能考勤 (the session has not started)',
        409,
      );
    }
    if (now.getTime() > session.endsAt.getTime() + rules.correctionWindowDays * 86_400_000) {
      throw new DomainError(
        'CORRECTION_WINDOW_CLOSED',
        `课次结束已超过 ${rules.correctionWindowDays} 天，考勤不能再更改 (the correction window has closed)`,
        409,
      );
    }
    const seen = new Set<string>();
    marks.forEach((m, i) => {
      if (seen.has(m.enrollmentId))
        throw fieldError(`marks[${i}].enrollmentId`, '同一学员重复 (listed twice)');
      seen.add(m.enrollmentId);
      if (m.status === 'late' && !(m.minutesLate ?? 0)) {
        throw fieldError(`marks[${i}].minutesLate`, '迟到须填写分钟数 (minutes late required)');
      }
      if (m.status === 'left_early' && !(m.minutesEarly ?? 0)) {
        throw fieldError(`marks[${i}].minutesEarly`, '早退须填写分钟数 (minutes early required)');
      }
    });
    const entries = await em.find(Enrollment, {
      select: { id: true, workerId: true, status: true },
      where: { id: In([...seen]), classId: c.id },
    });
    const byId = new Map(entries.map((e) => [e.id, e]));
    marks.forEach((m, i) => {
      const e = byId.get(m.enrollmentId);
      if (!e || e.status !== 'enrolled') {
        throw fieldError(
          `marks[${i}].enrollmentId`,
          '不是本班已报名的学员 (not a trainee of this class)',
        );
      }
    });
    const existing = await em.find(AttendanceMark, {
      where: { sessionId: session.id, enrollmentId: In([...seen]) },
    });
    const before = new Map(existing.map((m) => [m.enrollmentId, m]));
    const changes = marks
      .map((m) => {
        const old = before.get(m.enrollmentId);
        const next = {
          status: m.status,
          minutesLate: m.minutesLate ?? 0,
          minutesEarly: m.minutesEarly ?? 0,
        };
        if (!old) return null;
        const same =
          old.status === next.status &&
          old.minutesLate === next.minutesLate &&
          old.minutesEarly === next.minutesEarly;
        return same
          ? null
          : {
              enrollmentId: m.enrollmentId,
              from: {
                status: old.status,
                minutesLate: old.minutesLate,
                minutesEarly: old.minutesEarly,
                source: old.source,
              },
              to: next,
            };
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);
    if (changes.length && !reason) {
      throw fieldError(
        'reason',
        '更改已有考勤须说明原因 (a reason is required to change existing marks)',
      );
    }
    await em.query(
      `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, minutes_early,
                                    source, note, marked_by)
       select $1, v.enrollment_id, $2, v.worker_id, v.status, v.minutes_late, v.minutes_early, $3, v.note, $4
         from jsonb_to_recordset($5::jsonb) as v(enrollment_id uuid, worker_id uuid, status text, minutes_late int,
                                                 minutes_early int, note text)
       on conflict (session_id, enrollment_id) do update
          set status = excluded.status, minutes_late = excluded.minutes_late, minutes_early = excluded.minutes_early,
              source = excluded.source, note = coalesce(excluded.note, attendance_mark.note),
              marked_by = excluded.marked_by, updated_at = now(), version = attendance_mark.version + 1
        where (attendance_mark.status, attendance_mark.minutes_late, attendance_mark.minutes_early)
              is distinct from (excluded.status, excluded.minutes_late, excluded.minutes_early)
           or excluded.note is not null`,
      [
        session.id,
        c.id,
        source,
        actor.accountId,
        JSON.stringify(
          marks.map((m) => ({
            enrollment_id: m.enrollmentId,
            worker_id: byId.get(m.enrollmentId)!.workerId,
            status: m.status,
            minutes_late: m.minutesLate ?? 0,
            minutes_early: m.minutesEarly ?? 0,
            note: m.note ?? null,
          })),
        ),
      ],
    );
    await this.audit.record(em, actor, {
      action: changes.length ? 'attendance.corrected' : 'attendance.marked',
      entityType: 'class_session',
      entityId: session.id,
      data: {
        classId: c.id,
        source,
        marked: marks.length,
        ...(changes.length ? { reason, changes } : {}),
      },
    });
    return marks.length;
  }

  /** A session the actor may mark (404 when they may not even read it; 403 when read-only). */
  async markable(em: EntityManager, actor: Actor, sessionId: string): Promise<SessionContext> {
    const ctx = await loadSession(em, sessionId);
    if (!mayRead(actor, ctx)) throw new NotFoundError('课次', sessionId);
    if (!mayMark(actor, ctx))
      throw new ForbiddenScopeError(
        '只有承办机构、授课教师或办班街道可以考勤 (only the runners of the class mark attendance)',
      );
    if (ctx.session.status !== 'scheduled' || ctx.c.status === 'cancelled') {
      throw illegalTransition(
        'mark',
        ctx.session.status === 'scheduled' ? ctx.c.status : ctx.session.status,
      );
    }
    // one writer at a time per session (a roll call and a paper sheet at once)
    await em.query(`select 1 from class_session where id = $1 for no key update`, [sessionId]);
    return ctx;
  }

  private async present(em: EntityManager, ctx: SessionContext): Promise<SessionAttendanceDto> {
    const { session, c } = ctx;
    const { thresholds } = await this.rulesOf(em, c);
    const rows = await em.query<
      {
        enrollment_id: string;
        worker_id: string;
        name: string;
        id_number_masked: string;
        status: MarkStatus | null;
        minutes_late: number | null;
        minutes_early: number | null;
        check_in_at: Date | null;
        check_out_at: Date | null;
        source: string | null;
        version: number | null;
        leave_id: string | null;
      }[]
    >(
      `select e.id as enrollment_id, w.id as worker_id, w.name, w.id_number_masked,
              m.status, m.minutes_late, m.minutes_early, m.check_in_at, m.check_out_at, m.source, m.version,
              (select l.id from leave_request l where l.session_id = $1 and l.enrollment_id = e.id and l.status = 'pending') as leave_id
         from enrollment e
         join worker w on w.id = e.worker_id
         left join attendance_mark m on m.session_id = $1 and m.enrollment_id = e.id
        where e.class_id = $2 and e.status = 'enrolled'
        order by w.name, w.id`,
      [session.id, c.id],
    );
    const marks: MarkDto[] = rows.map((r) => {
      const mark: Mark | null = r.status
        ? { status: r.status, minutesLate: r.minutes_late ?? 0, minutesEarly: r.minutes_early ?? 0 }
        : null;
      return {
        enrollmentId: r.enrollment_id,
        workerId: r.worker_id,
        name: r.name,
        idNumberMasked: r.id_number_masked,
        status: r.status,
        minutesLate: r.minutes_late ?? 0,
        minutesEarly: r.minutes_early ?? 0,
        checkInAt: r.check_in_at,
        checkOutAt: r.check_out_at,
        source: r.source,
        creditedHalfHours: mark ? creditedHalfHours(thresholds, session, mark) : 0,
        pendingLeaveId: r.leave_id,
        version: r.version,
      };
    });
    const counts: Record<string, number> = { unmarked: 0 };
    for (const m of marks)
      counts[m.status ?? 'unmarked'] = (counts[m.status ?? 'unmarked'] ?? 0) + 1;
    const started = new Date() >= session.startsAt;
    return {
      sessionId: session.id,
      classId: c.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      halfHours: session.halfHours,
      counts,
      missingNow: started
        ? marks.filter((m) => m.status === null || m.status === 'absent').map((m) => m.enrollmentId)
        : [],
      marks,
    };
  }

  // -- the projector's QR code ------------------------------------------------------------------

  /** What the check-in screen shows: the URL in the QR code, the 6-digit code, when it rotates. */
  async checkInCode(actor: Actor, sessionId: string): Promise<CheckInCodeDto> {
    const em = this.ds.manager;
    const ctx = await loadSession(em, sessionId);
    if (!mayRead(actor, ctx)) throw new NotFoundError('课次', sessionId);
    if (!mayMark(actor, ctx)) throw new ForbiddenScopeError();
    const { rules } = await this.rulesOf(em, ctx.c);
    const period = rules.tokenPeriodSeconds;
    const slot = slotOf(new Date(), period);
    const token = checkInToken(this.tokenKey, sessionId, slot);
    const minutes = (ctx.session.endsAt.getTime() - ctx.session.startsAt.getTime()) / 60_000;
    return {
      url: `${this.config.http.publicBaseUrl ?? ''}/c/${sessionId}/${token}`,
      token,
      code: checkInCode(this.tokenKey, sessionId, slot),
      rotatesAt: new Date((slot + 1) * period * 1000),
      periodSeconds: period,
      checkOut: minutes >= rules.checkOutFromMinutes,
    };
  }

  // -- leave ---------------------------------------------------------------------------------

  /** A trainee asks to be excused from a session, before it starts. */
  async requestLeave(
    actor: Actor,
    sessionId: string,
    dto: LeaveRequestInputDto,
  ): Promise<LeaveRequestDto> {
    return this.ds.transaction(async (em) => {
      const ctx = await loadSession(em, sessionId);
      const entry =
        actor.role === 'worker' && actor.workerId
          ? await em.findOne(Enrollment, {
              where: { classId: ctx.c.id, workerId: actor.workerId, status: 'enrolled' },
            })
          : null;
      if (!entry) throw new NotFoundError('课次', sessionId);
      if (ctx.session.status !== 'scheduled') throw illegalTransition('leave', ctx.session.status);
      if (ctx.session.startsAt <= new Date()) {
        throw new DomainError(
          'LEAVE_TOO_LATE',
          '课次已开始，不能再请假 (the session has started)',
          409,
        );
      }
      if (
        await em.existsBy(LeaveRequest, {
          sessionId,
          enrollmentId: entry.id,
          status: In(['pending', 'approved']),
        })
      ) {
        throw new DomainError(
          'LEAVE_ALREADY_REQUESTED',
          '已为该课次请假 (leave already requested)',
          409,
        );
      }
      const row = await em.save(
        em.create(LeaveRequest, {
          sessionId,
          enrollmentId: entry.id,
          classId: ctx.c.id,
          workerId: entry.workerId,
          reason: dto.reason.trim(),
          status: 'pending',
        }),
      );
      await this.audit.record(em, actor, {
        action: 'attendance.leave_requested',
        entityType: 'leave_request',
        entityId: row.id,
        data: { sessionId },
      });
      return (await this.presentLeaves(em, [row]))[0];
    });
  }

  async leavesOfSession(actor: Actor, sessionId: string): Promise<LeaveRequestDto[]> {
    const em = this.ds.manager;
    const ctx = await loadSession(em, sessionId);
    if (!mayRead(actor, ctx)) throw new NotFoundError('课次', sessionId);
    return this.presentLeaves(
      em,
      await em.find(LeaveRequest, { where: { sessionId }, order: { createdAt: 'ASC' } }),
    );
  }

  async myLeaves(actor: Actor): Promise<LeaveRequestDto[]> {
    if (!actor.workerId) return [];
    const em = this.ds.manager;
    return this.presentLeaves(
      em,
      await em.find(LeaveRequest, {
        where: { workerId: actor.workerId },
        order: { createdAt: 'DESC' },
        take: 200,
      }),
    );
  }

  /** Approving excuses the trainee: the session's mark becomes `leave` (no hours, not an absence). */
  async decideLeave(
    actor: Actor,
    id: string,
    approve: boolean,
    dto: LeaveDecisionDto,
  ): Promise<LeaveRequestDto> {
    return this.ds.transaction(async (em) => {
      const l = await em.findOne(LeaveRequest, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!l) throw new NotFoundError('请假', id);
      const ctx = await loadSession(em, l.sessionId);
      if (!mayRead(actor, ctx)) throw new NotFoundError('请假', id);
      if (!mayMark(actor, ctx)) throw new ForbiddenScopeError();
      if (l.status !== 'pending') throw illegalTransition(approve ? 'approve' : 'refuse', l.status);
      l.status = approve ? 'approved' : 'refused';
      l.decidedBy = actor.accountId;
      l.decidedAt = new Date();
      l.decisionNote = dto.note?.trim() ?? null;
      await em.save(l);
      if (approve) {
        await em.query(
          `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, source, note, marked_by)
           values ($1, $2, $3, $4, 'leave', 'leave', $5, $6)
           on conflict (session_id, enrollment_id) do update
              set status = 'leave', minutes_late = 0, minutes_early = 0, source = 'leave', note = excluded.note,
                  marked_by = excluded.marked_by, updated_at = now(), version = attendance_mark.version + 1`,
          [
            l.sessionId,
            l.enrollmentId,
            l.classId,
            l.workerId,
            `请假：${l.reason}`.slice(0, 200),
            actor.accountId,
          ],
        );
      }
      await this.audit.record(em, actor, {
        action: approve ? 'attendance.leave_approved' : 'attendance.leave_refused',
        entityType: 'leave_request',
        entityId: l.id,
        data: { sessionId: l.sessionId },
      });
      return (await this.presentLeaves(em, [l]))[0];
    });
  }

  async cancelLeave(actor: Actor, id: string): Promise<LeaveRequestDto> {
    return this.ds.transaction(async (em) => {
      const l = await em.findOne(LeaveRequest, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!l || actor.workerId !== l.workerId) throw new NotFoundError('请假', id);
      if (l.status !== 'pending') throw illegalTransition('cancel', l.status);
      l.status = 'cancelled';
      await em.save(l);
      return (await this.presentLeaves(em, [l]))[0];
    });
  }

  private async presentLeaves(em: EntityManager, rows: LeaveRequest[]): Promise<LeaveRequestDto[]> {
    if (!rows.length) return [];
    const names = new Map(
      (
        await em.find(Worker, {
          select: { id: true, name: true },
          where: { id: In([...new Set(rows.map((r) => r.workerId))]) },
        })
      ).map((w) => [w.id, w.name]),
    );
    return rows.map((l) => ({
      id: l.id,
      sessionId: l.sessionId,
      classId: l.classId,
      workerId: l.workerId,
      name: names.get(l.workerId) ?? '',
      reason: l.reason,
      status: l.status,
      decisionNote: l.decisionNote,
      createdAt: l.createdAt,
      decidedAt: l.decidedAt,
    }));
  }
}
