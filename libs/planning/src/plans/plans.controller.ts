import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FileUpload, IdParam, Roles } from '@peixun/core';
import type { Response } from 'express';
import { AnnualPlansService } from './annual-plans.service';
import {
  AnnualPlanDto,
  CreateAnnualPlanDto,
  ListPlansQuery,
  PlanChecksDto,
  PlanProjectInputDto,
  PlanQueueDto,
  ProjectPlanDto,
  ProjectPlanInputDto,
  ReturnPlanDto,
  UpdateProjectPlanDto,
} from './plan.dto';
import { ProjectPlansService } from './project-plans.service';

@ApiTags('annual-plans')
@ApiBearerAuth()
@Controller('v1/annual-plans')
export class AnnualPlansController {
  constructor(private readonly plans: AnnualPlansService) {}

  @Post()
  @Roles('municipal_admin')
  @ApiOkResponse({ type: AnnualPlanDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAnnualPlanDto): Promise<AnnualPlanDto> {
    return this.plans.create(actor, dto);
  }

  @Get()
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  @ApiOkResponse({ type: [AnnualPlanDto] })
  list(@CurrentActor() actor: Actor): Promise<AnnualPlanDto[]> {
    return this.plans.list(actor);
  }

  @Get(':id')
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  @ApiOkResponse({ type: AnnualPlanDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AnnualPlanDto> {
    return this.plans.get(actor, id);
  }

  @Post(':id/projects')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: AnnualPlanDto })
  addProject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: PlanProjectInputDto,
  ): Promise<AnnualPlanDto> {
    return this.plans.addProject(actor, id, dto);
  }

  @Delete(':id/projects/:projectId')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: AnnualPlanDto })
  removeProject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('projectId') projectId: string,
  ): Promise<AnnualPlanDto> {
    return this.plans.removeProject(actor, id, projectId);
  }

  /** Attaches the needs-survey report the plan is based on. */
  @Put(':id/survey-report')
  @Roles('municipal_admin')
  @FileUpload('plan-survey-report', '需求调查报告 PDF/Word/Excel')
  @ApiOkResponse({ type: AnnualPlanDto })
  surveyReport(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<AnnualPlanDto> {
    return this.plans.attachSurveyReport(actor, id, file);
  }

  @Get(':id/survey-report')
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  async downloadSurveyReport(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const report = await this.plans.surveyReport(actor, id);
    res.setHeader('Content-Type', report.mime);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(report.name)}`,
    );
    return new StreamableFile(report.content, { length: report.size || undefined });
  }

  @Post(':id/publish')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: AnnualPlanDto })
  publish(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AnnualPlanDto> {
    return this.plans.publish(actor, id);
  }
}

@ApiTags('project-plans')
@ApiBearerAuth()
@Controller('v1/project-plans')
export class ProjectPlansController {
  constructor(private readonly plans: ProjectPlansService) {}

  /** What waits for the municipal bureau, oldest first, with counts by district and type. */
  @Get('review-queue')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: PlanQueueDto })
  queue(): Promise<PlanQueueDto> {
    return this.plans.queue();
  }

  @Post()
  @Roles('district_admin')
  @ApiOkResponse({ type: ProjectPlanDto })
  create(@CurrentActor() actor: Actor, @Body() dto: ProjectPlanInputDto): Promise<ProjectPlanDto> {
    return this.plans.create(actor, dto);
  }

  /** A district's plans (its scheme for the year); the municipal bureau sees all; institutions their approved ones. */
  @Get()
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  @ApiOkResponse({ type: [ProjectPlanDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ListPlansQuery): Promise<ProjectPlanDto[]> {
    return this.plans.list(actor, q);
  }

  @Get(':id')
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  @ApiOkResponse({ type: ProjectPlanDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProjectPlanDto> {
    return this.plans.get(actor, id);
  }

  /** The policy checks of submission and approval, as they stand now (read-only). */
  @Get(':id/checks')
  @Roles('municipal_admin', 'district_admin')
  @ApiOkResponse({ type: PlanChecksDto })
  checks(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PlanChecksDto> {
    return this.plans.checks(actor, id);
  }

  @Patch(':id')
  @Roles('district_admin')
  @ApiOkResponse({ type: ProjectPlanDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateProjectPlanDto,
  ): Promise<ProjectPlanDto> {
    return this.plans.update(actor, id, dto);
  }

  @Post(':id/submit')
  @Roles('district_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectPlanDto })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProjectPlanDto> {
    return this.plans.submit(actor, id);
  }

  /** Approves and files the plan (it is then locked); the PDF is rendered by the worker. */
  @Post(':id/approve')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectPlanDto })
  approve(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProjectPlanDto> {
    return this.plans.approve(actor, id);
  }

  @Post(':id/return')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ProjectPlanDto })
  return(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReturnPlanDto,
  ): Promise<ProjectPlanDto> {
    return this.plans.return(actor, id, dto.comments);
  }

  /** Starts an amendment of an approved plan: a new draft that replaces it once approved. */
  @Post(':id/amendments')
  @Roles('district_admin')
  @ApiOkResponse({ type: ProjectPlanDto })
  amend(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProjectPlanDto> {
    return this.plans.amend(actor, id);
  }

  @Get(':id/pdf')
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  async pdf(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const pdf = await this.plans.pdf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent('培训项目计划书.pdf')}`,
    );
    return new StreamableFile(pdf.content, { length: pdf.sizeBytes });
  }
}
