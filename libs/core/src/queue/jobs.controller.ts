import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import { Actor, Role } from '../auth/roles';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { ALL_QUEUES, QueueName } from './job-catalogue';
import { JobsService } from './jobs.service';

export class JobRefParams {
  @ApiProperty({ description: '队列名 (queue)', enum: ALL_QUEUES })
  @IsIn(ALL_QUEUES as string[])
  queue: QueueName;

  @ApiProperty({ description: '任务 ID (job id returned when the job was started)' })
  @IsString()
  @Matches(/^[\w:.-]{1,200}$/)
  jobId: string;
}

export class JobStatusDto {
  @ApiProperty({ description: '队列名 (queue)' }) queue: string;
  @ApiProperty({ description: '任务 ID (job id)' }) id: string;
  @ApiProperty({ description: '任务类型 (job name)' }) name: string;
  @ApiProperty({ description: 'waiting | active | delayed | completed | failed' }) state: string;
  @ApiProperty({ description: '进度 (progress, job-specific)', type: Object }) progress: unknown;
  @ApiProperty({ description: '已尝试次数 (attempts made)' }) attemptsMade: number;
  @ApiProperty({ description: '结果 (result when completed)', type: Object, nullable: true })
  result: unknown;
  @ApiProperty({ description: '失败原因 (failure reason)', nullable: true, type: String })
  failedReason: string | null;
  @ApiProperty({ description: '创建时间', format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: '完成时间', format: 'date-time', nullable: true, type: String })
  finishedAt: string | null;
  @ApiProperty({ description: '发起账号 (requested by)', nullable: true, type: String })
  requestedBy: string | null;
}

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('v1/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Progress of a background job: visible to whoever started it and to the municipal bureau. */
  @Get(':queue/:jobId')
  @AnyRole()
  @ApiOkResponse({ type: JobStatusDto })
  async status(@CurrentActor() actor: Actor, @Param() params: JobRefParams): Promise<JobStatusDto> {
    const status = await this.jobs.status(params.queue, params.jobId);
    const visible =
      status && (actor.role === Role.MunicipalAdmin || status.requestedBy === actor.accountId);
    if (!visible)
      throw new DomainError(
        ErrorCode.JOB_NOT_FOUND,
        `任务 ${params.jobId} 不存在 (no such job)`,
        404,
      );
    return status;
  }
}
