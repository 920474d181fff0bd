import type { DefaultJobOptions } from 'bullmq';

/** Queues of the platform. Each feature adds its queue here. */
export const QueueName = {
  Maintenance: 'maintenance',
  Roster: 'roster',
  Documents: 'documents',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Job names, unique across queues. */
export const JobName = {
  AuditRetention: 'audit.retention',
  PiiRotate: 'pii.rotate',
  RosterImport: 'roster.import',
  RosterExport: 'roster.export',
  PlanPdf: 'plan.pdf',
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
}

export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Deterministic id where running twice must not duplicate the work (BullMQ forbids ':' in ids). */
  jobId: (payload: JobPayloads[N]) => string;
  options?: Partial<DefaultJobOptions>;
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
