import { Module } from '@nestjs/common';
import { CoreModule } from '@peixun/core';
import { OrgModule } from '@peixun/org';

@Module({ imports: [CoreModule, OrgModule] })
export class CliSeedModule {}
