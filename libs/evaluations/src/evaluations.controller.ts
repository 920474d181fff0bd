import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, attachmentDisposition, CurrentActor, IdParam, Roles } from '@peixun/core';
import type { Response } from 'express';
import { CollectService } from './collect.service';
import {
  AnswersDto,
  ClassSettingsDto,
  ClassSettingsInputDto,
  EvaluationReportDto,
  ExportDto,
  ExportInputDto,
  NewTemplateDto,
  OpenEvaluationDto,
  ReceivedDto,
  ReportQuery,
  RespondentDto,
  SessionClassroomDto,
  TemplateDto,
  TemplatesQuery,
} from './dto/evaluation.dto';
import { ExportsService } from './exports.service';
import { ReportsService } from './reports.service';
import { TemplatesService } from './templates.service';

const AUTHORITY = ['district_admin', 'municipal_admin'] as const;
const RUNNERS = ['institution_staff', 'street_admin'] as const;

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('v1')
export class EvaluationsController {
  constructor(
    private readonly templates: TemplatesService,
    private readonly collect: CollectService,
    private readonly reports: ReportsService,
    private readonly exports: ExportsService,
  ) {}

  // -- forms ---------------------------------------------------------------------------------

  /** The bureau's evaluation forms, every version (the active one and those it superseded). */
  @Get('evaluation-templates')
  @Roles(
    'municipal_admin',
    'district_admin',
    'street_admin',
    'institution_staff',
    'teacher',
    'worker',
  )
  @ApiOkResponse({ type: [TemplateDto] })
  listTemplates(@Query() q: TemplatesQuery): Promise<TemplateDto[]> {
    return this.templates.list(q);
  }

  @Get('evaluation-templates/:id')
  @Roles(
    'municipal_admin',
    'district_admin',
    'street_admin',
    'institution_staff',
    'teacher',
    'worker',
  )
  @ApiOkResponse({ type: TemplateDto })
  template(@IdParam() id: string): Promise<TemplateDto> {
    return this.templates.get(id);
  }

  /** A new version of a direction's form: it supersedes the active one (forms are never edited). */
  @Post('evaluation-templates')
  @Roles('municipal_admin')
  @ApiCreatedResponse({ type: TemplateDto })
  newTemplate(@CurrentActor() actor: Actor, @Body() dto: NewTemplateDto): Promise<TemplateDto> {
    return this.templates.create(actor, dto);
  }

  // -- deadlines -----------------------------------------------------------------------------

  @Get('classes/:id/evaluation-settings')
  @Roles(...RUNNERS, ...AUTHORITY)
  @ApiOkResponse({ type: ClassSettingsDto })
  settings(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClassSettingsDto> {
    return this.collect.settings(actor, id);
  }

  /** The class's own deadlines (days after each session); null returns to the policy's. */
  @Put('classes/:id/evaluation-settings')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassSettingsDto })
  setSettings(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ClassSettingsInputDto,
  ): Promise<ClassSettingsDto> {
    return this.collect.setSettings(actor, id, dto);
  }

  // -- trainees: post-class evaluation -------------------------------------------------------

  /** The trainee's evaluations: open, answered or closed, for every ended session they attended. */
  @Get('me/evaluations')
  @Roles('worker')
  @ApiOkResponse({ type: [OpenEvaluationDto] })
  mine(@CurrentActor() actor: Actor): Promise<OpenEvaluationDto[]> {
    return this.collect.mine(actor);
  }

  /** Evaluates a session and its teacher (anonymous to them): once, before the deadline. */
  @Post('sessions/:id/evaluations')
  @Roles('worker')
  @ApiCreatedResponse({ type: ReceivedDto })
  answer(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: AnswersDto,
  ): Promise<ReceivedDto> {
    return this.collect.answerPostClass(actor, id, dto);
  }

  // -- teachers: classroom evaluation --------------------------------------------------------

  @Get('sessions/:id/classroom-evaluations')
  @Roles('teacher', ...RUNNERS, ...AUTHORITY)
  @ApiOkResponse({ type: SessionClassroomDto })
  classroom(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SessionClassroomDto> {
    return this.collect.classroom(actor, id);
  }

  /** The session's teacher assesses a trainee who attended: once, before the deadline. */
  @Post('sessions/:id/classroom-evaluations/:enrollmentId')
  @Roles('teacher')
  @ApiCreatedResponse({ type: SessionClassroomDto })
  assess(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('enrollmentId') enrollmentId: string,
    @Body() dto: AnswersDto,
  ): Promise<SessionClassroomDto> {
    return this.collect.answerClassroom(actor, id, enrollmentId, dto);
  }

  // -- reports -------------------------------------------------------------------------------

  /** Per class: the authority reads it whole; the institution and teachers anonymous aggregates of 5 up. */
  @Get('classes/:id/evaluation-report')
  @Roles('teacher', ...RUNNERS, ...AUTHORITY)
  @ApiOkResponse({ type: EvaluationReportDto })
  async classReport(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
  ): Promise<EvaluationReportDto> {
    return this.reports.build(await this.reports.specForClass(actor, id));
  }

  /** The respondent ledger (authority only): that each trainee answered, at most once per session. */
  @Get('classes/:id/evaluation-respondents')
  @Roles(...AUTHORITY)
  @ApiOkResponse({ type: [RespondentDto] })
  respondents(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<RespondentDto[]> {
    return this.reports.respondents(actor, id);
  }

  @Get('teachers/:id/evaluation-report')
  @Roles('teacher', 'institution_staff', ...AUTHORITY)
  @ApiOkResponse({ type: EvaluationReportDto })
  async teacherReport(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: ReportQuery,
  ): Promise<EvaluationReportDto> {
    return this.reports.build(await this.reports.specForTeacher(actor, id, q.year ?? null));
  }

  @Get('institutions/:id/evaluation-report')
  @Roles('institution_staff', ...AUTHORITY)
  @ApiOkResponse({ type: EvaluationReportDto })
  async institutionReport(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: ReportQuery,
  ): Promise<EvaluationReportDto> {
    return this.reports.build(await this.reports.specForInstitution(actor, id, q.year ?? null));
  }

  /** An Excel or PDF export for the authority, rendered by the worker (202: poll it). */
  @Post('evaluation-reports')
  @Roles(...AUTHORITY)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ExportDto })
  export(@CurrentActor() actor: Actor, @Body() dto: ExportInputDto): Promise<ExportDto> {
    return this.exports.request(actor, dto);
  }

  @Get('evaluation-reports/:id')
  @Roles(...AUTHORITY)
  @ApiOkResponse({ type: ExportDto })
  exportStatus(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ExportDto> {
    return this.exports.get(actor, id);
  }

  @Get('evaluation-reports/:id/file')
  @Roles(...AUTHORITY)
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({ description: 'PDF or Excel' })
  async exportFile(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.exports.file(actor, id);
    res.setHeader('Content-Type', f.mime);
    res.setHeader(
      'Content-Disposition',
      attachmentDisposition(f.fileName, `evaluation-report.${f.fileName.split('.').pop()}`),
    );
    return new StreamableFile(f.content, { length: f.size });
  }
}
