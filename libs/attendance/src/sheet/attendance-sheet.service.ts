import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  DomainError,
  ErrorCode,
  FileStore,
  ForbiddenScopeError,
  localDate,
  NotFoundError,
  requireFile,
  uploadedFileName,
} from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceService } from '../attendance.service';
import { Mark, MarkStatus } from '../attendance.rules';
import { ClassContext, loadClass, markableSessions, mayReadClass } from '../class-access';
import { loadSession, mayMark, mayRead } from '../session-access';
import { buildSheet, parseSheet, SheetCell, SheetProblem } from './attendance-sheet';

export interface SheetUploadResult {
  classId: string;
  /** Sessions whose marks the sheet changed or added. */
  sessions: number;
  written: number;
  unchanged: number;
  fileSha256: string;
}

/** Problems in reading order: the file's own first, then by row and column. */
const inOrder = (a: SheetProblem, b: SheetProblem): number =>
  (a.row ?? 0) - (b.row ?? 0) ||
  (a.column ?? '').length - (b.column ?? '').length ||
  (a.column ?? '').localeCompare(b.column ?? '');

const sheetInvalid = (unordered: SheetProblem[]): DomainError => {
  const problems = [...unordered].sort(inOrder);
  return new DomainError(
    'ATTENDANCE_SHEET_INVALID',
    `考勤表有 ${problems.length} 处错误，未写入任何考勤 (nothing written): ` +
      problems
        .slice(0, 3)
        .map((p) =>
          p.row === null ? p.reason : `第 ${p.row} 行 ${p.column ?? ''} 列: ${p.reason}`,
        )
        .join('; '),
    422,
    { errorCount: problems.length, errors: problems },
  );
};

const same = (a: Mark, b: Mark): boolean =>
  a.status === b.status && a.minutesLate === b.minutesLate && a.minutesEarly === b.minutesEarly;

/**
 * The paper attendance sheet (考勤表) as Excel: exported for a session or a class, filled from
 * the signed paper sheet, uploaded back all-or-nothing through the same marking rules.
 */
@Injectable()
export class AttendanceSheetService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly attendance: AttendanceService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async sessionSheet(actor: Actor, sessionId: string): Promise<{ content: Buffer; name: string }> {
    const em = this.ds.manager;
    const ctx = await loadSession(em, sessionId);
    if (!mayRead(actor, ctx)) throw new NotFoundError('课次', sessionId);
    if (!mayMark(actor, ctx)) throw new ForbiddenScopeError();
    const day = localDate(ctx.session.startsAt, this.config.timezone);
    return {
      content: await this.build(em, ctx.c.id, ctx.c.title, [ctx.session]),
      name: `${ctx.c.title}-${day}-考勤表.xlsx`,
    };
  }

  async classSheet(actor: Actor, classId: string): Promise<{ content: Buffer; name: string }> {
    const em = this.ds.manager;
    const ctx = await loadClass(em, classId);
    const own = markableSessions(actor, ctx);
    if (!own.length) {
      if (mayReadClass(actor, ctx)) throw new ForbiddenScopeError();
      throw new NotFoundError('班次', classId);
    }
    return {
      content: await this.build(
        em,
        ctx.c.id,
        ctx.c.title,
        own.map((s) => s.session),
      ),
      name: `${ctx.c.title}-考勤表.xlsx`,
    };
  }

  private async build(
    em: EntityManager,
    classId: string,
    classTitle: string,
    sessions: { id: string; startsAt: Date; topic: string }[],
  ): Promise<Buffer> {
    const trainees = await em.query<
      { enrollment_id: string; name: string; id_number_masked: string }[]
    >(
      `select e.id as enrollment_id, w.name, w.id_number_masked
         from enrollment e join worker w on w.id = e.worker_id
        where e.class_id = $1 and e.status = 'enrolled' order by w.name, w.id`,
      [classId],
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
      `select enrollment_id, session_id, status, minutes_late, minutes_early
         from attendance_mark where session_id = any($1::uuid[])`,
      [sessions.map((s) => s.id)],
    );
    return buildSheet({
      classId,
      classTitle,
      sessions,
      trainees: trainees.map((t) => ({
        enrollmentId: t.enrollment_id,
        name: t.name,
        idNumberMasked: t.id_number_masked,
      })),
      marks: new Map(
        marks.map((m) => [
          `${m.enrollment_id}|${m.session_id}`,
          { status: m.status, minutesLate: m.minutes_late, minutesEarly: m.minutes_early },
        ]),
      ),
      timeZone: this.config.timezone,
    });
  }

  /**
   * Applies a filled sheet: every problem (each bad row and column) is collected first and
   * answered together (422, nothing written); otherwise every session's new and changed
   * marks are written in one transaction through the marking rules (corrections need the
   * reason and keep the previous values in the audit log).
   */
  async upload(
    actor: Actor,
    classId: string,
    file: Express.Multer.File | undefined,
    reason: string | null,
  ): Promise<SheetUploadResult> {
    const upload = requireFile(file, '考勤表');
    const name = uploadedFileName(upload);
    if (!/\.xlsx$/i.test(name)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'file: 只接受导出的 .xlsx 考勤表 (only the exported .xlsx sheet)',
        400,
        [{ field: 'file', problems: ['must be .xlsx'] }],
      );
    }
    // who may not mark this class learns nothing from the file
    const probe = await loadClass(this.ds.manager, classId);
    if (!markableSessions(actor, probe).length) {
      if (mayReadClass(actor, probe)) throw new ForbiddenScopeError();
      throw new NotFoundError('班次', classId);
    }
    const stored = await this.files.put(upload.buffer, 'attendance-sheet', { fileName: name });
    let committed = false;
    try {
      const parsed = await parseSheet(upload.buffer);
      const result = await this.ds.transaction(async (em) => {
        const ctx = await loadClass(em, classId);
        const problems = [...parsed.problems];
        if (parsed.classId && parsed.classId !== classId) {
          problems.unshift({
            row: 2,
            column: 'B',
            reason: '这是另一个班次的考勤表 (the sheet of another class)',
          });
        }
        // cells are checked against the class even when others could not be read: every
        // problem is named at once; only an unreadable or foreign file stops here
        const fatal = problems.some((p) => p.row === null) || parsed.classId !== classId;
        const plan = fatal
          ? null
          : await this.plan(em, actor, ctx, parsed.sessions, parsed.cells, reason, problems);
        if (problems.length || !plan) throw sheetInvalid(problems);
        let written = 0;
        for (const { sctx, marks } of plan.writes) {
          written += await this.attendance.write(em, actor, sctx, marks, reason, 'paper');
        }
        await this.audit.record(em, actor, {
          action: 'attendance.sheet_uploaded',
          entityType: 'training_class',
          entityId: classId,
          data: {
            fileKey: stored.key,
            fileSha256: stored.sha256,
            sessions: plan.writes.length,
            written,
            unchanged: plan.unchanged,
          },
        });
        return {
          classId,
          sessions: plan.writes.length,
          written,
          unchanged: plan.unchanged,
          fileSha256: stored.sha256,
        };
      });
      committed = true;
      return result;
    } finally {
      if (!committed) await this.files.discard(stored.key);
    }
  }

  /** Checks every cell against the class, the actor's sessions and the timing rules; collects problems. */
  private async plan(
    em: EntityManager,
    actor: Actor,
    ctx: ClassContext,
    columns: { column: string; sessionId: string }[],
    cells: SheetCell[],
    reason: string | null,
    problems: SheetProblem[],
  ) {
    const { rules } = await this.attendance.rulesOf(em, ctx.c);
    const now = Date.now();
    const sessions = new Map(ctx.sessions.map((s) => [s.session.id, s]));
    const okColumns = new Set<string>();
    for (const col of columns) {
      const s = sessions.get(col.sessionId);
      if (!s) {
        problems.push({
          row: 2,
          column: col.column,
          reason: '课次不属于本班次或已取消 (not a scheduled session of this class)',
        });
      } else if (!mayMark(actor, s)) {
        problems.push({
          row: null,
          column: col.column,
          reason: '您不能为该课次考勤 (you do not take this session’s attendance)',
        });
      } else okColumns.add(col.sessionId);
    }
    if (ctx.c.status === 'cancelled') {
      problems.push({ row: null, column: null, reason: '班次已取消 (the class is cancelled)' });
    }
    const enrolled = new Set(
      (
        await em.query<{ id: string }[]>(
          `select id from enrollment where class_id = $1 and status = 'enrolled'`,
          [ctx.c.id],
        )
      ).map((r) => r.id),
    );
    const existing = new Map(
      (
        await em.query<
          {
            enrollment_id: string;
            session_id: string;
            status: MarkStatus;
            minutes_late: number;
            minutes_early: number;
          }[]
        >(
          `select enrollment_id, session_id, status, minutes_late, minutes_early
             from attendance_mark where class_id = $1`,
          [ctx.c.id],
        )
      ).map((m) => [
        `${m.enrollment_id}|${m.session_id}`,
        { status: m.status, minutesLate: m.minutes_late, minutesEarly: m.minutes_early },
      ]),
    );
    const rowOf = new Map<string, number>();
    const bySession = new Map<string, SheetCell[]>();
    let unchanged = 0;
    for (const cell of cells) {
      const firstRow = rowOf.get(cell.enrollmentId);
      if (firstRow !== undefined && firstRow !== cell.row) {
        problems.push({
          row: cell.row,
          column: 'A',
          reason: `学员与第 ${firstRow} 行重复 (the same trainee twice)`,
        });
        continue;
      }
      rowOf.set(cell.enrollmentId, cell.row);
      if (!enrolled.has(cell.enrollmentId)) {
        problems.push({
          row: cell.row,
          column: 'A',
          reason: '不是本班已报名的学员 (not a trainee of this class)',
        });
        continue;
      }
      if (!okColumns.has(cell.sessionId)) continue;
      const s = sessions.get(cell.sessionId)!.session;
      const before = existing.get(`${cell.enrollmentId}|${cell.sessionId}`);
      if (before && same(before, cell.mark)) {
        unchanged++;
        continue;
      }
      if (now < s.startsAt.getTime() - rules.checkInOpensMinutesBefore * 60_000) {
        problems.push({
          row: cell.row,
          column: cell.column,
          reason: '课次尚未开始，不能考勤 (the session has not started)',
        });
        continue;
      }
      if (now > s.endsAt.getTime() + rules.correctionWindowDays * 86_400_000) {
        problems.push({
          row: cell.row,
          column: cell.column,
          reason: `课次结束已超过 ${rules.correctionWindowDays} 天，不能再更改 (correction window closed)`,
        });
        continue;
      }
      if (before && !reason) {
        problems.push({
          row: cell.row,
          column: cell.column,
          reason: '更改已有考勤须填写更正原因 reason (a reason is required to change a mark)',
        });
        continue;
      }
      const list = bySession.get(cell.sessionId) ?? [];
      list.push(cell);
      bySession.set(cell.sessionId, list);
    }
    if (problems.length) return null;
    // the sessions in the order of their locks (one writer at a time per session)
    const ids = [...bySession.keys()].sort();
    if (ids.length) {
      await em.query(
        `select 1 from class_session where id = any($1::uuid[]) order by id for no key update`,
        [ids],
      );
    }
    return {
      unchanged,
      writes: ids.map((id) => ({
        sctx: sessions.get(id)!,
        marks: bySession.get(id)!.map((c) => ({
          enrollmentId: c.enrollmentId,
          status: c.mark.status,
          minutesLate: c.mark.minutesLate,
          minutesEarly: c.mark.minutesEarly,
        })),
      })),
    };
  }
}
