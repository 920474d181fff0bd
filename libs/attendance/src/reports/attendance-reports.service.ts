import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  DomainError,
  FileStore,
  ForbiddenScopeError,
  JOB_CATALOGUE,
  JobName,
  JobsService,
  localYear,
  NotFoundError,
} from '@peixun/core';
import { regionOfUnit } from '@peixun/org';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { ClassContext, loadClass, mayReadClass } from '../class-access';
import { HoursService } from '../hours.service';
import { loadSession, mayRead } from '../session-access';
import { ClassGrid, gridXlsx } from './class-grid';
import { ClassReportJobDto, DistrictAttendanceDto, MissingNowDto } from './reports.dto';

/**
 * Attendance reports (issue 10, 7): who is missing from a session right now; a class's
 * trainees × sessions (JSON, Excel; PDF rendered by the worker); a district's attendance
 * rates by street. Read by who runs the class, the commissioning district and the bureau.
 */
@Injectable()
export class AttendanceReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hours: HoursService,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly config: AppConfig,
  ) {}

  /** Trainees with no mark yet, or marked absent, once the session has started (leave excluded). */
  async missingNow(actor: Actor, sessionId: string): Promise<MissingNowDto> {
    const em = this.ds.manager;
    const ctx = await loadSession(em, sessionId);
    if (!mayRead(actor, ctx)) throw new NotFoundError('课次', sessionId);
    const started = ctx.session.startsAt <= new Date();
    const rows = started
      ? await em.query<
          { enrollment_id: string; worker_id: string; name: string; status: string | null }[]
        >(
          `select e.id as enrollment_id, w.id as worker_id, w.name, m.status
             from enrollment e
             join worker w on w.id = e.worker_id
             left join attendance_mark m on m.session_id = $1 and m.enrollment_id = e.id
            where e.class_id = $2 and e.status = 'enrolled' and (m.status is null or m.status = 'absent')
            order by w.name, w.id`,
          [sessionId, ctx.c.id],
        )
      : [];
    const [{ total }] = await em.query<{ total: number }[]>(
      `select count(*)::int as total from enrollment where class_id = $1 and status = 'enrolled'`,
      [ctx.c.id],
    );
    return {
      sessionId,
      started,
      expected: total,
      missing: rows.map((r) => ({
        enrollmentId: r.enrollment_id,
        workerId: r.worker_id,
        name: r.name,
        status: r.status === 'absent' ? 'absent' : 'unmarked',
      })),
    };
  }

  private async readable(em: EntityManager, actor: Actor, classId: string): Promise<ClassContext> {
    const ctx = await loadClass(em, classId);
    if (!mayReadClass(actor, ctx)) throw new NotFoundError('班次', classId);
    return ctx;
  }

  async classGrid(actor: Actor, classId: string): Promise<ClassGrid> {
    const em = this.ds.manager;
    return this.grid(em, await this.readable(em, actor, classId));
  }

  async classGridXlsx(actor: Actor, classId: string): Promise<{ content: Buffer; name: string }> {
    const grid = await this.classGrid(actor, classId);
    return { content: await gridXlsx(grid), name: `${grid.title}-考勤汇总.xlsx` };
  }

  /** The grid of a class as it is now (the report's data, for the API and the worker alike). */
  async grid(em: EntityManager, ctx: ClassContext, now = new Date()): Promise<ClassGrid> {
    const { c } = ctx;
    const trainees = await em.query<
      { enrollment_id: string; name: string; id_number_masked: string }[]
    >(
      `select e.id as enrollment_id, w.name, w.id_number_masked
         from enrollment e join worker w on w.id = e.worker_id
        where e.class_id = $1 and e.status = 'enrolled' order by w.name, w.id`,
      [c.id],
    );
    const done = await this.hours.completions(
      em,
      trainees.map((t) => t.enrollment_id),
      now,
    );
    const [unit] = await em.query<{ name: string }[]>(`select name from org_unit where id = $1`, [
      c.institutionId ?? c.streetId,
    ]);
    const region = await regionOfUnit(em, c.districtId ?? c.institutionId ?? c.municipalityId);
    const sessions = ctx.sessions.map(({ session: s }) => ({
      id: s.id,
      startsAt: s.startsAt,
      topic: s.topic,
      halfHours: s.halfHours,
      held: s.endsAt <= now,
    }));
    return {
      classId: c.id,
      title: c.title,
      institution: unit?.name ?? '',
      authority: region.planAuthority,
      timeZone: this.config.timezone,
      sessions,
      rows: trainees.map((t) => {
        const d = done.get(t.enrollment_id)!;
        const bySession = new Map(d.sessions.map((s) => [s.sessionId, s]));
        return {
          enrollmentId: t.enrollment_id,
          name: t.name,
          idNumberMasked: t.id_number_masked,
          cells: sessions.map((s) => ({
            status: bySession.get(s.id)?.status ?? null,
            creditedHalfHours: bySession.get(s.id)?.creditedHalfHours ?? 0,
          })),
          creditedHalfHours: d.creditedHalfHours,
          requiredHalfHours: d.requiredHalfHours,
          attendanceRate: d.attendanceRate,
          met: d.met,
        };
      }),
    };
  }

  /** The hash of what the PDF shows: the same marks are the same job (and the same file). */
  gridHash(grid: ClassGrid): string {
    return createHash('sha256').update(JSON.stringify(grid)).digest('hex');
  }

  /** Asks the worker for the PDF (202 with the job; its result names the stored file). */
  async requestPdf(actor: Actor, classId: string): Promise<ClassReportJobDto> {
    const grid = await this.classGrid(actor, classId);
    const ref = await this.jobs.enqueue(JobName.AttendanceClassReport, {
      classId,
      inputHash: this.gridHash(grid),
      requestedBy: actor.accountId,
    });
    return { ...ref, status: 'pending' };
  }

  /** The PDF a report job stored (409 while it is still being rendered). */
  async pdfFile(
    actor: Actor,
    classId: string,
    jobId: string,
  ): Promise<{ content: Readable; size: number; name: string }> {
    const em = this.ds.manager;
    const ctx = await this.readable(em, actor, classId);
    const prefix = JOB_CATALOGUE[JobName.AttendanceClassReport].jobId({
      classId,
      inputHash: '',
      requestedBy: '',
    });
    const status = jobId.startsWith(prefix)
      ? await this.jobs.status(JOB_CATALOGUE[JobName.AttendanceClassReport].queue, jobId)
      : null;
    if (!status) throw new NotFoundError('考勤汇总表', jobId);
    const result = status.result as { fileKey?: string; size?: number } | null;
    if (status.state !== 'completed' || !result?.fileKey) {
      throw new DomainError(
        'REPORT_NOT_READY',
        `考勤汇总表尚未生成（${status.state}）(the report is not ready)`,
        409,
        { state: status.state },
      );
    }
    return {
      content: await this.files.get(result.fileKey),
      size: result.size ?? 0,
      name: `${ctx.c.title}-考勤汇总表.pdf`,
    };
  }

  /**
   * A district's attendance rates by street for a year: the sessions held so far of the
   * year's classes, counted per place of the district's workers (district admin of that
   * district, the bureau).
   */
  async districtByStreet(
    actor: Actor,
    districtId: string,
    year?: number,
  ): Promise<DistrictAttendanceDto> {
    const em = this.ds.manager;
    const [d] = await em.query<{ id: string; name: string; kind: string }[]>(
      `select id, name, kind from org_unit where id = $1`,
      [districtId],
    );
    if (!d || d.kind !== 'district') throw new NotFoundError('区', districtId);
    if (actor.role === 'district_admin' && actor.districtId !== districtId) {
      throw new ForbiddenScopeError('只能查看本区的考勤 (only your own district)');
    }
    const y = year ?? localYear(new Date(), this.config.timezone);
    const rows = await em.query<
      {
        street_id: string;
        street: string;
        trainees: number;
        held: number;
        attended: number;
        leave: number;
        absent: number;
        unmarked: number;
      }[]
    >(
      `select st.id as street_id, st.name as street,
              count(distinct e.id)::int as trainees,
              count(s.id)::int as held,
              count(*) filter (where m.status in ('present', 'late', 'left_early'))::int as attended,
              count(*) filter (where m.status = 'leave')::int as leave,
              count(*) filter (where m.status = 'absent')::int as absent,
              count(*) filter (where s.id is not null and m.status is null)::int as unmarked
         from org_unit st
         left join worker w on w.street_id = st.id
         left join enrollment e on e.worker_id = w.id and e.status = 'enrolled'
              and exists (select 1 from training_class c where c.id = e.class_id and c.year = $2 and c.status = 'open')
         left join class_session s on s.class_id = e.class_id and s.status = 'scheduled' and s.ends_at <= now()
         left join attendance_mark m on m.session_id = s.id and m.enrollment_id = e.id
        where st.parent_id = $1 and st.kind = 'street'
        group by st.id, st.name
        order by st.name, st.id`,
      [districtId, y],
    );
    const rate = (a: number, h: number): number => (h ? Math.round((a / h) * 1000) / 1000 : 1);
    const total = rows.reduce(
      (t, r) => ({ held: t.held + r.held, attended: t.attended + r.attended }),
      { held: 0, attended: 0 },
    );
    return {
      districtId,
      district: d.name,
      year: y,
      attendanceRate: rate(total.attended, total.held),
      streets: rows.map((r) => ({
        streetId: r.street_id,
        street: r.street,
        trainees: r.trainees,
        sessionsHeld: r.held,
        attended: r.attended,
        leave: r.leave,
        absent: r.absent,
        unmarked: r.unmarked,
        attendanceRate: rate(r.attended, r.held),
      })),
    };
  }
}
