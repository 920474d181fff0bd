import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Actor, Role } from '../auth/roles';
import { JobRefDto } from '../audit/dto/audit.dto';
import { JobName } from '../queue/job-catalogue';
import { JobsService } from '../queue/jobs.service';
import { PiiCipher } from './pii-cipher';

@ApiTags('personal data')
@ApiBearerAuth()
@Controller('v1/pii')
export class CryptoController {
  constructor(
    private readonly jobs: JobsService,
    private readonly cipher: PiiCipher,
  ) {}

  /**
   * After a key rotation (a new key first in PII_KEYS / PII_ACTIVE_KEY_ID on
   * every process), re-seals what the older keys sealed. Poll the job; once it
   * completes, the old key may be removed from PII_KEYS.
   */
  @Post('rotations')
  @Roles(Role.MunicipalAdmin)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: JobRefDto })
  rotate(@CurrentActor() actor: Actor): Promise<JobRefDto> {
    return this.jobs.enqueue(JobName.PiiRotate, {
      activeKeyId: this.cipher.activeKeyId,
      requestedBy: actor.accountId,
    });
  }
}
