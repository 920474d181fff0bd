import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler, JobName, JobPayloads } from '@peixun/core';
import type { Job } from 'bullmq';
import { EnrollmentService } from '../enrollment.service';

/** At an offered place's deadline: expire it if unanswered and offer it to the next in line. */
@Injectable()
@HandlesJob(JobName.EnrollmentOfferExpiry)
export class OfferExpiryJob implements JobHandler<typeof JobName.EnrollmentOfferExpiry> {
  constructor(private readonly enrollment: EnrollmentService) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.EnrollmentOfferExpiry]>,
  ): Promise<{ outcome: string }> {
    return {
      outcome: await this.enrollment.expireOffer(job.data.enrollmentId, job.data.offeredUntil),
    };
  }
}
