import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, DomainError, ForbiddenScopeError, NotFoundError } from '@peixun/core';
import { HoursService } from '@peixun/attendance';
import { ClassesService, TrainingClass } from '@peixun/classes';
import { Enrollment } from '@peixun/enrollment';
import { Worker } from '@peixun/org';
import { examRules } from '@peixun/policy';
import { DataSource, EntityManager, In } from 'typeorm';
import { Certificate } from './certificates/certificate.entity';
import { loadClassFor, mayReadClass, mayRunExam } from './class-access';
import {
  CreateExamDto,
  ExamDto,
  ExamRosterDto,
  MyExamResultDto,
  RecordResultsDto,
} from './dto/exams.dto';
import { Exam, ExamResult } from './exam.entity';
import { attemptAllowed, examOutcome, resultRefusal, verdict } from './exams.rules';

export const ExamErrorCode = {
  /** A result for a trainee who may not be given one (hours, passed, retakes). */
  EXAM_RESULT_REFUSED: 'EXAM_RESULT_REFUSED',
  /** That attempt is beyond the policy's retakes, or the one before has not been held. */
  EXAM_ATTEMPT_NOT_ALLOWED: 'EXAM_ATTEMPT_NOT_ALLOWED',
  EXAM_EXISTS: 'EXAM_EXISTS',
  /** The result has led to a certificate: revoke it first. */
  CERTIFICATE_ISSUED: 'CERTIFICATE_ISSUED',
} as const;

const REFUSAL_TEXT: Record<string, string> = {
  hours_not_met: '学时未满，不能参加考核 (the hours requirement is not met)',
  already_passed: '已在此前考核中合格 (already passed an earlier attempt)',
  not_a_retake_candidate: '不是补考对象 (not a retake candidate)',
  no_retakes_left: '补考次数已用完 (no retakes left under the policy)',
  not_enrolled: '不是本班在册学员 (not a trainee of this class)',
  score_required: '记分考核须填写成绩 (score required)',
  score_out_of_range: '成绩超出满分范围 (score out of range)',
  passed_required: '合格/不合格考核须填写是否合格 (passed required)',
  certificate_issued: '已发证书，不能更改成绩 (a certificate has been issued)',
};

@Injectable()
export class ExamsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hours: HoursService,
    private readonly classes: ClassesService,
    private readonly audit: AuditService,
  ) {}

  async createExam(actor: Actor, classId: string, dto: CreateExamDto): Promise<ExamDto> {
    return this.ds.transaction(async (em) => {
      const c = await loadClassFor(em, actor, classId, mayReadClass);
      if (!mayRunExam(actor, c)) throw new ForbiddenScopeError();
      // one class's exams are created one at a time
      await em.query(`select id from training_class where id = $1 for no key update`, [c.id]);
      const rules = examRules(await this.classes.policyOfClass(em, c));
      const attempt = dto.attempt ?? 1;
      const existing = await em.find(Exam, { where: { classId: c.id }, order: { attempt: 'ASC' } });
      if (existing.some((e) => e.attempt === attempt)) {
        throw new DomainError(
          ExamErrorCode.EXAM_EXISTS,
          `attempt: 本班第 ${attempt} 次考核已登记 (that attempt is already recorded)`,
          409,
          [{ field: 'attempt', problems: ['exists'] }],
        );
      }
      if (!attemptAllowed(rules, attempt) || existing.length !== attempt - 1) {
        throw new DomainError(
          ExamErrorCode.EXAM_ATTEMPT_NOT_ALLOWED,
          `attempt: 按政策最多补考 ${rules.maxRetakes} 次，且须按顺序进行 (at most ${rules.maxRetakes} retakes, in order)`,
          409,
          [{ field: 'attempt', problems: [`next allowed: ${existing.length + 1}`] }],
        );
      }
      const [m] = await em.query<{ id: string }[]>(
        `select d.parent_id as id from org_unit d where d.id = $1`,
        [c.districtId],
      );
      const supervisors = [c.districtId, c.municipalityId, m?.id].filter(Boolean);
      if (!supervisors.includes(dto.supervisorOrgId)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'supervisorOrgId: 监督单位须为委托区或市民政局 (the commissioning district or the bureau)',
          400,
          [{ field: 'supervisorOrgId', problems: ['not the class’s authority'] }],
        );
      }
      const exam = await em.save(
        em.create(Exam, {
          classId: c.id,
          attempt,
          heldOn: dto.heldOn,
          mode: dto.mode,
          maxScore: rules.maxScore,
          passScore: rules.passScore,
          supervisorName: dto.supervisorName,
          supervisorOrgId: dto.supervisorOrgId,
          recordedBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'exam.created',
        entityType: 'exam',
        entityId: exam.id,
        data: { classId: c.id, attempt, heldOn: dto.heldOn, mode: dto.mode },
      });
      return this.present(exam, 0, 0);
    });
  }

  async listExams(actor: Actor, classId: string): Promise<ExamDto[]> {
    const em = this.ds.manager;
    const c = await loadClassFor(em, actor, classId, mayReadClass);
    return this.examsOf(em, c.id);
  }

  /** Records (or corrects) results of one exam in one transaction; any refusal refuses all. */
  async recordResults(actor: Actor, examId: string, dto: RecordResultsDto): Promise<ExamDto> {
    return this.ds.transaction(async (em) => {
      const exam = await em.findOne(Exam, {
        where: { id: examId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!exam) throw new NotFoundError('考核', examId);
      const c = await loadClassFor(em, actor, exam.classId, mayReadClass).catch(() => {
        throw new NotFoundError('考核', examId);
      });
      if (!mayRunExam(actor, c)) throw new ForbiddenScopeError();
      const rules = examRules(await this.classes.policyOfClass(em, c));
      const ids = [...new Set(dto.results.map((r) => r.enrollmentId))];
      if (ids.length !== dto.results.length) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'results: 同一学员只能出现一次 (duplicate)',
          400,
          [{ field: 'results', problems: ['duplicate enrollmentId'] }],
        );
      }
      const entries = new Map(
        (
          await em.find(Enrollment, {
            where: { id: In(ids), classId: c.id, status: 'enrolled' },
          })
        ).map((e) => [e.id, e]),
      );
      const done = await this.hours.completions(em, [...entries.keys()]);
      const prior = await em.find(ExamResult, { where: { enrollmentId: In(ids) } });
      const issued = new Set(
        (
          await em.find(Certificate, {
            select: { enrollmentId: true },
            where: { enrollmentId: In(ids) },
          })
        ).map((x) => x.enrollmentId),
      );
      const problems: { field: string; enrollmentId: string; problems: string[] }[] = [];
      const rows: ExamResult[] = [];
      dto.results.forEach((r, i) => {
        const field = `results[${i}]`;
        const e = entries.get(r.enrollmentId);
        const refuse = (why: string): void => {
          problems.push({ field, enrollmentId: r.enrollmentId, problems: [why] });
        };
        if (!e) return refuse('not_enrolled');
        if (issued.has(e.id)) return refuse('certificate_issued');
        const mine = prior
          .filter((p) => p.enrollmentId === e.id && p.examId !== exam.id)
          .map((p) => ({ attempt: p.attempt, passed: p.passed }));
        const why = resultRefusal(rules, exam.attempt, !!done.get(e.id)?.met, mine);
        if (why) return refuse(why);
        const v = verdict(exam, r);
        if (typeof v === 'string') return refuse(v);
        const existing = prior.find((p) => p.enrollmentId === e.id && p.examId === exam.id);
        rows.push(
          Object.assign(existing ?? em.create(ExamResult), {
            examId: exam.id,
            enrollmentId: e.id,
            classId: c.id,
            workerId: e.workerId,
            attempt: exam.attempt,
            score: v.score,
            passed: v.passed,
            recordedBy: actor.accountId,
          }),
        );
      });
      if (problems.length) {
        const first = problems[0];
        throw new DomainError(
          ExamErrorCode.EXAM_RESULT_REFUSED,
          `${first.field}: ${REFUSAL_TEXT[first.problems[0]] ?? first.problems[0]}` +
            (problems.length > 1 ? `（另有 ${problems.length - 1} 条）` : ''),
          422,
          problems,
        );
      }
      await em.save(rows);
      await this.audit.record(em, actor, {
        action: 'exam.results_recorded',
        entityType: 'exam',
        entityId: exam.id,
        data: {
          classId: c.id,
          attempt: exam.attempt,
          count: rows.length,
          passed: rows.filter((r) => r.passed).length,
        },
      });
      const [{ n, p }] = await em.query<{ n: number; p: number }[]>(
        `select count(*)::int n, count(*) filter (where passed)::int p from exam_result where exam_id = $1`,
        [exam.id],
      );
      return this.present(exam, n, p);
    });
  }

  /** The class's trainees with their hours, eligibility, results and certificates. */
  async roster(actor: Actor, classId: string): Promise<ExamRosterDto> {
    const em = this.ds.manager;
    const c = await loadClassFor(em, actor, classId, mayReadClass);
    return this.rosterOf(em, c);
  }

  async rosterOf(em: EntityManager, c: TrainingClass): Promise<ExamRosterDto> {
    const rules = examRules(await this.classes.policyOfClass(em, c));
    const entries = await em.find(Enrollment, {
      where: { classId: c.id, status: 'enrolled' },
      order: { queueSeq: 'ASC' },
    });
    const done = await this.hours.completions(
      em,
      entries.map((e) => e.id),
    );
    const names = new Map(
      (
        await em.find(Worker, {
          select: { id: true, name: true },
          where: { id: In(entries.map((e) => e.workerId)) },
        })
      ).map((w) => [w.id, w.name]),
    );
    const results = await em.find(ExamResult, {
      where: { classId: c.id },
      order: { attempt: 'ASC' },
    });
    const certs = await em.find(Certificate, {
      where: { classId: c.id },
      order: { generation: 'DESC' },
    });
    return {
      classId: c.id,
      maxRetakes: rules.maxRetakes,
      passScore: rules.passScore,
      maxScore: rules.maxScore,
      exams: await this.examsOf(em, c.id),
      trainees: entries.map((e) => {
        const d = done.get(e.id);
        const mine = results.filter((r) => r.enrollmentId === e.id);
        const cert = certs.find((x) => x.enrollmentId === e.id);
        return {
          enrollmentId: e.id,
          workerId: e.workerId,
          name: names.get(e.workerId) ?? '',
          creditedHalfHours: d?.creditedHalfHours ?? 0,
          requiredHalfHours: d?.requiredHalfHours ?? 0,
          eligible: !!d?.met,
          results: mine.map((r) => ({
            examId: r.examId,
            attempt: r.attempt,
            score: r.score,
            passed: r.passed,
          })),
          outcome: examOutcome(mine),
          certificateSerial: cert?.serial ?? null,
          certificateStatus: cert?.status ?? null,
        };
      }),
    };
  }

  async myResults(actor: Actor): Promise<MyExamResultDto[]> {
    if (!actor.workerId) return [];
    const rows = await this.ds.query<
      {
        exam_id: string;
        attempt: number;
        score: number | null;
        passed: boolean;
        class_id: string;
        title: string;
        held_on: string;
      }[]
    >(
      `select r.exam_id, r.attempt, r.score, r.passed, r.class_id, c.title, to_char(x.held_on, 'YYYY-MM-DD') held_on
         from exam_result r join exam x on x.id = r.exam_id join training_class c on c.id = r.class_id
        where r.worker_id = $1 order by x.held_on desc, r.attempt desc`,
      [actor.workerId],
    );
    return rows.map((r) => ({
      examId: r.exam_id,
      attempt: r.attempt,
      score: r.score,
      passed: r.passed,
      classId: r.class_id,
      classTitle: r.title,
      heldOn: r.held_on,
    }));
  }

  private async examsOf(em: EntityManager, classId: string): Promise<ExamDto[]> {
    const exams = await em.find(Exam, { where: { classId }, order: { attempt: 'ASC' } });
    const counts = await em.query<{ exam_id: string; n: number; p: number }[]>(
      `select exam_id, count(*)::int n, count(*) filter (where passed)::int p
         from exam_result where class_id = $1 group by exam_id`,
      [classId],
    );
    const by = new Map(counts.map((x) => [x.exam_id, x]));
    return exams.map((e) => this.present(e, by.get(e.id)?.n ?? 0, by.get(e.id)?.p ?? 0));
  }

  private present(e: Exam, results: number, passed: number): ExamDto {
    return {
      id: e.id,
      classId: e.classId,
      attempt: e.attempt,
      heldOn: e.heldOn,
      mode: e.mode,
      maxScore: e.maxScore,
      passScore: e.passScore,
      supervisorName: e.supervisorName,
      supervisorOrgId: e.supervisorOrgId,
      results,
      passed,
    };
  }
}
