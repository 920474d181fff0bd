import { Module } from '@nestjs/common';
import { CoreModule, HealthModule } from '@peixun/core';
import { OrgModule } from '@peixun/org';
import { PlanningModule } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';

/** The HTTP process: controllers of every feature, no queue processors. */
@Module({
  imports: [CoreModule, HealthModule, PolicyModule, OrgModule, PlanningModule],
})
export class ApiModule {}
