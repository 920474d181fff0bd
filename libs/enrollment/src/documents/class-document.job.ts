import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TrainingClass } from '@peixun/classes';
import {
  AuditService,
  ClassDocumentInput,
  DomainError,
  FileStore,
  HandlesJob,
  JOB_CATALOGUE,
  JobHandler,
  JobName,
  JobPayloads,
  renderAttendanceSheet,
  renderProjectList,
  renderTimetable,
  renderTrainingNotice,
} from '@peixun/core';
import { type Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { ClassDocumentInputs } from './class-document-input';
import { ClassDocument } from './class-document.entity';
import { answersRequest, ClassDocumentKind, renderingOutcome } from './class-documents.rules';

const RENDERERS: Record<ClassDocumentKind, (input: ClassDocumentInput) => Promise<Buffer>> = {
  project_list: renderProjectList,
  notice: renderTrainingNotice,
  timetable: renderTimetable,
  attendance_sheet: renderAttendanceSheet,
};

type Payload = JobPayloads[typeof JobName.ClassDocument];

export interface ClassDocumentJobResult {
  classId: string;
  kind: ClassDocumentKind;
  /**
   * rendered: a new file is stored; unchanged: the stored file already shows the class;
   * identical: another run stored the same bytes first; older: another run stored a later
   * state first; cancelled: the class was cancelled; gone: nothing to render for.
   */
  outcome: 'rendered' | 'unchanged' | 'identical' | 'older' | 'cancelled' | 'gone';
  size: number | null;
}

/**
 * Renders one trainee document from the class as it is now (not as the request saw it),
 * stores it (FileStore kind `trainee-document`) and points the row at it. Safe to run twice
 * and alongside other runs: the class is read in one snapshot; an unchanged class re-uses
 * the stored file; the row is updated under its lock, where a run whose bytes are already
 * stored, or that read an older state than the stored file shows, drops its own file.
 */
@Injectable()
@HandlesJob(JobName.ClassDocument)
export class ClassDocumentJob implements JobHandler<typeof JobName.ClassDocument> {
  private readonly logger = new Logger(ClassDocumentJob.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly inputs: ClassDocumentInputs,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  async handle(job: Job<Payload>): Promise<ClassDocumentJobResult> {
    try {
      return await this.run(job.data);
    } catch (err) {
      const last =
        err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (last) await this.markFailed(job.data, err);
      throw err;
    }
  }

  private async run(p: Payload): Promise<ClassDocumentJobResult> {
    const result = (
      outcome: ClassDocumentJobResult['outcome'],
      size: number | null = null,
    ): ClassDocumentJobResult => ({ classId: p.classId, kind: p.kind, outcome, size });

    // the class in one snapshot, with the database's time of it
    const read = await this.ds.transaction('REPEATABLE READ', async (em) => {
      const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
      const row = await em.findOneBy(ClassDocument, { classId: p.classId, kind: p.kind });
      const c = await em.findOneBy(TrainingClass, { id: p.classId });
      if (!row || !c) return null;
      if (c.status === 'cancelled') return 'cancelled' as const;
      // a class without sessions cannot be rendered, and retrying will not add any
      const built = await this.inputs.build(em, c, p.kind).catch((err: unknown) => {
        throw err instanceof DomainError ? new UnrecoverableError(err.message) : err;
      });
      return { readAt: now, row, ...built };
    });
    if (!read) return result('gone');
    if (read === 'cancelled') {
      await this.markFailed(p, new Error('班次已取消 (the class is cancelled)'));
      return result('cancelled');
    }

    if (read.row.fileKey && read.row.inputHash === read.hash) {
      // unchanged since the stored rendering: it answers the request as it is
      await this.settle(p, {
        fileSha256: read.row.fileSha256!,
        inputHash: read.hash,
        readAt: read.readAt,
      });
      return result('unchanged', read.row.size);
    }

    const pdf = await RENDERERS[p.kind](read.input);
    const stored = await this.files.put(pdf, 'trainee-document');
    let done: { outcome: 'identical' | 'older' | 'replace' | 'gone'; previous: string | null } = {
      outcome: 'gone',
      previous: null,
    };
    let committed = false;
    try {
      done = await this.ds.transaction(async (em) => {
        const row = await em.findOne(ClassDocument, {
          where: { classId: p.classId, kind: p.kind },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row) return { outcome: 'gone' as const, previous: null };
        const decision = renderingOutcome(row, {
          sha256: stored.sha256,
          inputHash: read.hash,
          readAt: read.readAt,
        });
        const previous = row.fileKey;
        if (decision === 'replace') {
          row.fileKey = stored.key;
          row.fileSha256 = stored.sha256;
          row.size = stored.size;
          row.inputHash = read.hash;
          row.renderedAt = read.readAt;
        } else if (decision === 'identical' && (!row.renderedAt || row.renderedAt < read.readAt)) {
          // the same content, read later: it shows the class as of our read too
          row.renderedAt = read.readAt;
        }
        if (answersRequest(row, row)) {
          row.status = 'ready';
          row.error = null;
        }
        await em.save(row);
        if (decision === 'replace') {
          await this.audit.record(
            em,
            { system: 'class-documents' },
            {
              action: 'class_document.published',
              entityType: 'class_document',
              entityId: `${p.classId}/${p.kind}`,
              data: {
                classId: p.classId,
                kind: p.kind,
                sha256: stored.sha256,
                size: stored.size,
                inputHash: read.hash,
                requestedBy: p.requestedBy,
              },
            },
          );
        }
        return { outcome: decision, previous: decision === 'replace' ? previous : null };
      });
      committed = true;
    } finally {
      // ours is kept only when the committed row points at it
      if (!committed || done.outcome !== 'replace') await this.files.discard(stored.key);
    }
    // the previous rendering, once nothing references it
    if (done.previous) await this.files.discard(done.previous);
    return result(done.outcome === 'replace' ? 'rendered' : done.outcome, stored.size);
  }

  /** The stored file shows the class as read at `readAt`: the request is answered if it asked for no later state. */
  private async settle(
    p: Payload,
    seen: { fileSha256: string; inputHash: string; readAt: Date },
  ): Promise<void> {
    await this.ds.transaction(async (em) => {
      const row = await em.findOne(ClassDocument, {
        where: { classId: p.classId, kind: p.kind },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.fileSha256 !== seen.fileSha256) return;
      if (!row.renderedAt || row.renderedAt < seen.readAt) row.renderedAt = seen.readAt;
      if (answersRequest(row, row)) {
        row.status = 'ready';
        row.error = null;
      }
      await em.save(row);
    });
  }

  /** The latest request's rendering failed for good (a newer request is left alone). */
  private async markFailed(p: Payload, err: unknown): Promise<void> {
    const jobId = JOB_CATALOGUE[JobName.ClassDocument].jobId(p);
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
    await this.ds
      .createQueryBuilder()
      .update(ClassDocument)
      .set({ status: 'failed', error: message })
      .where('class_id = :classId and kind = :kind and job_id = :jobId and status = :pending', {
        classId: p.classId,
        kind: p.kind,
        jobId,
        pending: 'pending',
      })
      .execute()
      .catch((e: unknown) =>
        // the job fails anyway (and says why); only the row's status could not follow
        this.logger.warn(
          `could not mark ${p.classId}/${p.kind} failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
  }
}
