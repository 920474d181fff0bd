import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditService,
  FileStore,
  HandlesJob,
  JobHandler,
  JobName,
  JobPayloads,
  preparedQuery,
} from '@peixun/core';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { Certificate } from './certificate.entity';
import { CertificateIssuer } from './certificate-issuer';
import { CertificateRenderPool } from './certificate-render-pool';

type Payload = JobPayloads[typeof JobName.CertificateIssue];

export interface CertificateIssueResult {
  enrollmentId: string;
  serial: string;
  /** issued: this run stored the PDF; existing: an earlier run had. */
  outcome: 'issued' | 'existing';
}

/**
 * Issues one enrolment's certificate, in steps that are each safe to repeat:
 * 1. the row with its serial (allocated once: CertificateIssuer.allocate);
 * 2. the PDF rendered from the row (deterministic bytes) and stored;
 * 3. the row points at the file (under its lock; a second run's file is dropped), a reissue
 *    supersedes the generation before, and the audit entry, in one statement.
 * A run cut off anywhere is completed by the next one with the same serial.
 */
@Injectable()
@HandlesJob(JobName.CertificateIssue)
export class CertificateIssueJob implements JobHandler<typeof JobName.CertificateIssue> {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly issuer: CertificateIssuer,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly renderer: CertificateRenderPool,
  ) {}

  async handle(job: Job<Payload>): Promise<CertificateIssueResult> {
    const p = job.data;
    // the enrolment, its eligibility and the certificate of this generation if a run
    // allocated it already: one statement in the usual case
    const prepared = await this.issuer.prepare(this.ds.manager, p.enrollmentId, p.generation);
    // not there (yet): a request committed after its job was queued is found by a retry
    if (!prepared) throw new Error(`报名记录 ${p.enrollmentId} 不存在 (no such enrolment yet)`);
    if (prepared.existing?.stored)
      return {
        enrollmentId: p.enrollmentId,
        serial: prepared.existing.serial,
        outcome: 'existing',
      };
    let previous: Certificate | null = null;
    if (p.generation > 1) {
      previous = await this.ds.manager.findOneBy(Certificate, {
        enrollmentId: p.enrollmentId,
        generation: p.generation - 1,
      });
      if (!previous) throw new UnrecoverableError('没有可替换的原证书 (nothing to reissue)');
    }
    let cert: Certificate;
    if (prepared.existing) {
      // allocated by a run cut off before its file was stored: finish it, same serial
      cert = await this.ds.manager.findOneByOrFail(Certificate, { id: prepared.existing.id });
    } else {
      if (previous && previous.status === 'revoked')
        throw new UnrecoverableError('原证书已撤销，不能换发 (the certificate was revoked)');
      const { verdict } = prepared;
      if (typeof verdict === 'string')
        throw new UnrecoverableError(`不符合发证条件 (not eligible: ${verdict})`);
      cert = await this.issuer.allocate(
        { ...prepared, verdict },
        p.generation,
        previous,
        p.generation > 1 ? 'reissue' : null,
      );
    }
    if (cert.fileKey)
      return { enrollmentId: p.enrollmentId, serial: cert.serial, outcome: 'existing' };

    const pdf = await this.renderer.render(this.issuer.pdfContent(cert, previous?.serial ?? null));
    const stored = await this.files.put(pdf, 'certificate');
    let kept = false;
    try {
      // one statement (one round trip, one commit): the row points at the first file stored
      // for it (a second run's file is dropped), a reissue supersedes the generation before,
      // and the audit entry — all three only when the pointer was set here
      const audit = this.audit.values(
        { system: 'certificates' },
        {
          action: previous ? 'certificate.reissued' : 'certificate.issued',
          entityType: 'certificate',
          entityId: cert.id,
          data: {
            serial: cert.serial,
            enrollmentId: cert.enrollmentId,
            classId: cert.classId,
            sha256: stored.sha256,
            supersedes: previous?.serial ?? null,
            requestedBy: p.requestedBy,
          },
        },
      );
      const [{ n }] = await preparedQuery<{ n: number }>(
        this.ds,
        'certificates.store-file',
        `with f as (
           update certificate set file_key = $2, file_sha256 = $3, file_size = $4, updated_at = now()
            where id = $1 and file_key is null returning id),
         s as (
           update certificate set status = 'superseded', superseded_at = now()
            where id = $5 and status = 'valid' and exists (select 1 from f)),
         a as (
           insert into audit_log (${AuditService.COLUMNS})
           select $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14 from f)
         select count(*)::int n from f`,
        [cert.id, stored.key, stored.sha256, stored.size, previous?.id ?? null, ...audit],
      );
      kept = n > 0;
    } finally {
      if (!kept) await this.files.discard(stored.key);
    }
    return {
      enrollmentId: p.enrollmentId,
      serial: cert.serial,
      outcome: kept ? 'issued' : 'existing',
    };
  }
}
