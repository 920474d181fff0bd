import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  ErrorCode,
  JobName,
  JobsService,
  NotFoundError,
} from '@peixun/core';
import { administers, GradeCheck, GradeGuards, maySeeWorker, OrgUnit, Worker } from '@peixun/org';
import { gradeOf } from '@peixun/policy';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { gradeRefusal, shareCap } from './assessment.rules';
import {
  GradeOverrideDto,
  LimitsQuery,
  ReportQuery,
  ReportRowDto,
  TrainingReportDto,
  RecomputeDto,
} from './dto/assessment.dto';
import { MunicipalPolicies } from './policies';
import { RecordsService } from './records.service';
import type { TrainingRecord } from './record.types';
import { GradeOverride, TrainingRecordRow } from './training-record.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keyset paging of the assessment screen by (name, id), as the worker list does it. */
const encodeNameCursor = (name: string, id: string): string =>
  Buffer.from(JSON.stringify([name, id])).toString('base64url');

function decodeNameCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      !v[0].includes('\u0000') &&
      UUID.test(v[1])
    )
      return [v[0], v[1]];
  } catch {
    /* fall through */
  }
  throw new DomainError(
    ErrorCode.VALIDATION_FAILED,
    'cursor: must be the nextCursor of the previous page',
    400,
    [{ field: 'cursor', problems: ['must be the nextCursor of the previous page'] }],
  );
}

const notAllowed = (message: string, code: string, details: unknown): DomainError =>
  new DomainError(code, message, 409, details);

/**
 * The annual training record as the people see it: the worker's file year by year, the
 * street's assessment screen (limits with reasons), the district's overrides, the reports.
 * Also the guard that refuses a grade the record forbids (registered with libs/org).
 */
@Injectable()
export class AssessmentService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly records: RecordsService,
    private readonly guards: GradeGuards,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly policies: MunicipalPolicies,
  ) {}

  onModuleInit(): void {
    this.guards.register({ check: (c) => this.checkGrade(c) });
  }

  // -- the worker's file -------------------------------------------------------------------

  private async visibleWorker(em: EntityManager, actor: Actor, id: string): Promise<Worker> {
    const w = await em.findOneBy(Worker, { id });
    if (!w || !maySeeWorker(actor, w)) throw new NotFoundError('社区工作者', id);
    return w;
  }

  /** The worker's records, newest year first. */
  async workerRecords(actor: Actor, workerId: string): Promise<TrainingRecord[]> {
    await this.visibleWorker(this.ds.manager, actor, workerId);
    const rows = await this.ds.manager.find(TrainingRecordRow, {
      where: { workerId },
      order: { year: 'DESC' },
    });
    return rows.map((r) => r.record);
  }

  /** One year's record: as stored, or computed and stored now when the job has not run yet. */
  async workerRecord(actor: Actor, workerId: string, year: number): Promise<TrainingRecord> {
    await this.visibleWorker(this.ds.manager, actor, workerId);
    return this.current(this.ds.manager, workerId, year, false);
  }

  private async current(
    em: EntityManager,
    workerId: string,
    year: number,
    fresh: boolean,
  ): Promise<TrainingRecord> {
    if (!fresh) {
      const row = await em.findOneBy(TrainingRecordRow, { workerId, year });
      if (row) return row.record;
    }
    await this.records.store(em, [workerId], year);
    const row = await em.findOneBy(TrainingRecordRow, { workerId, year });
    if (!row) throw new NotFoundError('年度培训记录', `${workerId}/${year}`);
    return row.record;
  }

  async recompute(actor: Actor, dto: RecomputeDto): Promise<{ queue: string; jobId: string }> {
    let districtId = dto.districtId;
    if (actor.role === 'district_admin') {
      if (districtId && districtId !== actor.districtId) throw new NotFoundError('区', districtId);
      districtId = actor.districtId ?? undefined;
    }
    return this.jobs.enqueue(JobName.AssessmentRecompute, {
      year: dto.year,
      districtId,
      runKey: randomUUID(),
      requestedBy: actor.accountId,
    });
  }

  // -- the street's assessment screen ------------------------------------------------------

  async limits(actor: Actor, q: LimitsQuery) {
    const em = this.ds.manager;
    const streetId = actor.role === 'street_admin' ? actor.streetId : q.streetId;
    const street = streetId ? await em.findOneBy(OrgUnit, { id: streetId, kind: 'street' }) : null;
    if (
      !street ||
      !administers(actor, {
        id: street.id,
        districtId: street.districtId ?? '',
        streetId: street.id,
      })
    )
      throw new NotFoundError('街道', q.streetId);
    const limit = q.limit ?? 100;
    const after = q.cursor ? decodeNameCursor(q.cursor) : null;
    const rows = await em.query<
      {
        id: string;
        name: string;
        grade: string | null;
        override: string | null;
        record: TrainingRecord | null;
      }[]
    >(
      `select w.id, w.name, a.grade, o.grade as override, r.record
         from worker w
         left join worker_assessment a on a.worker_id = w.id and a.year = $2
         left join grade_override o on o.worker_id = w.id and o.year = $2
         left join training_record r on r.worker_id = w.id and r.year = $2
        where w.street_id = $1 and w.status = 'active'
          and ($3::text is null or (w.name, w.id) > ($3::text, $4::uuid))
        order by w.name, w.id
        limit $5`,
      [street.id, q.year, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    // the grades of the street's policy, and how far each share limit has filled
    const district = street.districtId
      ? await em.findOneBy(OrgUnit, { id: street.districtId })
      : null;
    const policy = district?.parentId
      ? (await this.policies.forMunicipalities(em, [district.parentId], q.year)).get(
          district.parentId,
        )
      : undefined;
    const shareLimits = [];
    for (const l of policy?.shareLimits ?? []) {
      const [{ active, given }] = await em.query<{ active: number; given: number }[]>(
        `select (select count(*) from worker where street_id = $1 and status = 'active')::int as active,
                (select count(*) from worker_assessment a join worker w on w.id = a.worker_id
                  where w.street_id = $1 and a.year = $2 and a.grade = $3)::int as given`,
        [street.id, q.year, l.grade],
      );
      shareLimits.push({
        grade: l.grade,
        label: gradeOf(policy!, l.grade)?.label ?? l.grade,
        maxPercent: l.maxPercent,
        source: l.source,
        active,
        given,
        cap: shareCap(l.maxPercent, active),
      });
    }
    return {
      streetId: street.id,
      streetName: street.name,
      year: q.year,
      policyId: policy?.id ?? null,
      grades: [...(policy?.assessmentGrades ?? [])]
        .sort((a, b) => a.rank - b.rank)
        .map((g) => ({ code: g.code, label: g.label })),
      shareLimits,
      nextCursor: rows.length > limit && last ? encodeNameCursor(last.name, last.id) : null,
      workers: page.map((r) => ({
        workerId: r.id,
        name: r.name,
        grade: r.grade,
        overrideGrade: r.override,
        computed: !!r.record,
        allowed: r.record?.limits.allowed ?? null,
        bestGrade: r.record?.limits.bestGrade ?? null,
        reasons: r.record?.limits.reasons ?? [],
        requirements: r.record?.requirements ?? [],
      })),
    };
  }

  /** The district permits a grade the record forbids, with a written reason (audited). */
  async override(actor: Actor, workerId: string, year: number, dto: GradeOverrideDto) {
    return this.ds.transaction(async (em) => {
      const w = await em.findOneBy(Worker, { id: workerId });
      if (!w || actor.role !== 'district_admin' || w.districtId !== actor.districtId)
        throw new NotFoundError('社区工作者', workerId);
      const policy = (await this.records.compute(em, [workerId], year))[0]?.policy;
      if (!policy || !gradeOf(policy, dto.grade)) {
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          `grade: 考核等次 ${dto.grade} 不在政策中`,
          400,
          [{ field: 'grade', problems: ['unknown grade'] }],
        );
      }
      const existing = await em.findOneBy(GradeOverride, { workerId, year });
      const saved = await em.save(GradeOverride, {
        ...(existing ?? {}),
        workerId,
        year,
        grade: dto.grade,
        reason: dto.reason,
        grantedBy: actor.accountId,
      });
      await this.audit.record(em, actor, {
        action: 'assessment.grade_override',
        entityType: 'worker',
        entityId: workerId,
        data: { year, grade: dto.grade, reason: dto.reason, previous: existing?.grade ?? null },
      });
      return { id: saved.id, workerId, year, grade: saved.grade, reason: saved.reason };
    });
  }

  /** Refuses a grade the record forbids or that exceeds a share limit, unless the district overrode it. */
  async checkGrade(c: GradeCheck): Promise<Record<string, unknown>> {
    const { em, worker, year, grade, policy } = c;
    const record = await this.current(em, worker.id, year, true);
    const override = await em.findOneBy(GradeOverride, { workerId: worker.id, year, grade });
    const label = gradeOf(policy, grade)?.label ?? grade;
    const refused = gradeRefusal(policy, record.limits, grade);
    if (refused.length && !override) {
      throw notAllowed(
        `grade: 年度培训记录不允许评为${label}：${refused.map((r) => r.text).join('；')}（可由区主管部门书面说明理由后准予）`,
        'GRADE_LIMITED_BY_TRAINING',
        { reasons: refused },
      );
    }
    for (const limit of policy.shareLimits ?? []) {
      if (limit.grade !== grade) continue;
      // one street's grades are checked one at a time
      await em.query(`select id from org_unit where id = $1 for update`, [worker.streetId]);
      const [{ active, given }] = await em.query<{ active: number; given: number }[]>(
        `select (select count(*) from worker where street_id = $1 and status = 'active')::int as active,
                (select count(*) from worker_assessment a join worker w on w.id = a.worker_id
                  where w.street_id = $1 and a.year = $2 and a.grade = $3 and a.worker_id <> $4)::int as given`,
        [worker.streetId, year, grade, worker.id],
      );
      const cap = shareCap(limit.maxPercent, active);
      if (given + 1 > cap && !override) {
        throw notAllowed(
          `grade: 本街道${label}不得超过社区工作者总数的 ${limit.maxPercent}%（${active} 人中至多 ${cap} 人，已评 ${given} 人）（${limit.source}）`,
          'GRADE_SHARE_EXCEEDED',
          { maxPercent: limit.maxPercent, active, given, cap, source: limit.source },
        );
      }
    }
    return override ? { overrideId: override.id, overrideReason: override.reason } : {};
  }

  // -- reports -----------------------------------------------------------------------------

  private async reportUnit(actor: Actor, q: ReportQuery): Promise<OrgUnit> {
    const em = this.ds.manager;
    const id =
      q.unitId ??
      (actor.role === 'street_admin'
        ? actor.streetId
        : actor.role === 'district_admin'
          ? actor.districtId
          : actor.orgId);
    const unit = id ? await em.findOneBy(OrgUnit, { id }) : null;
    const ok =
      !!unit &&
      ['municipality', 'district', 'street'].includes(unit.kind) &&
      (actor.role === 'municipal_admin'
        ? unit.kind !== 'municipality' || unit.id === actor.orgId
        : unit.kind !== 'municipality' &&
          administers(actor, {
            id: unit.id,
            districtId: unit.districtId ?? '',
            streetId: unit.streetId ?? '',
          }));
    if (!ok) throw new NotFoundError('单位', q.unitId);
    return unit;
  }

  /** Compliance, average hours and exam pass rates of a unit, by its districts or streets. */
  async report(actor: Actor, q: ReportQuery): Promise<TrainingReportDto> {
    const unit = await this.reportUnit(actor, q);
    const [scope, group] =
      unit.kind === 'municipality'
        ? ['r.municipality_id', 'r.district_id']
        : unit.kind === 'district'
          ? ['r.district_id', 'r.street_id']
          : ['r.street_id', 'r.street_id'];
    const agg = `count(*)::int as workers, count(*) filter (where r.compliant)::int as compliant,
       count(*) filter (where r.induction_required and not r.induction_met)::int as missing_induction,
       count(*) filter (where r.post_required and not r.post_met)::int as missing_post,
       coalesce(round(avg(r.total_half_hours) / 2.0, 1), 0)::float as average_hours,
       sum(r.exams_taken)::int as exams_taken, sum(r.exams_passed)::int as exams_passed,
       count(*) filter (where r.best_grade is not null)::int as limited`;
    type Raw = {
      id: string;
      name: string;
      workers: number;
      compliant: number;
      missing_induction: number;
      missing_post: number;
      average_hours: number;
      exams_taken: number | null;
      exams_passed: number | null;
      limited: number;
    };
    const rows = await this.ds.query<Raw[]>(
      `select g.id, g.name, x.* from (
         select ${group} as gid, ${agg} from training_record r where ${scope} = $1 and r.year = $2 group by ${group}
       ) x join org_unit g on g.id = x.gid order by g.name`,
      [unit.id, q.year],
    );
    const [total] = await this.ds.query<Raw[]>(
      `select $1::uuid as id, '' as name, ${agg} from training_record r where ${scope} = $1 and r.year = $2`,
      [unit.id, q.year],
    );
    const present = (r: Raw): ReportRowDto => ({
      unitId: r.id,
      unitName: r.name || unit.name,
      workers: r.workers,
      compliant: r.compliant,
      missingInduction: r.missing_induction,
      missingPost: r.missing_post,
      averageHours: r.average_hours,
      examsTaken: r.exams_taken,
      examsPassed: r.exams_passed,
      passRate:
        r.exams_taken && r.exams_passed !== null
          ? Math.round((r.exams_passed / r.exams_taken) * 1000) / 1000
          : null,
      limited: r.limited,
    });
    const missing = await this.ds.query<
      { id: string; name: string; street: string; induction: boolean; post: boolean }[]
    >(
      `select w.id, w.name, s.name as street,
              (r.induction_required and not r.induction_met) as induction,
              (r.post_required and not r.post_met) as post
         from training_record r join worker w on w.id = r.worker_id join org_unit s on s.id = r.street_id
        where ${scope} = $1 and r.year = $2 and not r.compliant
        order by s.name, w.name, w.id limit 500`,
      [unit.id, q.year],
    );
    return {
      year: q.year,
      unitId: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      total: present(total),
      rows: rows.map(present),
      missing: missing.map((m) => ({
        workerId: m.id,
        name: m.name,
        streetName: m.street,
        missing: [...(m.induction ? ['induction'] : []), ...(m.post ? ['post'] : [])],
      })),
    };
  }

  async reportXlsx(actor: Actor, q: ReportQuery): Promise<Buffer> {
    const r = await this.report(actor, q);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('培训考核汇总');
    ws.addRow([`${r.unitName} ${r.year} 年度社区工作者培训情况`]);
    ws.addRow([
      '单位',
      '人数',
      '达标人数',
      '缺初任培训',
      '缺岗位培训',
      '人均学时',
      '考试人次',
      '合格人次',
      '合格率',
      '受限人数',
    ]);
    for (const x of [...r.rows, { ...r.total, unitName: '合计' }]) {
      ws.addRow([
        x.unitName,
        x.workers,
        x.compliant,
        x.missingInduction,
        x.missingPost,
        x.averageHours,
        x.examsTaken ?? '—',
        x.examsPassed ?? '—',
        x.passRate === null ? '—' : `${(x.passRate * 100).toFixed(1)}%`,
        x.limited,
      ]);
    }
    const ms = wb.addWorksheet('未达标人员');
    ms.addRow(['姓名', '街道', '缺少']);
    for (const m of r.missing)
      ms.addRow([
        m.name,
        m.streetName,
        m.missing.map((t) => (t === 'induction' ? '初任培训' : '岗位培训')).join('、'),
      ]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
