import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, localDate, preparedQuery } from '@peixun/core';
import { HoursService, type MarkFacts } from '@peixun/attendance';
import { ClassesService, ClassSession, TrainingClass } from '@peixun/classes';
import { Enrollment } from '@peixun/enrollment';
import { regionOfUnit, type Worker } from '@peixun/org';
import { typeRule } from '@peixun/policy';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ExamResult } from '../exam.entity';
import { certificateSerial, verificationUrl } from '../exams.rules';
import { Certificate } from './certificate.entity';
import type { CertificateContent } from './certificate-pdf';

export type NotEligible = 'not_enrolled' | 'hours_not_met' | 'not_passed';

/** What a certificate states about its class. */
export interface ClassFacts {
  region: string;
  prefix: string;
  year: number;
  projectTitle: string;
  typeLabel: string;
  startDate: string;
  endDate: string;
  institutionName: string;
  issuers: string[];
}

interface ClassContext {
  cls: TrainingClass;
  sessions: ClassSession[];
  facts: ClassFacts;
}

/** One enrolment ready to be issued (or the reason it may not be). */
export interface Prepared {
  enrollmentId: string;
  classId: string;
  workerId: string;
  verdict: { resultId: string } | NotEligible;
  facts: ClassFacts;
  holderName: string;
  idNumberMasked: string;
  halfHours: number;
  /** The certificate of the generation asked for, when an earlier run allocated it. */
  existing: { id: string; serial: string; stored: boolean } | null;
}

/**
 * What issuing needs, shared by the API (who is eligible, for the bulk request) and the
 * worker (re-checked when the job runs): eligibility, the serial allocation and the
 * certificate's content.
 */
@Injectable()
export class CertificateIssuer {
  private readonly factsCache = new Map<string, { cls: Promise<ClassContext>; until: number }>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hours: HoursService,
    private readonly classes: ClassesService,
    private readonly config: AppConfig,
  ) {}

  /** Who may receive a certificate: enrolled, hours met (from the marks), passed an attempt. */
  async eligibility(
    em: EntityManager,
    enrollmentIds: string[],
  ): Promise<Map<string, { resultId: string } | NotEligible>> {
    const out = new Map<string, { resultId: string } | NotEligible>();
    if (!enrollmentIds.length) return out;
    const entries = new Map(
      (await em.find(Enrollment, { where: { id: In(enrollmentIds) } })).map((e) => [e.id, e]),
    );
    const enrolled = [...entries.values()].filter((e) => e.status === 'enrolled').map((e) => e.id);
    const done = await this.hours.completions(em, enrolled);
    const passed = new Map(
      (
        await em.find(ExamResult, {
          where: { enrollmentId: In(enrolled), passed: true },
          order: { attempt: 'ASC' },
        })
      ).map((r) => [r.enrollmentId, r.id]),
    );
    for (const id of enrollmentIds) {
      const e = entries.get(id);
      if (!e || e.status !== 'enrolled') out.set(id, 'not_enrolled');
      else if (!done.get(id)?.met) out.set(id, 'hours_not_met');
      else if (!passed.has(id)) out.set(id, 'not_passed');
      else out.set(id, { resultId: passed.get(id)! });
    }
    return out;
  }

  /**
   * Everything issuing one enrolment needs, in one query: the trainee, whether they may
   * receive it (hours from their marks by the policy's rule, a passed attempt), the hours; the
   * class's facts, sessions and policy are cached a minute per class (a bulk issue asks for
   * the same class hundreds of times; the marks are always read), and the certificate of
   * `generation` if a run allocated it already (a retried or duplicated job). Null when the
   * enrolment does not exist (yet).
   */
  async prepare(
    em: EntityManager,
    enrollmentId: string,
    generation: number,
  ): Promise<Prepared | null> {
    const [row] = await preparedQuery<{
      class_id: string;
      worker_id: string;
      status: string;
      name: string;
      id_number_masked: string;
      entry_channel: Worker['entryChannel'];
      position_tier: Worker['positionTier'];
      result_id: string | null;
      marks: ({ session_id: string } & MarkFacts)[];
      cert_id: string | null;
      cert_serial: string | null;
      cert_stored: boolean | null;
    }>(
      em,
      'certificates.prepare-existing',
      `select e.class_id, e.worker_id, e.status, w.name, w.id_number_masked, w.entry_channel, w.position_tier,
              (select r.id from exam_result r where r.enrollment_id = e.id and r.passed
                order by r.attempt limit 1) result_id,
              (select coalesce(json_agg(json_build_object('session_id', m.session_id, 'status', m.status,
                        'minutes_late', m.minutes_late, 'minutes_early', m.minutes_early)), '[]'::json)
                 from attendance_mark m where m.enrollment_id = e.id) marks,
              c.id cert_id, c.serial cert_serial, c.file_key is not null cert_stored
         from enrollment e join worker w on w.id = e.worker_id
         left join certificate c on c.enrollment_id = e.id and c.generation = $2
        where e.id = $1`,
      [enrollmentId, generation],
    );
    if (!row) return null;
    const cls = await this.classContext(em, row.class_id);
    const done =
      row.status === 'enrolled'
        ? this.hours.completionOf(
            { id: enrollmentId, workerId: row.worker_id },
            cls.cls,
            cls.sessions,
            { entryChannel: row.entry_channel, positionTier: row.position_tier },
            new Map(row.marks.map((m) => [m.session_id, m])),
            await this.classes.policyOfClass(em, cls.cls),
          )
        : undefined;
    const verdict: { resultId: string } | NotEligible =
      row.status !== 'enrolled'
        ? 'not_enrolled'
        : !done?.met
          ? 'hours_not_met'
          : !row.result_id
            ? 'not_passed'
            : { resultId: row.result_id };
    return {
      enrollmentId,
      classId: row.class_id,
      workerId: row.worker_id,
      verdict,
      facts: cls.facts,
      holderName: row.name,
      idNumberMasked: row.id_number_masked,
      halfHours: done?.creditedHalfHours ?? 0,
      existing: row.cert_id
        ? { id: row.cert_id, serial: row.cert_serial!, stored: row.cert_stored === true }
        : null,
    };
  }

  /**
   * The certificate row of (enrolment, generation), allocating its serial if there is none, in
   * ONE statement (one round trip): the region's counter for the year is raised (which locks
   * its row until the statement commits) and the row inserted with that number. The statement
   * commits both or neither: a crash allocates nothing, or the row is there. Two runs for the
   * same enrolment meet at the counter's lock; the second's insert then hits the
   * (enrolment, generation) unique index, its whole statement — the raise included — is undone
   * and it reads the first's row: a serial is never skipped nor used twice.
   */
  async allocate(
    p: Prepared & { verdict: { resultId: string } },
    generation: number,
    supersedes: Certificate | null,
    reason: string | null,
  ): Promise<Certificate> {
    const f = p.facts;
    const verifyCode = randomBytes(6).toString('base64url');
    const issuedOn = localDate(new Date(), this.config.timezone);
    let row: { id: string; seq: number; serial: string; created_at: Date; updated_at: Date };
    try {
      [row] = await preparedQuery<typeof row>(
        this.ds,
        'certificates.allocate',
        `with c as (
           insert into certificate_counter (region, year, last) values ($6, $7, 1)
           on conflict (region, year) do update set last = certificate_counter.last + 1
           returning last)
         insert into certificate (enrollment_id, generation, class_id, worker_id, exam_result_id, region, year, seq,
           serial, verify_code, status, holder_name, id_number_masked, project_title, type_label, half_hours,
           start_date, end_date, institution_name, issuers, issued_on, supersedes_id, reissue_reason)
         select $1, $2, $3, $4, $5, $6, $7, c.last,
           $8 || case when c.last < 1000000 then lpad(c.last::text, 6, '0') else c.last::text end,
           $9, 'valid', $10, $11, $12, $13, $14, $15, $16, $17, $18::jsonb, $19, $20, $21
           from c
         returning id, seq, serial, created_at, updated_at`,
        [
          p.enrollmentId,
          generation,
          p.classId,
          p.workerId,
          p.verdict.resultId,
          f.region,
          f.year,
          `${f.prefix}-${f.year}-`,
          verifyCode,
          p.holderName,
          p.idNumberMasked,
          f.projectTitle,
          f.typeLabel,
          p.halfHours,
          f.startDate,
          f.endDate,
          f.institutionName,
          JSON.stringify(f.issuers),
          issuedOn,
          supersedes?.id ?? null,
          reason,
        ],
      );
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (e.code !== '23505' || e.constraint !== 'certificate_enrollment_generation_uq') throw err;
      // an earlier (or concurrent) run allocated it: its row, with its serial
      return this.ds.manager.findOneByOrFail(Certificate, {
        enrollmentId: p.enrollmentId,
        generation,
      });
    }
    if (row.serial !== certificateSerial(f.prefix, f.year, row.seq))
      throw new Error(`serial ${row.serial} does not match its number ${row.seq}`);
    return Object.assign(new Certificate(), {
      id: row.id,
      enrollmentId: p.enrollmentId,
      generation,
      classId: p.classId,
      workerId: p.workerId,
      examResultId: p.verdict.resultId,
      region: f.region,
      year: f.year,
      seq: row.seq,
      serial: row.serial,
      verifyCode,
      status: 'valid',
      holderName: p.holderName,
      idNumberMasked: p.idNumberMasked,
      projectTitle: f.projectTitle,
      typeLabel: f.typeLabel,
      halfHours: p.halfHours,
      startDate: f.startDate,
      endDate: f.endDate,
      institutionName: f.institutionName,
      issuers: [...f.issuers],
      issuedOn,
      fileKey: null,
      fileSha256: null,
      fileSize: null,
      revokedAt: null,
      revokeReason: null,
      supersedesId: supersedes?.id ?? null,
      supersededAt: null,
      reissueReason: reason,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    } satisfies Certificate);
  }

  /** What the certificate states about the class (the same for every trainee of it). */
  async classFacts(em: EntityManager, classId: string): Promise<ClassFacts> {
    return (await this.classContext(em, classId)).facts;
  }

  /** The class, its scheduled sessions and its facts, cached a minute per class. */
  private classContext(em: EntityManager, classId: string): Promise<ClassContext> {
    const hit = this.factsCache.get(classId);
    if (hit && hit.until > Date.now()) return hit.cls;
    // the jobs of a bulk issue start together: they share one load (the promise is cached)
    const cls = this.loadClassContext(em, classId);
    if (this.factsCache.size > 500) this.factsCache.clear();
    this.factsCache.set(classId, { cls, until: Date.now() + 60_000 });
    cls.catch(() => {
      if (this.factsCache.get(classId)?.cls === cls) this.factsCache.delete(classId);
    });
    return cls;
  }

  private async loadClassContext(em: EntityManager, classId: string): Promise<ClassContext> {
    const c = await em.findOneByOrFail(TrainingClass, { id: classId });
    const policy = await this.classes.policyOfClass(em, c);
    const region = await regionOfUnit(em, c.municipalityId);
    const sessions = (await this.classes.scheduledSessions(em, [c.id])).get(c.id) ?? [];
    const [span] = await em.query<{ first: string | null; last: string | null }[]>(
      `select to_char(min(starts_at at time zone $2), 'YYYY-MM-DD') first,
              to_char(max(starts_at at time zone $2), 'YYYY-MM-DD') last
         from class_session where class_id = $1 and status = 'scheduled'`,
      [c.id, this.config.timezone],
    );
    const [inst] = c.institutionId
      ? await em.query<{ name: string }[]>(`select name from org_unit where id = $1`, [
          c.institutionId,
        ])
      : [];
    const fallback = localDate(c.createdAt, this.config.timezone);
    const facts: ClassFacts = {
      region: region.region,
      prefix: region.certificatePrefix,
      year: c.year,
      projectTitle: c.title,
      typeLabel: c.type === 'street' ? '街道业务培训' : typeRule(policy, c.type).label,
      startDate: span?.first ?? fallback,
      endDate: span?.last ?? fallback,
      institutionName: inst?.name ?? '',
      issuers: [...region.certificateIssuers],
    };
    return { cls: c, sessions, facts };
  }

  /** Where the QR code points: PUBLIC_BASE_URL, else this host's port. */
  baseUrl(): string {
    return this.config.http.publicBaseUrl ?? `http://localhost:${this.config.http.port}`;
  }

  pdfContent(cert: Certificate, supersedesSerial: string | null): CertificateContent {
    return {
      serial: cert.serial,
      holderName: cert.holderName,
      idNumberMasked: cert.idNumberMasked,
      projectTitle: cert.projectTitle,
      typeLabel: cert.typeLabel,
      halfHours: cert.halfHours,
      startDate: cert.startDate,
      endDate: cert.endDate,
      institutionName: cert.institutionName,
      issuers: cert.issuers,
      issuedOn: cert.issuedOn,
      year: cert.year,
      verifyUrl: verificationUrl(this.baseUrl(), cert.serial, cert.verifyCode),
      createdAt: cert.createdAt,
      supersedesSerial,
    };
  }
}
