import { Module } from '@nestjs/common';
import { AttendanceModule } from '@peixun/attendance';
import { CoreModule } from '@peixun/core';
import { EnrollmentModule } from '@peixun/enrollment';
import { OrgModule } from '@peixun/org';
import { PlanningModule } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';
import { ExamsModule } from '@peixun/exams';

/**
 * The demo seed's context: every lib that adds demo data (planning: the teacher pool;
 * enrollment: the week's classes, places and nominations; exams: a finished class with
 * certificates).
 */
@Module({
  imports: [
    CoreModule,
    PolicyModule,
    OrgModule,
    PlanningModule,
    EnrollmentModule,
    AttendanceModule,
    ExamsModule,
  ],
})
export class CliSeedModule {}
