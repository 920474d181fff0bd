import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { CoreModule, HealthModule } from '@peixun/core';
import { OrgModule } from '@peixun/org';
import { PlanningModule } from '@peixun/planning';
import { ClassesModule } from '@peixun/classes';
import { EnrollmentModule } from '@peixun/enrollment';
import { AttendanceModule } from '@peixun/attendance';
import { EvaluationsModule } from '@peixun/evaluations';
import { AssessmentModule } from '@peixun/assessment';
import { PolicyModule } from '@peixun/policy';
import { ExamsModule } from '@peixun/exams';
import { SurveysModule } from '@peixun/surveys';
import { BodyParserMiddleware } from './http-security';

/** The HTTP process: controllers of every feature, no queue processors. */
@Module({
  imports: [
    CoreModule,
    HealthModule,
    // the busiest routes first: express tries the routes in the order they were registered
    // (module by module, in this order), and a self check-in or an enrolment rush should not
    // walk past a hundred others first (about a tenth of a check-in's CPU)
    AttendanceModule,
    EnrollmentModule,
    PolicyModule,
    OrgModule,
    PlanningModule,
    ClassesModule,
    ExamsModule,
    EvaluationsModule,
    SurveysModule,
    AssessmentModule,
  ],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // global modules' middleware (the request logger) runs first, then this
    consumer.apply(BodyParserMiddleware).forRoutes('{*splat}');
  }
}
