import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ContributesToRecord,
  PartName,
  RecordParts,
  TrainingRecordContributor,
} from '../record.types';

/** The worker's facts the requirements depend on, and their places in the year's classes. */
@Injectable()
@ContributesToRecord()
export class EnrolmentContributor implements TrainingRecordContributor {
  readonly name = 'enrolment';
  readonly provides: readonly PartName[] = ['enrolment'];

  async contribute(
    workerIds: string[],
    year: number,
    em: EntityManager,
  ): Promise<Map<string, Partial<RecordParts>>> {
    const rows = await em.query<
      {
        id: string;
        started_on: string;
        entry_channel: string;
        position_tier: string;
        enrolled: number;
        withdrawn: number;
      }[]
    >(
      `select w.id, w.started_on::text as started_on, w.entry_channel, w.position_tier,
              coalesce(x.enrolled, 0)::int as enrolled, coalesce(x.withdrawn, 0)::int as withdrawn
         from worker w
         left join (
           select e.worker_id,
                  count(*) filter (where e.status = 'enrolled') as enrolled,
                  count(*) filter (where e.status = 'withdrawn') as withdrawn
             from enrollment e join training_class c on c.id = e.class_id
            where e.worker_id = any($1::uuid[]) and c.year = $2
            group by e.worker_id
         ) x on x.worker_id = w.id
        where w.id = any($1::uuid[])`,
      [workerIds, year],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          enrolment: {
            startedOn: r.started_on,
            entryChannel: r.entry_channel,
            positionTier: r.position_tier,
            enrolled: r.enrolled,
            withdrawn: r.withdrawn,
          },
        },
      ]),
    );
  }
}
