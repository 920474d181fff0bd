import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  FileStore,
  localDate,
  maskSensitiveText,
  PiiCipher,
} from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import { administers } from '../scope.rules';
import { WorkerChangeKind, WorkerPostHistory } from '../workers/worker.entity';
import { idNumberHash, sealIdNumber, sealPhone } from '../workers/worker-pii';
import { RosterFile, RosterRowError } from './roster-file.entity';
import { parseRoster } from './roster-parse';
import {
  ALREADY_REGISTERED_ELSEWHERE,
  RosterContext,
  RosterRecord,
  validateRoster,
} from './roster.rules';

export interface RosterImportResult {
  importId: string;
  status: RosterFile['status'];
  totalRows: number;
  created: number;
  updated: number;
  errorCount: number;
  errors: RosterRowError[];
  failure: string | null;
}

export type Progress = (p: {
  phase: 'parsing' | 'validating' | 'writing';
  done: number;
  total: number;
}) => Promise<void>;

const MAX_ERRORS_KEPT = 1000;

/** Raised inside the write transaction when a matched worker left the uploader's scope after validation. */
class ScopeChanged extends Error {
  constructor(readonly errors: RosterRowError[]) {
    super('roster rows changed scope during the import');
  }
}
const CHUNK = 1000;

interface ExistingRow {
  id: string;
  id_number_hash: Buffer;
  community_id: string;
  street_id: string;
  district_id: string;
  position_tier: string;
  post: string | null;
  status: string;
}

export function importResult(f: RosterFile): RosterImportResult {
  return {
    importId: f.id,
    status: f.status,
    totalRows: f.totalRows ?? 0,
    created: f.createdCount ?? 0,
    updated: f.updatedCount ?? 0,
    errorCount: f.errorCount ?? 0,
    errors: f.errors ?? [],
    failure: f.failure,
  };
}

/**
 * Imports a roster: every row is validated first; if any row is bad nothing is
 * written and each bad row, column and reason is reported. Otherwise all rows
 * are written in one transaction, matched on ID number (a re-upload updates).
 * Safe to run twice: a finished import returns its recorded outcome.
 */
@Injectable()
export class RosterImportService {
  private readonly logger = new Logger('RosterImport');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
    private readonly files: FileStore,
  ) {}

  async run(
    fileId: string,
    progress: Progress = () => Promise.resolve(),
  ): Promise<RosterImportResult> {
    const files = this.ds.getRepository(RosterFile);
    const file = await files.findOneByOrFail({ id: fileId, kind: 'import' });
    if (file.status === 'completed' || file.status === 'invalid') return importResult(file);
    await files.update({ id: fileId }, { status: 'processing', failure: null });
    try {
      return await this.process(file, progress);
    } catch (err) {
      // recorded for the client; the job is retried, and a retry starts over
      const reason = err instanceof Error ? maskSensitiveText(err.message) : 'unknown error';
      await files.update(
        { id: fileId },
        { status: 'failed', failure: reason.slice(0, 500), finishedAt: new Date() },
      );
      throw err;
    }
  }

  private async process(file: RosterFile, progress: Progress): Promise<RosterImportResult> {
    const fileId = file.id;
    const actor = file.actor as unknown as Actor;
    await progress({ phase: 'parsing', done: 0, total: 0 });
    if (!file.fileKey) throw new Error(`roster import ${fileId} has no file`);
    const parsed = await parseRoster(await this.files.getBuffer(file.fileKey), file.format);
    if (parsed.fileErrors.length) {
      return this.finishInvalid(
        file,
        0,
        parsed.fileErrors.map((reason) => ({ row: 1, column: '', reason })),
      );
    }
    if (!parsed.rows.length) {
      return this.finishInvalid(file, 0, [
        { row: 2, column: '', reason: '文件中没有数据行 (no data rows)' },
      ]);
    }
    const total = parsed.rows.length;
    await progress({ phase: 'validating', done: 0, total });
    const existing = await this.existing(
      this.ds.manager,
      parsed.rows
        .map((r) => (r.cells.idNumber ?? '').trim().toUpperCase())
        .filter((v) => v.length === 18),
      false,
    );
    const ctx = await this.context(actor, existing);
    const { records, errors } = validateRoster(parsed.rows, ctx);
    if (errors.length) return this.finishInvalid(file, total, errors);

    await progress({ phase: 'writing', done: 0, total });
    try {
      return await this.ds.transaction(async (em) => {
        // the same file may have been finished meanwhile by another attempt
        const locked = await em.findOneOrFail(RosterFile, {
          where: { id: fileId },
          lock: { mode: 'pessimistic_write' },
        });
        if (locked.status === 'completed' || locked.status === 'invalid')
          return importResult(locked);
        // re-read and lock the matched workers: one may have left the uploader's scope since validation
        const fresh = await this.existing(
          em,
          records.map((r) => r.idNumber),
          true,
        );
        const moved = records
          .filter((r) => {
            const w = fresh.get(r.idNumber);
            return (
              w && !administers(actor, { id: '', districtId: w.district_id, streetId: w.street_id })
            );
          })
          .map((r) => ({
            row: r.row,
            column: '身份证号',
            reason: ALREADY_REGISTERED_ELSEWHERE,
          }));
        if (moved.length) throw new ScopeChanged(moved);
        const { created, updated } = await this.write(
          em,
          actor,
          records,
          fresh,
          ctx.today,
          progress,
          total,
        );
        await em.update(
          RosterFile,
          { id: fileId },
          {
            status: 'completed',
            totalRows: total,
            createdCount: created,
            updatedCount: updated,
            errorCount: 0,
            errors: null,
            failure: null,
            finishedAt: new Date(),
          },
        );
        await this.audit.record(em, actor, {
          action: 'worker.roster_imported',
          entityType: 'roster_file',
          entityId: fileId,
          data: { fileName: file.fileName, rows: total, created, updated },
        });
        this.logger.log({ fileId, rows: total, created, updated }, 'roster imported');
        return importResult(await em.findOneByOrFail(RosterFile, { id: fileId }));
      });
    } catch (err) {
      if (err instanceof ScopeChanged) return this.finishInvalid(file, total, err.errors);
      throw err;
    }
  }

  private async finishInvalid(
    file: RosterFile,
    total: number,
    errors: RosterRowError[],
  ): Promise<RosterImportResult> {
    await this.ds.getRepository(RosterFile).update(
      { id: file.id },
      {
        status: 'invalid',
        totalRows: total,
        errorCount: errors.length,
        errors: errors.slice(0, MAX_ERRORS_KEPT),
        createdCount: 0,
        updatedCount: 0,
        finishedAt: new Date(),
      },
    );
    return importResult(await this.ds.getRepository(RosterFile).findOneByOrFail({ id: file.id }));
  }

  private async existing(
    em: EntityManager,
    idNumbers: string[],
    lock: boolean,
  ): Promise<Map<string, ExistingRow>> {
    // matched through the keyed blind index: ID numbers are stored sealed
    const byHash = new Map(idNumbers.map((n) => [idNumberHash(this.cipher, n).toString('hex'), n]));
    const hashes = [...byHash.keys()];
    const out = new Map<string, ExistingRow>();
    for (let i = 0; i < hashes.length; i += 10_000) {
      const rows = await em.query<ExistingRow[]>(
        `select id, id_number_hash, community_id, street_id, district_id, position_tier, post, status
           from worker
          where id_number_hash = any(select decode(h, 'hex') from unnest($1::text[]) h)${lock ? ' for update' : ''}`,
        [hashes.slice(i, i + 10_000)],
      );
      for (const r of rows) out.set(byHash.get(r.id_number_hash.toString('hex'))!, r);
    }
    return out;
  }

  private async context(actor: Actor, existing: Map<string, ExistingRow>): Promise<RosterContext> {
    const qb = this.ds
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .where(`u.kind = 'community' and u.active`);
    if (actor.role === 'district_admin') qb.andWhere('u.district_id = :d', { d: actor.districtId });
    else if (actor.role === 'street_admin') qb.andWhere('u.street_id = :s', { s: actor.streetId });
    else if (actor.role !== 'municipal_admin') qb.andWhere('false');
    const communities = await qb.getMany();
    const byName = new Map<string, OrgUnit[]>();
    for (const c of communities) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    return {
      communitiesByCode: new Map(communities.filter((c) => c.code).map((c) => [c.code!, c])),
      communitiesByName: byName,
      existing: new Map(
        [...existing.entries()].map(([idn, w]) => [
          idn,
          {
            administered: administers(actor, {
              id: '',
              districtId: w.district_id,
              streetId: w.street_id,
            }),
          },
        ]),
      ),
      today: localDate(new Date(), this.config.timezone),
    };
  }

  private async write(
    em: EntityManager,
    actor: Actor,
    records: RosterRecord[],
    existing: Map<string, ExistingRow>,
    today: string,
    progress: Progress,
    total: number,
  ): Promise<{ created: number; updated: number }> {
    const fresh = records.filter((r) => !existing.has(r.idNumber));
    const known = records.filter((r) => existing.has(r.idNumber));
    let done = 0;

    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const sealed = chunk.map((r) => sealIdNumber(this.cipher, r.idNumber));
      const inserted = await em.query<{ id: string; h: Buffer }[]>(
        `insert into worker (name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked,
                             phone_enc, phone_hash, phone_masked, community_id, street_id, district_id,
                             position_tier, post, entry_channel, started_on, qualification,
                             qualification_cert_no, qualification_on, status)
         select name, gender, birth_date, decode(id_number_enc, 'base64'), decode(id_number_hash, 'base64'),
                id_number_masked, decode(phone_enc, 'base64'), decode(phone_hash, 'base64'), phone_masked,
                community_id, street_id, district_id, position_tier, post, entry_channel, started_on,
                qualification, qualification_cert_no, qualification_on, status
           from jsonb_to_recordset($1::jsonb) as v(
             name text, gender text, birth_date date, id_number_enc text, id_number_hash text,
             id_number_masked text, phone_enc text, phone_hash text, phone_masked text, community_id uuid,
             street_id uuid, district_id uuid, position_tier text, post text, entry_channel text,
             started_on date, qualification text, qualification_cert_no text, qualification_on date,
             status text)
         returning id, id_number_hash as h`,
        [
          JSON.stringify(
            chunk.map((r, i) => ({
              ...this.columnsSnake(r),
              gender: r.gender,
              birth_date: r.birthDate,
              id_number_enc: sealed[i].idNumberEnc.toString('base64'),
              id_number_hash: sealed[i].idNumberHash.toString('base64'),
              id_number_masked: sealed[i].idNumberMasked,
            })),
          ),
        ],
      );
      const idOfHash = new Map(inserted.map((x) => [x.h.toString('hex'), x.id]));
      const ids = new Map(
        chunk.map((r, i) => [r.idNumber, idOfHash.get(sealed[i].idNumberHash.toString('hex'))!]),
      );
      await em.query(
        `insert into worker_post_history (worker_id, change_kind, community_id, position_tier, post, status,
                                          effective_on, reason, recorded_by)
         select worker_id, 'initial', community_id, position_tier, post, status, effective_on, $2, $3
           from jsonb_to_recordset($1::jsonb) as v(
             worker_id uuid, community_id uuid, position_tier text, post text, status text, effective_on date)`,
        [
          JSON.stringify(
            chunk.map((r) => ({
              worker_id: ids.get(r.idNumber),
              community_id: r.community.id,
              position_tier: r.positionTier,
              post: r.post,
              status: r.status,
              effective_on: r.startedOn,
            })),
          ),
          '名册导入 (roster import)',
          actor.accountId,
        ],
      );
      done += chunk.length;
      await progress({ phase: 'writing', done, total });
    }

    for (let i = 0; i < known.length; i += CHUNK) {
      const chunk = known.slice(i, i + CHUNK);
      const rows = chunk.map((r) => ({
        id: existing.get(r.idNumber)!.id,
        ...this.columnsSnake(r),
      }));
      await em.query(
        `update worker w set
            name = v.name, phone_enc = decode(v.phone_enc, 'base64'), phone_hash = decode(v.phone_hash, 'base64'),
            phone_masked = v.phone_masked, community_id = v.community_id, street_id = v.street_id,
            district_id = v.district_id, position_tier = v.position_tier, post = v.post,
            entry_channel = v.entry_channel, started_on = v.started_on, qualification = v.qualification,
            qualification_cert_no = v.qualification_cert_no, qualification_on = v.qualification_on,
            status = v.status, updated_at = now(), version = w.version + 1
           from jsonb_to_recordset($1::jsonb) as v(
             id uuid, name text, phone_enc text, phone_hash text, phone_masked text, community_id uuid,
             street_id uuid, district_id uuid,
             position_tier text, post text, entry_channel text, started_on date, qualification text,
             qualification_cert_no text, qualification_on date, status text)
          where w.id = v.id`,
        [JSON.stringify(rows)],
      );
      const history: Partial<WorkerPostHistory>[] = [];
      for (const r of chunk) {
        const before = existing.get(r.idNumber)!;
        const kinds: WorkerChangeKind[] = [];
        if (before.community_id !== r.community.id) kinds.push('transfer');
        if (before.position_tier !== r.positionTier || (before.post ?? null) !== r.post)
          kinds.push('post_change');
        if (before.status !== r.status) kinds.push('status_change');
        for (const changeKind of kinds) {
          history.push({
            workerId: before.id,
            changeKind,
            communityId: r.community.id,
            positionTier: r.positionTier,
            post: r.post,
            status: r.status,
            effectiveOn: today,
            reason: '名册导入 (roster import)',
            recordedBy: actor.accountId,
          });
        }
      }
      if (history.length) await em.insert(WorkerPostHistory, history);
      done += chunk.length;
      await progress({ phase: 'writing', done, total });
    }
    return { created: fresh.length, updated: known.length };
  }

  private columnsSnake(r: RosterRecord): Record<string, unknown> {
    const phone = sealPhone(this.cipher, r.phone);
    return {
      name: r.name,
      phone_enc: phone.phoneEnc?.toString('base64') ?? null,
      phone_hash: phone.phoneHash?.toString('base64') ?? null,
      phone_masked: phone.phoneMasked,
      community_id: r.community.id,
      street_id: r.community.streetId,
      district_id: r.community.districtId,
      position_tier: r.positionTier,
      post: r.post,
      entry_channel: r.entryChannel,
      started_on: r.startedOn,
      qualification: r.qualification,
      qualification_cert_no: r.qualificationCertNo,
      qualification_on: r.qualificationOn,
      status: r.status,
    };
  }
}
