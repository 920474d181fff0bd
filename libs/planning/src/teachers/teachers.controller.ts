import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  CreateTeacherDto,
  GiveConsentDto,
  ListTeachersQuery,
  RecordPaperConsentDto,
  RecordWithdrawalDto,
  TeacherConsentStateDto,
  TeacherDto,
  UpdateTeacherDto,
  WithdrawOwnConsentDto,
} from './teacher.dto';
import { TeachersService } from './teachers.service';

const PLANNERS = ['municipal_admin', 'district_admin', 'institution_staff', 'teacher'] as const;

@ApiTags('teachers')
@ApiBearerAuth()
@Controller('v1/teachers')
export class TeachersController {
  constructor(private readonly teachers: TeachersService) {}

  /** Adds a teacher to the pool, teaching for the caller's institution. */
  @Post()
  @Roles('institution_staff')
  @ApiOkResponse({ type: TeacherDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTeacherDto): Promise<TeacherDto> {
    return this.teachers.create(actor, dto);
  }

  /**
   * The shared pool, searchable by subject and institution: teachers who consent
   * to be listed, plus an institution's own and a teacher's own record.
   */
  @Get()
  @Roles(...PLANNERS)
  @ApiOkResponse({ type: [TeacherDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ListTeachersQuery): Promise<TeacherDto[]> {
    return this.teachers.list(actor, q);
  }

  /** A teacher's own consent to be listed in the pool, with its history. */
  @Get('me/consent')
  @Roles('teacher')
  @ApiOkResponse({ type: TeacherConsentStateDto })
  myConsent(@CurrentActor() actor: Actor): Promise<TeacherConsentStateDto> {
    return this.teachers.myConsentState(actor);
  }

  /** The teacher consents, through their own account, to be listed and offered for selection. */
  @Post('me/consent')
  @Roles('teacher')
  @HttpCode(200)
  @ApiOkResponse({ type: TeacherConsentStateDto })
  giveConsent(
    @CurrentActor() actor: Actor,
    @Body() dto: GiveConsentDto,
  ): Promise<TeacherConsentStateDto> {
    return this.teachers.giveOwnConsent(actor, dto);
  }

  /** The teacher withdraws their consent: no new selection; plans that name them stay. */
  @Post('me/consent/withdrawal')
  @Roles('teacher')
  @HttpCode(200)
  @ApiOkResponse({ type: TeacherConsentStateDto })
  withdrawConsent(
    @CurrentActor() actor: Actor,
    @Body() dto: WithdrawOwnConsentDto,
  ): Promise<TeacherConsentStateDto> {
    return this.teachers.withdrawOwnConsent(actor, dto);
  }

  @Get(':id')
  @Roles(...PLANNERS)
  @ApiOkResponse({ type: TeacherDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TeacherDto> {
    return this.teachers.get(actor, id);
  }

  /** The consent record: the teacher, the owning institution and the municipal bureau. */
  @Get(':id/consent')
  @Roles('municipal_admin', 'institution_staff', 'teacher')
  @ApiOkResponse({ type: TeacherConsentStateDto })
  consent(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TeacherConsentStateDto> {
    return this.teachers.consentState(actor, id);
  }

  /** The owning institution records a consent the teacher signed on paper. */
  @Post(':id/consent')
  @Roles('institution_staff')
  @HttpCode(200)
  @ApiOkResponse({ type: TeacherConsentStateDto })
  recordConsent(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RecordPaperConsentDto,
  ): Promise<TeacherConsentStateDto> {
    return this.teachers.recordPaperConsent(actor, id, dto);
  }

  /** The owning institution records a withdrawal the teacher made to it. */
  @Post(':id/consent/withdrawal')
  @Roles('institution_staff')
  @HttpCode(200)
  @ApiOkResponse({ type: TeacherConsentStateDto })
  recordWithdrawal(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RecordWithdrawalDto,
  ): Promise<TeacherConsentStateDto> {
    return this.teachers.recordWithdrawal(actor, id, dto);
  }

  @Patch(':id')
  @Roles('institution_staff')
  @ApiOkResponse({ type: TeacherDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateTeacherDto,
  ): Promise<TeacherDto> {
    return this.teachers.update(actor, id, dto);
  }

  /** The teacher also teaches for the caller's institution. */
  @Post(':id/institutions/mine')
  @Roles('institution_staff')
  @HttpCode(200)
  @ApiOkResponse({ type: TeacherDto })
  join(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TeacherDto> {
    return this.teachers.join(actor, id);
  }

  @Delete(':id/institutions/mine')
  @Roles('institution_staff')
  @HttpCode(204)
  async leave(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.teachers.leave(actor, id);
  }
}
