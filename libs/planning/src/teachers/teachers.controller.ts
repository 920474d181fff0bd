import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import { CreateTeacherDto, ListTeachersQuery, TeacherDto, UpdateTeacherDto } from './teacher.dto';
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

  /** The shared pool, searchable by subject and institution. */
  @Get()
  @Roles(...PLANNERS)
  @ApiOkResponse({ type: [TeacherDto] })
  list(@Query() q: ListTeachersQuery): Promise<TeacherDto[]> {
    return this.teachers.list(q);
  }

  @Get(':id')
  @Roles(...PLANNERS)
  @ApiOkResponse({ type: TeacherDto })
  get(@IdParam() id: string): Promise<TeacherDto> {
    return this.teachers.get(id);
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
