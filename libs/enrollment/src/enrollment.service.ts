import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import {
  Actor,
  AppConfig,
  AuditService,
  Coalescer,
  DomainError,
  DomainEvents,
  ErrorCode,
  illegalTransition,
  JobName,
  JobsService,
  localDate,
  NotFoundError,
  NotificationKind,
  NotificationsService,
  preparedQuery,
} from '@peixun/core';
import {
  ClassCancelledEvent,
  ClassCapacityChangedEvent,
  ClassesService,
  ClassSession,
  SessionChangedEvent,
  TrainingClass,
} from '@peixun/classes';
import { administers, OrgUnit, Worker } from '@peixun/org';
import { ProjectPlan } from '@peixun/planning';
import { enrolmentRules, TrainingPolicy } from '@peixun/policy';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AvailabilityDto,
  BulkEnrolDto,
  BulkResultDto,
  EnrolDto,
  EndEntryDto,
  EnrollmentDto,
  RosterPageDto,
  RosterQuery,
} from './dto/enrollment.dto';
import { Enrollment, Nomination } from './enrollment.entity';
import {
  ACTIVE_STATUSES,
  CLAIMING_STATUSES,
  eligibility,
  EligibilityClass,
  EligibilityWorker,
  EnrollmentSource,
  EnrollmentStatus,
  entryTransition,
  freesPlace,
  HeldPlace,
  PLACE_STATUSES,
  Refusal,
} from './enrollment.rules';

export const refusalError = (r: Refusal, workerId?: string): DomainError =>
  new DomainError(r.code, r.message, 409, workerId ? { workerId } : undefined);

/** An active entry of a worker with what the eligibility rule needs of its class. */
interface ActiveEntry {
  classId: string;
  status: EnrollmentStatus;
  title: string;
  projectPlanId: string | null;
  sessions: { startsAt: Date; endsAt: Date }[];
}

interface ActiveEntryRow {
  class_id: string;
  status: EnrollmentStatus;
  title: string;
  project_plan_id: string | null;
  sessions: [string, string][];
}

/** A worker's active entries ($2: the statuses), their classes and scheduled sessions, in one query. */
const ACTIVE_ENTRIES_SQL = `select e.class_id, e.status, c.title, c.project_plan_id,
         coalesce((select json_agg(json_build_array(s.starts_at, s.ends_at) order by s.starts_at)
                     from class_session s where s.class_id = c.id and s.status = 'scheduled'), '[]') as sessions
    from enrollment e join training_class c on c.id = e.class_id`;

const activeEntry = (r: ActiveEntryRow): ActiveEntry => ({
  classId: r.class_id,
  status: r.status,
  title: r.title,
  projectPlanId: r.project_plan_id,
  sessions: r.sessions.map(([a, b]) => ({ startsAt: new Date(a), endsAt: new Date(b) })),
});

/** How a settled entry ended: enrolled, or waitlisted at a position. */
interface SettledEntry {
  status: EnrollmentStatus;
  pos: number | null;
  created_at: Date;
}

interface ClassContext {
  c: TrainingClass;
  facts: EligibilityClass;
  policy: TrainingPolicy;
}

/**
 * Enrolment (libs/enrollment): places are claimed by one conditional update of the
 * class's counter (`taken < capacity`), so they are never oversold, also under
 * concurrency; whoever does not get one joins the waitlist in arrival order (a sequence).
 * A worker's own row is locked while their place is decided: one worker cannot race
 * themself into two overlapping classes.
 */
@Injectable()
export class EnrollmentService implements OnModuleInit {
  private readonly planProjects = new Map<string, string>();
  /** Self-enrolments of a class settle together: one run for all who committed meanwhile. */
  private readonly settling = new Coalescer((classId) => this.settleEntries(classId));

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly classes: ClassesService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on<SessionChangedEvent>('class.session_changed', (em, e) =>
      this.onSessionChanged(em, e),
    );
    this.events.on<ClassCancelledEvent>('class.cancelled', (em, e) => this.onClassCancelled(em, e));
    this.events.on<ClassCapacityChangedEvent>('class.capacity_changed', (em, e) =>
      this.offerFreedPlaces(em, e.classId),
    );
  }

  // -- a worker's own place ------------------------------------------------------------

  /** Whether the signed-in worker may enrol in the class now, and if not, which rule says no. */
  async availability(actor: Actor, classId: string): Promise<AvailabilityDto> {
    const em = this.ds.manager;
    const c = await this.classes.visible(em, actor, classId);
    const worker = await this.self(em, actor);
    const ctx = await this.classContext(em, c);
    const refusal = await this.check(em, worker, ctx, 'self', null);
    const waitlisted = await em.countBy(Enrollment, { classId, status: 'waitlisted' });
    return {
      classId,
      eligible: !refusal || refusal.code === 'FEE_NOT_CONFIRMED',
      code: refusal?.code ?? null,
      message: refusal?.message ?? null,
      placesLeft: Math.max(0, c.capacity - c.taken),
      waitlisted,
      feeFen: c.feeFen,
      wouldWaitlist: c.taken >= c.capacity,
    };
  }

  /**
   * Two steps: the entry is written (pending) with everything checked, under the worker's
   * lock only; then one database call settles the class's pending entries under the class's
   * lock (enrollment_settle). Concurrent requests share that work, and nothing goes back to
   * the application while the class is locked.
   */
  async enrolSelf(actor: Actor, classId: string, dto: EnrolDto): Promise<EnrollmentDto> {
    if (actor.role !== 'worker' || !actor.workerId) throw new NotFoundError('社区工作者');
    const workerId = actor.workerId;
    // the hot path of an enrolment rush: three statements in the transaction (the class with
    // its sessions, locking the worker's row; the worker with their entries, read after the
    // lock; the entry with its audit entry)
    const { id, c, worker } = await this.ds.transaction(async (em) => {
      const { c: klass, sessions } = await this.classes.visibleWithSessions(
        em,
        actor,
        classId,
        workerId,
      );
      const { w, active } = await this.selfWithEntries(em, workerId);
      const ctx = await this.classContext(em, klass, sessions);
      const refusal = await this.check(
        em,
        w,
        ctx,
        'self',
        dto.confirmFeeFen ?? null,
        false,
        active,
      );
      if (refusal) throw refusalError(refusal);
      const [entryId] = await this.insertPending(em, actor, klass, [w], 'self');
      return { id: entryId, c: klass, worker: w };
    });
    // one settle for every request of this class that committed meanwhile; the entry's
    // outcome comes back with it (read again only when another API process settled it first)
    const outcome = (await this.settling.run(classId)).get(id);
    if (!outcome) return (await this.settledEntries([id], c, [worker], 'self'))[0];
    return this.entryDto(id, c, worker, 'self', outcome);
  }

  /** Settles the class's pending entries; how each of them ended, by entry id. */
  private async settleEntries(classId: string): Promise<Map<string, SettledEntry>> {
    const rows = await preparedQuery<{
      entry_id: string;
      entry_status: EnrollmentStatus;
      waitlist_position: number | null;
      entry_created_at: Date;
    }>(this.ds, 'enrollment.settle-entries', `select * from enrollment_settle_entries($1)`, [
      classId,
    ]);
    return new Map(
      rows.map((r) => [
        r.entry_id,
        { status: r.entry_status, pos: r.waitlist_position, created_at: r.entry_created_at },
      ]),
    );
  }

  /** Settles the class's pending entries (enrollment_settle); safe to call any time, by anyone. */
  async settle(classId: string): Promise<number> {
    const [{ n }] = await this.ds.query<{ n: number }[]>(`select enrollment_settle($1) as n`, [
      classId,
    ]);
    return n;
  }

  /** The entries as settled, with the waitlist positions, in one query. */
  private async settledEntries(
    ids: string[],
    c: TrainingClass,
    workers: Worker[],
    source: EnrollmentSource,
  ): Promise<EnrollmentDto[]> {
    const rows = await this.ds.query<
      {
        id: string;
        status: EnrollmentStatus;
        created_at: Date;
        pos: number | null;
      }[]
    >(
      `select e.id, e.status, e.created_at,
              case when e.status = 'waitlisted' then
                (select count(*)::int from enrollment w
                  where w.class_id = e.class_id and w.status = 'waitlisted' and w.queue_seq <= e.queue_seq)
              end as pos
         from enrollment e where e.id = any($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id, i) => this.entryDto(id, c, workers[i], source, byId.get(id)!));
  }

  private entryDto(
    id: string,
    c: TrainingClass,
    worker: Worker,
    source: EnrollmentSource,
    r: SettledEntry,
  ): EnrollmentDto {
    return {
      id,
      classId: c.id,
      classTitle: c.title,
      workerId: worker.id,
      workerName: worker.name,
      status: r.status,
      source,
      waitlistPosition: r.pos,
      offeredUntil: null,
      feeFen: c.feeFen,
      createdAt: r.created_at,
      endedAt: null,
      endReason: null,
    };
  }

  /**
   * A district or street enrols its workers in one request: all or nothing. Every worker
   * who may not take a place is listed with the rule; otherwise each gets a place or, when
   * the class is full, a place on the waitlist in the order given.
   */
  async enrolBulk(actor: Actor, classId: string, dto: BulkEnrolDto): Promise<BulkResultDto> {
    const written = await this.ds.transaction(async (em) => {
      const c = await this.classes.visible(em, actor, classId);
      // locked in one order: two bulk requests sharing workers cannot deadlock
      const ids = [...dto.workerIds].sort();
      const workers = await em.find(Worker, {
        where: { id: In(ids) },
        order: { id: 'ASC' },
        lock: { mode: 'for_no_key_update' },
      });
      const byId = new Map(workers.map((w) => [w.id, w]));
      const ctx = await this.classContext(em, c);
      const refusals: { workerId: string; name: string | null; code: string; message: string }[] =
        [];
      for (const id of dto.workerIds) {
        const w = byId.get(id);
        if (!w || !administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId })) {
          refusals.push({
            workerId: id,
            name: null,
            code: 'WORKER_NOT_IN_SCOPE',
            message: '不在您管辖范围内的社区工作者 (not a worker of your unit)',
          });
          continue;
        }
        const r = await this.check(em, w, ctx, 'admin', ctx.c.feeFen);
        if (r) refusals.push({ workerId: id, name: w.name, code: r.code, message: r.message });
      }
      if (refusals.length) {
        throw new DomainError(
          'BULK_ENROLMENT_REFUSED',
          `${refusals.length} 名社区工作者不能报名，均未报名 (nobody was enrolled: ${refusals.length} refused)`,
          409,
          refusals,
        );
      }
      const ordered = dto.workerIds.map((id) => byId.get(id)!);
      // in the order given: the first get the places, the rest wait in that order
      const entryIds = await this.insertPending(em, actor, ctx.c, ordered, 'bulk');
      return { entryIds, c: ctx.c, workers: ordered };
    });
    await this.settle(classId);
    const items = await this.settledEntries(written.entryIds, written.c, written.workers, 'bulk');
    return {
      enrolled: items.filter((e) => e.status === 'enrolled').length,
      waitlisted: items.filter((e) => e.status === 'waitlisted').length,
      items,
    };
  }

  /**
   * The workers' pending entries, in the order given (their queue sequence; settled right
   * after, by enrollment_settle), and the audit entry naming them: one statement.
   */
  private async insertPending(
    em: EntityManager,
    actor: Actor,
    c: TrainingClass,
    workers: Worker[],
    source: EnrollmentSource,
  ): Promise<string[]> {
    const ids = workers.map(() => randomUUID());
    const audit = this.audit.values(actor, {
      action: source === 'self' ? 'enrollment.created' : 'enrollment.bulk_created',
      entityType: 'training_class',
      entityId: c.id,
      data: { entries: ids, workers: workers.map((w) => w.id) },
    });
    await preparedQuery(
      em,
      'enrollment.insert-pending',
      `with e as (
         insert into enrollment (id, class_id, worker_id, status, source, fee_fen, created_by)
         select n.id, $3, n.worker_id, 'pending', $4, $5, $6
           from unnest($1::uuid[], $2::uuid[]) with ordinality as n(id, worker_id, i)
          order by n.i
         returning id)
       insert into audit_log (${AuditService.COLUMNS})
       select $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15 where exists (select 1 from e)`,
      [ids, workers.map((w) => w.id), c.id, source, c.feeFen, actor.accountId, ...audit],
    );
    return ids;
  }

  /** Leaves a class (the worker, or an administrator of their unit). Before the start, the place goes to the next in line. */
  async withdraw(actor: Actor, id: string, dto: EndEntryDto): Promise<EnrollmentDto> {
    return this.ds.transaction(async (em) => {
      const e = await this.entryFor(em, actor, id, 'manage');
      await this.end(em, actor, e, 'withdraw', dto.reason ?? null);
      return this.present(em, e);
    });
  }

  /** The worker takes the place offered to them from the waitlist (before its deadline). */
  async accept(actor: Actor, id: string): Promise<EnrollmentDto> {
    return this.ds.transaction(async (em) => {
      const e = await this.entryFor(em, actor, id, 'self');
      if (e.status === 'offered' && e.offeredUntil && e.offeredUntil <= new Date()) {
        // the expiry job passes the place on (a refusal here changes nothing)
        throw new DomainError('OFFER_EXPIRED', '候补名额确认已过期 (the offer has expired)', 409);
      }
      const to = entryTransition(e.status, 'accept');
      if (!to) throw illegalTransition('accept', e.status);
      e.status = to;
      e.enrolledAt = new Date();
      e.offeredUntil = null;
      await em.save(e);
      await this.audit.record(em, actor, {
        action: 'enrollment.offer_accepted',
        entityType: 'enrollment',
        entityId: e.id,
        data: { classId: e.classId },
      });
      return this.present(em, e);
    });
  }

  async decline(actor: Actor, id: string): Promise<EnrollmentDto> {
    return this.ds.transaction(async (em) => {
      const e = await this.entryFor(em, actor, id, 'self');
      await this.end(em, actor, e, 'decline', null);
      return this.present(em, e);
    });
  }

  /** The job at an offer's deadline: expire it if still unanswered, then offer the place on. Safe to run twice. */
  async expireOffer(enrollmentId: string, offeredUntil: string): Promise<'expired' | 'answered'> {
    return this.ds.transaction(async (em) => {
      const e = await em.findOne(Enrollment, {
        where: { id: enrollmentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        !e ||
        e.status !== 'offered' ||
        !e.offeredUntil ||
        e.offeredUntil.toISOString() !== new Date(offeredUntil).toISOString()
      ) {
        return 'answered';
      }
      await this.end(em, null, e, 'expire', '逾期未确认 (not accepted in time)');
      return 'expired';
    });
  }

  async mine(actor: Actor): Promise<EnrollmentDto[]> {
    const rows = await this.ds.getRepository(Enrollment).find({
      where: { workerId: actor.workerId ?? '00000000-0000-0000-0000-000000000000' },
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return this.presentMany(this.ds.manager, rows);
  }

  /** The class's roster (and waitlist): the institution running it, its district or street, the bureau. */
  async roster(actor: Actor, classId: string, q: RosterQuery): Promise<RosterPageDto> {
    const em = this.ds.manager;
    const c = await this.classes.visible(em, actor, classId);
    // workers see their own entries (mine), not the class's list
    if (actor.role === 'worker') throw new NotFoundError('班次', classId);
    const limit = q.limit ?? 100;
    const qb = em
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .innerJoin(Worker, 'w', 'w.id = e.worker_id')
      .where('e.class_id = :classId', { classId })
      .orderBy('e.queue_seq', 'ASC')
      .limit(limit + 1);
    // a street or district sees only its own workers in a class run by another unit
    if (actor.role === 'street_admin' && c.streetId !== actor.streetId) {
      qb.andWhere('w.street_id = :s', { s: actor.streetId });
    }
    if (actor.role === 'district_admin' && c.districtId !== actor.districtId) {
      qb.andWhere('w.district_id = :d', { d: actor.districtId });
    }
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (q.cursor) {
      if (!/^\d{1,19}$/.test(q.cursor)) {
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          'cursor: must be the nextCursor of the previous page',
          400,
          [{ field: 'cursor', problems: ['invalid'] }],
        );
      }
      qb.andWhere('e.queue_seq > :after', { after: q.cursor });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    const counts = Object.fromEntries(
      (
        await em.query<{ status: string; n: number }[]>(
          `select status, count(*)::int as n from enrollment where class_id = $1 group by status`,
          [classId],
        )
      ).map((r) => [r.status, r.n]),
    );
    const base = await this.presentMany(em, page);
    const workers = await em.find(Worker, { where: { id: In(page.map((e) => e.workerId)) } });
    const wById = new Map(workers.map((w) => [w.id, w]));
    const units = await em.find(OrgUnit, {
      select: { id: true, name: true },
      where: { id: In([...new Set(workers.flatMap((w) => [w.communityId, w.streetId]))]) },
    });
    const names = new Map(units.map((u) => [u.id, u.name]));
    return {
      items: base.map((b) => {
        const w = wById.get(b.workerId)!;
        return {
          ...b,
          idNumberMasked: w.idNumberMasked,
          communityName: names.get(w.communityId) ?? '',
          streetName: names.get(w.streetId) ?? '',
        };
      }),
      nextCursor: rows.length > limit ? page[page.length - 1].queueSeq : null,
      counts,
    };
  }

  // -- used by nominations ----------------------------------------------------------------

  /** Enrols an accepted nominee in an advanced class (inside the acceptance's transaction). */
  async enrolNominee(
    em: EntityManager,
    actor: Actor,
    classId: string,
    workerId: string,
  ): Promise<Enrollment> {
    const c = await em.findOne(TrainingClass, { where: { id: classId } });
    if (!c || c.type !== 'advanced') {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `classId: 进修班次 ${classId} 不存在 (no such advanced class)`,
        404,
      );
    }
    const worker = await em.findOneOrFail(Worker, {
      where: { id: workerId },
      lock: { mode: 'for_no_key_update' },
    });
    const ctx = await this.classContext(em, c);
    const refusal = await this.check(em, worker, ctx, 'nomination', c.feeFen, true);
    if (refusal) throw refusalError(refusal, workerId);
    const [entry] = await this.place(em, actor, c, [worker], 'nomination');
    if (entry.status !== 'enrolled') {
      throw new DomainError('CLASS_FULL', '该进修班次已满员 (the advanced class is full)', 409);
    }
    return entry;
  }

  // -- internals ---------------------------------------------------------------------------

  private async self(em: EntityManager, actor: Actor): Promise<Worker> {
    if (actor.role !== 'worker' || !actor.workerId) throw new NotFoundError('社区工作者');
    const w = await em.findOne(Worker, { where: { id: actor.workerId } });
    if (!w) throw new NotFoundError('社区工作者');
    return w;
  }

  /** The city-plan project of a project plan (fixed for good: cached). */
  /**
   * The worker with their active entries, read after their row was locked (by an earlier
   * statement of the transaction: a statement's snapshot is taken when it starts, so the lock
   * and this read cannot be one statement).
   */
  private async selfWithEntries(
    em: EntityManager,
    workerId: string,
  ): Promise<{ w: Worker; active: ActiveEntry[] }> {
    const [row] = await preparedQuery<
      Pick<Worker, 'id' | 'name' | 'status' | 'positionTier' | 'entryChannel'> & {
        startedOn: string;
        qualification: Worker['qualification'];
        districtId: string;
        streetId: string;
        active: ActiveEntryRow[];
      }
    >(
      em,
      'enrollment.self-with-entries',
      `select w.id, w.name, w.status, w.position_tier as "positionTier", w.entry_channel as "entryChannel",
              w.started_on::text as "startedOn", w.qualification, w.district_id as "districtId",
              w.street_id as "streetId",
              (select coalesce(json_agg(a), '[]') from (${ACTIVE_ENTRIES_SQL}
                 where e.worker_id = w.id and e.status = any($2)) a) as active
         from worker w where w.id = $1`,
      [workerId, ACTIVE_STATUSES],
    );
    if (!row) throw new NotFoundError('社区工作者');
    const { active, ...fields } = row;
    return { w: Object.assign(new Worker(), fields), active: active.map(activeEntry) };
  }

  /** The worker's active entries, each with its class's title, plan and scheduled sessions. */
  private async activeEntries(em: EntityManager, workerId: string): Promise<ActiveEntry[]> {
    const rows = await em.query<ActiveEntryRow[]>(
      `${ACTIVE_ENTRIES_SQL} where e.worker_id = $1 and e.status = any($2)`,
      [workerId, ACTIVE_STATUSES],
    );
    return rows.map(activeEntry);
  }

  private async projectOfPlan(em: EntityManager, planId: string): Promise<string | null> {
    if (!this.planProjects.has(planId)) {
      const p = await em.findOne(ProjectPlan, {
        select: { id: true, planProjectId: true },
        where: { id: planId },
      });
      if (!p) return null;
      if (this.planProjects.size > 10_000) this.planProjects.clear();
      this.planProjects.set(planId, p.planProjectId);
    }
    return this.planProjects.get(planId)!;
  }

  private async classContext(
    em: EntityManager,
    c: TrainingClass,
    scheduled?: { startsAt: Date; endsAt: Date }[],
  ): Promise<ClassContext> {
    const sessions =
      scheduled ?? (await this.classes.scheduledSessions(em, [c.id])).get(c.id) ?? [];
    const planProjectId = c.projectPlanId ? await this.projectOfPlan(em, c.projectPlanId) : null;
    return {
      c,
      policy: await this.classes.policyOfClass(em, c),
      facts: {
        id: c.id,
        origin: c.origin,
        type: c.type,
        status: c.status,
        enrolOpensAt: c.enrolOpensAt,
        enrolClosesAt: c.enrolClosesAt,
        targetTiers: c.targetTiers,
        targetChannels: c.targetChannels,
        districtId: c.districtId,
        streetId: c.streetId,
        feeFen: c.feeFen,
        planProjectId,
        sessions,
      },
    };
  }

  /** The facts about the worker the rules need, then the rules. */
  private async check(
    em: EntityManager,
    w: Worker,
    ctx: ClassContext,
    via: 'self' | 'admin' | 'nomination',
    confirmedFeeFen: number | null,
    nominationAccepted = false,
    preloaded?: ActiveEntry[],
  ): Promise<Refusal | null> {
    const now = new Date();
    const active = preloaded ?? (await this.activeEntries(em, w.id));
    const inThisClass = active.some((e) => e.classId === ctx.c.id);
    const held: HeldPlace[] = [];
    for (const e of active) {
      if (!CLAIMING_STATUSES.includes(e.status) || e.classId === ctx.c.id) continue;
      held.push({
        classId: e.classId,
        title: e.title,
        planProjectId: e.projectPlanId ? await this.projectOfPlan(em, e.projectPlanId) : null,
        sessions: e.sessions,
      });
    }
    let inductionDone = false;
    if (ctx.c.type === 'induction') {
      const [{ n }] = await em.query<{ n: number }[]>(
        `select count(*)::int as n from enrollment e join training_class c on c.id = e.class_id
          where e.worker_id = $1 and e.status = 'enrolled' and c.type = 'induction' and c.id <> $2
            and not exists (select 1 from class_session s where s.class_id = c.id and s.status = 'scheduled' and s.ends_at > now())`,
        [w.id, ctx.c.id],
      );
      inductionDone = n > 0;
    }
    if (ctx.c.type === 'advanced' && via === 'nomination' && !nominationAccepted) {
      nominationAccepted = await em.existsBy(Nomination, {
        workerId: w.id,
        year: ctx.c.year,
        status: 'accepted',
      });
    }
    const worker: EligibilityWorker = {
      status: w.status,
      positionTier: w.positionTier,
      entryChannel: w.entryChannel,
      startedOn: w.startedOn,
      qualification: w.qualification,
      districtId: w.districtId,
      streetId: w.streetId,
    };
    return eligibility(worker, ctx.facts, {
      now,
      today: localDate(now, this.config.timezone),
      policy: ctx.policy,
      rules: enrolmentRules(ctx.policy),
      inThisClass,
      held,
      inductionDone,
      nominationAccepted,
      via,
      confirmedFeeFen,
    });
  }

  /**
   * Writes the workers' entries, then claims places for them (in the order given) and
   * settles each entry in one statement under the class row's lock: a place while places
   * last, the waitlist after, and the queue position taken under that same lock — the
   * order in which requests got the lock is the order of places and of the waitlist.
   * Everything else happens before the lock, so it is held for one statement and the commit.
   */
  private async place(
    em: EntityManager,
    actor: Actor,
    c: TrainingClass,
    workers: Worker[],
    source: EnrollmentSource,
  ): Promise<Enrollment[]> {
    const inserted = await em
      .createQueryBuilder()
      .insert()
      .into(Enrollment)
      .values(
        workers.map((w) => ({
          classId: c.id,
          workerId: w.id,
          status: 'waitlisted',
          source,
          feeFen: c.feeFen,
          createdBy: actor.accountId,
        })),
      )
      .returning(['id'])
      .execute();
    const ids = (inserted.raw as { id: string }[]).map((r) => r.id);
    await this.audit.record(em, actor, {
      action:
        source === 'self'
          ? 'enrollment.created'
          : source === 'bulk'
            ? 'enrollment.bulk_created'
            : 'enrollment.nominee_enrolled',
      entityType: 'training_class',
      entityId: c.id,
      data: { entries: ids, workers: workers.map((w) => w.id) },
    });
    // 1. the class row's lock, and the places it still has (a SELECT over the update: TypeORM
    //    returns an UPDATE's own rows with its count)
    const [claim] = await em.query<{ placed: number }[]>(
      `with cur as (select taken, capacity from training_class where id = $1 for no key update),
            upd as (update training_class t
                       set taken = t.taken + greatest(0, least($2::int, cur.capacity - cur.taken))
                      from cur where t.id = $1
                    returning greatest(0, least($2::int, cur.capacity - cur.taken))::int as placed)
       select placed from upd`,
      [c.id, ids.length],
    );
    // 2. still under that lock: the queue position (the order of the lock) and the outcome
    const settled = await em.query<{ id: string; status: EnrollmentStatus; queue_seq: string }[]>(
      `with seq as (select x.id, x.rn, nextval(pg_get_serial_sequence('enrollment', 'queue_seq')) as q
                      from (select u.id, u.rn from unnest($1::uuid[]) with ordinality as u(id, rn) order by u.rn) x),
            settle as (update enrollment e
                          set queue_seq = seq.q,
                              status = case when seq.rn <= $2 then 'enrolled' else 'waitlisted' end,
                              enrolled_at = case when seq.rn <= $2 then now() else null end
                         from seq where e.id = seq.id
                       returning e.id, e.status, e.queue_seq)
       select id, status, queue_seq from settle`,
      [ids, claim?.placed ?? 0],
    );
    const byId = new Map(settled.map((r) => [r.id, r]));
    const now = new Date();
    return ids.map((id, i) => {
      const r = byId.get(id)!;
      return Object.assign(new Enrollment(), {
        id,
        classId: c.id,
        workerId: workers[i].id,
        status: r.status,
        source,
        queueSeq: r.queue_seq,
        offeredUntil: null,
        enrolledAt: r.status === 'enrolled' ? now : null,
        endedAt: null,
        endReason: null,
        feeFen: c.feeFen,
        createdBy: actor.accountId,
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  /** Ends an entry (withdraw, decline, expire, cancel) and passes a freed place on. */
  private async end(
    em: EntityManager,
    actor: Actor | null,
    e: Enrollment,
    action: 'withdraw' | 'decline' | 'expire',
    reason: string | null,
  ): Promise<void> {
    const to = entryTransition(e.status, action);
    if (!to) throw illegalTransition(action, e.status);
    const from = e.status;
    const c = await em.findOneOrFail(TrainingClass, {
      where: { id: e.classId },
      lock: { mode: 'for_no_key_update' },
    });
    const first = await em.findOne(ClassSession, {
      where: { classId: c.id, status: 'scheduled' },
      order: { startsAt: 'ASC' },
    });
    const started = !!first && first.startsAt <= new Date();
    e.status = to;
    e.endedAt = new Date();
    e.endReason = reason;
    e.offeredUntil = null;
    await em.save(e);
    if (PLACE_STATUSES.includes(from)) {
      await em.query(`update training_class set taken = taken - 1 where id = $1`, [c.id]);
    }
    await this.audit.record(em, actor ?? { system: 'enrollment' }, {
      action: `enrollment.${to}`,
      entityType: 'enrollment',
      entityId: e.id,
      data: { classId: c.id, from, classStarted: started },
    });
    if (freesPlace(from, started)) await this.offerFreedPlaces(em, c.id);
  }

  /** While the class has free places and a waitlist, offers the next in line a place, with a deadline. */
  async offerFreedPlaces(em: EntityManager, classId: string): Promise<void> {
    const c = await em.findOneOrFail(TrainingClass, {
      where: { id: classId },
      lock: { mode: 'for_no_key_update' },
    });
    if (c.status !== 'open') return;
    const first = await em.findOne(ClassSession, {
      where: { classId, status: 'scheduled' },
      order: { startsAt: 'ASC' },
    });
    if (first && first.startsAt <= new Date()) return; // no offers once the class has started
    const free = c.capacity - c.taken;
    if (free <= 0) return;
    const next = await em
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .where('e.class_id = :classId and e.status = :s', { classId, s: 'waitlisted' })
      .orderBy('e.queue_seq', 'ASC')
      .limit(free)
      .setLock('pessimistic_write')
      .getMany();
    if (!next.length) return;
    const policy = await this.classes.policyOfClass(em, c);
    const hours = enrolmentRules(policy).offerHours;
    let offeredUntil = new Date(Date.now() + hours * 3_600_000);
    // never past the close of enrolment or the first session
    for (const limit of [c.enrolClosesAt, first?.startsAt])
      if (limit && limit < offeredUntil) offeredUntil = limit;
    for (const e of next) {
      e.status = 'offered';
      e.offeredUntil = offeredUntil;
    }
    await em.save(next);
    await em.query(`update training_class set taken = taken + $2 where id = $1`, [
      classId,
      next.length,
    ]);
    const until = `${localDate(offeredUntil, this.config.timezone)} ${offeredUntil.toLocaleTimeString('zh-CN', { timeZone: this.config.timezone, hour: '2-digit', minute: '2-digit', hour12: false })}`;
    await this.notifications.notify(
      em,
      next.map((e) => ({
        to: { workerId: e.workerId },
        kind: NotificationKind.EnrollmentPlaceOffered,
        title: `候补名额：${c.title}`,
        body: `「${c.title}」有名额空出，请在 ${until} 前确认报名，逾期名额将顺延给下一位。`,
        data: { classId, enrollmentId: e.id },
      })),
    );
    for (const e of next) {
      await this.jobs.enqueue(
        JobName.EnrollmentOfferExpiry,
        { enrollmentId: e.id, offeredUntil: offeredUntil.toISOString() },
        { at: offeredUntil },
      );
    }
    await this.audit.record(
      em,
      { system: 'enrollment' },
      {
        action: 'enrollment.places_offered',
        entityType: 'training_class',
        entityId: classId,
        data: { offered: next.length, offeredUntil: offeredUntil.toISOString() },
      },
    );
  }

  private async onSessionChanged(em: EntityManager, e: SessionChangedEvent): Promise<void> {
    const trainees = await em.find(Enrollment, {
      select: { workerId: true },
      where: { classId: e.classId, status: In([...PLACE_STATUSES]) },
    });
    if (!trainees.length) return;
    await this.notifications.notify(
      em,
      trainees.map((t) => ({
        to: { workerId: t.workerId },
        kind: NotificationKind.ClassSessionChanged,
        title: `课程变更：${e.classTitle}`,
        body: `「${e.classTitle}」课程安排有变：${e.summary}。`,
        data: { classId: e.classId, sessionId: e.sessionId },
      })),
    );
  }

  private async onClassCancelled(em: EntityManager, e: ClassCancelledEvent): Promise<void> {
    const active = await em.find(Enrollment, {
      where: { classId: e.classId, status: In([...ACTIVE_STATUSES]) },
    });
    if (!active.length) return;
    await em.update(
      Enrollment,
      { id: In(active.map((a) => a.id)) },
      {
        status: 'cancelled',
        endedAt: new Date(),
        endReason: `班次取消：${e.reason}`.slice(0, 200),
        offeredUntil: null,
      },
    );
    await em.query(`update training_class set taken = 0 where id = $1`, [e.classId]);
    await this.notifications.notify(
      em,
      active.map((a) => ({
        to: { workerId: a.workerId },
        kind: 'class.cancelled',
        title: `班次取消：${e.classTitle}`,
        body: `「${e.classTitle}」已取消（${e.reason}），您的报名随之取消。`,
        data: { classId: e.classId },
      })),
    );
  }

  /** An entry the actor may act on: 'self' the worker's own; 'manage' also their administrators'. */
  private async entryFor(
    em: EntityManager,
    actor: Actor,
    id: string,
    mode: 'self' | 'manage',
  ): Promise<Enrollment> {
    const e = await em.findOne(Enrollment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!e) throw new NotFoundError('报名记录', id);
    if (actor.role === 'worker') {
      if (actor.workerId !== e.workerId) throw new NotFoundError('报名记录', id);
      return e;
    }
    if (mode === 'self') throw new NotFoundError('报名记录', id);
    const w = await em.findOneByOrFail(Worker, { id: e.workerId });
    if (!administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId }))
      throw new NotFoundError('报名记录', id);
    return e;
  }

  private async present(em: EntityManager, e: Enrollment): Promise<EnrollmentDto> {
    return (await this.presentMany(em, [e]))[0];
  }

  private async presentMany(em: EntityManager, entries: Enrollment[]): Promise<EnrollmentDto[]> {
    if (!entries.length) return [];
    const classes = new Map(
      (
        await em.find(TrainingClass, {
          select: { id: true, title: true },
          where: { id: In([...new Set(entries.map((e) => e.classId))]) },
        })
      ).map((c) => [c.id, c.title]),
    );
    const workers = new Map(
      (
        await em.find(Worker, {
          select: { id: true, name: true },
          where: { id: In([...new Set(entries.map((e) => e.workerId))]) },
        })
      ).map((w) => [w.id, w.name]),
    );
    const waiting = entries.filter((e) => e.status === 'waitlisted');
    const positions = new Map<string, number>();
    if (waiting.length) {
      const rows = await em.query<{ id: string; pos: number }[]>(
        `select id, pos from (
           select id, row_number() over (partition by class_id order by queue_seq)::int as pos
             from enrollment where class_id = any($1::uuid[]) and status = 'waitlisted') x
          where id = any($2::uuid[])`,
        [[...new Set(waiting.map((e) => e.classId))], waiting.map((e) => e.id)],
      );
      for (const r of rows) positions.set(r.id, r.pos);
    }
    return entries.map((e) => ({
      id: e.id,
      classId: e.classId,
      classTitle: classes.get(e.classId) ?? '',
      workerId: e.workerId,
      workerName: workers.get(e.workerId) ?? '',
      status: e.status,
      source: e.source,
      waitlistPosition: positions.get(e.id) ?? null,
      offeredUntil: e.offeredUntil,
      feeFen: e.feeFen,
      createdAt: e.createdAt,
      endedAt: e.endedAt,
      endReason: e.endReason,
    }));
  }
}
