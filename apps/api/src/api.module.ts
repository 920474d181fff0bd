import { Module } from '@nestjs/common';
import { CoreModule, HealthModule } from '@peixun/core';
import { OrgModule } from '@peixun/org';

/** The HTTP process: controllers of every feature, no queue processors. */
@Module({
  imports: [CoreModule, HealthModule, OrgModule],
})
export class ApiModule {}
