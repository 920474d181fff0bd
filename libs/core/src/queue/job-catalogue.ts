import type { DefaultJobOptions } from 'bullmq';

/** Queues of the platform. Each feature adds its queue here. */
export const QueueName = {
  Maintenance: 'maintenance',
  Roster: 'roster',
  Documents: 'documents',
  Notifications: 'notifications',
  Enrollment: 'enrollment',
  Certificates: 'certificates',
  Surveys: 'surveys',
  Assessment: 'assessment',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names, unique across queues. */
export const JobName = {
  AuditRetention: 'audit.retention',
  PiiRotate: 'pii.rotate',
  RosterImport: 'roster.import',
  RosterExport: 'roster.export',
  PlanPdf: 'plan.pdf',
  NotificationsDispatch: 'notifications.dispatch',
  EnrollmentOfferExpiry: 'enrollment.offer-expiry',
  EnrollmentSettleSweep: 'enrollment.settle-sweep',
  NotificationsRetention: 'notifications.retention',
  ClassDocument: 'class.document',
  AttendanceClassReport: 'attendance.class-report',
  CertificateIssue: 'certificate.issue',
  CertificateBundle: 'certificate.bundle',
  EvaluationReport: 'evaluation.report',
  EvaluationInviteSweep: 'evaluation.invite-sweep',
  SurveyDistribute: 'survey.distribute',
  SurveyRemind: 'survey.remind',
  SurveyClose: 'survey.close',
  SurveyAggregate: 'survey.aggregate',
  SurveySweep: 'survey.sweep',
  AssessmentRecompute: 'assessment.recompute',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** The typed payload of each job. */
export interface JobPayloads {
  [JobName.AuditRetention]: {
    /** Identifies the run; a second job with the same key finds the first run's result. */
    runKey: string;
    /** Entries older than this many days are moved to the archive. */
    retentionDays: number;
    /** Account that asked for it (absent for the nightly schedule). */
    requestedBy?: string;
  };
  /** Re-seal personal data still sealed with an older key (key rotation, libs/core/src/crypto). */
  [JobName.PiiRotate]: {
    /** The key values are moved to: the job of another key is another job. */
    activeKeyId: string;
    requestedBy?: string;
  };
  /** Validate and write an uploaded roster (libs/org roster_file row). */
  [JobName.RosterImport]: { fileId: string; requestedBy: string };
  /** Build a roster spreadsheet for the filters stored on the roster_file row. */
  [JobName.RosterExport]: { fileId: string; requestedBy: string };
  /** Render an approved project plan as a PDF (libs/planning). */
  [JobName.PlanPdf]: { planId: string; requestedBy: string };
  /**
   * Deliver the notification outbox's due deliveries (libs/core/src/notifications).
   * `poke`: after a commit that wrote notifications, one job per 250 ms window (`bucket`);
   * `sweep`: the worker's repeatable safety net (retries, lost pokes).
   */
  [JobName.NotificationsDispatch]: { trigger: 'poke' | 'sweep'; bucket?: number };
  /** At an offered waitlist place's deadline: expire it if still unanswered, offer the next (libs/enrollment). */
  [JobName.EnrollmentOfferExpiry]: { enrollmentId: string; offeredUntil: string };
  /** Settles entries a crash left pending between their write and their settlement (every minute). */
  [JobName.EnrollmentSettleSweep]: { trigger: 'sweep' };
  /** Delete notifications older than retentionDays (nightly). */
  [JobName.NotificationsRetention]: { runKey: string; retentionDays: number };
  /**
   * Render one of a class's trainee documents (Art. 13) from the class as it is when the job
   * runs (libs/enrollment). `inputHash`: of the input the request saw, so that a changed class
   * is another job and an unchanged one the same.
   */
  [JobName.ClassDocument]: {
    classId: string;
    kind: 'project_list' | 'notice' | 'timetable' | 'attendance_sheet';
    inputHash: string;
    requestedBy: string;
  };
  /**
   * Render a class's attendance report (trainees × sessions) as a PDF (libs/attendance).
   * `inputHash`: of the marks the request saw, so that unchanged marks are the same job.
   */
  [JobName.AttendanceClassReport]: { classId: string; inputHash: string; requestedBy: string };
  /**
   * Issue one enrolment's certificate (libs/exams): allocate its serial once, render the PDF,
   * store it. `generation` 1 is the first issue; a reissue is the next generation.
   */
  [JobName.CertificateIssue]: { enrollmentId: string; generation: number; requestedBy: string };
  /** Build a class's certificates into one ZIP (libs/exams certificate_bundle row). */
  [JobName.CertificateBundle]: { bundleId: string; requestedBy: string };
  /** Render an evaluation report (Excel or PDF) for the authority (libs/evaluations evaluation_report_file row). */
  [JobName.EvaluationReport]: { fileId: string; requestedBy?: string };
  /** Tells the trainees who attended an ended session that its evaluation is open (every minute). */
  [JobName.EvaluationInviteSweep]: { trigger: 'sweep' };
  /**
   * Invite the population of an open needs-survey campaign (libs/surveys), in batches: one
   * invitation per worker (deterministic ids, exactly once). `round`: `open` when the campaign
   * opens, `sweep-<n>` for the sweep's top-ups (workers added to the roster since).
   */
  [JobName.SurveyDistribute]: { campaignId: string; round: string; requestedBy?: string };
  /** Remind the invited who have not submitted: the campaign's `index`-th reminder (1-based), due at `at`. */
  [JobName.SurveyRemind]: { campaignId: string; index: number; at: string };
  /** Close a campaign at the end of its window (`closesAt`) and enqueue its final report. */
  [JobName.SurveyClose]: { campaignId: string; closesAt: string };
  /** Aggregate a campaign's answers into a report version and render it (Excel, PDF). */
  [JobName.SurveyAggregate]: { reportId: string; requestedBy?: string };
  /** Brings every campaign up to date (opening, top-up invitations, reminders, closing, lost jobs). */
  [JobName.SurveySweep]: { trigger: 'sweep' };
  /**
   * Recompute the annual training records (libs/assessment) of a year: one district's
   * workers, or a list of workers, or (neither given) every district. `runKey`: the nightly
   * run's date, or a request's id; the same key is the same run.
   */
  [JobName.AssessmentRecompute]: {
    year: number;
    districtId?: string;
    workerIds?: string[];
    runKey: string;
    requestedBy?: string;
  };
}

export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Deterministic id where running twice must not duplicate the work (BullMQ forbids ':' in ids). */
  jobId: (payload: JobPayloads[N]) => string;
  options?: Partial<DefaultJobOptions>;
  /** Routine and frequent (every few seconds): its start and completion are logged at debug level. */
  quiet?: boolean;
}

export const JOB_CATALOGUE: { [N in JobName]: JobDefinition<N> } = {
  [JobName.AuditRetention]: {
    queue: QueueName.Maintenance,
    jobId: (p) => `audit-retention.${p.runKey}`,
  },
  [JobName.PiiRotate]: {
    queue: QueueName.Maintenance,
    jobId: (p) => `pii-rotate.${p.activeKeyId}`,
  },
  [JobName.RosterImport]: {
    queue: QueueName.Roster,
    jobId: (p) => `roster-import.${p.fileId}`,
    // a bad file does not get better by retrying; infrastructure failures do
    options: { attempts: 3 },
  },
  [JobName.RosterExport]: {
    queue: QueueName.Roster,
    jobId: (p) => `roster-export.${p.fileId}`,
    options: { attempts: 3 },
  },
  [JobName.PlanPdf]: {
    queue: QueueName.Documents,
    jobId: (p) => `plan-pdf.${p.planId}`,
  },
  [JobName.EnrollmentOfferExpiry]: {
    queue: QueueName.Enrollment,
    // one job per offer (a later offer to the same entry has another deadline)
    jobId: (p) => `offer-expiry.${p.enrollmentId}.${Date.parse(p.offeredUntil)}`,
  },
  [JobName.EnrollmentSettleSweep]: {
    queue: QueueName.Enrollment,
    jobId: () => 'enrollment-settle-sweep',
    options: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
    quiet: true,
  },
  [JobName.NotificationsDispatch]: {
    queue: QueueName.Notifications,
    jobId: (p) => `notifications-dispatch.${p.trigger}-${p.bucket ?? 0}`,
    quiet: true,
    // the outbox rows are the state: a failed run is simply followed by the next poke or sweep
    options: {
      attempts: 1,
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
    },
  },
  [JobName.NotificationsRetention]: {
    queue: QueueName.Maintenance,
    jobId: (p) => `notifications-retention.${p.runKey}`,
  },
  [JobName.ClassDocument]: {
    queue: QueueName.Documents,
    jobId: (p) => `class-document.${p.classId}.${p.kind}.${p.inputHash.slice(0, 16)}`,
  },
  [JobName.AttendanceClassReport]: {
    queue: QueueName.Documents,
    jobId: (p) => `attendance-report.${p.classId}.${p.inputHash.slice(0, 16)}`,
  },
  [JobName.CertificateIssue]: {
    queue: QueueName.Certificates,
    // one job per enrolment and generation: asking twice never issues twice
    jobId: (p) => `certificate.${p.enrollmentId}.${p.generation}`,
    quiet: true,
    options: { removeOnComplete: { age: 7 * 24 * 3600, count: 20_000 } },
  },
  [JobName.CertificateBundle]: {
    queue: QueueName.Certificates,
    jobId: (p) => `certificate-bundle.${p.bundleId}`,
    options: { attempts: 3 },
  },
  [JobName.EvaluationReport]: {
    queue: QueueName.Documents,
    jobId: (p) => `evaluation-report.${p.fileId}`,
    options: { attempts: 3 },
  },
  [JobName.EvaluationInviteSweep]: {
    queue: QueueName.Notifications,
    jobId: () => 'evaluation-invite-sweep',
    options: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
    quiet: true,
  },
  [JobName.SurveyDistribute]: {
    queue: QueueName.Surveys,
    jobId: (p) => `survey-distribute.${p.campaignId}.${p.round}`,
  },
  [JobName.SurveyRemind]: {
    queue: QueueName.Surveys,
    jobId: (p) => `survey-remind.${p.campaignId}.${p.index}`,
  },
  [JobName.SurveyClose]: {
    queue: QueueName.Surveys,
    jobId: (p) => `survey-close.${p.campaignId}.${Date.parse(p.closesAt)}`,
  },
  [JobName.SurveyAggregate]: {
    queue: QueueName.Surveys,
    jobId: (p) => `survey-report.${p.reportId}`,
    options: { attempts: 3 },
  },
  [JobName.SurveySweep]: {
    queue: QueueName.Surveys,
    jobId: () => 'survey-sweep',
    options: { attempts: 1, removeOnComplete: { age: 3600, count: 100 } },
    quiet: true,
  },
  [JobName.AssessmentRecompute]: {
    queue: QueueName.Assessment,
    jobId: (p) => `assessment-recompute.${p.year}.${p.districtId ?? 'all'}.${p.runKey}`,
    // the records are recomputed from scratch: a failed run is simply run again
    options: { attempts: 3 },
  },
};

/** Retry, backoff and retention defaults for every job. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
  removeOnFail: false,
};

/** How often a job may be found stalled (its worker died) before it fails. */
export const MAX_STALLED_COUNT = 3;

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);

export function jobsOfQueue(queue: QueueName): JobName[] {
  return (Object.keys(JOB_CATALOGUE) as JobName[]).filter((n) => JOB_CATALOGUE[n].queue === queue);
}
