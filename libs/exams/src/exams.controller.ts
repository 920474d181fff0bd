import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  CreateExamDto,
  ExamDto,
  ExamRosterDto,
  MyExamResultDto,
  RecordResultsDto,
} from './dto/exams.dto';
import { ExamsService } from './exams.service';

const READERS = ['institution_staff', 'district_admin', 'municipal_admin'] as const;

@ApiTags('exams')
@ApiBearerAuth()
@Controller('v1')
export class ExamsController {
  constructor(private readonly exams: ExamsService) {}

  /** The class's trainees: hours, whether they may sit the exam, results, certificates. */
  @Get('classes/:id/exam-roster')
  @Roles(...READERS)
  @ApiOkResponse({ type: ExamRosterDto })
  roster(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ExamRosterDto> {
    return this.exams.roster(actor, id);
  }

  @Get('classes/:id/exams')
  @Roles(...READERS)
  @ApiOkResponse({ type: [ExamDto] })
  list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ExamDto[]> {
    return this.exams.listExams(actor, id);
  }

  /** The institution records an exam (or a retake) held under the authority's supervision. */
  @Post('classes/:id/exams')
  @Roles('institution_staff')
  @ApiOkResponse({ type: ExamDto })
  create(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateExamDto,
  ): Promise<ExamDto> {
    return this.exams.createExam(actor, id, dto);
  }

  /** Scores or verdicts of the trainees, in one transaction; a non-eligible trainee refuses all. */
  @Put('exams/:id/results')
  @Roles('institution_staff')
  @HttpCode(200)
  @ApiOkResponse({ type: ExamDto })
  record(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RecordResultsDto,
  ): Promise<ExamDto> {
    return this.exams.recordResults(actor, id, dto);
  }

  @Get('me/exam-results')
  @Roles('worker')
  @ApiOkResponse({ type: [MyExamResultDto] })
  mine(@CurrentActor() actor: Actor): Promise<MyExamResultDto[]> {
    return this.exams.myResults(actor);
  }
}
