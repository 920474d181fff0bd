import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { ClassesModule } from '@peixun/classes';
import { EnrollmentModule } from '@peixun/enrollment';
import { CollectService } from './collect.service';
import { EvaluationsDemoSeed } from './demo/evaluations.demo';
import { EVALUATIONS_ENTITIES } from './entities';
import { EvaluationsController } from './evaluations.controller';
import { ExportsService } from './exports.service';
import { ReportsService } from './reports.service';
import { TemplatesService } from './templates.service';

/** Two-way evaluation (Art. 15): forms, collecting, reports to the authority. */
@Module({
  imports: [
    TypeOrmModule.forFeature(EVALUATIONS_ENTITIES),
    QueueModule,
    ClassesModule,
    // its demo step (the classes and places) runs before ours
    EnrollmentModule,
  ],
  controllers: [EvaluationsController],
  providers: [
    TemplatesService,
    CollectService,
    ReportsService,
    ExportsService,
    EvaluationsDemoSeed,
  ],
  exports: [TemplatesService, CollectService, ReportsService, TypeOrmModule],
})
export class EvaluationsModule {}
