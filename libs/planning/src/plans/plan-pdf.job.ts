import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  DomainError,
  FileStore,
  HandlesJob,
  JobHandler,
  JobName,
  JobPayloads,
  localDate,
} from '@peixun/core';
import { OrgUnit, regionOfUnit } from '@peixun/org';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { Teacher } from '../teachers/teacher.entity';
import { PlanProject, ProjectPlan, ProjectPlanDocument } from './plan.entity';
import { renderPlanPdf } from './plan-pdf';

/** Renders an approved project plan as a PDF; safe to run twice (keeps the first rendering). */
@Injectable()
@HandlesJob(JobName.PlanPdf)
export class PlanPdfJob implements JobHandler<typeof JobName.PlanPdf> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.PlanPdf]>,
  ): Promise<{ planId: string; sizeBytes: number; alreadyDone: boolean }> {
    const { planId } = job.data;
    const existing = await this.ds
      .getRepository(ProjectPlanDocument)
      .findOne({ where: { planId }, select: { planId: true, sizeBytes: true } });
    if (existing) return { planId, sizeBytes: existing.sizeBytes, alreadyDone: true };
    const plan = await this.ds.getRepository(ProjectPlan).findOneByOrFail({ id: planId });
    if (plan.status !== 'approved' && plan.status !== 'superseded')
      throw new UnrecoverableError(`plan ${planId} is ${plan.status}, not approved`);
    const project = await this.ds
      .getRepository(PlanProject)
      .findOneByOrFail({ id: plan.planProjectId });
    const units = await this.ds
      .getRepository(OrgUnit)
      .findBy({ id: In([plan.districtId, plan.institutionId]) });
    const teachers = plan.teacherIds.length
      ? await this.ds.getRepository(Teacher).findBy({ id: In(plan.teacherIds) })
      : [];
    // retrying cannot make an unsupported region supported (a lost connection may be retried)
    const region = await regionOfUnit(this.ds.manager, plan.districtId).catch((err: unknown) => {
      throw err instanceof DomainError ? new UnrecoverableError(err.message) : err;
    });
    const approvedOn = localDate(plan.decidedAt ?? new Date(), this.config.timezone).replace(
      /^(\d{4})-(\d{2})-(\d{2})$/,
      '$1年$2月$3日',
    );
    const pdf = await renderPlanPdf({
      plan,
      type: project.type,
      districtName: units.find((u) => u.id === plan.districtId)?.name ?? '',
      institutionName: units.find((u) => u.id === plan.institutionId)?.name ?? '',
      teacherNames: new Map(
        teachers.map((t) => [t.id, `${t.name}${t.title ? `（${t.title}）` : ''}`]),
      ),
      approvedOn,
      authority: region.planAuthority,
    });
    const stored = await this.files.put(pdf, 'plan-pdf');
    let inserted = false;
    try {
      const res = await this.ds
        .createQueryBuilder()
        .insert()
        .into(ProjectPlanDocument)
        .values({ planId, fileKey: stored.key, fileSha256: stored.sha256, sizeBytes: stored.size })
        .orIgnore()
        .returning('plan_id')
        .execute();
      inserted = (res.raw as unknown[]).length > 0;
    } finally {
      // a concurrent run got there first (its rendering stays), or the insert failed
      if (!inserted) await this.files.discard(stored.key);
    }
    return { planId, sizeBytes: stored.size, alreadyDone: !inserted };
  }
}
