import { Module } from '@nestjs/common';
import { CoreModule } from '@peixun/core';
import { OrgModule } from '@peixun/org';
import { PlanningModule } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';

/** The demo seed's context: every lib that adds demo data (planning: the teacher pool). */
@Module({ imports: [CoreModule, PolicyModule, OrgModule, PlanningModule] })
export class CliSeedModule {}
