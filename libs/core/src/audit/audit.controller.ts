import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { localDate } from '../common/time';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Actor, Role } from '../auth/roles';
import { JobName } from '../queue/job-catalogue';
import { JobsService } from '../queue/jobs.service';
import { AuditQueryService } from './audit-query.service';
import { AuditPageDto, AuditQueryDto, JobRefDto, StartRetentionDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly jobs: JobsService,
    private readonly config: AppConfig,
  ) {}

  /** The audit log, newest first (municipal bureau only). */
  @Get('entries')
  @Roles(Role.MunicipalAdmin)
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() q: AuditQueryDto): Promise<AuditPageDto> {
    return this.query.list(q);
  }

  /**
   * Starts an audit retention run now (it also runs nightly). One run per day
   * and retention period: asking twice returns the same job.
   */
  @Post('retention-runs')
  @Roles(Role.MunicipalAdmin)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobRefDto })
  async startRetention(
    @CurrentActor() actor: Actor,
    @Body() body: StartRetentionDto,
  ): Promise<JobRefDto> {
    const retentionDays = body.retentionDays ?? this.config.audit.retentionDays;
    const runKey = `manual-${localDate(new Date(), this.config.timezone)}-d${retentionDays}`;
    return this.jobs.enqueue(JobName.AuditRetention, {
      runKey,
      retentionDays,
      requestedBy: actor.accountId,
    });
  }
}
