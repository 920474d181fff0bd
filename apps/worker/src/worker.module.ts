import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AuditRetentionJob,
  AuditRetentionScheduler,
  CoreModule,
  NotificationDispatcher,
  NotificationsDispatchJob,
  NotificationsRetentionJob,
  NotificationsScheduler,
  PiiRotationJob,
  QueueWorkersService,
} from '@peixun/core';
import { OrgModule, RosterExportJob, RosterImportJob } from '@peixun/org';
import { PlanningModule, PlanPdfJob } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';
import { AttendanceModule } from '@peixun/attendance';
import { ClassesModule } from '@peixun/classes';
import { AssessmentModule, AssessmentRecomputeJob, AssessmentScheduler } from '@peixun/assessment';
import {
  ClassDocumentJob,
  EnrollmentModule,
  EnrollmentScheduler,
  OfferExpiryJob,
  SettleSweepJob,
} from '@peixun/enrollment';

/** The queue process: job handlers and the workers that run them; no HTTP server. */
@Module({
  imports: [
    CoreModule,
    PolicyModule,
    OrgModule,
    PlanningModule,
    ClassesModule,
    EnrollmentModule,
    AttendanceModule,
    AssessmentModule,
    DiscoveryModule,
  ],
  providers: [
    QueueWorkersService,
    AuditRetentionJob,
    AuditRetentionScheduler,
    PiiRotationJob,
    RosterImportJob,
    RosterExportJob,
    PlanPdfJob,
    OfferExpiryJob,
    SettleSweepJob,
    EnrollmentScheduler,
    ClassDocumentJob,
    NotificationDispatcher,
    NotificationsDispatchJob,
    NotificationsRetentionJob,
    NotificationsScheduler,
    AssessmentRecomputeJob,
    AssessmentScheduler,
  ],
})
export class WorkerModule {}
