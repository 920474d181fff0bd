import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { PolicyModule } from '@peixun/policy';
import { AssessmentController } from './assessment.controller';
import { AssessmentService } from './assessment.service';
import { AttendanceContributor } from './contributors/attendance.contributor';
import { EnrolmentContributor } from './contributors/enrolment.contributor';
import { EvaluationsContributor } from './contributors/evaluations.contributor';
import { ExamsContributor } from './contributors/exams.contributor';
import { AssessmentDemoSeed } from './demo/assessment.demo';
import { ASSESSMENT_ENTITIES } from './entities';
import { MunicipalPolicies } from './policies';
import { PolicyLayersService } from './policy-layers.service';
import { RecordsService } from './records.service';

/** Annual training records and what they allow in the annual assessment (issue 13). */
@Module({
  imports: [
    TypeOrmModule.forFeature(ASSESSMENT_ENTITIES),
    QueueModule,
    DiscoveryModule,
    PolicyModule,
  ],
  controllers: [AssessmentController],
  providers: [
    MunicipalPolicies,
    RecordsService,
    AssessmentService,
    PolicyLayersService,
    AttendanceContributor,
    EnrolmentContributor,
    ExamsContributor,
    EvaluationsContributor,
    AssessmentDemoSeed,
  ],
  exports: [RecordsService, AssessmentService, MunicipalPolicies],
})
export class AssessmentModule {}
