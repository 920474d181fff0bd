import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLANNING_ENTITIES } from './entities';
import { InstitutionsController } from './institutions/institutions.controller';
import { InstitutionsService } from './institutions/institutions.service';

/** Institutions' qualification and filing; (to come) annual plans, district schemes and project plans. */
@Module({
  imports: [TypeOrmModule.forFeature(PLANNING_ENTITIES)],
  controllers: [InstitutionsController],
  providers: [InstitutionsService],
  exports: [InstitutionsService],
})
export class PlanningModule {}
