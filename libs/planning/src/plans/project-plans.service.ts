import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  DomainError,
  ErrorCode,
  FileStore,
  JobName,
  JobsService,
  NotFoundError,
  illegalTransition,
} from '@peixun/core';
import { OrgUnit } from '@peixun/org';
import { courseMinimumHours, PolicyStore, TrainingPolicy } from '@peixun/policy';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In } from 'typeorm';
import { InstitutionsService } from '../institutions/institutions.service';
import { TeachersService } from '../teachers/teachers.service';
import { AnnualPlan, PlanProject, ProjectPlan, ProjectPlanDocument } from './plan.entity';
import {
  ListPlansQuery,
  PlanChecksDto,
  PlanQueueDto,
  ProjectPlanDto,
  ProjectPlanInputDto,
  UpdateProjectPlanDto,
} from './plan.dto';
import {
  PlanAction,
  planChecks,
  PlanProblem,
  planProblems,
  planTransition,
  totalHalfHours,
} from './plan.rules';

const FILING_LOCK_KEY = 727_003;

/**
 * Project plans and their approval: a district drafts and submits; the
 * municipal bureau approves (files and locks it) or returns it with comments.
 * Every transition is audited in the same transaction; concurrent decisions on
 * one plan are serialised by a row lock, so exactly one of them wins.
 */
@Injectable()
export class ProjectPlansService {
  private readonly logger = new Logger('ProjectPlans');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyStore,
    private readonly institutions: InstitutionsService,
    private readonly teachers: TeachersService,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
  ) {}

  async create(actor: Actor, dto: ProjectPlanInputDto): Promise<ProjectPlanDto> {
    const districtId = this.ownDistrict(actor);
    return this.ds.transaction(async (em) => {
      const project = await this.publishedProject(em, dto.planProjectId);
      await this.checkTarget(em, project, dto.institutionId);
      const plan = await em.save(
        em.create(ProjectPlan, {
          ...this.fields(dto),
          year: project.year,
          districtId,
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'project_plan.created',
        entityType: 'project_plan',
        entityId: plan.id,
        data: { planProjectId: dto.planProjectId, institutionId: dto.institutionId },
      });
      return this.present(em, plan);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateProjectPlanDto): Promise<ProjectPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockOwn(em, actor, id);
      if (!planTransition(plan.status, 'edit')) throw illegalTransition('edit', plan.status);
      if (plan.version !== dto.version) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `version: 计划书已被修改 (changed since version ${dto.version})`,
          409,
        );
      }
      if (plan.amendmentOf && dto.planProjectId !== plan.planProjectId) {
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          'planProjectId: 修订不能改变所属项目 (an amendment keeps its project)',
          400,
          [{ field: 'planProjectId', problems: ['must stay the same in an amendment'] }],
        );
      }
      const project = await this.publishedProject(em, dto.planProjectId);
      await this.checkTarget(em, project, dto.institutionId);
      await em.save(ProjectPlan, { ...plan, ...this.fields(dto), year: project.year });
      await this.audit.record(em, actor, {
        action: 'project_plan.updated',
        entityType: 'project_plan',
        entityId: id,
      });
      return this.present(em, await em.findOneByOrFail(ProjectPlan, { id }));
    });
  }

  /** Submits for approval; refused while the plan breaks the policy (hours, fees, teachers, institution). */
  async submit(actor: Actor, id: string): Promise<ProjectPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockOwn(em, actor, id);
      const to = planTransition(plan.status, 'submit');
      if (!to) throw illegalTransition('submit', plan.status);
      const problems = await this.problems(em, plan);
      if (problems.length) {
        throw new DomainError(
          problems.find((p) => p.code === 'WORKER_CHARGE_FORBIDDEN')?.code ??
            problems.find((p) => p.code === 'HOURS_BELOW_MINIMUM')?.code ??
            problems.find((p) => p.code === ErrorCode.TEACHER_NOT_CONSENTING)?.code ??
            'PLAN_INVALID',
          `计划书不符合政策，不能提交 (cannot submit): ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
          400,
          problems.map((p) => ({ field: p.field, problems: [`${p.code}: ${p.message}`] })),
        );
      }
      await this.step(em, actor, plan, 'submit', to, { submittedAt: new Date(), comments: null });
      return this.present(em, await em.findOneByOrFail(ProjectPlan, { id }));
    });
  }

  async approve(actor: Actor, id: string): Promise<ProjectPlanDto> {
    const result = await this.ds.transaction(async (em) => {
      const plan = await this.lockAny(em, id);
      const to = planTransition(plan.status, 'approve');
      if (!to) throw illegalTransition('approve', plan.status);
      // the institution may have been suspended, a teacher unlinked or their consent withdrawn,
      // or the policy changed since submission: filing is what makes the selection official
      const problems = await this.problems(em, plan);
      if (problems.length) {
        throw new DomainError(
          problems.some((p) => p.code === 'INSTITUTION_NOT_FILED')
            ? 'INSTITUTION_NOT_FILED'
            : problems.some((p) => p.code === ErrorCode.TEACHER_NOT_CONSENTING)
              ? ErrorCode.TEACHER_NOT_CONSENTING
              : 'PLAN_INVALID',
          `计划书已不符合要求，不能批准 (no longer valid): ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
          409,
          problems.map((p) => ({ field: p.field, problems: [`${p.code}: ${p.message}`] })),
        );
      }
      await em.query('select pg_advisory_xact_lock($1)', [FILING_LOCK_KEY]);
      const [{ n }] = await em.query<{ n: number }[]>(
        `select count(*)::int as n from project_plan where year = $1 and filing_number is not null`,
        [plan.year],
      );
      const filingNumber = `培计备〔${plan.year}〕${String(n + 1).padStart(4, '0')}号`;
      await this.step(em, actor, plan, 'approve', to, {
        decidedAt: new Date(),
        decidedBy: actor.accountId,
        filingNumber,
      });
      if (plan.amendmentOf) {
        const replaced = await em.update(
          ProjectPlan,
          { id: plan.amendmentOf, status: 'approved' },
          { status: 'superseded' },
        );
        if (!replaced.affected)
          throw illegalTransition(
            'approve an amendment of a plan that is no longer approved',
            'superseded',
          );
        await this.audit.record(em, actor, {
          action: 'project_plan.superseded',
          entityType: 'project_plan',
          entityId: plan.amendmentOf,
          data: { by: plan.id },
        });
      }
      return this.present(em, await em.findOneByOrFail(ProjectPlan, { id }));
    });
    try {
      await this.jobs.enqueue(JobName.PlanPdf, { planId: id, requestedBy: actor.accountId });
    } catch (err) {
      // the approval stands; the PDF is queued again when someone asks for it
      this.logger.warn(
        `could not queue the PDF of plan ${id}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return result;
  }

  async return(actor: Actor, id: string, comments: string): Promise<ProjectPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockAny(em, id);
      const to = planTransition(plan.status, 'return');
      if (!to) throw illegalTransition('return', plan.status);
      await this.step(
        em,
        actor,
        plan,
        'return',
        to,
        { decidedAt: new Date(), decidedBy: actor.accountId, comments },
        comments,
      );
      return this.present(em, await em.findOneByOrFail(ProjectPlan, { id }));
    });
  }

  /** A change after approval: a new draft copying the approved plan; it replaces it once approved. */
  async amend(actor: Actor, id: string): Promise<ProjectPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockOwn(em, actor, id);
      if (!planTransition(plan.status, 'amend')) throw illegalTransition('amend', plan.status);
      const open = await em.findOne(ProjectPlan, {
        where: { amendmentOf: id, status: In(['draft', 'submitted', 'returned']) },
      });
      if (open)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `该计划书已有进行中的修订 ${open.id} (an amendment is open)`,
          409,
          { amendmentId: open.id },
        );
      const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...rest } = plan;
      const draft = await em.save(
        em.create(ProjectPlan, {
          ...rest,
          status: 'draft',
          amendmentOf: id,
          submittedAt: null,
          decidedAt: null,
          decidedBy: null,
          comments: null,
          filingNumber: null,
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'project_plan.amendment_started',
        entityType: 'project_plan',
        entityId: draft.id,
        data: { amends: id },
      });
      return this.present(em, draft);
    });
  }

  /** What waits for the municipal bureau, oldest first, with counts. */
  async queue(): Promise<PlanQueueDto> {
    const rows = await this.ds.query<
      {
        id: string;
        title: string;
        district_id: string;
        district_name: string;
        type: string;
        amendment_of: string | null;
        submitted_at: Date;
      }[]
    >(
      `select p.id, p.title, p.district_id, d.name as district_name, pp.type, p.amendment_of, p.submitted_at
         from project_plan p
         join plan_project pp on pp.id = p.plan_project_id
         join org_unit d on d.id = p.district_id
        where p.status = 'submitted'
        order by p.submitted_at asc, p.id asc`,
    );
    const byDistrict: Record<string, number> = {};
    const byType: Record<string, number> = {};
    for (const r of rows) {
      byDistrict[r.district_name] = (byDistrict[r.district_name] ?? 0) + 1;
      byType[r.type] = (byType[r.type] ?? 0) + 1;
    }
    return {
      count: rows.length,
      byDistrict,
      byType,
      items: rows.slice(0, 200).map((r) => ({
        id: r.id,
        title: r.title,
        districtId: r.district_id,
        districtName: r.district_name,
        type: r.type,
        amendment: !!r.amendment_of,
        submittedAt: r.submitted_at,
      })),
    };
  }

  async list(actor: Actor, q: ListPlansQuery): Promise<ProjectPlanDto[]> {
    const qb = this.ds
      .getRepository(ProjectPlan)
      .createQueryBuilder('p')
      .orderBy('p.created_at', 'DESC')
      .limit(500);
    if (actor.role === 'district_admin') qb.andWhere('p.district_id = :d', { d: actor.districtId });
    else if (actor.role === 'institution_staff') {
      qb.andWhere(`p.institution_id = :i and p.status = 'approved'`, { i: actor.orgId });
    } else if (actor.role !== 'municipal_admin') qb.andWhere('false');
    if (q.year) qb.andWhere('p.year = :y', { y: q.year });
    if (q.status) qb.andWhere('p.status = :s', { s: q.status });
    const plans = await qb.getMany();
    // one query for the projects of the whole page, not one per plan
    const projects = plans.length
      ? await this.ds
          .getRepository(PlanProject)
          .findBy({ id: In([...new Set(plans.map((p) => p.planProjectId))]) })
      : [];
    const typeOf = new Map(projects.map((pp) => [pp.id, pp.type]));
    return Promise.all(
      plans.map((p) => this.present(this.ds.manager, p, typeOf.get(p.planProjectId))),
    );
  }

  async get(actor: Actor, id: string): Promise<ProjectPlanDto> {
    return this.present(this.ds.manager, await this.visible(this.ds.manager, actor, id));
  }

  async pdf(actor: Actor, id: string): Promise<{ content: Readable; sizeBytes: number }> {
    const plan = await this.visible(this.ds.manager, actor, id);
    const doc = await this.ds.getRepository(ProjectPlanDocument).findOneBy({ planId: plan.id });
    if (!doc) {
      // (re)queue the rendering, on behalf of the caller so that they can follow it
      const job =
        plan.status === 'approved' || plan.status === 'superseded'
          ? await this.jobs.enqueue(JobName.PlanPdf, {
              planId: plan.id,
              requestedBy: actor.accountId,
            })
          : null;
      throw new DomainError('PDF_NOT_READY', '计划书 PDF 尚未生成 (not rendered yet)', 409, {
        status: plan.status,
        job,
      });
    }
    return { content: await this.files.get(doc.fileKey), sizeBytes: doc.sizeBytes };
  }

  // -- helpers -----------------------------------------------------------------

  private fields(dto: ProjectPlanInputDto): Partial<ProjectPlan> {
    return {
      planProjectId: dto.planProjectId,
      institutionId: dto.institutionId,
      title: dto.title.trim(),
      places: dto.places,
      startDate: dto.startDate,
      endDate: dto.endDate,
      place: dto.place.trim(),
      methods: [...new Set(dto.methods)],
      teacherIds: [...new Set(dto.teacherIds)],
      materials: dto.materials ?? null,
      sessions: dto.sessions.map((s) => ({
        date: s.date,
        startTime: s.startTime,
        halfHours: Math.round(s.hours * 2),
        topic: s.topic,
        teacherId: s.teacherId ?? null,
      })),
      costItems: dto.costItems.map((c) => ({
        item: c.item,
        amountFen: c.amountFen,
        payer: c.payer,
      })),
    };
  }

  /**
   * The submit and approve checks as they stand now, read-only, for the
   * reviewer and the district: the same evaluation that submission applies.
   */
  async checks(actor: Actor, id: string): Promise<PlanChecksDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.visible(em, actor, id);
      const { policy, minimumHours, problems } = await this.evaluate(em, plan);
      const checks = planChecks(problems);
      return {
        planId: plan.id,
        policyId: policy.id,
        minimumHours,
        totalHours: totalHalfHours(plan.sessions) / 2,
        passed: checks.every((c) => c.passed),
        checks,
      };
    });
  }

  private async problems(em: EntityManager, plan: ProjectPlan): Promise<PlanProblem[]> {
    return (await this.evaluate(em, plan)).problems;
  }

  private async evaluate(
    em: EntityManager,
    plan: ProjectPlan,
  ): Promise<{ policy: TrainingPolicy; minimumHours: number | null; problems: PlanProblem[] }> {
    const project = await em.findOneByOrFail(PlanProject, { id: plan.planProjectId });
    const annual = await em.findOneByOrFail(AnnualPlan, { id: project.planId });
    const policy = await this.policies.require(annual.region, plan.year, em);
    const target = { entryChannels: project.targetChannels, positionTiers: project.targetTiers };
    const problems = planProblems(policy, {
      type: project.type,
      year: plan.year,
      target,
      startDate: plan.startDate,
      endDate: plan.endDate,
      sessions: plan.sessions,
      costItems: plan.costItems,
      teacherIds: plan.teacherIds,
      teachersOfInstitution: await this.teachers.teachingFor(
        em,
        plan.teacherIds,
        plan.institutionId,
      ),
      teachersConsenting: await this.teachers.consentingAmong(em, plan.teacherIds),
      teachersNamedBefore: new Set(
        plan.amendmentOf
          ? ((await em.findOneBy(ProjectPlan, { id: plan.amendmentOf }))?.teacherIds ?? [])
          : [],
      ),
      institutionCommissionable: await this.institutions.commissionable(em, plan.institutionId),
      hasMaterials: !!plan.materials?.trim(),
      places: plan.places,
      plannedPlaces: project.plannedPlaces,
      placesTaken: await this.placesTaken(em, plan),
    });
    return { policy, minimumHours: courseMinimumHours(policy, project.type, target), problems };
  }

  /** Places held by the other live plans of the same project (all districts); an amendment replaces its original. */
  private async placesTaken(em: EntityManager, plan: ProjectPlan): Promise<number> {
    // serialise submissions of one project, so that two districts cannot both take the last places
    await em.query('select id from plan_project where id = $1 for update', [plan.planProjectId]);
    const [{ n }] = await em.query<{ n: number }[]>(
      `select coalesce(sum(places), 0)::int as n from project_plan
        where plan_project_id = $1 and status in ('submitted', 'approved') and id <> $2 and id <> coalesce($3, $2)`,
      [plan.planProjectId, plan.id, plan.amendmentOf],
    );
    return n;
  }

  private async publishedProject(
    em: EntityManager,
    projectId: string,
  ): Promise<PlanProject & { year: number }> {
    const project = await em.findOneBy(PlanProject, { id: projectId });
    const plan = project ? await em.findOneBy(AnnualPlan, { id: project.planId }) : null;
    if (!project || !plan || plan.status !== 'published') {
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `planProjectId: 已发布的市计划中没有该项目 (no such project in a published plan)`,
        404,
      );
    }
    return Object.assign(project, { year: plan.year });
  }

  /** Advanced study is the municipal bureau's (Art. 9, 11); the commissioned unit must be an institution. */
  private async checkTarget(
    em: EntityManager,
    project: PlanProject,
    institutionId: string,
  ): Promise<void> {
    if (project.type === 'advanced') {
      throw new DomainError(
        'ADVANCED_IS_MUNICIPAL',
        'planProjectId: 进修培训由市民政局组织，区不编制计划书 (advanced study is run by the municipal bureau)',
        400,
        [{ field: 'planProjectId', problems: ['advanced study is municipal'] }],
      );
    }
    const unit = await em.findOneBy(OrgUnit, { id: institutionId });
    if (!unit || unit.kind !== 'institution') {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'institutionId: 须为培训机构 (must be a training institution)',
        400,
        [{ field: 'institutionId', problems: ['not a training institution'] }],
      );
    }
  }

  private ownDistrict(actor: Actor): string {
    if (actor.role !== 'district_admin' || !actor.districtId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_SCOPE,
        '只有区主管部门可以编制项目计划书 (district bureaus only)',
        403,
      );
    }
    return actor.districtId;
  }

  private async lockOwn(em: EntityManager, actor: Actor, id: string): Promise<ProjectPlan> {
    const districtId = this.ownDistrict(actor);
    const plan = await em.findOne(ProjectPlan, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!plan || plan.districtId !== districtId) throw new NotFoundError('项目计划书', id);
    return plan;
  }

  private async lockAny(em: EntityManager, id: string): Promise<ProjectPlan> {
    const plan = await em.findOne(ProjectPlan, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!plan) throw new NotFoundError('项目计划书', id);
    return plan;
  }

  private async visible(em: EntityManager, actor: Actor, id: string): Promise<ProjectPlan> {
    const plan = await em.findOneBy(ProjectPlan, { id });
    const ok =
      plan &&
      (actor.role === 'municipal_admin' ||
        (actor.role === 'district_admin' && plan.districtId === actor.districtId) ||
        (actor.role === 'institution_staff' &&
          plan.institutionId === actor.orgId &&
          plan.status === 'approved'));
    if (!ok) throw new NotFoundError('项目计划书', id);
    return plan;
  }

  private async step(
    em: EntityManager,
    actor: Actor,
    plan: ProjectPlan,
    action: PlanAction,
    to: ProjectPlan['status'],
    extra: Partial<ProjectPlan>,
    why: string | null = null,
  ): Promise<void> {
    await em.update(ProjectPlan, { id: plan.id }, { status: to, ...extra });
    await this.audit.record(em, actor, {
      action: `project_plan.${action}`,
      entityType: 'project_plan',
      entityId: plan.id,
      data: {
        from: plan.status,
        to,
        why,
        ...(extra.filingNumber ? { filingNumber: extra.filingNumber } : {}),
      },
    });
  }

  private async present(
    em: EntityManager,
    p: ProjectPlan,
    knownType?: string,
  ): Promise<ProjectPlanDto> {
    const type =
      knownType ?? (await em.findOneBy(PlanProject, { id: p.planProjectId }))?.type ?? '';
    return {
      id: p.id,
      year: p.year,
      districtId: p.districtId,
      planProjectId: p.planProjectId,
      type,
      institutionId: p.institutionId,
      title: p.title,
      places: p.places,
      startDate: p.startDate,
      endDate: p.endDate,
      place: p.place,
      methods: p.methods,
      teacherIds: p.teacherIds,
      materials: p.materials,
      sessions: p.sessions.map((s) => ({
        date: s.date,
        startTime: s.startTime,
        hours: s.halfHours / 2,
        topic: s.topic,
        teacherId: s.teacherId ?? undefined,
      })),
      totalHours: totalHalfHours(p.sessions) / 2,
      costItems: p.costItems,
      status: p.status,
      comments: p.comments,
      amendmentOf: p.amendmentOf,
      filingNumber: p.filingNumber,
      submittedAt: p.submittedAt,
      decidedAt: p.decidedAt,
      version: p.version,
    };
  }
}
