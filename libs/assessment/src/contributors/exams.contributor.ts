import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CertificatePart,
  ContributesToRecord,
  ExamPart,
  PartName,
  RecordParts,
  TrainingRecordContributor,
} from '../record.types';

/**
 * The exams sat and the certificates issued in the year (libs/exams, Art. 16), read from its
 * tables: every attempt's result (a retake is a second entry; a scored exam's score on the
 * 100-point scale, a pass/fail exam's null), and the valid certificates (revoked and superseded
 * ones left out).
 */
@Injectable()
@ContributesToRecord()
export class ExamsContributor implements TrainingRecordContributor {
  readonly name = 'exams';
  readonly provides: readonly PartName[] = ['exams', 'certificates'];

  async contribute(
    workerIds: string[],
    year: number,
    em: EntityManager,
  ): Promise<Map<string, Partial<RecordParts>>> {
    const [exams, certificates] = await Promise.all([
      em.query<(ExamPart & { workerId: string })[]>(
        `select r.worker_id as "workerId", x.held_on::text as date, r.passed,
                case when x.mode = 'score' and r.score is not null
                     then round(r.score * 100.0 / x.max_score)::int end as score,
                c.id as "classId", c.title, c.type
           from exam_result r
           join exam x on x.id = r.exam_id
           join training_class c on c.id = r.class_id
          where r.worker_id = any($1::uuid[])
            and x.held_on >= make_date($2, 1, 1) and x.held_on < make_date($2 + 1, 1, 1)
          order by r.worker_id, x.held_on, c.id, r.attempt`,
        [workerIds, year],
      ),
      em.query<(CertificatePart & { workerId: string })[]>(
        `select worker_id as "workerId", serial, issued_on::text as "issuedOn", class_id as "classId"
           from certificate
          where worker_id = any($1::uuid[]) and status = 'valid'
            and issued_on >= make_date($2, 1, 1) and issued_on < make_date($2 + 1, 1, 1)
          order by worker_id, issued_on, serial`,
        [workerIds, year],
      ),
    ]);
    const out = new Map<string, Partial<RecordParts>>();
    const entry = (id: string): Partial<RecordParts> => {
      let parts = out.get(id);
      if (!parts) out.set(id, (parts = { exams: [], certificates: [] }));
      return parts;
    };
    for (const { workerId, ...exam } of exams) entry(workerId).exams!.push(exam);
    for (const { workerId, ...cert } of certificates) entry(workerId).certificates!.push(cert);
    return out;
  }
}
