import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mayManageClass, TrainingClass } from '@peixun/classes';
import {
  Actor,
  AuditService,
  FileStore,
  illegalTransition,
  JOB_CATALOGUE,
  JobName,
  JobPayloads,
  JobsService,
  NotFoundError,
} from '@peixun/core';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In } from 'typeorm';
import { Enrollment } from '../enrollment.entity';
import { ClassDocumentInputs } from './class-document-input';
import { ClassDocument } from './class-document.entity';
import { ClassDocumentDto, PublishDocumentDto } from './class-document.dto';
import { notReady, staffOnly } from './class-documents.errors';
import {
  CLASS_DOCUMENT_LABELS,
  ClassDocumentKind,
  DocumentAccess,
  documentAccess,
  documentFileName,
  readableKinds,
} from './class-documents.rules';

/** Statuses in which a worker holds a place in a class. */
const HOLDING = ['enrolled', 'offered'] as const;

/**
 * The trainee documents of a class (Art. 13): published by who runs the class (a job renders
 * them in the worker: the API never renders), read by the commissioning district and the
 * bureau, and — except the attendance sheet — by the trainees holding a place.
 */
@Injectable()
export class ClassDocumentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly inputs: ClassDocumentInputs,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  /**
   * Asks for a rendering of the class as it is now. An unchanged class keeps (and answers
   * with) its stored file; otherwise the document turns pending until the job has stored it.
   */
  async publish(
    actor: Actor,
    classId: string,
    kind: ClassDocumentKind,
  ): Promise<PublishDocumentDto> {
    const planned = await this.ds.transaction(async (em) => {
      const c = await em.findOneBy(TrainingClass, { id: classId });
      if (!c || !mayManageClass(actor, c)) throw new NotFoundError('班次', classId);
      if (c.status === 'cancelled') throw illegalTransition('publish documents', c.status);
      const { hash } = await this.inputs.build(em, c, kind);
      const payload = { classId, kind, inputHash: hash, requestedBy: actor.accountId };
      const jobId = JOB_CATALOGUE[JobName.ClassDocument].jobId(payload);
      const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
      // one row per class and document; concurrent first requests meet on the primary key
      await em
        .createQueryBuilder()
        .insert()
        .into(ClassDocument)
        .values({
          classId,
          kind,
          status: 'pending',
          requestedHash: hash,
          requestedAt: now,
          requestedBy: actor.accountId,
          jobId,
        })
        .orIgnore()
        .execute();
      const row = await em.findOneOrFail(ClassDocument, {
        where: { classId, kind },
        lock: { mode: 'pessimistic_write' },
      });
      const unchanged = !!row.fileKey && row.inputHash === hash;
      await em.update(
        ClassDocument,
        { classId, kind },
        {
          status: unchanged ? 'ready' : 'pending',
          requestedHash: hash,
          requestedAt: now,
          requestedBy: actor.accountId,
          jobId,
          error: null,
        },
      );
      await this.audit.record(em, actor, {
        action: 'class_document.publish_requested',
        entityType: 'class_document',
        entityId: `${classId}/${kind}`,
        data: { classId, kind, inputHash: hash, unchanged },
      });
      return { payload, unchanged };
    });
    const ref = await this.enqueue(planned.payload, !planned.unchanged);
    return { ...ref, kind, status: planned.unchanged ? 'ready' : 'pending' };
  }

  async list(actor: Actor, classId: string): Promise<ClassDocumentDto[]> {
    const em = this.ds.manager;
    const { c, access } = await this.classFor(em, actor, classId);
    const rows = new Map(
      (await em.findBy(ClassDocument, { classId: c.id })).map((r) => [r.kind, r]),
    );
    return readableKinds(access).map((kind) => this.present(c, kind, rows.get(kind), access));
  }

  async file(
    actor: Actor,
    classId: string,
    kind: ClassDocumentKind,
  ): Promise<{ content: Readable; size: number; fileName: string }> {
    const em = this.ds.manager;
    const { c, access } = await this.classFor(em, actor, classId);
    if (!readableKinds(access).includes(kind)) throw staffOnly(kind);
    const row = await em.findOneBy(ClassDocument, { classId: c.id, kind });
    if (!row) throw new NotFoundError(`${CLASS_DOCUMENT_LABELS[kind]}（尚未发布）`);
    if (!row.fileKey || row.size === null) {
      throw notReady(
        kind,
        row.status,
        access === 'manage' ? { queue: this.queueName(), jobId: row.jobId } : null,
      );
    }
    return {
      content: await this.files.get(row.fileKey),
      size: row.size,
      fileName: documentFileName(kind, c.title),
    };
  }

  // -- helpers ---------------------------------------------------------------------

  /** The class and how the actor stands to its documents; 404 when not at all. */
  private async classFor(
    em: EntityManager,
    actor: Actor,
    classId: string,
  ): Promise<{ c: TrainingClass; access: Exclude<DocumentAccess, null> }> {
    const c = await em.findOneBy(TrainingClass, { id: classId });
    const holdsPlace =
      !!c &&
      actor.role === 'worker' &&
      !!actor.workerId &&
      (await em.exists(Enrollment, {
        where: { classId: c.id, workerId: actor.workerId, status: In([...HOLDING]) },
      }));
    const access = c ? documentAccess(actor, c, holdsPlace) : null;
    if (!c || !access) throw new NotFoundError('班次', classId);
    return { c, access };
  }

  /**
   * Enqueues the rendering. A job of that id that already completed (the class went back to
   * a state rendered before) is run again when a rendering is wanted.
   */
  private async enqueue(
    payload: JobPayloads[typeof JobName.ClassDocument],
    wanted: boolean,
  ): Promise<{ queue: string; jobId: string }> {
    const ref = await this.jobs.enqueue(JobName.ClassDocument, payload);
    if (!wanted) return ref;
    const job = await this.jobs.queue(ref.queue).getJob(ref.jobId);
    if (job && (await job.isCompleted())) {
      await job.remove();
      return this.jobs.enqueue(JobName.ClassDocument, payload);
    }
    return ref;
  }

  private queueName(): string {
    return JOB_CATALOGUE[JobName.ClassDocument].queue;
  }

  private present(
    c: TrainingClass,
    kind: ClassDocumentKind,
    row: ClassDocument | undefined,
    access: DocumentAccess,
  ): ClassDocumentDto {
    return {
      kind,
      label: CLASS_DOCUMENT_LABELS[kind],
      status: row?.status ?? 'none',
      available: !!row?.fileKey,
      fileName: documentFileName(kind, c.title),
      size: row?.size ?? null,
      sha256: row?.fileSha256 ?? null,
      renderedAt: row?.renderedAt ?? null,
      requestedAt: row?.requestedAt ?? null,
      job: row && access === 'manage' ? { queue: this.queueName(), jobId: row.jobId } : null,
      error: access === 'manage' ? (row?.error ?? null) : null,
    };
  }
}
