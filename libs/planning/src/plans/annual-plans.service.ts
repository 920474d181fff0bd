import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  ConflictError,
  DomainError,
  FileStore,
  NotFoundError,
  requireFile,
  StoredFile,
  uploadedFileName,
} from '@peixun/core';
import { courseMinimumHours, payer, PolicyStore, TrainingPolicy } from '@peixun/policy';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { regionOfUnit } from '@peixun/org';
import { AnnualPlanDto, CreateAnnualPlanDto, PlanProjectInputDto } from './plan.dto';
import { AnnualPlan, PlanProject } from './plan.entity';

/** The annual city plan: drafted by the municipal bureau, then published for the districts. */
@Injectable()
export class AnnualPlansService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyStore,
    private readonly files: FileStore,
  ) {}

  async create(actor: Actor, dto: CreateAnnualPlanDto): Promise<AnnualPlanDto> {
    const { region } = await regionOfUnit(this.ds.manager, actor.orgId);
    await this.policies.require(region, dto.year);
    return this.ds.transaction(async (em) => {
      if (await em.findOneBy(AnnualPlan, { region, year: dto.year })) {
        throw new ConflictError(`year: ${dto.year} 年度计划已存在 (a plan for that year exists)`);
      }
      const plan = await em.save(
        em.create(AnnualPlan, {
          region,
          year: dto.year,
          title: dto.title,
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'plan.created',
        entityType: 'annual_plan',
        entityId: plan.id,
        data: { year: dto.year },
      });
      return this.present(em, plan);
    });
  }

  async addProject(actor: Actor, planId: string, dto: PlanProjectInputDto): Promise<AnnualPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockDraft(em, planId);
      const policy = await this.policies.require(plan.region, plan.year, em);
      if (dto.type === 'advanced' && dto.plannedPlaces > policy.advanced.quotaPerYear) {
        throw new DomainError(
          'QUOTA_EXCEEDED',
          `plannedPlaces: 进修培训每年名额为 ${policy.advanced.quotaPerYear} 人（${policy.id}）`,
          400,
          [{ field: 'plannedPlaces', problems: [`at most ${policy.advanced.quotaPerYear}`] }],
        );
      }
      const project = await em.save(
        em.create(PlanProject, {
          planId,
          type: dto.type,
          title: dto.title,
          targetTiers: dto.targetTiers ?? [],
          targetChannels: dto.targetChannels ?? [],
          plannedPlaces: dto.plannedPlaces,
          budgetFen: String(dto.budgetFen),
          fundingLevel: payer(policy, dto.type),
        }),
      );
      await this.audit.record(em, actor, {
        action: 'plan.project_added',
        entityType: 'annual_plan',
        entityId: planId,
        data: { projectId: project.id, type: dto.type, places: dto.plannedPlaces },
      });
      return this.present(em, plan);
    });
  }

  async removeProject(actor: Actor, planId: string, projectId: string): Promise<AnnualPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockDraft(em, planId);
      const res = await em.delete(PlanProject, { id: projectId, planId });
      if (!res.affected) throw new NotFoundError('计划项目', projectId);
      await this.audit.record(em, actor, {
        action: 'plan.project_removed',
        entityType: 'annual_plan',
        entityId: planId,
        data: { projectId },
      });
      return this.present(em, plan);
    });
  }

  async attachSurveyReport(
    actor: Actor,
    planId: string,
    file: Express.Multer.File | undefined,
  ): Promise<AnnualPlanDto> {
    const upload = requireFile(file, '需求调查报告');
    const name = uploadedFileName(upload);
    if (!/\.(pdf|docx?|xlsx?)$/i.test(name)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'file: 只接受 PDF、Word 或 Excel 文件 (only PDF, Word or Excel)',
        400,
        [{ field: 'file', problems: ['must be .pdf, .doc(x) or .xls(x)'] }],
      );
    }
    const stored = await this.files.put(upload.buffer, 'plan-survey-report', { fileName: name });
    try {
      const { dto, replaced } = await this.ds.transaction(async (em) => {
        const plan = await this.lockDraft(em, planId);
        const report = this.reportColumns(name, stored);
        await em.update(AnnualPlan, { id: planId }, report);
        await this.audit.record(em, actor, {
          action: 'plan.survey_report_attached',
          entityType: 'annual_plan',
          entityId: planId,
          data: { name, sizeBytes: stored.size, sha256: stored.sha256 },
        });
        return {
          dto: await this.present(em, { ...plan, ...report }),
          replaced: plan.surveyReportKey,
        };
      });
      // the previous report goes once nothing can roll back to it
      await this.files.discard(replaced);
      return dto;
    } catch (err) {
      await this.files.discard(stored.key);
      throw err;
    }
  }

  private reportColumns(
    name: string,
    stored: StoredFile,
  ): Pick<
    AnnualPlan,
    | 'surveyReportName'
    | 'surveyReportKey'
    | 'surveyReportSha256'
    | 'surveyReportSize'
    | 'surveyReportMime'
  > {
    return {
      surveyReportName: name,
      surveyReportKey: stored.key,
      surveyReportSha256: stored.sha256,
      surveyReportSize: stored.size,
      surveyReportMime: stored.mime,
    };
  }

  /** The needs-survey report, for whoever may read the plan. */
  async surveyReport(
    actor: Actor,
    id: string,
  ): Promise<{ name: string; mime: string; size: number; content: Readable }> {
    await this.get(actor, id);
    const plan = await this.ds.getRepository(AnnualPlan).findOneBy({ id });
    if (!plan?.surveyReportKey || !plan.surveyReportName) {
      throw new NotFoundError('需求调查报告', id);
    }
    return {
      name: plan.surveyReportName,
      mime: plan.surveyReportMime ?? 'application/octet-stream',
      size: plan.surveyReportSize ?? 0,
      content: await this.files.get(plan.surveyReportKey),
    };
  }

  async publish(actor: Actor, planId: string): Promise<AnnualPlanDto> {
    return this.ds.transaction(async (em) => {
      const plan = await this.lockDraft(em, planId);
      if (!(await em.countBy(PlanProject, { planId }))) {
        throw new DomainError('PLAN_EMPTY', '计划中没有项目，不能发布 (no projects)', 400, [
          { field: 'projects', problems: ['required'] },
        ]);
      }
      await em.update(AnnualPlan, { id: planId }, { status: 'published', publishedAt: new Date() });
      await this.audit.record(em, actor, {
        action: 'plan.published',
        entityType: 'annual_plan',
        entityId: planId,
        data: { year: plan.year },
      });
      return this.present(em, await em.findOneByOrFail(AnnualPlan, { id: planId }));
    });
  }

  /** Districts and institutions see published plans; the municipal bureau also its drafts. */
  async list(actor: Actor): Promise<AnnualPlanDto[]> {
    const plans = await this.ds.getRepository(AnnualPlan).find({
      where: actor.role === 'municipal_admin' ? {} : { status: 'published' },
      order: { year: 'DESC' },
    });
    return Promise.all(plans.map((p) => this.present(this.ds.manager, p)));
  }

  async get(actor: Actor, id: string): Promise<AnnualPlanDto> {
    const plan = await this.ds.getRepository(AnnualPlan).findOneBy({ id });
    if (!plan || (plan.status !== 'published' && actor.role !== 'municipal_admin'))
      throw new NotFoundError('年度计划', id);
    return this.present(this.ds.manager, plan);
  }

  private async lockDraft(em: EntityManager, id: string): Promise<AnnualPlan> {
    const plan = await em.findOne(AnnualPlan, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!plan) throw new NotFoundError('年度计划', id);
    if (plan.status !== 'draft') {
      throw new DomainError(
        'ILLEGAL_TRANSITION',
        '计划已发布，不能修改 (published plans are locked)',
        409,
        { status: plan.status },
      );
    }
    return plan;
  }

  private async present(em: EntityManager, plan: AnnualPlan): Promise<AnnualPlanDto> {
    const projects = await em.find(PlanProject, {
      where: { planId: plan.id },
      order: { type: 'ASC', title: 'ASC' },
    });
    const policy: TrainingPolicy | null = await this.policies.forYear(plan.region, plan.year, em);
    const budgetByFunding: Record<string, number> = {};
    for (const p of projects)
      budgetByFunding[p.fundingLevel] =
        (budgetByFunding[p.fundingLevel] ?? 0) + Number(p.budgetFen);
    return {
      id: plan.id,
      year: plan.year,
      title: plan.title,
      status: plan.status,
      surveyReportName: plan.surveyReportName,
      publishedAt: plan.publishedAt,
      budgetByFunding,
      projects: projects.map((p) => ({
        id: p.id,
        type: p.type,
        title: p.title,
        targetTiers: p.targetTiers,
        targetChannels: p.targetChannels,
        plannedPlaces: p.plannedPlaces,
        budgetFen: Number(p.budgetFen),
        fundingLevel: p.fundingLevel,
        minimumHours: policy
          ? courseMinimumHours(policy, p.type, {
              entryChannels: p.targetChannels,
              positionTiers: p.targetTiers,
            })
          : null,
      })),
    };
  }
}
