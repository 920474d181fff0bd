import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { PLANNING_ENTITIES } from './entities';
import { InstitutionsController } from './institutions/institutions.controller';
import { InstitutionsService } from './institutions/institutions.service';
import { AnnualPlansService } from './plans/annual-plans.service';
import { AnnualPlansController, ProjectPlansController } from './plans/plans.controller';
import { ProjectPlansService } from './plans/project-plans.service';
import { TeachersController } from './teachers/teachers.controller';
import { TeachersDemoSeed } from './teachers/teachers.demo';
import { TeachersService } from './teachers/teachers.service';

/** Institutions and their filing, the teacher pool, the annual city plan, project plans and their approval. */
@Module({
  imports: [TypeOrmModule.forFeature(PLANNING_ENTITIES), QueueModule],
  controllers: [
    InstitutionsController,
    TeachersController,
    AnnualPlansController,
    ProjectPlansController,
  ],
  providers: [
    InstitutionsService,
    TeachersService,
    TeachersDemoSeed,
    AnnualPlansService,
    ProjectPlansService,
  ],
  exports: [InstitutionsService, TeachersService, ProjectPlansService],
})
export class PlanningModule {}
