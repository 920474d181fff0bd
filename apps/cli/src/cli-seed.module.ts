import { Module } from '@nestjs/common';
import { AssessmentModule } from '@peixun/assessment';
import { AttendanceModule } from '@peixun/attendance';
import { CoreModule } from '@peixun/core';
import { EnrollmentModule } from '@peixun/enrollment';
import { ExamsModule } from '@peixun/exams';
import { OrgModule } from '@peixun/org';
import { PlanningModule } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';
import { SurveysModule } from '@peixun/surveys';

/**
 * The demo seed's context: every lib that adds demo data (planning: the teacher pool;
 * enrollment: the week's classes, places and nominations; attendance: today's marks and a
 * leave request; exams: a finished class with certificates; surveys: the open needs survey;
 * assessment: the training records).
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
    SurveysModule,
    AssessmentModule,
  ],
})
export class CliSeedModule {}
