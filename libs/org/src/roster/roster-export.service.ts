import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, FileStore, PiiCipher } from '@peixun/core';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import { ListWorkersQuery } from '../workers/worker.dto';
import { workerQuery } from '../workers/worker-query';
import { Worker } from '../workers/worker.entity';
import { openIdNumber, openPhone } from '../workers/worker-pii';
import { LABELS, maskIdNumber, POSTS } from '../workers/workers.rules';
import { RosterFile } from './roster-file.entity';
import { ROSTER_COLUMNS, RosterKey, TEMPLATE_NOTES } from './roster.columns';

const BATCH = 5000;

function csvLine(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

/** A worker as a roster row, in the template's columns and Chinese labels (so an export re-imports as is). */
function rowOf(
  w: Worker,
  community: OrgUnit | undefined,
  cipher: PiiCipher,
): Record<RosterKey, string> {
  // an export covers only workers the caller administers (workerQuery's scope): full numbers
  return {
    name: w.name,
    idNumber: openIdNumber(cipher, w),
    gender: LABELS.gender[w.gender],
    birthDate: w.birthDate,
    phone: openPhone(cipher, w) ?? '',
    community: community?.name ?? '',
    communityCode: community?.code ?? '',
    positionTier: LABELS.tier[w.positionTier],
    post: w.post ? POSTS[w.post].label : '',
    entryChannel: LABELS.channel[w.entryChannel],
    startedOn: w.startedOn,
    qualification: LABELS.qualification[w.qualification],
    qualificationCertNo: w.qualificationCertNo ?? '',
    qualificationOn: w.qualificationOn ?? '',
    status: LABELS.status[w.status],
  };
}

/** Builds roster spreadsheets: the blank template, and exports of the caller's scope. */
@Injectable()
export class RosterExportService {
  private readonly logger = new Logger('RosterExport');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly files: FileStore,
  ) {}

  /** The import template: headers, one example row, and a sheet of notes. */
  async template(format: 'xlsx' | 'csv'): Promise<Buffer> {
    const headers = ROSTER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header));
    const example = ROSTER_COLUMNS.map((c) => c.example);
    if (format === 'csv') {
      return Buffer.from(`\uFEFF${csvLine(headers)}\r\n${csvLine(example)}\r\n`, 'utf8');
    }
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('社区工作者名册');
    sheet.columns = ROSTER_COLUMNS.map((c) => ({
      header: c.required ? `${c.header}*` : c.header,
      width: 18,
      style: { numFmt: '@' },
    }));
    sheet.addRow(example);
    sheet.getRow(1).font = { bold: true };
    const notes = wb.addWorksheet('填写说明');
    notes.columns = [
      { header: '列', width: 24 },
      { header: '说明', width: 90 },
    ];
    TEMPLATE_NOTES.forEach((n) => notes.addRow(n));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Builds the export for a roster_file row (filters and actor stored on it). Safe to run twice. */
  async run(
    fileId: string,
    progress: (done: number) => Promise<void> = () => Promise.resolve(),
  ): Promise<RosterFile> {
    const files = this.ds.getRepository(RosterFile);
    const file = await files.findOneByOrFail({ id: fileId, kind: 'export' });
    if (file.status === 'completed') return file;
    await files.update({ id: fileId }, { status: 'processing' });
    const actor = file.actor as unknown as Actor;
    const filters = (file.filters ?? {}) as ListWorkersQuery;
    const communities = new Map(
      (await this.ds.getRepository(OrgUnit).findBy({ kind: 'community' })).map((c) => [c.id, c]),
    );

    // the file streams into the file store as it is written
    const out = new PassThrough();
    const storing = this.files.put(out, 'roster-export');
    storing.catch(() => undefined); // awaited below; meanwhile a refusal destroys `out`
    const drained = (): Promise<void> =>
      new Promise((resolve) => {
        const go = (): void => {
          out.off('drain', go);
          out.off('close', go);
          resolve();
        };
        out.on('drain', go);
        out.on('close', go);
      });
    const headers = ROSTER_COLUMNS.map((c) => c.header);
    let writeRow: (values: string[]) => void;
    let close: () => Promise<void>;
    if (file.format === 'csv') {
      out.write(`\uFEFF${csvLine(headers)}\r\n`);
      writeRow = (v) => out.write(`${csvLine(v)}\r\n`);
      close = () => {
        out.end();
        return Promise.resolve();
      };
    } else {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useSharedStrings: false,
        useStyles: true,
      });
      const sheet = wb.addWorksheet('社区工作者名册');
      sheet.columns = ROSTER_COLUMNS.map((c) => ({
        header: c.header,
        key: c.key,
        width: 18,
        style: { numFmt: '@' },
      }));
      writeRow = (v) => sheet.addRow(v).commit();
      close = async () => {
        sheet.commit();
        await wb.commit();
      };
    }

    let total = 0;
    let after: [string, string] | null = null;
    for (;;) {
      const batch = await this.batch(actor, filters, after);
      for (const w of batch) {
        const row = rowOf(w, communities.get(w.communityId), this.cipher);
        writeRow(ROSTER_COLUMNS.map((c) => row[c.key]));
      }
      total += batch.length;
      await progress(total);
      if (out.destroyed) break; // the store refused the file: storing says why
      if (out.writableNeedDrain) await drained();
      if (batch.length < BATCH) break;
      const last = batch[batch.length - 1];
      after = [last.name, last.id];
    }
    if (!out.destroyed) await close();
    const stored = await storing;

    let result: { file: RosterFile; unused: string | null };
    try {
      result = await this.ds.transaction(async (em) => {
        const locked = await em.findOneOrFail(RosterFile, {
          where: { id: fileId },
          lock: { mode: 'pessimistic_write' },
        });
        // a concurrent run finished first: its file stays, ours goes
        if (locked.status === 'completed') return { file: locked, unused: stored.key };
        await em.update(
          RosterFile,
          { id: fileId },
          {
            status: 'completed',
            fileKey: stored.key,
            fileSha256: stored.sha256,
            sizeBytes: stored.size,
            totalRows: total,
            finishedAt: new Date(),
          },
        );
        return { file: await this.recordExport(em, actor, fileId, total, filters), unused: null };
      });
    } catch (err) {
      await this.files.discard(stored.key);
      throw err;
    }
    await this.files.discard(result.unused);
    return result.file;
  }

  private async recordExport(
    em: EntityManager,
    actor: Actor,
    fileId: string,
    total: number,
    filters: ListWorkersQuery,
  ): Promise<RosterFile> {
    await this.audit.record(em, actor, {
      action: 'worker.roster_exported',
      entityType: 'roster_file',
      entityId: fileId,
      data: {
        rows: total,
        filters: {
          ...filters,
          ...(filters.idNumber ? { idNumber: maskIdNumber(filters.idNumber) } : {}),
        },
      },
    });
    this.logger.log({ fileId, rows: total }, 'roster exported');
    return em.findOneByOrFail(RosterFile, { id: fileId });
  }

  private async batch(
    actor: Actor,
    q: ListWorkersQuery,
    after: [string, string] | null,
  ): Promise<Worker[]> {
    return (await workerQuery(this.ds, this.cipher, actor, q, after, BATCH)?.getMany()) ?? [];
  }
}
