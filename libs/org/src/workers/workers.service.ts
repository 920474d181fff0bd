import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Account,
  Actor,
  AppConfig,
  AuditService,
  ConflictError,
  DomainError,
  ErrorCode,
  localYear,
  NotFoundError,
  PiiCipher,
} from '@peixun/core';
import { parseGrade, PolicyStore, TrainingPolicy } from '@peixun/policy';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import { regionOfUnit } from '../units/municipality';
import { administers, maySeeIdNumber, maySeeWorker } from '../scope.rules';
import { workerQuery } from './worker-query';
import { GradeGuards } from './grade-guards';
import {
  CreateWorkerDto,
  GradeDto,
  ListWorkersQuery,
  PostChangeDto,
  RecordGradeDto,
  StatusChangeDto,
  TransferDto,
  UpdateWorkerDto,
  WorkerDto,
  WorkerFileDto,
  WorkerPageDto,
} from './worker.dto';
import { Worker, WorkerAssessment, WorkerChangeKind, WorkerPostHistory } from './worker.entity';
import { idNumberHash, openIdNumber, openPhone, sealIdNumber, sealPhone } from './worker-pii';
import { birthDateFromId, checkIdNumber, genderFromId, maskIdNumber, POSTS } from './workers.rules';

const fieldError = (field: string, problem: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${problem}`, 400, [
    { field, problems: [problem] },
  ]);

export const ID_PROBLEMS = {
  format: '身份证号须为 17 位数字加 1 位数字或 X (18 characters)',
  checksum: '身份证号校验位错误 (bad check digit)',
  birth_date: '身份证号中的出生日期无效 (invalid birth date inside the ID number)',
} as const;

/**
 * A worker as the caller may see it: the sealed ID number and phone are opened
 * only for the worker and their chain of administration; others get the masked forms.
 */
export function presentWorker(w: Worker, actor: Actor, cipher: PiiCipher): WorkerDto {
  const full = maySeeIdNumber(actor, w);
  return {
    id: w.id,
    name: w.name,
    gender: w.gender,
    birthDate: w.birthDate,
    idNumber: full ? openIdNumber(cipher, w) : w.idNumberMasked,
    idNumberMasked: !full,
    phone: full ? openPhone(cipher, w) : w.phoneMasked,
    communityId: w.communityId,
    streetId: w.streetId,
    districtId: w.districtId,
    positionTier: w.positionTier,
    post: w.post,
    entryChannel: w.entryChannel,
    startedOn: w.startedOn,
    qualification: w.qualification,
    qualificationCertNo: w.qualificationCertNo,
    qualificationOn: w.qualificationOn,
    status: w.status,
    version: w.version,
  };
}

export const encodeCursor = (name: string, id: string): string =>
  Buffer.from(JSON.stringify([name, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v[1])
    ) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw fieldError('cursor', 'must be the nextCursor of the previous page');
}

@Injectable()
export class WorkersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly policies: PolicyStore,
    private readonly cipher: PiiCipher,
    private readonly gradeGuards: GradeGuards,
  ) {}

  async create(actor: Actor, dto: CreateWorkerDto): Promise<WorkerDto> {
    const { value: idNumber, problem } = checkIdNumber(dto.idNumber);
    if (problem) throw fieldError('idNumber', ID_PROBLEMS[problem]);
    const birthDate = birthDateFromId(idNumber)!;
    if (dto.birthDate && dto.birthDate !== birthDate) {
      throw fieldError('birthDate', `与身份证号不符 (does not match the ID number: ${birthDate})`);
    }
    if (dto.gender && dto.gender !== genderFromId(idNumber)) {
      throw fieldError('gender', '与身份证号不符 (does not match the ID number)');
    }
    this.checkPost(dto.positionTier, dto.post);
    return this.ds.transaction(async (em) => {
      const community = await this.communityInScope(em, actor, dto.communityId, 'communityId');
      // says that the person is registered, never where
      if (await em.existsBy(Worker, { idNumberHash: idNumberHash(this.cipher, idNumber) })) {
        throw new ConflictError(
          'idNumber: 该身份证号已登记 (a worker with this ID number is already registered)',
          [{ field: 'idNumber', problems: ['taken'] }],
        );
      }
      const worker = await em.save(
        em.create(Worker, {
          name: dto.name.trim(),
          gender: genderFromId(idNumber),
          birthDate,
          ...sealIdNumber(this.cipher, idNumber),
          ...sealPhone(this.cipher, dto.phone),
          communityId: community.id,
          streetId: community.streetId!,
          districtId: community.districtId!,
          positionTier: dto.positionTier,
          post: dto.post ?? null,
          entryChannel: dto.entryChannel,
          startedOn: dto.startedOn,
          qualification: dto.qualification ?? 'none',
          qualificationCertNo: dto.qualificationCertNo ?? null,
          qualificationOn: dto.qualificationOn ?? null,
          status: 'active',
        }),
      );
      await this.history(em, actor, worker, 'initial', dto.startedOn, null);
      await this.audit.record(em, actor, {
        action: 'worker.created',
        entityType: 'worker',
        entityId: worker.id,
        data: { name: worker.name, idNumber: maskIdNumber(idNumber), communityId: community.id },
      });
      return presentWorker(worker, actor, this.cipher);
    });
  }

  async get(actor: Actor, id: string): Promise<WorkerDto> {
    return presentWorker(await this.visible(this.ds.manager, actor, id), actor, this.cipher);
  }

  async list(actor: Actor, q: ListWorkersQuery): Promise<WorkerPageDto> {
    const limit = q.limit ?? 50;
    const qb = workerQuery(
      this.ds,
      this.cipher,
      actor,
      q,
      q.cursor ? decodeCursor(q.cursor) : null,
      limit + 1,
    );
    if (!qb) return { items: [], nextCursor: null };
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((w) => presentWorker(w, actor, this.cipher)),
      nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null,
    };
  }

  async update(actor: Actor, id: string, dto: UpdateWorkerDto): Promise<WorkerDto> {
    return this.ds.transaction(async (em) => {
      const worker = await this.manageable(em, actor, id, dto.version);
      const changes: Partial<Worker> = {};
      for (const k of [
        'name',
        'qualification',
        'qualificationCertNo',
        'qualificationOn',
      ] as const) {
        if (dto[k] !== undefined) Object.assign(changes, { [k]: dto[k] });
      }
      if (dto.phone !== undefined) Object.assign(changes, sealPhone(this.cipher, dto.phone));
      await em.save(Worker, { ...worker, ...changes });
      await this.audit.record(em, actor, {
        action: 'worker.updated',
        entityType: 'worker',
        entityId: id,
        data: {
          changed: [
            ...new Set(Object.keys(changes).map((k) => k.replace(/(Enc|Hash|Masked)$/, ''))),
          ],
        },
      });
      return presentWorker(await em.findOneByOrFail(Worker, { id }), actor, this.cipher);
    });
  }

  async changePost(actor: Actor, id: string, dto: PostChangeDto): Promise<WorkerDto> {
    this.checkPost(dto.positionTier, dto.post);
    return this.ds.transaction(async (em) => {
      const worker = await this.manageable(em, actor, id);
      worker.positionTier = dto.positionTier;
      worker.post = dto.post ?? null;
      const saved = await em.save(worker);
      await this.history(em, actor, saved, 'post_change', dto.effectiveOn, dto.reason ?? null);
      await this.audit.record(em, actor, {
        action: 'worker.post_changed',
        entityType: 'worker',
        entityId: id,
        data: {
          positionTier: dto.positionTier,
          post: dto.post ?? null,
          effectiveOn: dto.effectiveOn,
        },
      });
      return presentWorker(saved, actor, this.cipher);
    });
  }

  async transfer(actor: Actor, id: string, dto: TransferDto): Promise<WorkerDto> {
    return this.ds.transaction(async (em) => {
      const worker = await this.manageable(em, actor, id);
      const to = await this.communityInScope(em, actor, dto.communityId, 'communityId');
      if (to.id === worker.communityId)
        throw fieldError('communityId', '已在该社区 (already in this community)');
      const from = worker.communityId;
      worker.communityId = to.id;
      worker.streetId = to.streetId!;
      worker.districtId = to.districtId!;
      const saved = await em.save(worker);
      await this.history(em, actor, saved, 'transfer', dto.effectiveOn, dto.reason ?? null);
      await this.audit.record(em, actor, {
        action: 'worker.transferred',
        entityType: 'worker',
        entityId: id,
        data: { from, to: to.id, effectiveOn: dto.effectiveOn },
      });
      return presentWorker(saved, actor, this.cipher);
    });
  }

  async changeStatus(actor: Actor, id: string, dto: StatusChangeDto): Promise<WorkerDto> {
    return this.ds.transaction(async (em) => {
      const worker = await this.manageable(em, actor, id);
      if (worker.status === dto.status)
        throw fieldError('status', `已是 ${dto.status} (unchanged)`);
      worker.status = dto.status;
      const saved = await em.save(worker);
      await this.history(em, actor, saved, 'status_change', dto.effectiveOn, dto.reason ?? null);
      await this.audit.record(em, actor, {
        action: 'worker.status_changed',
        entityType: 'worker',
        entityId: id,
        data: { status: dto.status, effectiveOn: dto.effectiveOn },
      });
      return presentWorker(saved, actor, this.cipher);
    });
  }

  /** A street records (or corrects) a worker's grade for a year; grades come from the region's policy. */
  async recordGrade(
    actor: Actor,
    id: string,
    year: number,
    dto: RecordGradeDto,
  ): Promise<GradeDto> {
    const thisYear = localYear(new Date(), this.config.timezone);
    if (year > thisYear)
      throw fieldError('year', `不能登记未来年度 (no grades for years after ${thisYear})`);
    return this.ds.transaction(async (em) => {
      const worker = await this.manageable(em, actor, id);
      const policy = await this.policyOf(em, worker, year);
      const grade = parseGrade(policy, dto.grade);
      if (!grade) {
        throw fieldError(
          'grade',
          `${policy.title} 的考核等次为 ${policy.assessmentGrades.map((g) => `${g.code}(${g.label})`).join(' / ')}`,
        );
      }
      // the annual training record's limits and the policy's share limits (libs/assessment)
      const guarded = await this.gradeGuards.check({
        em,
        actor,
        worker,
        year,
        grade: grade.code,
        policy,
      });
      const existing = await em.findOneBy(WorkerAssessment, { workerId: id, year });
      const row = await em.save(WorkerAssessment, {
        ...(existing ?? {}),
        workerId: id,
        year,
        grade: grade.code,
        policyId: policy.id,
        note: dto.note ?? null,
        recordedBy: actor.accountId,
      });
      await this.audit.record(em, actor, {
        action: existing ? 'worker.grade_corrected' : 'worker.grade_recorded',
        entityType: 'worker',
        entityId: id,
        data: { year, grade: grade.code, previous: existing?.grade ?? null, ...guarded },
      });
      return {
        year,
        grade: grade.code,
        label: grade.label,
        policyId: policy.id,
        note: row.note,
        recordedAt: row.recordedAt,
      };
    });
  }

  async grades(actor: Actor, id: string): Promise<GradeDto[]> {
    const worker = await this.visible(this.ds.manager, actor, id);
    return this.gradesOf(this.ds.manager, worker);
  }

  /** The worker's whole record (档案): facts, post history, grades; later issues add training. */
  async file(actor: Actor, id: string): Promise<WorkerFileDto> {
    const em = this.ds.manager;
    const worker = await this.visible(em, actor, id);
    const names = new Map(
      (
        await em
          .getRepository(OrgUnit)
          .createQueryBuilder('u')
          .where(
            `u.id in (select community_id from worker_post_history where worker_id = :id) or u.id in (:...ids)`,
            { id, ids: [worker.communityId, worker.streetId, worker.districtId] },
          )
          .getMany()
      ).map((u) => [u.id, u.name]),
    );
    const history = await em.find(WorkerPostHistory, {
      where: { workerId: id },
      order: { effectiveOn: 'ASC', recordedAt: 'ASC' },
    });
    return {
      worker: presentWorker(worker, actor, this.cipher),
      place: {
        community: names.get(worker.communityId) ?? null,
        street: names.get(worker.streetId) ?? null,
        district: names.get(worker.districtId) ?? null,
      },
      postHistory: history.map((h) => ({
        changeKind: h.changeKind,
        communityId: h.communityId,
        communityName: names.get(h.communityId) ?? null,
        positionTier: h.positionTier,
        post: h.post,
        status: h.status,
        effectiveOn: h.effectiveOn,
        reason: h.reason,
        recordedAt: h.recordedAt,
      })),
      assessments: await this.gradesOf(em, worker),
      hasAccount: (await em.countBy(Account, { workerId: id })) > 0,
    };
  }

  // -- helpers ---------------------------------------------------------------

  private async gradesOf(em: EntityManager, worker: Worker): Promise<GradeDto[]> {
    const rows = await em.find(WorkerAssessment, {
      where: { workerId: worker.id },
      order: { year: 'DESC' },
    });
    const region = rows.length ? await this.regionOf(em, worker) : '';
    const out: GradeDto[] = [];
    for (const r of rows) {
      const policy = await this.policies.require(region, r.year, em);
      out.push({
        year: r.year,
        grade: r.grade,
        label: policy.assessmentGrades.find((g) => g.code === r.grade)?.label ?? r.grade,
        policyId: r.policyId,
        note: r.note,
        recordedAt: r.recordedAt,
      });
    }
    return out;
  }

  private async policyOf(em: EntityManager, worker: Worker, year: number): Promise<TrainingPolicy> {
    return this.policies.require(await this.regionOf(em, worker), year, em);
  }

  /** The policy region of the worker's municipality; REGION_UNSUPPORTED when the table does not know it. */
  private async regionOf(em: EntityManager, worker: Worker): Promise<string> {
    return (await regionOfUnit(em, worker.districtId)).region;
  }

  private checkPost(tier: string, post: string | undefined): void {
    if (post && POSTS[post as keyof typeof POSTS].tier !== tier) {
      throw fieldError(
        'post',
        `职务 ${POSTS[post as keyof typeof POSTS].label} 属于 ${POSTS[post as keyof typeof POSTS].tier} 层级 (post does not match the tier)`,
      );
    }
  }

  private async communityInScope(
    em: EntityManager,
    actor: Actor,
    id: string,
    field: string,
  ): Promise<OrgUnit> {
    const unit = await em.findOneBy(OrgUnit, { id });
    if (!unit || unit.kind !== 'community' || !administers(actor, unit)) {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `${field}: 社区 ${id} 不存在或不在您的管辖范围 (no such community in your scope)`,
        404,
      );
    }
    if (!unit.active) throw fieldError(field, '该社区已停用 (community is deactivated)');
    return unit;
  }

  private async visible(em: EntityManager, actor: Actor, id: string): Promise<Worker> {
    const worker = await em.findOneBy(Worker, { id });
    if (!worker || !maySeeWorker(actor, worker)) throw new NotFoundError('社区工作者', id);
    return worker;
  }

  /** Loads (and locks) a worker the caller administers; a stale version is a conflict. */
  private async manageable(
    em: EntityManager,
    actor: Actor,
    id: string,
    version?: number,
  ): Promise<Worker> {
    const worker = await em.findOne(Worker, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (
      !worker ||
      !administers(actor, { id: '', districtId: worker.districtId, streetId: worker.streetId })
    ) {
      throw new NotFoundError('社区工作者', id);
    }
    if (version !== undefined && version !== worker.version) {
      throw new ConflictError(
        `version: 记录已被他人修改，请刷新 (changed since version ${version}; now ${worker.version})`,
      );
    }
    return worker;
  }

  private async history(
    em: EntityManager,
    actor: Actor,
    w: Worker,
    kind: WorkerChangeKind,
    effectiveOn: string,
    reason: string | null,
  ): Promise<void> {
    await em.insert(WorkerPostHistory, {
      workerId: w.id,
      changeKind: kind,
      communityId: w.communityId,
      positionTier: w.positionTier,
      post: w.post,
      status: w.status,
      effectiveOn,
      reason,
      recordedBy: actor.accountId,
    });
  }
}
