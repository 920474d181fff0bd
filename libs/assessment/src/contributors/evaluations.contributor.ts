import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ContributesToRecord,
  EvaluationPart,
  PartName,
  RecordParts,
  TrainingRecordContributor,
} from '../record.types';

/**
 * The classroom evaluations (课堂评价, Art. 15) that teachers gave the worker in the year's
 * classes (libs/evaluations): per class, the mean of the Likert items (1–5) on the 100-point
 * scale (× 20) and the number of evaluations. Choice and free-text items do not score.
 */
@Injectable()
@ContributesToRecord()
export class EvaluationsContributor implements TrainingRecordContributor {
  readonly name = 'evaluations';
  readonly provides: readonly PartName[] = ['evaluations'];

  async contribute(
    workerIds: string[],
    year: number,
    em: EntityManager,
  ): Promise<Map<string, Partial<RecordParts>>> {
    const rows = await em.query<(EvaluationPart & { workerId: string })[]>(
      `select e.worker_id as "workerId", e.class_id as "classId", c.title,
              round(avg((a.item ->> 'value')::numeric) * 20, 2)::float8 as average,
              count(distinct e.id)::int as count
         from evaluation_classroom e
         join training_class c on c.id = e.class_id
         join evaluation_template t on t.id = e.template_id
         cross join lateral jsonb_array_elements(e.answers) as a(item)
        where e.worker_id = any($1::uuid[]) and c.year = $2
          and jsonb_typeof(a.item -> 'value') = 'number'
          and exists (select 1 from jsonb_array_elements(t.items) as i(item)
                       where i.item ->> 'key' = a.item ->> 'key' and i.item ->> 'type' = 'likert')
        group by e.worker_id, e.class_id, c.title
        order by e.worker_id, e.class_id`,
      [workerIds, year],
    );
    const out = new Map<string, Partial<RecordParts>>();
    for (const { workerId, ...part } of rows) {
      const parts = out.get(workerId) ?? { evaluations: [] };
      parts.evaluations!.push(part);
      out.set(workerId, parts);
    }
    return out;
  }
}
