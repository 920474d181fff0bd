import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AuditRetentionJob,
  AuditRetentionScheduler,
  CoreModule,
  QueueWorkersService,
} from '@peixun/core';
import { OrgModule, RosterExportJob, RosterImportJob } from '@peixun/org';

/** The queue process: job handlers and the workers that run them; no HTTP server. */
@Module({
  imports: [CoreModule, OrgModule, DiscoveryModule],
  providers: [
    QueueWorkersService,
    AuditRetentionJob,
    AuditRetentionScheduler,
    RosterImportJob,
    RosterExportJob,
  ],
})
export class WorkerModule {}
