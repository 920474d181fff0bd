import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { JobName, JobPayloads } from '../../queue/job-catalogue';
import { HandlesJob, JobHandler } from '../../queue/job-handler';
import { PiiCipher } from '../pii-cipher';
import { sealedColumns } from '../sealed-columns';

export interface PiiRotationResult {
  activeKeyId: string;
  resealed: number;
  byColumn: Record<string, number>;
}

const BATCH = 1000;
const ident = (n: string): string => `"${n.replace(/"/g, '""')}"`;

/**
 * Key rotation: every sealed value not yet sealed with the active key is
 * opened and sealed again, in batches of one transaction each (rows locked,
 * skipped when another worker holds them). Safe to run twice and to cut off:
 * what is done is never redone, the rest is found again by its key prefix.
 * The blind index is not touched (its key is separate and does not rotate).
 */
@Injectable()
@HandlesJob(JobName.PiiRotate)
export class PiiRotationJob implements JobHandler<typeof JobName.PiiRotate> {
  private readonly logger = new Logger('PiiRotation');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cipher: PiiCipher,
    private readonly audit: AuditService,
  ) {}

  async handle(
    job: Job<JobPayloads[typeof JobName.PiiRotate]>,
    signal?: AbortSignal,
  ): Promise<PiiRotationResult> {
    if (job.data.activeKeyId !== this.cipher.activeKeyId) {
      throw new Error(
        `this worker seals with key "${this.cipher.activeKeyId}", the job asks for "${job.data.activeKeyId}": ` +
          'give every process the same PII_ACTIVE_KEY_ID',
      );
    }
    const prefix = this.cipher.activePrefix();
    const columns = await sealedColumns(this.ds.manager);
    const byColumn: Record<string, number> = {};
    let resealed = 0;
    for (const col of columns) {
      const name = `${col.table}.${col.column}`;
      byColumn[name] = 0;
      for (;;) {
        signal?.throwIfAborted();
        const n = await this.ds.transaction(async (em) => {
          const rows = await em.query<{ k: string; v: Buffer }[]>(
            `select ${ident(col.primaryKey)}::text as k, ${ident(col.column)} as v from ${ident(col.table)}
              where ${ident(col.column)} is not null and substring(${ident(col.column)} from 1 for $1) <> $2
              order by 1 limit ${BATCH} for update skip locked`,
            [prefix.length, prefix],
          );
          if (!rows.length) return 0;
          const values = rows.map((r) => ({
            k: r.k,
            v: this.cipher.reseal(col.field, r.v)!.toString('base64'),
          }));
          await em.query(
            `update ${ident(col.table)} t set ${ident(col.column)} = decode(x.v, 'base64')
               from jsonb_to_recordset($1::jsonb) as x(k text, v text)
              where t.${ident(col.primaryKey)}::text = x.k`,
            [JSON.stringify(values)],
          );
          return rows.length;
        });
        if (!n) break;
        byColumn[name] += n;
        resealed += n;
        await job.updateProgress({ column: name, resealed });
      }
    }
    await this.audit.record(
      this.ds.manager,
      job.data.requestedBy
        ? { system: `pii-rotation:${job.data.requestedBy}` }
        : { system: 'pii-rotation' },
      {
        action: 'pii.rotated',
        entityType: 'pii_key',
        entityId: this.cipher.activeKeyId,
        data: { resealed, byColumn },
      },
    );
    this.logger.log({ activeKeyId: this.cipher.activeKeyId, resealed }, 'personal data re-sealed');
    return { activeKeyId: this.cipher.activeKeyId, resealed, byColumn };
  }
}
