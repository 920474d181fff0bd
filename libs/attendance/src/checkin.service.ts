import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, NotFoundError, preparedQuery, StatementBatcher } from '@peixun/core';
import { ClassesService } from '@peixun/classes';
import { attendanceRules, AttendanceRules } from '@peixun/policy';
import { DataSource } from 'typeorm';
import { AttendanceService } from './attendance.service';
import {
  checkInWindowProblem,
  markFromTimes,
  MarkStatus,
  verifyCode,
  verifyToken,
} from './attendance.rules';
import { CheckInDto, CheckInResultDto, CodeCheckInDto } from './dto/attendance.dto';

/** A phone's clock may be a little ahead: scans up to this far in the future are taken as now. */
const CLOCK_SKEW_MS = 2 * 60_000;

interface Target {
  session_id: string;
  class_id: string;
  class_title: string;
  starts_at: Date;
  ends_at: Date;
  half_hours: number;
  session_status: string;
  class_status: string;
  municipality_id: string;
  year: number;
  enrollment_id: string | null;
}

interface MarkRow {
  status: MarkStatus;
  minutes_late: number;
  minutes_early: number;
  check_in_at: Date | null;
  check_out_at: Date | null;
  client_ref: string | null;
  source: string;
}

interface FirstCheckIn {
  sessionId: string;
  workerId: string;
  at: Date;
  opensBefore: number;
  clientRef: string | null;
  accountId: string;
}

type FirstCheckInRow = MarkRow & { session_id: string; class_title: string };

const refuse = (code: string, message: string, status = 409): DomainError =>
  new DomainError(code, message, status);

/**
 * A trainee's own check-in (and check-out for long sessions) by the session's rotating QR
 * code or its 6-digit code. The hot path: one read (session, class and the worker's place)
 * and one write; a retried request from a flaky phone (same clientRef) gets its first answer,
 * and the unique (session, place) key means there is never a second record.
 */
@Injectable()
export class CheckInService {
  private readonly regions = new Map<string, { municipalityId: string; year: number }>();
  /** First check-ins that arrive together are written by one statement (group commit). */
  private readonly firstCheckIns = new StatementBatcher<FirstCheckIn, FirstCheckInRow | null>({
    key: (c) => `${c.sessionId}/${c.workerId}`,
    run: (batch) => this.writeFirstCheckIns(batch),
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly attendance: AttendanceService,
    private readonly classes: ClassesService,
  ) {}

  async byToken(actor: Actor, dto: CheckInDto): Promise<CheckInResultDto> {
    if (!dto.scannedAt && (dto.direction ?? 'in') === 'in') {
      const done = await this.firstCheckIn(actor, dto);
      if (done) return done;
    }
    const target = await this.target(actor, dto.sessionId);
    const rules = await this.rules(target);
    const now = new Date();
    let at = now;
    if (dto.scannedAt) {
      const scanned = new Date(dto.scannedAt);
      if (scanned.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw refuse(
          'CHECKIN_SCAN_IN_FUTURE',
          '扫码时间晚于当前时间 (the scan time is in the future)',
          400,
        );
      }
      if (now.getTime() - scanned.getTime() > rules.offlineSubmitWithinMinutes * 60_000) {
        throw refuse(
          'CHECKIN_OFFLINE_TOO_LATE',
          `离线扫码须在 ${rules.offlineSubmitWithinMinutes} 分钟内提交 (an offline scan must reach the server within the window)`,
        );
      }
      at = scanned < now ? scanned : now;
    }
    const verdict = verifyToken(
      this.attendance.checkInKey,
      target.session_id,
      dto.token,
      at,
      rules.tokenPeriodSeconds,
    );
    if (!verdict.ok) {
      throw refuse(
        verdict.reason,
        verdict.reason === 'CHECKIN_TOKEN_EXPIRED'
          ? dto.scannedAt
            ? '扫码时该二维码已失效 (the code had expired at the scan time)'
            : '二维码已过期，请扫描投屏上的最新二维码 (the code has expired: scan the current one)'
          : '二维码无效或不属于本课次 (not a code of this session)',
      );
    }
    return this.record(
      actor,
      target,
      rules,
      at,
      dto.direction ?? 'in',
      dto.clientRef ?? null,
      dto.scannedAt ? 'offline' : 'self',
    );
  }

  /** The 6-digit code: the session is the one of the worker's classes whose code it is now. */
  async byCode(actor: Actor, dto: CodeCheckInDto): Promise<CheckInResultDto> {
    if (actor.role !== 'worker' || !actor.workerId) throw new NotFoundError('课次');
    const now = new Date();
    // the worker's sessions around now (any window opens at most a few hours early)
    const candidates = await this.ds.query<Target[]>(
      `select s.id as session_id, c.id as class_id, c.title as class_title, s.starts_at, s.ends_at, s.half_hours,
              s.status as session_status, c.status as class_status, c.municipality_id, c.year, e.id as enrollment_id
         from enrollment e
         join training_class c on c.id = e.class_id
         join class_session s on s.class_id = c.id
        where e.worker_id = $1 and e.status = 'enrolled' and s.status = 'scheduled'
          and s.starts_at < $2::timestamptz + interval '6 hours' and s.ends_at > $2::timestamptz - interval '6 hours'`,
      [actor.workerId, now],
    );
    for (const t of candidates) {
      const rules = await this.rules(t);
      if (
        verifyCode(
          this.attendance.checkInKey,
          t.session_id,
          dto.code,
          now,
          rules.tokenPeriodSeconds,
        )
      ) {
        return this.record(
          actor,
          t,
          rules,
          now,
          dto.direction ?? 'in',
          dto.clientRef ?? null,
          'code',
        );
      }
    }
    throw refuse(
      'CHECKIN_CODE_INVALID',
      '签到码不正确或已过期，或您不在该课次名单中 (wrong or expired code)',
    );
  }

  /**
   * The hot path: a first check-in, now, with a current token, by a worker holding a place in
   * a session that is open for check-in, is one statement (the session, the place, the window
   * and the insert). Anything else — unknown session, bad token, no place, outside the window,
   * already checked in, a retry — returns null and takes the full path, which says why.
   */
  private async firstCheckIn(actor: Actor, dto: CheckInDto): Promise<CheckInResultDto | null> {
    const region = this.regions.get(dto.sessionId);
    if (!region || actor.role !== 'worker' || !actor.workerId) return null;
    const rules = attendanceRules(await this.classes.policyOfClass(this.ds.manager, region));
    const at = new Date();
    const verdict = verifyToken(
      this.attendance.checkInKey,
      dto.sessionId,
      dto.token,
      at,
      rules.tokenPeriodSeconds,
    );
    if (!verdict.ok) return null;
    const row = await this.firstCheckIns.submit({
      sessionId: dto.sessionId,
      workerId: actor.workerId,
      at,
      opensBefore: rules.checkInOpensMinutesBefore,
      clientRef: dto.clientRef ?? null,
      accountId: actor.accountId,
    });
    if (!row) return null;
    return {
      sessionId: row.session_id,
      classTitle: row.class_title,
      status: row.status,
      minutesLate: row.minutes_late,
      minutesEarly: row.minutes_early,
      checkInAt: row.check_in_at,
      checkOutAt: row.check_out_at,
      repeated: false,
    };
  }

  /**
   * The batch of first check-ins in one statement: for each, the session, the worker's place
   * and the window, then the insert; a check-in that finds no session open to it, no place or
   * an existing mark gets null (the caller then takes the full path, which says why).
   */
  private async writeFirstCheckIns(
    batch: readonly FirstCheckIn[],
  ): Promise<(FirstCheckInRow | null)[]> {
    const rows = await preparedQuery<FirstCheckInRow & { worker_id: string }>(
      this.ds,
      'attendance.first-check-ins',
      `with r as (
         select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::int[], $5::varchar[], $6::uuid[])
                  as r(session_id, worker_id, at, opens, client_ref, marked_by)),
       t as materialized (
         -- the place: one lookup of the (class, worker) unique index per check-in, whatever plan
         -- the statistics suggest (a join was planned as a scan of the class's places); once
         -- (materialized: inlined, the lookup ran for the filter and again for the insert)
         select s.id, s.class_id,
                (select e.id from enrollment e
                  where e.class_id = s.class_id and e.worker_id = r.worker_id and e.status = 'enrolled') as enrollment_id,
                r.worker_id, r.at, r.client_ref, r.marked_by,
                greatest(0, floor(extract(epoch from (r.at - s.starts_at)) / 60))::int as late
           from r
           join class_session s on s.id = r.session_id
           join training_class c on c.id = s.class_id
          where s.status = 'scheduled' and c.status <> 'cancelled'
            and r.at >= s.starts_at - make_interval(mins => r.opens)
            and r.at <= s.ends_at),
       ins as (
         insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late,
                                      check_in_at, source, client_ref, marked_by)
         select t.id, t.enrollment_id, t.class_id, t.worker_id, case when t.late > 0 then 'late' else 'present' end,
                t.late, t.at, 'self', t.client_ref, t.marked_by
           from t
          where t.enrollment_id is not null
         on conflict (session_id, enrollment_id) do nothing
         returning session_id, class_id, worker_id, status, minutes_late, minutes_early, check_in_at,
                   check_out_at, client_ref, source)
       -- the class's title: one lookup of its key per row, whatever the planner thinks of the
       -- sizes (joined to t, this was a nested loop: 40,000 comparisons for a batch of 200)
       select (select c.title from training_class c where c.id = ins.class_id) as class_title, ins.*
         from ins`,
      [
        batch.map((c) => c.sessionId),
        batch.map((c) => c.workerId),
        batch.map((c) => c.at),
        batch.map((c) => c.opensBefore),
        batch.map((c) => c.clientRef),
        batch.map((c) => c.accountId),
      ],
    );
    // a batch holds a (session, worker) once (the batcher's key); a row answers one request
    // only, and a request it does not answer takes the full path, which says what is recorded
    const key = (sessionId: string, workerId: string): string =>
      `${sessionId}/${workerId}`.toLowerCase();
    const byKey = new Map(rows.map((row) => [key(row.session_id, row.worker_id), row]));
    return batch.map((c) => {
      const k = key(c.sessionId, c.workerId);
      const row = byKey.get(k) ?? null;
      byKey.delete(k);
      return row;
    });
  }

  private async target(actor: Actor, sessionId: string): Promise<Target> {
    if (actor.role !== 'worker' || !actor.workerId) throw new NotFoundError('课次', sessionId);
    const [t] = await this.ds.query<Target[]>(
      `select s.id as session_id, c.id as class_id, c.title as class_title, s.starts_at, s.ends_at, s.half_hours,
              s.status as session_status, c.status as class_status, c.municipality_id, c.year,
              (select e.id from enrollment e where e.class_id = c.id and e.worker_id = $2 and e.status = 'enrolled') as enrollment_id
         from class_session s join training_class c on c.id = s.class_id
        where s.id = $1`,
      [sessionId, actor.workerId],
    );
    if (!t) throw new NotFoundError('课次', sessionId);
    this.remember(t);
    if (!t.enrollment_id) {
      throw refuse(
        'CHECKIN_NOT_ENROLLED',
        '您不在该课次所属班次的名单中 (you hold no place in this class)',
        403,
      );
    }
    return t;
  }

  /** A session's class never changes region or year: the hot path needs them for the policy. */
  private remember(t: Target): void {
    if (this.regions.size >= 20_000) this.regions.clear();
    this.regions.set(t.session_id, { municipalityId: t.municipality_id, year: t.year });
  }

  private async rules(t: Target): Promise<AttendanceRules> {
    return attendanceRules(
      await this.classes.policyOfClass(this.ds.manager, {
        municipalityId: t.municipality_id,
        year: t.year,
      }),
    );
  }

  private async record(
    actor: Actor,
    t: Target,
    rules: AttendanceRules,
    at: Date,
    direction: 'in' | 'out',
    clientRef: string | null,
    source: 'self' | 'offline' | 'code',
  ): Promise<CheckInResultDto> {
    if (t.session_status !== 'scheduled' || t.class_status === 'cancelled') {
      throw refuse('CHECKIN_SESSION_CANCELLED', '该课次已取消 (the session is cancelled)');
    }
    const window = checkInWindowProblem(
      rules,
      { startsAt: t.starts_at, endsAt: t.ends_at, halfHours: t.half_hours },
      at,
      direction,
    );
    if (window) {
      throw refuse(
        window,
        window === 'CHECKIN_NOT_OPEN_YET'
          ? `签到在课前 ${rules.checkInOpensMinutesBefore} 分钟开始 (check-in has not opened yet)`
          : '签到时间已过 (check-in has closed)',
      );
    }
    const result = (row: MarkRow, repeated: boolean): CheckInResultDto => ({
      sessionId: t.session_id,
      classTitle: t.class_title,
      status: row.status,
      minutesLate: row.minutes_late,
      minutesEarly: row.minutes_early,
      checkInAt: row.check_in_at,
      checkOutAt: row.check_out_at,
      repeated,
    });
    const clock = { startsAt: t.starts_at, endsAt: t.ends_at, halfHours: t.half_hours };
    if (direction === 'in') {
      const mark = markFromTimes(clock, at, null);
      const [row] = await this.ds.query<MarkRow[]>(
        `insert into attendance_mark (session_id, enrollment_id, class_id, worker_id, status, minutes_late, check_in_at,
                                      source, client_ref, marked_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (session_id, enrollment_id) do nothing
         returning status, minutes_late, minutes_early, check_in_at, check_out_at, client_ref, source`,
        [
          t.session_id,
          t.enrollment_id,
          t.class_id,
          actor.workerId,
          mark.status,
          mark.minutesLate,
          at,
          source,
          clientRef,
          actor.accountId,
        ],
      );
      if (row) return result(row, false);
      const existing = await this.existing(t);
      // the same request again (a flaky phone's retry): its first answer
      if (clientRef && existing.client_ref === clientRef) return result(existing, true);
      throw refuse(
        'ALREADY_CHECKED_IN',
        existing.source === 'leave'
          ? '您已请假，本课次无需签到 (you are on leave for this session)'
          : '您已签到 (already checked in)',
      );
    }
    // check-out: only after one's own check-in, and it only ever shortens the stay
    const existing = await this.existing(t).catch(() => null);
    if (!existing || !existing.check_in_at) {
      throw refuse('CHECKOUT_WITHOUT_CHECKIN', '请先签到 (check in first)');
    }
    if (existing.check_out_at) {
      if (clientRef && existing.client_ref === clientRef) return result(existing, true);
      throw refuse('ALREADY_CHECKED_OUT', '您已签退 (already checked out)');
    }
    const mark = markFromTimes(clock, existing.check_in_at, at);
    // (a SELECT over the update: TypeORM returns an UPDATE's own rows with its count)
    const [row] = await this.ds.query<MarkRow[]>(
      `with u as (
         update attendance_mark set check_out_at = $3, minutes_early = $4,
                status = case when source in ('self', 'code', 'offline') then $5 else status end,
                client_ref = coalesce($6, client_ref), updated_at = now(), version = version + 1
          where session_id = $1 and enrollment_id = $2 and check_out_at is null
          returning status, minutes_late, minutes_early, check_in_at, check_out_at, client_ref, source)
       select * from u`,
      [t.session_id, t.enrollment_id, at, mark.minutesEarly, mark.status, clientRef],
    );
    // a concurrent check-out won: answer with what it wrote
    return result(row ?? (await this.existing(t)), !row);
  }

  private async existing(t: Target): Promise<MarkRow> {
    const [row] = await this.ds.query<MarkRow[]>(
      `select status, minutes_late, minutes_early, check_in_at, check_out_at, client_ref, source
         from attendance_mark where session_id = $1 and enrollment_id = $2`,
      [t.session_id, t.enrollment_id],
    );
    if (!row) throw refuse('CHECKIN_RETRY', '请重试 (retry)', 409);
    return row;
  }
}
