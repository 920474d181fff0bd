import { Body, Controller, Get, Injectable, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, CurrentActor, IdParam, NotFoundError, Roles } from '@peixun/core';
import { regionOfUnit } from '@peixun/org';
import { IsUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { SurveyCampaign } from '../campaigns/campaign.entity';
import { ReportSummaryDto } from '../reports/report.dto';
import { SurveyReport } from '../reports/report.entity';
import { ReportsService } from '../reports/reports.service';
import type { Demand } from '../reports/report.types';
import { basisNotSet, reportNotReady } from '../surveys.errors';
import { AnnualPlanSurveyBasis } from './plan-basis.entity';

export class LinkSurveyBasisDto {
  @ApiProperty({ description: '所依据的需求调查报告版本 (survey report version)', format: 'uuid' })
  @IsUUID()
  reportId: string;
}

export class SurveyBasisDto {
  @ApiProperty({ description: '年度计划 ID (annual plan id)', format: 'uuid' }) planId: string;
  @ApiProperty({ description: '调查名称 (campaign title)' }) campaignTitle: string;
  @ApiProperty({ description: '报告版本 (report version)', type: ReportSummaryDto })
  report: ReportSummaryDto;
  @ApiProperty({ description: '关联时间 (linked at)', format: 'date-time' }) linkedAt: Date;
  @ApiProperty({
    description:
      '培训项目需求排名：全市 types，各区 districts[].types（人数、占比、名次；人数少的区不单列）(ranked demand per training type, city-wide and by district)',
    type: Object,
  })
  demand: Demand;
}

/**
 * The survey report an annual city plan is based on (Art. 11), and what the plan editor reads
 * from it: the ranked demand per project (training) type, city-wide and by district.
 */
@Injectable()
export class PlanBasisService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly reports: ReportsService,
  ) {}

  async link(actor: Actor, planId: string, dto: LinkSurveyBasisDto): Promise<SurveyBasisDto> {
    await this.ds.transaction(async (em) => {
      const region = await this.planRegion(em, actor, planId, true);
      const r = await em.findOneBy(SurveyReport, { id: dto.reportId });
      const c = r && (await em.findOneBy(SurveyCampaign, { id: r.campaignId }));
      if (!r || !c || c.region !== region) throw new NotFoundError('调查报告', dto.reportId);
      if (!r.data) throw reportNotReady(r.status, { queue: 'surveys', jobId: r.jobId });
      await em.query(
        `insert into annual_plan_survey_basis (plan_id, report_id, linked_by)
         values ($1, $2, $3)
         on conflict (plan_id) do update set report_id = excluded.report_id,
           linked_by = excluded.linked_by, linked_at = now()`,
        [planId, r.id, actor.accountId],
      );
      await this.audit.record(em, actor, {
        action: 'annual_plan.survey_basis_linked',
        entityType: 'annual_plan',
        entityId: planId,
        data: { reportId: r.id, campaignId: c.id, number: r.number },
      });
    });
    return this.get(actor, planId);
  }

  async get(actor: Actor, planId: string): Promise<SurveyBasisDto> {
    const em = this.ds.manager;
    await this.planRegion(em, actor, planId);
    const basis = await em.findOneBy(AnnualPlanSurveyBasis, { planId });
    if (!basis) throw basisNotSet(planId);
    const r = await em.findOneByOrFail(SurveyReport, { id: basis.reportId });
    const c = await em.findOneByOrFail(SurveyCampaign, { id: r.campaignId });
    return {
      planId,
      campaignTitle: c.title,
      report: this.reports.summary(r),
      linkedAt: basis.linkedAt,
      demand: r.data?.demand ?? { question: null, types: [], districts: [] },
    };
  }

  /** The plan's region, which must be the actor's (404 otherwise). */
  private async planRegion(
    em: EntityManager,
    actor: Actor,
    planId: string,
    lock = false,
  ): Promise<string> {
    const { region } = await regionOfUnit(em, actor.orgId);
    const [plan] = await em.query<{ region: string }[]>(
      `select region from annual_plan where id = $1 and region = $2${lock ? ' for update' : ''}`,
      [planId, region],
    );
    if (!plan) throw new NotFoundError('年度计划', planId);
    return plan.region;
  }
}

/** The annual plan's survey basis (routes beside the plan's own). */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('v1/annual-plans')
export class PlanBasisController {
  constructor(private readonly basis: PlanBasisService) {}

  /** Links the survey report version the plan is based on (the bureau). */
  @Put(':id/survey-basis')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: SurveyBasisDto })
  link(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: LinkSurveyBasisDto,
  ): Promise<SurveyBasisDto> {
    return this.basis.link(actor, id, dto);
  }

  /** The linked report and the ranked demand per training type and district (for the plan editor). */
  @Get(':id/survey-basis')
  @Roles('municipal_admin', 'district_admin')
  @ApiOkResponse({ type: SurveyBasisDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SurveyBasisDto> {
    return this.basis.get(actor, id);
  }
}
