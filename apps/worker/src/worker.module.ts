import { Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import {
  AuditRetentionJob,
  AuditRetentionScheduler,
  CoreModule,
  documentFonts,
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
import { AttendanceModule, ClassReportJob } from '@peixun/attendance';
import { ClassesModule } from '@peixun/classes';
import {
  CertificateBundleJob,
  CertificateIssueJob,
  CertificateRenderPool,
  ExamsModule,
} from '@peixun/exams';
import {
  EvaluationInviteSweepJob,
  EvaluationReportJob,
  EvaluationsModule,
  EvaluationsScheduler,
} from '@peixun/evaluations';
import { AssessmentModule, AssessmentRecomputeJob, AssessmentScheduler } from '@peixun/assessment';
import {
  ClassDocumentJob,
  EnrollmentModule,
  EnrollmentScheduler,
  OfferExpiryJob,
  SettleSweepJob,
} from '@peixun/enrollment';
import { SURVEY_JOBS, SurveysModule } from '@peixun/surveys';

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
    ExamsModule,
    EvaluationsModule,
    SurveysModule,
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
    ClassReportJob,
    CertificateIssueJob,
    CertificateBundleJob,
    EvaluationReportJob,
    EvaluationInviteSweepJob,
    EvaluationsScheduler,
    NotificationDispatcher,
    NotificationsDispatchJob,
    NotificationsRetentionJob,
    NotificationsScheduler,
    ...SURVEY_JOBS,
    AssessmentRecomputeJob,
    AssessmentScheduler,
  ],
})
export class WorkerModule implements OnModuleInit {
  constructor(private readonly renderPool: CertificateRenderPool) {}

  /** The documents' fonts are parsed and the render threads started at boot, not by the first job. */
  async onModuleInit(): Promise<void> {
    documentFonts();
    await this.renderPool.start();
  }
}
