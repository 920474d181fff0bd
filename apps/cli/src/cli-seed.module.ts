import { Module } from '@nestjs/common';
import { CoreModule } from '@peixun/core';
import { OrgModule } from '@peixun/org';
import { PolicyModule } from '@peixun/policy';

@Module({ imports: [CoreModule, PolicyModule, OrgModule] })
export class CliSeedModule {}
