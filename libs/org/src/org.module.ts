import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule, SCOPE_RESOLVER } from '@peixun/core';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { ORG_ENTITIES } from './entities';
import { OrgScopeResolver } from './org-scope.resolver';
import { RosterExportService } from './roster/roster-export.service';
import { RosterImportService } from './roster/roster-import.service';
import { RosterController } from './roster/roster.controller';
import { RosterService } from './roster/roster.service';
import { OrgUnitsController } from './units/org-units.controller';
import { OrgUnitsService } from './units/org-units.service';
import { WorkersController } from './workers/workers.controller';
import { WorkersService } from './workers/workers.service';
import { GradeGuards } from './workers/grade-guards';

/** Organisation tree, accounts, workers and their files (libs/org). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES), QueueModule],
  controllers: [OrgUnitsController, AccountsController, WorkersController, RosterController],
  providers: [
    OrgScopeResolver,
    { provide: SCOPE_RESOLVER, useExisting: OrgScopeResolver },
    DemoSeedService,
    OrgUnitsService,
    AccountsService,
    WorkersService,
    RosterImportService,
    RosterExportService,
    RosterService,
    GradeGuards,
  ],
  exports: [
    GradeGuards,
    SCOPE_RESOLVER,
    DemoSeedService,
    WorkersService,
    RosterImportService,
    RosterExportService,
    TypeOrmModule,
  ],
})
export class OrgModule {}
