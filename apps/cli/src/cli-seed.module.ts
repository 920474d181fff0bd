import { Module } from '@nestjs/common';
import { CoreModule } from '@peixun/core';
import { EnrollmentModule } from '@peixun/enrollment';
import { OrgModule } from '@peixun/org';
import { PlanningModule } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';
import { AssessmentModule } from '@peixun/assessment';

/**
 * The demo seed's context: every lib that adds demo data (planning: the teacher pool;
 * enrollment: the week's classes, places and nominations; assessment: the training records).
 */
@Module({
  imports: [
    CoreModule,
    PolicyModule,
    OrgModule,
    PlanningModule,
    EnrollmentModule,
    AssessmentModule,
  ],
})
export class CliSeedModule {}
