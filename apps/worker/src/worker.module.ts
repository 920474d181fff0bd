import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AuditRetentionJob,
  AuditRetentionScheduler,
  CoreModule,
  PiiRotationJob,
  QueueWorkersService,
} from '@peixun/core';
import { OrgModule, RosterExportJob, RosterImportJob } from '@peixun/org';
import { PlanningModule, PlanPdfJob } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';

/** The queue process: job handlers and the workers that run them; no HTTP server. */
@Module({
  imports: [CoreModule, PolicyModule, OrgModule, PlanningModule, DiscoveryModule],
  providers: [
    QueueWorkersService,
    AuditRetentionJob,
    AuditRetentionScheduler,
    PiiRotationJob,
    RosterImportJob,
    RosterExportJob,
    PlanPdfJob,
  ],
})
export class WorkerModule {}
