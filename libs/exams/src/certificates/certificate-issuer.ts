import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, localDate } from '@peixun/core';
import { HoursService } from '@peixun/attendance';
import { ClassesService, TrainingClass } from '@peixun/classes';
import { Enrollment } from '@peixun/enrollment';
import { regionOfUnit, Worker } from '@peixun/org';
import { typeRule } from '@peixun/policy';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ExamResult } from '../exam.entity';
import { certificateSerial, verificationUrl } from '../exams.rules';
import { Certificate } from './certificate.entity';
import type { CertificateContent } from './certificate-pdf';

export type NotEligible = 'not_enrolled' | 'hours_not_met' | 'not_passed';

/**
 * What issuing needs, shared by the API (who is eligible, for the bulk request) and the
 * worker (re-checked when the job runs): eligibility, the serial allocation and the
 * certificate's content.
 */
@Injectable()
export class CertificateIssuer {
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
   * The certificate row of (enrolment, generation), allocating its serial if there is none:
   * the region's counter for the year is locked, the row inserted and the counter raised in
   * one transaction. Two runs for the same enrolment meet at the lock; the second finds the
   * first's row. A crash before the commit allocates nothing; after it, the row is there.
   */
  async allocate(
    enrollmentId: string,
    generation: number,
    resultId: string,
    supersedes: Certificate | null,
    reason: string | null,
  ): Promise<Certificate> {
    const em0 = this.ds.manager;
    const e = await em0.findOneByOrFail(Enrollment, { id: enrollmentId });
    const c = await em0.findOneByOrFail(TrainingClass, { id: e.classId });
    const content = await this.contentOf(em0, c, e);
    const region = (await regionOfUnit(em0, c.municipalityId)).region;
    const prefix = (await regionOfUnit(em0, c.municipalityId)).certificatePrefix;
    const year = c.year;
    return this.ds.transaction(async (em) => {
      await em.query(
        `insert into certificate_counter (region, year, last) values ($1, $2, 0) on conflict do nothing`,
        [region, year],
      );
      const [{ last }] = await em.query<{ last: number }[]>(
        `select last from certificate_counter where region = $1 and year = $2 for update`,
        [region, year],
      );
      // re-read under the lock: a run that got here first has committed its row
      const existing = await em.findOneBy(Certificate, { enrollmentId, generation });
      if (existing) return existing;
      const seq = last + 1;
      const row = await em.save(
        em.create(Certificate, {
          enrollmentId,
          generation,
          classId: c.id,
          workerId: e.workerId,
          examResultId: resultId,
          region,
          year,
          seq,
          serial: certificateSerial(prefix, year, seq),
          verifyCode: randomBytes(6).toString('base64url'),
          status: 'valid',
          ...content,
          issuedOn: localDate(new Date(), this.config.timezone),
          supersedesId: supersedes?.id ?? null,
          reissueReason: reason,
        }),
      );
      await em.query(`update certificate_counter set last = $3 where region = $1 and year = $2`, [
        region,
        year,
        seq,
      ]);
      return row;
    });
  }

  /** Holder, project, hours and dates as the certificate states them. */
  async contentOf(
    em: EntityManager,
    c: TrainingClass,
    e: Enrollment,
  ): Promise<
    Pick<
      Certificate,
      | 'holderName'
      | 'idNumberMasked'
      | 'projectTitle'
      | 'typeLabel'
      | 'halfHours'
      | 'startDate'
      | 'endDate'
      | 'institutionName'
      | 'issuers'
    >
  > {
    const w = await em.findOneOrFail(Worker, {
      select: { id: true, name: true, idNumberMasked: true },
      where: { id: e.workerId },
    });
    const done = (await this.hours.completions(em, [e.id])).get(e.id);
    const policy = await this.classes.policyOfClass(em, c);
    const region = await regionOfUnit(em, c.municipalityId);
    const [span] = await em.query<{ first: string; last: string }[]>(
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
    return {
      holderName: w.name,
      idNumberMasked: w.idNumberMasked,
      projectTitle: c.title,
      typeLabel: c.type === 'street' ? '街道业务培训' : typeRule(policy, c.type).label,
      halfHours: done?.creditedHalfHours ?? 0,
      startDate: span?.first ?? localDate(c.createdAt, this.config.timezone),
      endDate: span?.last ?? localDate(c.createdAt, this.config.timezone),
      institutionName: inst?.name ?? '',
      issuers: [...region.certificateIssuers],
    };
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
