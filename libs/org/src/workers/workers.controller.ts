import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  CreateWorkerDto,
  GradeDto,
  ListWorkersQuery,
  PostChangeDto,
  RecordGradeDto,
  StatusChangeDto,
  TransferDto,
  UpdateWorkerDto,
  WorkerDto,
  WorkerFileDto,
  WorkerPageDto,
  WorkerYearParams,
} from './worker.dto';
import { WorkersService } from './workers.service';

const ADMINS = ['municipal_admin', 'district_admin', 'street_admin'] as const;

@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Post()
  @Roles(...ADMINS)
  @ApiOkResponse({ type: WorkerDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWorkerDto): Promise<WorkerDto> {
    return this.workers.create(actor, dto);
  }

  /** Workers in the caller's scope, by name, keyset-paginated; a worker sees only themself. */
  @Get()
  @Roles(...ADMINS, 'worker')
  @ApiOkResponse({ type: WorkerPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListWorkersQuery): Promise<WorkerPageDto> {
    return this.workers.list(actor, q);
  }

  @Get(':id')
  @Roles(...ADMINS, 'worker')
  @ApiOkResponse({ type: WorkerDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<WorkerDto> {
    return this.workers.get(actor, id);
  }

  /** The worker's file (档案): facts, post history, assessment grades. */
  @Get(':id/file')
  @Roles(...ADMINS, 'worker')
  @ApiOkResponse({ type: WorkerFileDto })
  file(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<WorkerFileDto> {
    return this.workers.file(actor, id);
  }

  /** Facts that carry no history (name, phone, qualification); send the version you read. */
  @Patch(':id')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: WorkerDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateWorkerDto,
  ): Promise<WorkerDto> {
    return this.workers.update(actor, id, dto);
  }

  @Post(':id/post-changes')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: WorkerDto })
  changePost(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: PostChangeDto,
  ): Promise<WorkerDto> {
    return this.workers.changePost(actor, id, dto);
  }

  /** Moves the worker to another community in the caller's scope; kept in the history. */
  @Post(':id/transfers')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: WorkerDto })
  transfer(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: TransferDto,
  ): Promise<WorkerDto> {
    return this.workers.transfer(actor, id, dto);
  }

  @Post(':id/status-changes')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: WorkerDto })
  changeStatus(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: StatusChangeDto,
  ): Promise<WorkerDto> {
    return this.workers.changeStatus(actor, id, dto);
  }

  @Get(':id/assessments')
  @Roles(...ADMINS, 'worker')
  @ApiOkResponse({ type: [GradeDto] })
  grades(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<GradeDto[]> {
    return this.workers.grades(actor, id);
  }

  /** The street records a worker's annual assessment grade (年度考核评议) for a year. */
  @Put(':id/assessments/:year')
  @Roles('street_admin')
  @ApiOkResponse({ type: GradeDto })
  recordGrade(
    @CurrentActor() actor: Actor,
    @Param() params: WorkerYearParams,
    @Body() dto: RecordGradeDto,
  ): Promise<GradeDto> {
    return this.workers.recordGrade(actor, params.id, params.year, dto);
  }
}
