import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, localDate } from '@peixun/core';
import { enrolmentRules, TrainingPolicy } from '@peixun/policy';
import { DataSource, EntityManager } from 'typeorm';
import { buildRecord, recordHash } from './assessment.rules';
import { MunicipalPolicies } from './policies';
import {
  ContributesToRecord,
  PartName,
  RecordParts,
  TrainingRecord,
  TrainingRecordContributor,
} from './record.types';

/**
 * Workers per batch of a recomputation: one set-based query per contributor and batch (large,
 * so that the database scans the marks once rather than probing an index per session) …
 */
export const RECORD_BATCH = 50_000;
/** … in slices computed at once on their own connections (one per core of the database) … */
export const RECORD_SLICES = 2;
/** … each of at least this many workers (a small recomputation is one slice) … */
const MIN_SLICE = 1000;
/** … and records per upsert statement. */
export const UPSERT_BATCH = 5000;

interface WorkerRow {
  id: string;
  district_id: string;
  street_id: string;
  municipality_id: string;
  district_code: string | null;
  started_on: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `startedOn > cutoff` ⇔ new to community work on `day` (libs/enrollment views.rules inductionCutoff). */
function inductionCutoff(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const cy = Math.floor(index / 12);
  const cm = (index % 12) + 1;
  const last = new Date(Date.UTC(cy, cm, 0)).getUTCDate();
  return `${String(cy).padStart(4, '0')}-${pad(cm)}-${pad(Math.min(d, last))}`;
}

/** Computes annual training records from the contributors and stores them (the job's work). */
@Injectable()
export class RecordsService implements OnModuleInit {
  private readonly logger = new Logger('TrainingRecords');
  private contributors: TrainingRecordContributor[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly policies: MunicipalPolicies,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.contributors = this.discovery
      .getProviders({ metadataKey: ContributesToRecord.KEY })
      .map((w) => w.instance as TrainingRecordContributor)
      .filter((c) => !!c)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** For tests and the lead's merge: a contributor registered by hand. */
  register(c: TrainingRecordContributor): void {
    if (!this.contributors.some((x) => x.name === c.name)) this.contributors.push(c);
  }

  unregister(name: string): void {
    this.contributors = this.contributors.filter((c) => c.name !== name);
  }

  /** The day a year is judged on: today for the current year, else its last day. */
  referenceDate(year: number): string {
    const today = localDate(new Date(), this.config.timezone);
    return Number(today.slice(0, 4)) > year ? `${year}-12-31` : today;
  }

  /** The records of these workers for a year, from scratch (nothing stored is read). */
  async compute(
    em: EntityManager,
    workerIds: string[],
    year: number,
  ): Promise<{ row: WorkerRow; record: TrainingRecord; policy: TrainingPolicy }[]> {
    if (!workerIds.length) return [];
    const workers = await em.query<WorkerRow[]>(
      `select w.id, w.district_id, w.street_id, d.parent_id as municipality_id, d.code as district_code,
              w.started_on::text as started_on
         from worker w join org_unit d on d.id = w.district_id
        where w.id = any($1::uuid[])
        order by w.id`,
      [workerIds],
    );
    const policies = await this.policies.forMunicipalities(
      em,
      [...new Set(workers.map((w) => w.municipality_id))],
      year,
    );
    const known = new Set<PartName>(this.contributors.flatMap((c) => c.provides));
    const parts = new Map<string, Partial<RecordParts>>();
    for (const c of this.contributors) {
      const got = await c.contribute(
        workers.map((w) => w.id),
        year,
        em,
      );
      for (const [id, p] of got) parts.set(id, { ...(parts.get(id) ?? {}), ...p });
    }
    const day = this.referenceDate(year);
    const out: { row: WorkerRow; record: TrainingRecord; policy: TrainingPolicy }[] = [];
    for (const w of workers) {
      const policy = policies.get(w.municipality_id);
      if (!policy) continue;
      const cutoff = inductionCutoff(day, enrolmentRules(policy).inductionWindowMonths);
      out.push({
        row: w,
        policy,
        record: buildRecord({
          workerId: w.id,
          year,
          policy,
          districtCode: w.district_code,
          newToWork: w.started_on > cutoff && w.started_on <= day,
          parts: parts.get(w.id) ?? {},
          known,
        }),
      });
    }
    return out;
  }

  /** Computes and stores the records; rows whose record did not change are left as they are. */
  async store(em: EntityManager, workerIds: string[], year: number): Promise<number> {
    const computed = await this.compute(em, workerIds, year);
    // only records whose hash (or street) changed are sent to the database at all
    const stored = new Map(
      (
        await em.query<{ worker_id: string; record_hash: string; street_id: string }[]>(
          `select worker_id, record_hash, street_id from training_record
            where year = $2 and worker_id = any($1::uuid[])`,
          [computed.map((c) => c.row.id), year],
        )
      ).map((r) => [r.worker_id, r]),
    );
    const changedRows = computed
      .map((c) => ({ ...c, hash: recordHash(c.record) }))
      .filter((c) => {
        const s = stored.get(c.row.id);
        return !s || s.record_hash !== c.hash || s.street_id !== c.row.street_id;
      });
    let changed = 0;
    for (let i = 0; i < changedRows.length; i += UPSERT_BATCH)
      changed += await this.upsert(em, changedRows.slice(i, i + UPSERT_BATCH), year);
    return changed;
  }

  private async upsert(
    em: EntityManager,
    computed: { row: WorkerRow; record: TrainingRecord; hash: string }[],
    year: number,
  ): Promise<number> {
    if (!computed.length) return 0;
    const payload = computed.map(({ row, record, hash }) => {
      const req = (code: string) => record.requirements.find((r) => r.code === code);
      return {
        worker_id: row.id,
        municipality_id: row.municipality_id,
        district_id: row.district_id,
        street_id: row.street_id,
        policy_id: record.policyId,
        total_half_hours: record.totalHalfHours,
        compliant: record.requirements.every((r) => r.met),
        induction_required: !!req('induction'),
        induction_met: req('induction')?.met ?? true,
        post_required: !!req('post'),
        post_met: req('post')?.met ?? true,
        exams_taken: record.exams ? record.exams.length : null,
        exams_passed: record.exams ? record.exams.filter((e) => e.passed).length : null,
        best_grade: record.limits.bestGrade,
        record,
        record_hash: hash,
      };
    });
    const res = await em.query<unknown[]>(
      `insert into training_record (worker_id, year, municipality_id, district_id, street_id, policy_id,
              total_half_hours, compliant, induction_required, induction_met, post_required, post_met,
              exams_taken, exams_passed, best_grade, record, record_hash, computed_at)
       select x.worker_id, $2, x.municipality_id, x.district_id, x.street_id, x.policy_id,
              x.total_half_hours, x.compliant, x.induction_required, x.induction_met, x.post_required,
              x.post_met, x.exams_taken, x.exams_passed, x.best_grade, x.record, x.record_hash, now()
         from jsonb_to_recordset($1::jsonb) as x(worker_id uuid, municipality_id uuid, district_id uuid,
              street_id uuid, policy_id varchar, total_half_hours int, compliant boolean,
              induction_required boolean, induction_met boolean, post_required boolean, post_met boolean,
              exams_taken int, exams_passed int, best_grade varchar, record jsonb, record_hash char(64))
       on conflict (worker_id, year) do update set
              municipality_id = excluded.municipality_id, district_id = excluded.district_id,
              street_id = excluded.street_id, policy_id = excluded.policy_id,
              total_half_hours = excluded.total_half_hours, compliant = excluded.compliant,
              induction_required = excluded.induction_required, induction_met = excluded.induction_met,
              post_required = excluded.post_required, post_met = excluded.post_met,
              exams_taken = excluded.exams_taken, exams_passed = excluded.exams_passed,
              best_grade = excluded.best_grade, record = excluded.record,
              record_hash = excluded.record_hash, computed_at = excluded.computed_at
        where training_record.record_hash <> excluded.record_hash
          or training_record.street_id <> excluded.street_id
       returning 1`,
      [JSON.stringify(payload), year],
    );
    return res.length;
  }

  /**
   * Recomputes a year's records: the given workers, or a district's, or everyone's. Workers
   * are those active, or with a place in a class of the year. Batches of RECORD_BATCH, each
   * in its own transaction; `progress` is told the share done.
   */
  async recompute(
    year: number,
    scope: { districtId?: string; workerIds?: string[] },
    progress?: (done: number, total: number) => Promise<void> | void,
    signal?: AbortSignal,
  ): Promise<{ workers: number; changed: number }> {
    const ids = scope.workerIds?.length
      ? scope.workerIds
      : (
          await this.ds.query<{ id: string }[]>(
            `select w.id from worker w
              where ($1::uuid is null or w.district_id = $1)
                and (w.status = 'active' or exists (
                      select 1 from enrollment e join training_class c on c.id = e.class_id
                       where e.worker_id = w.id and c.year = $2))
              order by w.id`,
            [scope.districtId ?? null, year],
          )
        ).map((r) => r.id);
    // slices of one batch run at once, each in its own transaction on its own connection: while
    // one slice's records are built in JavaScript, PostgreSQL works on another's query or upsert
    const slices = Math.max(1, Math.min(RECORD_SLICES, Math.ceil(ids.length / MIN_SLICE)));
    const size = Math.min(RECORD_BATCH, Math.ceil(ids.length / slices));
    let changed = 0;
    let done = 0;
    for (let i = 0; i < ids.length; i += size * slices) {
      signal?.throwIfAborted();
      const parts = Array.from({ length: slices }, (_, k) =>
        ids.slice(i + k * size, i + (k + 1) * size),
      ).filter((p) => p.length);
      const counts = await Promise.all(
        parts.map((part) => this.ds.transaction((em) => this.store(em, part, year))),
      );
      for (const [k, n] of counts.entries()) {
        changed += n;
        done += parts[k].length;
      }
      await progress?.(done, ids.length);
    }
    this.logger.log({ year, workers: ids.length, changed }, 'training records recomputed');
    return { workers: ids.length, changed };
  }
}
