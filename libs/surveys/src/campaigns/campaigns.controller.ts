import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, attachmentDisposition, CurrentActor, IdParam, Roles } from '@peixun/core';
import { IsIn, IsUUID } from 'class-validator';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportDto, ReportFile, ReportSummaryDto } from '../reports/report.dto';
import { ReportsService } from '../reports/reports.service';
import {
  CampaignDto,
  CreateCampaignDto,
  LaunchResultDto,
  ResponseRatesDto,
  UpdateCampaignDto,
} from './campaign.dto';
import { CampaignsService } from './campaigns.service';

/** Who reads campaigns and their reports: the bureau, and the districts and streets of its municipality. */
const READERS = ['municipal_admin', 'district_admin', 'street_admin'] as const;

export class CloseResultDto {
  @ApiProperty({ description: '调查 (campaign)', type: CampaignDto }) campaign: CampaignDto;
  @ApiProperty({
    description: '最终报告（生成中）(final report, being rendered)',
    type: ReportSummaryDto,
  })
  report: ReportSummaryDto;
}

export class ReportFileParams {
  @ApiProperty({ description: '报告版本 ID (report version id)', format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ description: 'xlsx 工作簿或 pdf 报告 (file format)', enum: ['xlsx', 'pdf'] })
  @IsIn(['xlsx', 'pdf'])
  format: ReportFile;
}

/** Needs-survey campaigns: the bureau drafts, launches and closes; districts and streets follow. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('v1/survey-campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reports: ReportsService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Post()
  @Roles('municipal_admin')
  @ApiCreatedResponse({ type: CampaignDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCampaignDto): Promise<CampaignDto> {
    return this.campaigns.create(actor, dto);
  }

  /** The bureau sees its drafts too; districts and streets the launched campaigns. */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: [CampaignDto] })
  list(@CurrentActor() actor: Actor): Promise<CampaignDto[]> {
    return this.campaigns.list(actor);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: CampaignDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CampaignDto> {
    return this.campaigns.get(actor, id);
  }

  /** Edits a draft (rowVersion as read: 409 CONFLICT when changed meanwhile). */
  @Patch(':id')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: CampaignDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignDto> {
    return this.campaigns.update(actor, id, dto);
  }

  /**
   * Launches a draft: the questionnaire becomes read-only; the worker distributes the
   * invitations at the opening (poll the distribution job for its progress and final count),
   * sends the reminders and closes the campaign at their times.
   */
  @Post(':id/launch')
  @Roles('municipal_admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LaunchResultDto })
  launch(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LaunchResultDto> {
    return this.campaigns.launch(actor, id);
  }

  /** Closes the campaign now (answers are refused from then on) and renders its final report. */
  @Post(':id/close')
  @Roles('municipal_admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CloseResultDto })
  close(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CloseResultDto> {
    return this.campaigns.close(actor, id);
  }

  /** Response rates (counts of invitations only): the bureau by district and street; a district its streets; a street itself. */
  @Get(':id/response-rates')
  @Roles(...READERS)
  @ApiOkResponse({ type: ResponseRatesDto })
  rates(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ResponseRatesDto> {
    return this.campaigns.responseRates(actor, id);
  }

  /** An interim report of an open campaign (a new version, aggregated and rendered by the worker). */
  @Post(':id/reports')
  @Roles('municipal_admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReportSummaryDto })
  async interim(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ReportSummaryDto> {
    const c = await this.campaigns.find(this.ds.manager, actor, id);
    if (c.status !== 'open' && c.status !== 'scheduled') return this.campaigns.refuseInterim(c);
    return this.reports.requestInterim(actor, c);
  }

  @Get(':id/reports')
  @Roles(...READERS)
  @ApiOkResponse({ type: [ReportSummaryDto] })
  async reportsOf(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
  ): Promise<ReportSummaryDto[]> {
    return this.reports.list(await this.campaigns.find(this.ds.manager, actor, id));
  }
}

/** Report versions: anonymous counts, the Excel workbook and the Chinese PDF. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('v1/survey-reports')
export class ReportsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reports: ReportsService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ReportDto })
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ReportDto> {
    const r = await this.reports.findReport(id);
    await this.campaigns.find(this.ds.manager, actor, r.campaignId);
    return this.reports.get(r);
  }

  /** The rendered file (409 SURVEY_REPORT_NOT_READY while the worker renders it). */
  @Get(':id/files/:format')
  @Roles(...READERS)
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({ description: 'PDF or XLSX' })
  async file(
    @CurrentActor() actor: Actor,
    @Param() params: ReportFileParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const r = await this.reports.findReport(params.id);
    const c = await this.campaigns.find(this.ds.manager, actor, r.campaignId);
    const f = await this.reports.file(r, c, params.format);
    res.setHeader('Content-Type', f.mime);
    res.setHeader(
      'Content-Disposition',
      attachmentDisposition(f.fileName, `survey-report.${params.format}`),
    );
    return new StreamableFile(f.content, { length: f.size });
  }
}
