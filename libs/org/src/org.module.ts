import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SCOPE_RESOLVER } from '@peixun/core';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { DemoSeedService } from './demo/demo-seed.service';
import { ORG_ENTITIES } from './entities';
import { OrgScopeResolver } from './org-scope.resolver';
import { OrgUnitsController } from './units/org-units.controller';
import { OrgUnitsService } from './units/org-units.service';
import { WorkersController } from './workers/workers.controller';
import { WorkersService } from './workers/workers.service';

/** Organisation tree, accounts, workers and their files (libs/org). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(ORG_ENTITIES)],
  controllers: [OrgUnitsController, AccountsController, WorkersController],
  providers: [
    OrgScopeResolver,
    { provide: SCOPE_RESOLVER, useExisting: OrgScopeResolver },
    DemoSeedService,
    OrgUnitsService,
    AccountsService,
    WorkersService,
  ],
  exports: [SCOPE_RESOLVER, DemoSeedService, WorkersService, TypeOrmModule],
})
export class OrgModule {}
