import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  ConflictError,
  DEFAULT_JOB_OPTIONS,
  DomainError,
  FileStore,
  ForbiddenScopeError,
  JOB_CATALOGUE,
  JobName,
  JobsService,
  NotFoundError,
  QueueName,
} from '@peixun/core';
import { TrainingClass } from '@peixun/classes';
import { Enrollment } from '@peixun/enrollment';
import { administers, Worker } from '@peixun/org';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In } from 'typeorm';
import { isBureauOf, loadClassFor, mayReadClass, mayRunExam } from '../class-access';
import {
  BundleDto,
  CertificateDto,
  IssueProgressDto,
  IssueRequestDto,
} from '../dto/certificates.dto';
import { verificationUrl } from '../exams.rules';
import { Certificate, CertificateBundle } from './certificate.entity';
import { CertificateIssuer } from './certificate-issuer';

/** Who asks for a class's certificates to be issued: the bureau, or the institution that ran it. */
const mayIssue = (actor: Actor, c: TrainingClass): boolean =>
  actor.role === 'municipal_admin' || mayRunExam(actor, c);

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly issuer: CertificateIssuer,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  /** One request for a whole class: a job per eligible trainee without a certificate. */
  async issueForClass(actor: Actor, classId: string): Promise<IssueRequestDto> {
    const em = this.ds.manager;
    const c = await loadClassFor(em, actor, classId, mayReadClass);
    if (!mayIssue(actor, c)) throw new ForbiddenScopeError();
    const entries = await em.find(Enrollment, {
      select: { id: true },
      where: { classId: c.id, status: 'enrolled' },
    });
    const verdicts = await this.issuer.eligibility(
      em,
      entries.map((e) => e.id),
    );
    // issued: the PDF is stored. A row whose serial was allocated by a job that then failed
    // (e.g. its render) is not: its job is queued again and finishes it with the same serial
    const issued = new Set(
      (
        await em.find(Certificate, {
          select: { enrollmentId: true, fileKey: true },
          where: { classId: c.id, generation: 1 },
        })
      )
        .filter((x) => x.fileKey)
        .map((x) => x.enrollmentId),
    );
    const notEligible: Record<string, number> = {};
    const todo: string[] = [];
    let eligible = 0;
    for (const [id, v] of verdicts) {
      if (typeof v === 'string') {
        notEligible[v] = (notEligible[v] ?? 0) + 1;
        continue;
      }
      eligible++;
      if (!issued.has(id)) todo.push(id);
    }
    const def = JOB_CATALOGUE[JobName.CertificateIssue];
    const queue = this.jobs.queue(QueueName.Certificates);
    // a first few alone, so that the worker starts on them while the rest are being queued
    const chunks = [todo.slice(0, 16)];
    for (let i = 16; i < todo.length; i += 500) chunks.push(todo.slice(i, i + 500));
    for (const chunk of chunks.filter((x) => x.length)) {
      await queue.addBulk(
        chunk.map((enrollmentId) => {
          const data = { enrollmentId, generation: 1, requestedBy: actor.accountId };
          return {
            name: JobName.CertificateIssue,
            data,
            opts: { ...DEFAULT_JOB_OPTIONS, ...def.options, jobId: def.jobId(data) },
          };
        }),
      );
    }
    // a job that failed for good before is retried
    await this.jobs.retryFailed(
      QueueName.Certificates,
      todo.map((enrollmentId) =>
        def.jobId({ enrollmentId, generation: 1, requestedBy: actor.accountId }),
      ),
    );
    await this.audit.recordStandalone(actor, {
      action: 'certificate.issue_requested',
      entityType: 'training_class',
      entityId: c.id,
      data: { eligible, queued: todo.length },
    });
    return {
      classId: c.id,
      eligible,
      alreadyIssued: eligible - todo.length,
      queued: todo.length,
      notEligible,
    };
  }

  async progress(actor: Actor, classId: string): Promise<IssueProgressDto> {
    const em = this.ds.manager;
    const c = await loadClassFor(em, actor, classId, mayReadClass);
    const [{ passed }] = await em.query<{ passed: number }[]>(
      `select count(distinct r.enrollment_id)::int passed from exam_result r
         join enrollment e on e.id = r.enrollment_id and e.status = 'enrolled'
        where r.class_id = $1 and r.passed`,
      [c.id],
    );
    const certs = await em.find(Certificate, {
      select: { enrollmentId: true, fileKey: true },
      where: { classId: c.id, generation: 1 },
    });
    const ready = new Set(certs.filter((x) => x.fileKey).map((x) => x.enrollmentId));
    const [pendingIds] = await Promise.all([
      em.query<{ id: string }[]>(
        `select distinct r.enrollment_id id from exam_result r where r.class_id = $1 and r.passed`,
        [c.id],
      ),
    ]);
    const queue = this.jobs.queue(QueueName.Certificates);
    const def = JOB_CATALOGUE[JobName.CertificateIssue];
    let queued = 0;
    let failed = 0;
    // asked for all at once (one connection pipelines them), not one round trip after another
    const states = await Promise.all(
      pendingIds
        .filter((r) => !ready.has(r.id))
        .map(({ id }) =>
          queue.getJobState(def.jobId({ enrollmentId: id, generation: 1, requestedBy: '' })),
        ),
    );
    for (const state of states) {
      if (state === 'failed') failed++;
      else if (state !== 'unknown' && state !== 'completed') queued++;
    }
    return {
      classId: c.id,
      passed,
      allocated: certs.length,
      issued: ready.size,
      queued,
      failed,
    };
  }

  async ofClass(actor: Actor, classId: string): Promise<CertificateDto[]> {
    const em = this.ds.manager;
    const c = await loadClassFor(em, actor, classId, mayReadClass);
    const rows = await em.find(Certificate, { where: { classId: c.id }, order: { seq: 'ASC' } });
    return rows.map((r) => this.present(r));
  }

  /** A worker's certificates: the worker, and the administrators of their unit. */
  async ofWorker(actor: Actor, workerId: string): Promise<CertificateDto[]> {
    const w = await this.ds.manager.findOne(Worker, {
      select: { id: true, districtId: true, streetId: true },
      where: { id: workerId },
    });
    const allowed =
      !!w &&
      ((actor.role === 'worker' && actor.workerId === workerId) ||
        administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId }));
    if (!w || !allowed) throw new NotFoundError('社区工作者', workerId);
    const rows = await this.ds.manager.find(Certificate, {
      where: { workerId },
      order: { issuedOn: 'DESC', generation: 'DESC' },
    });
    return rows.map((r) => this.present(r));
  }

  async mine(actor: Actor): Promise<CertificateDto[]> {
    if (!actor.workerId) return [];
    return this.ofWorker(actor, actor.workerId);
  }

  /** One certificate by its serial, for the administrators of its holder (404 otherwise). */
  async bySerial(actor: Actor, serial: string): Promise<CertificateDto> {
    const em = this.ds.manager;
    const cert = await em.findOne(Certificate, { where: { serial } });
    if (!cert) throw new NotFoundError('证书', serial);
    if (actor.role === 'municipal_admin') {
      const c = await em.findOneByOrFail(TrainingClass, { id: cert.classId });
      if (!isBureauOf(actor, c.municipalityId)) throw new NotFoundError('证书', serial);
      return this.present(cert);
    }
    const w = await em.findOne(Worker, {
      select: { id: true, districtId: true, streetId: true },
      where: { id: cert.workerId },
    });
    if (!w || !administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId }))
      throw new NotFoundError('证书', serial);
    return this.present(cert);
  }

  /** The PDF: the holder, their administrators, and the readers of the class. */
  async pdf(
    actor: Actor,
    id: string,
  ): Promise<{ stream: Readable; fileName: string; size: number | null }> {
    const cert = await this.readable(actor, id);
    if (!cert.fileKey) {
      throw new DomainError(
        'CERTIFICATE_PENDING',
        'id: 证书正在生成 (the PDF is not ready yet)',
        409,
        [{ field: 'id', problems: ['pending'] }],
      );
    }
    return {
      stream: await this.files.get(cert.fileKey),
      fileName: `${cert.serial}-${cert.holderName}.pdf`,
      size: cert.fileSize,
    };
  }

  async revoke(actor: Actor, id: string, reason: string): Promise<CertificateDto> {
    return this.ds.transaction(async (em) => {
      const cert = await this.ownBureaus(
        em,
        actor,
        await em.findOne(Certificate, { where: { id }, lock: { mode: 'pessimistic_write' } }),
        id,
      );
      if (cert.status !== 'valid')
        throw new ConflictError(
          `id: 证书已${cert.status === 'revoked' ? '撤销' : '被换发'} (not valid)`,
        );
      cert.status = 'revoked';
      cert.revokedAt = new Date();
      cert.revokeReason = reason;
      await em.save(cert);
      await this.audit.record(em, actor, {
        action: 'certificate.revoked',
        entityType: 'certificate',
        entityId: cert.id,
        data: { serial: cert.serial, reason },
      });
      return this.present(cert);
    });
  }

  /** A new generation (after a name correction): a new serial and PDF; the old one is superseded. */
  async reissue(
    actor: Actor,
    id: string,
    reason: string,
  ): Promise<{ queue: string; jobId: string; generation: number }> {
    const cert = await this.ownBureaus(
      this.ds.manager,
      actor,
      await this.ds.manager.findOne(Certificate, { where: { id } }),
      id,
    );
    if (cert.status !== 'valid' || !cert.fileKey)
      throw new ConflictError('id: 只能换发有效的证书 (only a valid certificate is reissued)');
    const generation = cert.generation + 1;
    const ref = await this.jobs.enqueue(JobName.CertificateIssue, {
      enrollmentId: cert.enrollmentId,
      generation,
      requestedBy: actor.accountId,
    });
    await this.audit.recordStandalone(actor, {
      action: 'certificate.reissue_requested',
      entityType: 'certificate',
      entityId: cert.id,
      data: { serial: cert.serial, reason, generation },
    });
    return { ...ref, generation };
  }

  async createBundle(actor: Actor, classId: string): Promise<BundleDto> {
    const c = await loadClassFor(this.ds.manager, actor, classId, mayReadClass);
    const bundle = await this.ds.manager.save(
      this.ds.manager.create(CertificateBundle, { classId: c.id, requestedBy: actor.accountId }),
    );
    await this.jobs.enqueue(JobName.CertificateBundle, {
      bundleId: bundle.id,
      requestedBy: actor.accountId,
    });
    return this.presentBundle(bundle);
  }

  async bundle(actor: Actor, id: string): Promise<BundleDto> {
    const b = await this.ds.manager.findOneBy(CertificateBundle, { id });
    if (!b) throw new NotFoundError('证书压缩包', id);
    await loadClassFor(this.ds.manager, actor, b.classId, mayReadClass).catch(() => {
      throw new NotFoundError('证书压缩包', id);
    });
    return this.presentBundle(b);
  }

  async bundleFile(
    actor: Actor,
    id: string,
  ): Promise<{ stream: Readable; fileName: string; size: number | null }> {
    const b = await this.bundle(actor, id);
    const row = await this.ds.manager.findOneByOrFail(CertificateBundle, { id: b.id });
    if (!row.fileKey)
      throw new DomainError('BUNDLE_PENDING', 'id: 压缩包正在生成 (not ready yet)', 409, [
        { field: 'id', problems: ['pending'] },
      ]);
    return {
      stream: await this.files.get(row.fileKey),
      fileName: `证书-${row.classId.slice(0, 8)}.zip`,
      size: row.fileSize,
    };
  }

  private async readable(actor: Actor, id: string): Promise<Certificate> {
    const em = this.ds.manager;
    const cert = await em.findOne(Certificate, { where: { id } });
    if (!cert) throw new NotFoundError('证书', id);
    if (actor.role === 'worker' && actor.workerId === cert.workerId) return cert;
    const c = await em.findOneByOrFail(TrainingClass, { id: cert.classId });
    if (mayReadClass(actor, c)) return cert;
    // the holder's district and street (a municipal bureau: only its own city's, above)
    if (actor.role !== 'municipal_admin') {
      const w = await em.findOneOrFail(Worker, {
        select: { id: true, districtId: true, streetId: true },
        where: { id: cert.workerId },
      });
      if (administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId }))
        return cert;
    }
    throw new NotFoundError('证书', id);
  }

  /** A certificate the bureau may revoke or reissue: one of its own city's (404 otherwise). */
  private async ownBureaus(
    em: EntityManager,
    actor: Actor,
    cert: Certificate | null,
    id: string,
  ): Promise<Certificate> {
    if (!cert) throw new NotFoundError('证书', id);
    const c = await em.findOneByOrFail(TrainingClass, { id: cert.classId });
    if (!isBureauOf(actor, c.municipalityId)) throw new NotFoundError('证书', id);
    return cert;
  }

  private presentBundle(b: CertificateBundle): BundleDto {
    return {
      id: b.id,
      classId: b.classId,
      status: b.status,
      total: b.total,
      done: b.done,
      size: b.fileSize,
      sha256: b.fileSha256,
      queue: QueueName.Certificates,
      jobId: JOB_CATALOGUE[JobName.CertificateBundle].jobId({ bundleId: b.id, requestedBy: '' }),
    };
  }

  present(r: Certificate): CertificateDto {
    return {
      id: r.id,
      serial: r.serial,
      status: r.status,
      generation: r.generation,
      enrollmentId: r.enrollmentId,
      classId: r.classId,
      workerId: r.workerId,
      holderName: r.holderName,
      idNumberMasked: r.idNumberMasked,
      projectTitle: r.projectTitle,
      typeLabel: r.typeLabel,
      halfHours: r.halfHours,
      startDate: r.startDate,
      endDate: r.endDate,
      institutionName: r.institutionName,
      issuers: r.issuers,
      issuedOn: r.issuedOn,
      ready: !!r.fileKey,
      sha256: r.fileSha256,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      revokeReason: r.revokeReason,
      verifyUrl: r.fileKey ? verificationUrl(this.issuer.baseUrl(), r.serial, r.verifyCode) : null,
    };
  }

  /** Used by the demo and tests: which enrolments of a list already hold a certificate. */
  async issuedAmong(enrollmentIds: string[]): Promise<Set<string>> {
    const rows = await this.ds.manager.find(Certificate, {
      select: { enrollmentId: true },
      where: { enrollmentId: In(enrollmentIds) },
    });
    return new Set(rows.map((r) => r.enrollmentId));
  }
}
