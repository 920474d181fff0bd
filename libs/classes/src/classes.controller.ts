import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import { ClassesService } from './classes.service';
import {
  CancelClassDto,
  CancelSessionDto,
  ClassDto,
  ClassPageDto,
  CreateAdvancedClassDto,
  CreateOwnClassDto,
  CreatePlanClassDto,
  ListClassesQuery,
  SessionInputDto,
  SessionPatchDto,
  UpdateClassDto,
} from './dto/class.dto';

const READERS = [
  'municipal_admin',
  'district_admin',
  'street_admin',
  'institution_staff',
  'teacher',
  'worker',
] as const;
const RUNNERS = ['institution_staff', 'street_admin'] as const;

@ApiTags('classes')
@ApiBearerAuth()
@Controller('v1/classes')
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  /** An institution opens a class of an approved project plan (sessions from the plan's timetable). */
  @Post()
  @Roles('institution_staff')
  @ApiOkResponse({ type: ClassDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlanClassDto): Promise<ClassDto> {
    return this.classes.createFromPlan(actor, dto);
  }

  /** A street's own business and policy training (Art. 19). */
  @Post('street')
  @Roles('street_admin')
  @ApiOkResponse({ type: ClassDto })
  createStreet(@CurrentActor() actor: Actor, @Body() dto: CreateOwnClassDto): Promise<ClassDto> {
    return this.classes.createStreetClass(actor, dto);
  }

  /** The municipal bureau's advanced-study class (Art. 9). */
  @Post('advanced')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: ClassDto })
  createAdvanced(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateAdvancedClassDto,
  ): Promise<ClassDto> {
    return this.classes.createAdvancedClass(actor, dto);
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ClassPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListClassesQuery): Promise<ClassPageDto> {
    return this.classes.list(actor, q);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ClassDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClassDto> {
    return this.classes.get(actor, id);
  }

  @Patch(':id')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateClassDto,
  ): Promise<ClassDto> {
    return this.classes.update(actor, id, dto);
  }

  /** Opens enrolment (checks hours against the plan and the policy). */
  @Post(':id/publish')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassDto })
  publish(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClassDto> {
    return this.classes.publish(actor, id);
  }

  @Post(':id/cancel')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassDto })
  cancel(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CancelClassDto,
  ): Promise<ClassDto> {
    return this.classes.cancel(actor, id, dto);
  }

  @Post(':id/sessions')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassDto })
  addSession(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: SessionInputDto,
  ): Promise<ClassDto> {
    return this.classes.addSession(actor, id, dto);
  }

  @Patch(':id/sessions/:sessionId')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassDto })
  updateSession(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: SessionPatchDto,
  ): Promise<ClassDto> {
    return this.classes.updateSession(actor, id, sessionId, dto);
  }

  @Delete(':id/sessions/:sessionId')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: ClassDto })
  cancelSession(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('sessionId') sessionId: string,
    @Body() dto: CancelSessionDto,
  ): Promise<ClassDto> {
    return this.classes.cancelSession(actor, id, sessionId, dto);
  }
}
