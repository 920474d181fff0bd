import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SCOPE_RESOLVER } from '@peixun/core';
import { DemoSeedService } from './demo/demo-seed.service';
import { OrgScopeResolver } from './org-scope.resolver';
import { OrgUnit } from './org-unit.entity';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit])],
  providers: [
    OrgScopeResolver,
    { provide: SCOPE_RESOLVER, useExisting: OrgScopeResolver },
    DemoSeedService,
  ],
  exports: [SCOPE_RESOLVER, DemoSeedService, TypeOrmModule],
})
export class OrgModule {}
