import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import type { Response } from 'express';
import { PolicyVersionDto } from '@peixun/policy';
import { AssessmentService } from './assessment.service';
import { DistrictLayerDto } from './dto/policy-layer.dto';
import { PolicyLayersService } from './policy-layers.service';
import {
  GradeOverrideDto,
  JobRefDto,
  LimitsQuery,
  RecomputeDto,
  ReportQuery,
  TrainingReportDto,
  WorkerYearParams,
} from './dto/assessment.dto';
import type { TrainingRecord } from './record.types';

const ADMINS = ['municipal_admin', 'district_admin', 'street_admin'] as const;

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('v1')
export class AssessmentController {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly layers: PolicyLayersService,
  ) {}

  /**
   * A district's grade rules on top of its municipality's: a new policy version from a later
   * year with the district's layer replaced (the bureau for any of its districts, a district
   * for itself).
   */
  @Post('policy-layers')
  @Roles('municipal_admin', 'district_admin')
  @ApiCreatedResponse({ type: PolicyVersionDto })
  async addLayer(
    @CurrentActor() actor: Actor,
    @Body() dto: DistrictLayerDto,
  ): Promise<PolicyVersionDto> {
    const row = await this.layers.addDistrictLayer(actor, dto);
    return { ...row, data: row.data as unknown as Record<string, unknown> };
  }

  /** The worker's annual training records, year by year (the worker file's training part). */
  @Get('workers/:id/training-records')
  @Roles(...ADMINS, 'worker')
  @ApiOkResponse({ type: Object, isArray: true })
  records(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TrainingRecord[]> {
    return this.assessment.workerRecords(actor, id);
  }

  /** One year's record, with the grade limits and their reasons. */
  @Get('workers/:id/training-records/:year')
  @Roles(...ADMINS, 'worker')
  @ApiOkResponse({ type: Object })
  record(@CurrentActor() actor: Actor, @Param() p: WorkerYearParams): Promise<TrainingRecord> {
    return this.assessment.workerRecord(actor, p.id, p.year);
  }

  /** The district permits a grade the record forbids (or beyond a share limit), with a written reason. */
  @Put('workers/:id/grade-overrides/:year')
  @Roles('district_admin')
  @ApiOkResponse({ type: Object })
  override(
    @CurrentActor() actor: Actor,
    @Param() p: WorkerYearParams,
    @Body() dto: GradeOverrideDto,
  ): Promise<unknown> {
    return this.assessment.override(actor, p.id, p.year, dto);
  }

  /** Recompute a year's records now (a job; poll it under /v1/jobs). */
  @Post('training-records/recompute')
  @HttpCode(202)
  @Roles('municipal_admin', 'district_admin')
  @ApiAcceptedResponse({ type: JobRefDto })
  recompute(@CurrentActor() actor: Actor, @Body() dto: RecomputeDto): Promise<JobRefDto> {
    return this.assessment.recompute(actor, dto);
  }

  /**
   * The street's assessment screen: each active worker's grade and grade limits with the reasons
   * (by name, keyset-paginated), the policy's grades and how far each share limit has filled.
   */
  @Get('assessment/limits')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: Object })
  limits(@CurrentActor() actor: Actor, @Query() q: LimitsQuery): Promise<unknown> {
    return this.assessment.limits(actor, q);
  }

  /** Compliance with mandatory training, average hours, exam pass rates of a unit. */
  @Get('training-reports')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: TrainingReportDto })
  report(@CurrentActor() actor: Actor, @Query() q: ReportQuery): Promise<TrainingReportDto> {
    return this.assessment.report(actor, q);
  }

  /** The same report as an Excel workbook. */
  @Get('training-reports/export')
  @Roles(...ADMINS)
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: ReportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const buf = await this.assessment.reportXlsx(actor, q);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .setHeader('Content-Disposition', `attachment; filename="training-report-${q.year}.xlsx"`)
      .send(buf);
  }
}
