import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  ConflictError,
  DomainError,
  DomainEvents,
  ErrorCode,
  illegalTransition,
  localDate,
  localTime,
  localYear,
  NotFoundError,
  zonedDateTime,
  preparedQuery,
} from '@peixun/core';
import { OrgUnit, regionOfUnit } from '@peixun/org';
import {
  InstitutionsService,
  notConsenting,
  PlanProject,
  ProjectPlan,
  Teacher,
  TeachersService,
} from '@peixun/planning';
import {
  courseMinimumHours,
  enrolmentRules,
  PolicyStore,
  TrainingPolicy,
  TrainingType,
  typeRule,
  workerMayBeCharged,
} from '@peixun/policy';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import {
  ClassCancelledEvent,
  ClassCapacityChangedEvent,
  SessionChangedEvent,
} from './class-events';
import { ClassSession, TrainingClass } from './class.entity';
import {
  classProblems,
  doubleBooked,
  notCommissionable,
  planNotApproved,
  sessionHeld,
  ClassErrorCode,
} from './classes.errors';
import {
  ClassAction,
  classActionAllowed,
  ClassProblem,
  enrolmentOpen,
  hoursProblems,
  overlapProblems,
  roomKey,
  scheduled,
  sessionMinutes,
  settingsProblems,
  substanceProblems,
  totalHalfHours,
} from './classes.rules';
import {
  CancelClassDto,
  CancelSessionDto,
  ClassDto,
  ClassPageDto,
  CreateAdvancedClassDto,
  CreateOwnClassDto,
  CreatePlanClassDto,
  ListClassesQuery,
  SessionDto,
  SessionInputDto,
  SessionPatchDto,
  UpdateClassDto,
} from './dto/class.dto';

const fieldError = (field: string, problem: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${problem}`, 400, [
    { field, problems: [problem] },
  ]);

const TYPE_LABEL: Record<string, string> = { street: '街道业务培训' };

export const encodeClassCursor = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

function decodeClassCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      !Number.isNaN(Date.parse(v[0])) &&
      typeof v[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(v[1])
    ) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw fieldError('cursor', 'must be the nextCursor of the previous page');
}

/**
 * SQL limiting classes (alias `c`) to what the actor may see, or null for nothing:
 * the bureau all; a district its own; a street its own and the open classes its workers
 * may join; an institution the classes it runs; a teacher those they teach; a worker the
 * open classes of their district and street and the city's advanced classes.
 */
export function classScopeSql(
  actor: Actor,
): { sql: string; params: Record<string, unknown> } | null {
  switch (actor.role) {
    case 'municipal_admin':
      return { sql: 'true', params: {} };
    case 'district_admin':
      return actor.districtId
        ? { sql: 'c.district_id = :scopeDistrict', params: { scopeDistrict: actor.districtId } }
        : null;
    case 'street_admin':
      return actor.streetId
        ? {
            sql: `(c.street_id = :scopeStreet or (c.status = 'open' and c.street_id is null and
                   (c.district_id = :scopeDistrict or c.origin = 'municipal')))`,
            params: { scopeStreet: actor.streetId, scopeDistrict: actor.districtId },
          }
        : null;
    case 'institution_staff':
      return actor.orgId
        ? { sql: 'c.institution_id = :scopeInstitution', params: { scopeInstitution: actor.orgId } }
        : null;
    case 'teacher':
      return {
        sql: `exists (select 1 from class_session s join teacher t on t.id = s.teacher_id
                       where s.class_id = c.id and t.account_id = :scopeAccount)`,
        params: { scopeAccount: actor.accountId },
      };
    case 'worker':
      return actor.workerId
        ? {
            sql: `(c.status = 'open' and exists (select 1 from worker w where w.id = :scopeWorker and
                    ((c.origin = 'plan' and c.district_id = w.district_id) or
                     (c.origin = 'municipal' and c.municipality_id =
                       (select d.parent_id from org_unit d where d.id = w.district_id)) or
                     (c.origin = 'street' and c.street_id = w.street_id))))`,
            params: { scopeWorker: actor.workerId },
          }
        : null;
    default:
      return null;
  }
}

/** Who runs a class and may change it: the institution's staff, or the street's admin. */
export function mayManageClass(
  actor: Actor,
  c: Pick<TrainingClass, 'origin' | 'institutionId' | 'streetId'>,
): boolean {
  if (c.origin === 'street')
    return actor.role === 'street_admin' && !!actor.streetId && actor.streetId === c.streetId;
  return actor.role === 'institution_staff' && !!actor.orgId && actor.orgId === c.institutionId;
}

interface SessionPlan {
  startsAt: Date;
  endsAt: Date;
  halfHours: number;
  topic: string;
  method: SessionInputDto['method'];
  teacherId: string | null;
  speakerName: string | null;
  room: string | null;
}

@Injectable()
export class ClassesService {
  private readonly policyCache = new Map<string, { policy: TrainingPolicy; until: number }>();
  private classColumnList: string | undefined;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly policies: PolicyStore,
    private readonly institutions: InstitutionsService,
    private readonly teachers: TeachersService,
    private readonly events: DomainEvents,
  ) {}

  // -- create ----------------------------------------------------------------------

  /** An institution opens a class of one of its approved project plans; sessions come from the plan's timetable. */
  async createFromPlan(actor: Actor, dto: CreatePlanClassDto): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      // the plan row lock serialises classes of one plan: their places never add up past the plan's
      const plan = await em.findOne(ProjectPlan, {
        where: { id: dto.projectPlanId },
        lock: { mode: 'for_no_key_update' },
      });
      if (!plan || plan.institutionId !== actor.orgId) {
        throw new NotFoundError('项目计划书', dto.projectPlanId);
      }
      if (plan.status !== 'approved') throw planNotApproved();
      if (!(await this.institutions.commissionable(em, plan.institutionId)))
        throw notCommissionable();
      const [{ used }] = await em.query<{ used: number }[]>(
        `select coalesce(sum(capacity), 0)::int as used from training_class
          where project_plan_id = $1 and status <> 'cancelled'`,
        [plan.id],
      );
      if (used + dto.capacity > plan.places) {
        throw new DomainError(
          ClassErrorCode.PLAN_PLACES_EXCEEDED,
          `capacity: 本计划书共 ${plan.places} 个名额，已开班 ${used} 个，本班最多 ${plan.places - used} 个 (the plan's places are used up)`,
          409,
          [{ field: 'capacity', problems: [`at most ${plan.places - used}`] }],
        );
      }
      const project = await em.findOneByOrFail(PlanProject, { id: plan.planProjectId });
      const municipalityId = await this.municipalityId(em, plan.districtId);
      const policy = await this.policyFor(em, plan.districtId, plan.year);
      const minutes = enrolmentRules(policy).classHourMinutes;
      const tz = this.config.timezone;
      const sessions: SessionPlan[] = plan.sessions.map((s) => {
        const startsAt = zonedDateTime(s.date, s.startTime, tz);
        return {
          startsAt,
          endsAt: new Date(startsAt.getTime() + sessionMinutes(s.halfHours, minutes) * 60_000),
          halfHours: s.halfHours,
          topic: s.topic,
          method: plan.methods[0] ?? 'lecture',
          teacherId: s.teacherId,
          speakerName: null,
          room: null,
        };
      });
      const c = em.create(TrainingClass, {
        origin: 'plan',
        projectPlanId: plan.id,
        institutionId: plan.institutionId,
        districtId: plan.districtId,
        streetId: null,
        municipalityId,
        year: plan.year,
        type: project.type,
        title: (dto.title ?? plan.title).trim(),
        targetTiers: project.targetTiers,
        targetChannels: project.targetChannels,
        capacity: dto.capacity,
        taken: 0,
        location: (dto.location ?? plan.place).trim(),
        enrolOpensAt: new Date(dto.enrolOpensAt),
        enrolClosesAt: new Date(dto.enrolClosesAt),
        feeFen: dto.feeFen ?? 0,
        status: 'draft',
        createdBy: actor.accountId,
      });
      this.check(settingsProblems({ ...c, feeAllowed: workerMayBeCharged(policy, project.type) }));
      const saved = await em.save(c);
      await this.insertSessions(em, saved, sessions);
      await this.audit.record(em, actor, {
        action: 'class.created',
        entityType: 'training_class',
        entityId: saved.id,
        data: {
          origin: 'plan',
          projectPlanId: plan.id,
          capacity: saved.capacity,
          sessions: sessions.length,
        },
      });
      return this.present(em, saved);
    });
  }

  /** A street runs its own business and policy training (Art. 19): a class without a plan. */
  async createStreetClass(actor: Actor, dto: CreateOwnClassDto): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const street = await em.findOneBy(OrgUnit, { id: actor.streetId ?? '' });
      if (!street || street.kind !== 'street') throw new NotFoundError('街道');
      const municipalityId = await this.municipalityId(em, street.id);
      const sessions = await this.sessionsFromInput(em, dto.sessions, { poolOnly: false });
      const year = localYear(sessions[0].startsAt, this.config.timezone);
      const c = em.create(TrainingClass, {
        origin: 'street',
        projectPlanId: null,
        institutionId: null,
        districtId: street.districtId,
        streetId: street.id,
        municipalityId,
        year,
        type: 'street',
        title: dto.title.trim(),
        targetTiers: [],
        targetChannels: [],
        capacity: dto.capacity,
        taken: 0,
        location: dto.location.trim(),
        enrolOpensAt: new Date(dto.enrolOpensAt),
        enrolClosesAt: new Date(dto.enrolClosesAt),
        feeFen: dto.feeFen ?? 0,
        status: 'draft',
        createdBy: actor.accountId,
      });
      this.check(settingsProblems({ ...c, feeAllowed: false }));
      this.check(
        overlapProblems(sessions.map((s) => ({ ...s, status: 'scheduled' as const }))),
        400,
      );
      const saved = await em.save(c);
      await this.insertSessions(em, saved, sessions);
      await this.audit.record(em, actor, {
        action: 'class.created',
        entityType: 'training_class',
        entityId: saved.id,
        data: { origin: 'street', capacity: saved.capacity, sessions: sessions.length },
      });
      return this.present(em, saved);
    });
  }

  /** The municipal bureau opens an advanced-study class (Art. 9) at a filed institution. */
  async createAdvancedClass(actor: Actor, dto: CreateAdvancedClassDto): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const inst = await em.findOneBy(OrgUnit, { id: dto.institutionId });
      if (!inst || inst.kind !== 'institution') {
        throw new DomainError(
          ErrorCode.NOT_FOUND,
          `institutionId: 机构 ${dto.institutionId} 不存在 (no such institution)`,
          404,
        );
      }
      if (!(await this.institutions.commissionable(em, inst.id))) throw notCommissionable();
      const municipalityId = await this.municipalityId(em, actor.orgId);
      const policy = await this.policyFor(em, actor.orgId, dto.year);
      if (dto.capacity > policy.advanced.quotaPerYear) {
        throw fieldError(
          'capacity',
          `进修培训每年全市 ${policy.advanced.quotaPerYear} 名 (above the city-wide quota)`,
        );
      }
      const sessions = await this.sessionsFromInput(em, dto.sessions, { poolOnly: true });
      const c = em.create(TrainingClass, {
        origin: 'municipal',
        projectPlanId: null,
        institutionId: inst.id,
        districtId: null,
        streetId: null,
        municipalityId,
        year: dto.year,
        type: 'advanced',
        title: dto.title.trim(),
        targetTiers: [],
        targetChannels: [],
        capacity: dto.capacity,
        taken: 0,
        location: dto.location.trim(),
        enrolOpensAt: new Date(dto.enrolOpensAt),
        enrolClosesAt: new Date(dto.enrolClosesAt),
        feeFen: dto.feeFen ?? 0,
        status: 'draft',
        createdBy: actor.accountId,
      });
      this.check(settingsProblems({ ...c, feeAllowed: workerMayBeCharged(policy, 'advanced') }));
      this.check(
        overlapProblems(sessions.map((s) => ({ ...s, status: 'scheduled' as const }))),
        400,
      );
      const saved = await em.save(c);
      await this.insertSessions(em, saved, sessions);
      await this.audit.record(em, actor, {
        action: 'class.created',
        entityType: 'training_class',
        entityId: saved.id,
        data: { origin: 'municipal', institutionId: inst.id, capacity: saved.capacity },
      });
      return this.present(em, saved);
    });
  }

  // -- read ------------------------------------------------------------------------

  async list(actor: Actor, q: ListClassesQuery): Promise<ClassPageDto> {
    const scope = classScopeSql(actor);
    if (!scope) return { items: [], nextCursor: null };
    const limit = q.limit ?? 50;
    const qb = this.ds
      .getRepository(TrainingClass)
      .createQueryBuilder('c')
      .where(scope.sql, scope.params)
      .orderBy('c.enrol_closes_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.type) qb.andWhere('c.type = :type', { type: q.type });
    if (q.year) qb.andWhere('c.year = :year', { year: q.year });
    if (q.institutionId) qb.andWhere('c.institution_id = :inst', { inst: q.institutionId });
    if (q.districtId) qb.andWhere('c.district_id = :dist', { dist: q.districtId });
    if (q.cursor) {
      const [at, id] = decodeClassCursor(q.cursor);
      qb.andWhere('(c.enrol_closes_at, c.id) < (:at, :cid)', { at, cid: id });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const items = await this.presentMany(this.ds.manager, page);
    const last = page[page.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last ? encodeClassCursor(last.enrolClosesAt, last.id) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ClassDto> {
    return this.present(this.ds.manager, await this.visible(this.ds.manager, actor, id));
  }

  /** A class the actor may see (404 otherwise: its existence is not disclosed). */
  async visible(em: EntityManager, actor: Actor, id: string): Promise<TrainingClass> {
    const scope = classScopeSql(actor);
    const c = scope
      ? await em
          .getRepository(TrainingClass)
          .createQueryBuilder('c')
          .where('c.id = :id', { id })
          .andWhere(scope.sql, scope.params)
          .getOne()
      : null;
    if (!c) throw new NotFoundError('班次', id);
    return c;
  }

  /**
   * visible(), with the class's scheduled sessions (start, end) read by the same query; with
   * `lockWorker`, that worker's row is locked by it too (FOR NO KEY UPDATE), so that the
   * caller's next statement, with a snapshot taken after the lock, sees everything the worker's
   * other transactions committed.
   */
  async visibleWithSessions(
    em: EntityManager,
    actor: Actor,
    id: string,
    lockWorker?: string,
  ): Promise<{ c: TrainingClass; sessions: { startsAt: Date; endsAt: Date }[] }> {
    const scope = classScopeSql(actor);
    if (scope) {
      // a prepared statement per role (its scope's text): parsed and planned once per connection
      const [sql, params] = em.connection.driver.escapeQueryWithParameters(
        `select ${this.classColumns(em)},
                ${lockWorker ? '(select lw.id from worker lw where lw.id = :lockWorker for no key update)' : 'null'} as "lockedWorker",
                coalesce((select json_agg(json_build_array(s.starts_at, s.ends_at) order by s.starts_at)
                            from class_session s where s.class_id = c.id and s.status = 'scheduled'), '[]') as "scheduledSessions"
           from training_class c
          where c.id = :id and (${scope.sql})`,
        { id, lockWorker, ...scope.params },
      );
      const [row] = await preparedQuery<
        Record<string, unknown> & { scheduledSessions: [string, string][] }
      >(em, `classes.visible-with-sessions.${actor.role}${lockWorker ? '.lock' : ''}`, sql, params);
      if (row) {
        const { scheduledSessions, lockedWorker: _locked, ...fields } = row;
        return {
          c: Object.assign(new TrainingClass(), fields),
          sessions: scheduledSessions.map(([a, b]) => ({
            startsAt: new Date(a),
            endsAt: new Date(b),
          })),
        };
      }
    }
    throw new NotFoundError('班次', id);
  }

  /** Every column of training_class as its property name (`c.fee_fen as "feeFen"`, …). */
  private classColumns(em: EntityManager): string {
    this.classColumnList ??= em.connection
      .getMetadata(TrainingClass)
      .columns.map((col) => `c.${col.databaseName} as "${col.propertyName}"`)
      .join(', ');
    return this.classColumnList;
  }

  // -- change ----------------------------------------------------------------------

  async update(actor: Actor, id: string, dto: UpdateClassDto): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.manageable(em, actor, id, 'edit');
      if (dto.version !== c.version) {
        throw new ConflictError(
          `version: 班次已被他人修改，请刷新 (changed since version ${dto.version}; now ${c.version})`,
        );
      }
      const before = { capacity: c.capacity };
      if (dto.title !== undefined) c.title = dto.title.trim();
      if (dto.capacity !== undefined) c.capacity = dto.capacity;
      if (dto.location !== undefined) c.location = dto.location.trim();
      if (dto.enrolOpensAt !== undefined) c.enrolOpensAt = new Date(dto.enrolOpensAt);
      if (dto.enrolClosesAt !== undefined) c.enrolClosesAt = new Date(dto.enrolClosesAt);
      // attendance thresholds: a class may only tighten the policy's (enforced where they apply)
      if (dto.lateThresholdMinutes !== undefined) c.lateThresholdMinutes = dto.lateThresholdMinutes;
      if (dto.earlyThresholdMinutes !== undefined)
        c.earlyThresholdMinutes = dto.earlyThresholdMinutes;
      if (dto.feeFen !== undefined) {
        if (c.status === 'open' && dto.feeFen !== c.feeFen) {
          throw fieldError(
            'feeFen',
            '开放报名后不能更改费用 (the fee is fixed once enrolment opens)',
          );
        }
        c.feeFen = dto.feeFen;
      }
      const policy = await this.policyOfClass(em, c);
      this.check(settingsProblems({ ...c, feeAllowed: this.feeAllowed(policy, c) }));
      if (c.origin === 'plan' && dto.capacity !== undefined && dto.capacity > before.capacity) {
        const plan = await em.findOneOrFail(ProjectPlan, {
          where: { id: c.projectPlanId! },
          lock: { mode: 'for_no_key_update' },
        });
        const [{ used }] = await em.query<{ used: number }[]>(
          `select coalesce(sum(capacity), 0)::int as used from training_class
            where project_plan_id = $1 and status <> 'cancelled' and id <> $2`,
          [plan.id, c.id],
        );
        if (used + c.capacity > plan.places) {
          throw new DomainError(
            ClassErrorCode.PLAN_PLACES_EXCEEDED,
            `capacity: 本计划书共 ${plan.places} 个名额，其他班次已用 ${used} 个 (the plan's places are used up)`,
            409,
            [{ field: 'capacity', problems: [`at most ${plan.places - used}`] }],
          );
        }
      }
      const saved = await em.save(c);
      await this.audit.record(em, actor, {
        action: 'class.updated',
        entityType: 'training_class',
        entityId: c.id,
        data: { changed: Object.keys(dto).filter((k) => k !== 'version') },
      });
      if (saved.status === 'open' && saved.capacity > before.capacity) {
        await this.events.publish<ClassCapacityChangedEvent>(em, {
          type: 'class.capacity_changed',
          classId: c.id,
          capacity: saved.capacity,
        });
      }
      return this.present(em, saved);
    });
  }

  /** Opens enrolment: the class must reach its hours, keep to its plan and have a filed institution. */
  async publish(actor: Actor, id: string): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.manageable(em, actor, id, 'publish');
      const sessions = await em.find(ClassSession, {
        where: { classId: c.id },
        order: { startsAt: 'ASC' },
      });
      if (!scheduled(sessions).length) throw fieldError('sessions', '班次没有课次 (no sessions)');
      if (c.institutionId && !(await this.institutions.commissionable(em, c.institutionId)))
        throw notCommissionable();
      const policy = await this.policyOfClass(em, c);
      this.check([
        ...settingsProblems({ ...c, feeAllowed: this.feeAllowed(policy, c) }),
        ...(await this.ruleProblems(em, c, sessions, policy)),
      ]);
      c.status = 'open';
      c.openedAt = new Date();
      const saved = await em.save(c);
      await this.audit.record(em, actor, {
        action: 'class.opened',
        entityType: 'training_class',
        entityId: c.id,
        data: { halfHours: totalHalfHours(sessions), capacity: c.capacity },
      });
      return this.present(em, saved);
    });
  }

  async cancel(actor: Actor, id: string, dto: CancelClassDto): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.manageable(em, actor, id, 'cancel');
      const first = await em.findOne(ClassSession, {
        where: { classId: c.id, status: 'scheduled' },
        order: { startsAt: 'ASC' },
      });
      if (first && first.startsAt <= new Date()) {
        throw new DomainError(
          'CLASS_ALREADY_STARTED',
          '班次已开课，不能取消 (the class has started)',
          409,
        );
      }
      c.status = 'cancelled';
      c.cancelReason = dto.reason.trim();
      const saved = await em.save(c);
      await em.update(ClassSession, { classId: c.id }, { status: 'cancelled' });
      await this.events.publish<ClassCancelledEvent>(em, {
        type: 'class.cancelled',
        classId: c.id,
        classTitle: c.title,
        reason: c.cancelReason,
      });
      await this.audit.record(em, actor, {
        action: 'class.cancelled',
        entityType: 'training_class',
        entityId: c.id,
        data: { reason: c.cancelReason },
      });
      return this.present(em, saved);
    });
  }

  async addSession(actor: Actor, id: string, dto: SessionInputDto): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.manageable(em, actor, id, 'schedule');
      if (c.institutionId && !(await this.institutions.commissionable(em, c.institutionId)))
        throw notCommissionable();
      const [input] = await this.sessionsFromInput(em, [dto], { poolOnly: c.origin !== 'street' });
      if (input.startsAt <= new Date())
        throw fieldError('date', '不能增加已过去的课次 (in the past)');
      const existing = await em.find(ClassSession, { where: { classId: c.id } });
      const after = [...existing, { ...input, status: 'scheduled' as const }];
      await this.checkSessions(em, c, after);
      const [saved] = await this.insertSessions(em, c, [input]);
      await this.afterSessionChange(
        em,
        actor,
        c,
        saved,
        'added',
        `新增 ${this.when(saved)}「${saved.topic}」`,
      );
      return this.present(em, c);
    });
  }

  async updateSession(
    actor: Actor,
    id: string,
    sessionId: string,
    dto: SessionPatchDto,
  ): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.manageable(em, actor, id, 'schedule');
      const s = await em.findOne(ClassSession, {
        where: { id: sessionId, classId: c.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!s || s.status !== 'scheduled') throw new NotFoundError('课次', sessionId);
      if (s.startsAt <= new Date()) throw sessionHeld();
      if (c.status === 'open' && !dto.reason) {
        throw fieldError(
          'reason',
          '开放报名后更改课次须说明原因 (a reason is required once enrolment is open)',
        );
      }
      const beforeWhen = this.when(s);
      const tz = this.config.timezone;
      const date = dto.date ?? localDate(s.startsAt, tz);
      const start = dto.startTime ?? localTime(s.startsAt, tz);
      const end = dto.endTime ?? localTime(s.endsAt, tz);
      const startsAt = zonedDateTime(date, start, tz);
      const endsAt = zonedDateTime(date, end, tz);
      if (endsAt <= startsAt)
        throw fieldError('endTime', '结束时间须晚于开始时间 (ends before it starts)');
      if (startsAt <= new Date()) throw fieldError('date', '不能改到已过去的时间 (in the past)');
      if (dto.teacherId) await this.checkTeachers(em, [dto.teacherId], c.origin !== 'street');
      const changed: ClassSession = {
        ...s,
        startsAt,
        endsAt,
        halfHours: dto.halfHours ?? s.halfHours,
        topic: dto.topic?.trim() ?? s.topic,
        method: dto.method ?? s.method,
        teacherId: dto.teacherId !== undefined ? dto.teacherId : s.teacherId,
        room: dto.room !== undefined ? (dto.room?.trim() ?? null) : s.room,
      };
      changed.roomKey = roomKey(c.location, changed.room);
      const all = await em.find(ClassSession, { where: { classId: c.id } });
      await this.checkSessions(
        em,
        c,
        all.map((x) => (x.id === s.id ? changed : x)),
      );
      await this.saveSession(em, changed);
      const moved =
        s.startsAt.getTime() !== startsAt.getTime() || s.endsAt.getTime() !== endsAt.getTime();
      const summary = moved
        ? `${beforeWhen} 改为 ${this.when(changed)}`
        : `${this.when(changed)}「${changed.topic}」内容有变更`;
      await this.afterSessionChange(
        em,
        actor,
        c,
        changed,
        'rescheduled',
        `${summary}${dto.reason ? `（${dto.reason}）` : ''}`,
      );
      return this.present(em, c);
    });
  }

  async cancelSession(
    actor: Actor,
    id: string,
    sessionId: string,
    dto: CancelSessionDto,
  ): Promise<ClassDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.manageable(em, actor, id, 'schedule');
      const s = await em.findOne(ClassSession, {
        where: { id: sessionId, classId: c.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!s || s.status !== 'scheduled') throw new NotFoundError('课次', sessionId);
      if (s.startsAt <= new Date()) throw sessionHeld();
      const all = await em.find(ClassSession, { where: { classId: c.id } });
      const after = all.map((x) => (x.id === s.id ? { ...x, status: 'cancelled' as const } : x));
      await this.checkSessions(em, c, after);
      s.status = 'cancelled';
      await em.save(s);
      await this.afterSessionChange(
        em,
        actor,
        c,
        s,
        'cancelled',
        `${this.when(s)}「${s.topic}」取消（${dto.reason}）`,
      );
      return this.present(em, c);
    });
  }

  // -- for other libs ------------------------------------------------------------------

  /** Scheduled sessions of these classes, by class. */
  async scheduledSessions(
    em: EntityManager,
    classIds: string[],
  ): Promise<Map<string, ClassSession[]>> {
    const out = new Map<string, ClassSession[]>();
    if (!classIds.length) return out;
    const rows = await em.find(ClassSession, {
      where: { classId: In(classIds), status: 'scheduled' },
      order: { startsAt: 'ASC' },
    });
    for (const r of rows) out.set(r.classId, [...(out.get(r.classId) ?? []), r]);
    return out;
  }

  /** The policy that applies to a class (its municipality's region, its year). */
  async policyOfClass(
    em: EntityManager,
    c: Pick<TrainingClass, 'municipalityId' | 'year'>,
  ): Promise<TrainingPolicy> {
    // asked on every enrolment: a policy version never changes once its year has begun, and a
    // new version for a later year is picked up within a minute
    const key = `${c.municipalityId}|${c.year}`;
    const hit = this.policyCache.get(key);
    if (hit && hit.until > Date.now()) return hit.policy;
    const policy = await this.policyFor(em, c.municipalityId, c.year);
    this.policyCache.set(key, { policy, until: Date.now() + 60_000 });
    return policy;
  }

  presentSessions(sessions: ClassSession[], names: Map<string, string>): SessionDto[] {
    const tz = this.config.timezone;
    return sessions.map((s) => ({
      id: s.id,
      date: localDate(s.startsAt, tz),
      startTime: localTime(s.startsAt, tz),
      endTime: localTime(s.endsAt, tz),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      halfHours: s.halfHours,
      topic: s.topic,
      method: s.method,
      teacherId: s.teacherId,
      teacherName: (s.teacherId && names.get(s.teacherId)) || s.speakerName,
      room: s.room,
      status: s.status,
    }));
  }

  // -- helpers ---------------------------------------------------------------------------

  private check(problems: ClassProblem[], status = 409): void {
    if (problems.length) throw classProblems(problems, status);
  }

  private feeAllowed(policy: TrainingPolicy, c: Pick<TrainingClass, 'type'>): boolean {
    return c.type !== 'street' && workerMayBeCharged(policy, c.type);
  }

  private async municipalityId(em: EntityManager, unitId: string | null): Promise<string> {
    const region = await regionOfUnit(em, unitId);
    const m = await em.findOneByOrFail(OrgUnit, {
      code: region.municipality.code,
      kind: 'municipality',
    });
    return m.id;
  }

  private async policyFor(
    em: EntityManager,
    unitId: string | null,
    year: number,
  ): Promise<TrainingPolicy> {
    const region = await regionOfUnit(em, unitId);
    return this.policies.require(region.region, year, em);
  }

  /** Loads (and locks) a class the actor runs, if the action is allowed in its status. */
  private async manageable(
    em: EntityManager,
    actor: Actor,
    id: string,
    action: ClassAction,
  ): Promise<TrainingClass> {
    const c = await em.findOne(TrainingClass, {
      where: { id },
      lock: { mode: 'for_no_key_update' },
    });
    if (!c || !mayManageClass(actor, c)) throw new NotFoundError('班次', id);
    if (!classActionAllowed(c.status, action)) throw illegalTransition(action, c.status);
    return c;
  }

  /** Every rule about a class's sessions, for the given (proposed) set. */
  private async ruleProblems(
    em: EntityManager,
    c: TrainingClass,
    sessions: (Pick<ClassSession, 'startsAt' | 'endsAt' | 'halfHours' | 'teacherId' | 'status'> & {
      id?: string;
    })[],
    policy: TrainingPolicy,
  ): Promise<ClassProblem[]> {
    const problems = [...overlapProblems(sessions)];
    let planHalfHours: number | null = null;
    if (c.origin === 'plan') {
      const plan = await em.findOneByOrFail(ProjectPlan, { id: c.projectPlanId! });
      planHalfHours = plan.sessions.reduce((a, s) => a + s.halfHours, 0);
      problems.push(
        ...substanceProblems(
          {
            startDate: plan.startDate,
            endDate: plan.endDate,
            teacherIds: plan.teacherIds,
            halfHours: planHalfHours,
          },
          sessions.map((s) => ({ ...s, localDate: localDate(s.startsAt, this.config.timezone) })),
        ),
      );
    }
    const policyHours =
      c.type === 'street'
        ? null
        : courseMinimumHours(policy, c.type, {
            entryChannels: c.targetChannels,
            positionTiers: c.targetTiers,
          });
    problems.push(...hoursProblems(sessions, { planHalfHours, policyHours }));
    return problems;
  }

  /** Checks a proposed set of sessions: while a draft, only what the plan binds; once open, everything. */
  private async checkSessions(
    em: EntityManager,
    c: TrainingClass,
    sessions: (Pick<ClassSession, 'startsAt' | 'endsAt' | 'halfHours' | 'teacherId' | 'status'> & {
      id?: string;
    })[],
  ): Promise<void> {
    const policy = await this.policyOfClass(em, c);
    const problems = await this.ruleProblems(em, c, sessions, policy);
    // a draft may be short of hours while it is being built; publishing checks them
    const relevant =
      c.status === 'open'
        ? problems
        : problems.filter(
            (p) =>
              p.code !== 'CLASS_HOURS_BELOW_POLICY' &&
              p.code !== 'CLASS_HOURS_BELOW_PLAN' &&
              !(p.code === 'PLAN_AMENDMENT_REQUIRED' && p.field === 'sessions'),
          );
    this.check(relevant);
  }

  private async checkTeachers(em: EntityManager, ids: string[], poolOnly: boolean): Promise<void> {
    const wanted = [...new Set(ids)];
    if (!wanted.length) return;
    const found = await em.find(Teacher, { select: { id: true }, where: { id: In(wanted) } });
    if (found.length !== wanted.length)
      throw fieldError('teacherId', '师资库中没有该教师 (no such teacher in the pool)');
    if (poolOnly || wanted.length) {
      const consenting = await this.teachers.consentingAmong(em, wanted);
      const missing = wanted.filter((t) => !consenting.has(t));
      if (missing.length) throw notConsenting(missing);
    }
  }

  private async sessionsFromInput(
    em: EntityManager,
    input: SessionInputDto[],
    opts: { poolOnly: boolean },
  ): Promise<SessionPlan[]> {
    const tz = this.config.timezone;
    const out = input.map((s, i) => {
      const startsAt = zonedDateTime(s.date, s.startTime, tz);
      const endsAt = zonedDateTime(s.date, s.endTime, tz);
      if (endsAt <= startsAt)
        throw fieldError(
          `sessions[${i}].endTime`,
          '结束时间须晚于开始时间 (ends before it starts)',
        );
      if (opts.poolOnly && !s.teacherId) {
        throw fieldError(
          `sessions[${i}].teacherId`,
          '须指定师资库教师 (a teacher of the pool is required)',
        );
      }
      return {
        startsAt,
        endsAt,
        halfHours: s.halfHours,
        topic: s.topic.trim(),
        method: s.method,
        teacherId: s.teacherId ?? null,
        speakerName: s.teacherId ? null : (s.speakerName?.trim() ?? null),
        room: s.room?.trim() ?? null,
      };
    });
    await this.checkTeachers(
      em,
      out.map((s) => s.teacherId).filter((t): t is string => !!t),
      opts.poolOnly,
    );
    return out;
  }

  private async insertSessions(
    em: EntityManager,
    c: TrainingClass,
    sessions: SessionPlan[],
  ): Promise<ClassSession[]> {
    const out: ClassSession[] = [];
    for (const [i, s] of sessions.entries()) {
      try {
        out.push(
          await em.save(
            em.create(ClassSession, {
              ...s,
              classId: c.id,
              roomKey: roomKey(c.location, s.room),
              status: 'scheduled',
            }),
          ),
        );
      } catch (err) {
        throw this.mapBooking(err, i);
      }
    }
    return out;
  }

  private async saveSession(em: EntityManager, s: ClassSession): Promise<void> {
    try {
      await em.save(ClassSession, s);
    } catch (err) {
      throw this.mapBooking(err);
    }
  }

  /** The exclusion constraints are the last word on double bookings (also under concurrency). */
  private mapBooking(err: unknown, index?: number): unknown {
    if (err instanceof QueryFailedError) {
      const constraint = (err.driverError as { constraint?: string }).constraint;
      if (constraint === 'class_session_teacher_excl') return doubleBooked('teacher', index);
      if (constraint === 'class_session_room_excl') return doubleBooked('room', index);
    }
    return err;
  }

  private async afterSessionChange(
    em: EntityManager,
    actor: Actor,
    c: TrainingClass,
    s: ClassSession,
    change: 'added' | 'rescheduled' | 'cancelled',
    summary: string,
  ): Promise<void> {
    await this.audit.record(em, actor, {
      action: `class.session_${change}`,
      entityType: 'class_session',
      entityId: s.id,
      data: { classId: c.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() },
    });
    // trainees hear of changes once enrolment has opened (enrollment reacts, in this transaction)
    if (c.status === 'open') {
      await this.events.publish<SessionChangedEvent>(em, {
        type: 'class.session_changed',
        classId: c.id,
        classTitle: c.title,
        sessionId: s.id,
        change,
        summary,
      });
    }
  }

  private when(s: Pick<ClassSession, 'startsAt' | 'endsAt'>): string {
    const tz = this.config.timezone;
    const [, m, d] = localDate(s.startsAt, tz).split('-');
    return `${Number(m)}月${Number(d)}日 ${localTime(s.startsAt, tz)}-${localTime(s.endsAt, tz)}`;
  }

  private async present(em: EntityManager, c: TrainingClass): Promise<ClassDto> {
    return (await this.presentMany(em, [c]))[0];
  }

  private async presentMany(em: EntityManager, classes: TrainingClass[]): Promise<ClassDto[]> {
    if (!classes.length) return [];
    const fresh = await em.find(TrainingClass, { where: { id: In(classes.map((c) => c.id)) } });
    const byId = new Map(fresh.map((c) => [c.id, c]));
    const sessions = await em.find(ClassSession, {
      where: { classId: In(classes.map((c) => c.id)) },
      order: { startsAt: 'ASC' },
    });
    const teacherIds = [
      ...new Set(sessions.map((s) => s.teacherId).filter((t): t is string => !!t)),
    ];
    const names = new Map(
      (teacherIds.length
        ? await em.find(Teacher, {
            select: { id: true, name: true },
            where: { id: In(teacherIds) },
          })
        : []
      ).map((t) => [t.id, t.name]),
    );
    const instIds = [...new Set(fresh.map((c) => c.institutionId).filter((i): i is string => !!i))];
    const instNames = new Map(
      (instIds.length
        ? await em.find(OrgUnit, { select: { id: true, name: true }, where: { id: In(instIds) } })
        : []
      ).map((u) => [u.id, u.name]),
    );
    const policies = new Map<string, TrainingPolicy>();
    const now = new Date();
    const out: ClassDto[] = [];
    for (const original of classes) {
      const c = byId.get(original.id) ?? original;
      const own = sessions.filter((s) => s.classId === c.id);
      const live = scheduled(own);
      const key = `${c.municipalityId}|${c.year}`;
      if (!policies.has(key)) policies.set(key, await this.policyOfClass(em, c));
      const policy = policies.get(key)!;
      out.push({
        id: c.id,
        origin: c.origin,
        projectPlanId: c.projectPlanId,
        institutionId: c.institutionId,
        institutionName: c.institutionId ? (instNames.get(c.institutionId) ?? null) : null,
        districtId: c.districtId,
        streetId: c.streetId,
        year: c.year,
        type: c.type,
        typeLabel: TYPE_LABEL[c.type] ?? typeRule(policy, c.type as TrainingType).label,
        title: c.title,
        targetTiers: c.targetTiers,
        targetChannels: c.targetChannels,
        capacity: c.capacity,
        taken: c.taken,
        location: c.location,
        enrolOpensAt: c.enrolOpensAt,
        enrolClosesAt: c.enrolClosesAt,
        feeFen: c.feeFen,
        lateThresholdMinutes: c.lateThresholdMinutes,
        earlyThresholdMinutes: c.earlyThresholdMinutes,
        status: c.status,
        enrolmentOpen: enrolmentOpen(c, now),
        halfHours: totalHalfHours(own),
        startsAt: live[0]?.startsAt ?? null,
        endsAt: live.length ? live[live.length - 1].endsAt : null,
        cancelReason: c.cancelReason,
        version: c.version,
        sessions: this.presentSessions(own, names),
      });
    }
    return out;
  }
}
