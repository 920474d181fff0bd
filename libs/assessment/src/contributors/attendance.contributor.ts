import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MunicipalPolicies, thresholdsJson } from '../policies';
import {
  ContributesToRecord,
  PartName,
  RecordParts,
  TrainingRecordContributor,
} from '../record.types';

/**
 * The class hours a mark earns, in SQL: the same rule as `creditedHalfHours` and
 * `effectiveThresholds` of libs/attendance (attendance.rules.ts) — a test compares the two
 * over random marks, so the roll-up cannot drift from what the trainee and the exam see.
 * Columns: m (attendance_mark or null), s (class_session), c (training_class), th (policy thresholds).
 */
export const CREDITED_SQL = `case
  when m.status is null or m.status in ('absent', 'leave') then 0
  when m.status = 'present' then s.half_hours
  when m.minutes_late <= least(th.late, greatest(0, coalesce(c.late_threshold_minutes, th.late)))
   and m.minutes_early <= least(th.early, greatest(0, coalesce(c.early_threshold_minutes, th.early)))
    then s.half_hours
  when th.beyond = 'none' then 0
  else floor(s.half_hours * greatest(0, s_min.total - m.minutes_late - m.minutes_early)::numeric / s_min.total)::int
end`;

/**
 * The attendance part of the record: hours credited by training type, classes attended,
 * held sessions attended, leave and unexcused absences (a held session without a mark counts
 * as absent), and induction hours credited up to the year. Places enrolled or withdrawn
 * count (as in HoursService.workerHours). One set-based query for the whole batch.
 */
@Injectable()
@ContributesToRecord()
export class AttendanceContributor implements TrainingRecordContributor {
  readonly name = 'attendance';
  readonly provides: readonly PartName[] = ['hours', 'attendance'];

  constructor(private readonly policies: MunicipalPolicies) {}

  async contribute(
    workerIds: string[],
    year: number,
    em: EntityManager,
  ): Promise<Map<string, Partial<RecordParts>>> {
    const out = new Map<string, Partial<RecordParts>>();
    if (!workerIds.length) return out;
    const municipalities = await em.query<{ id: string }[]>(
      `select distinct d.parent_id as id from worker w join org_unit d on d.id = w.district_id
        where w.id = any($1::uuid[])`,
      [workerIds],
    );
    const th = thresholdsJson(
      await this.policies.forMunicipalities(
        em,
        municipalities.map((m) => m.id),
        year,
      ),
    );
    // a nightly batch aggregates up to a million marks: hash them in memory, not on disk, and
    // skip JIT compilation (over a second for this statement, more than it would save)
    if (em.queryRunner?.isTransactionActive) {
      await em.query(`set local work_mem = '64MB'`);
      await em.query(`set local jit = off`);
    }
    const rows = await em.query<
      {
        worker_id: string;
        type: string | null;
        credited: number;
        classes: number;
        held: number;
        attended: number;
        leave: number;
        absent: number;
        induction_to_date: number;
      }[]
    >(
      `with th as not materialized (
         select * from jsonb_to_recordset($3::jsonb) as t(municipality_id uuid, late int, early int, beyond text)
       ),
       -- th and places are inlined where used (not materialized): so that the planner knows
       -- their keys are unique (the marks then probe a small hash) and may scan the marks in parallel
       places as not materialized (
         select e.id, e.worker_id, e.class_id
           from unnest($1::uuid[]) as ids(id)
           join enrollment e on e.worker_id = ids.id
           join training_class c on c.id = e.class_id
          where e.status in ('enrolled', 'withdrawn')
            and (c.year = $2 or (c.type = 'induction' and c.year < $2))
       ),
       held as (
         -- per class: its scheduled sessions, and those held by now
         select s.class_id, count(*) filter (where s.ends_at <= now())::int as held
           from class_session s
          where s.status = 'scheduled' and s.class_id in (select class_id from places)
          group by s.class_id
       ),
       marked as (
         -- per place, from its own marks alone (the marks are the probe side of small hashes):
         -- hours credited, and the held sessions attended or on leave; an unmarked session earns
         -- nothing and, once held, counts as absent (held - attended - leave)
         select m.enrollment_id as id,
                sum(${CREDITED_SQL})::int as credited,
                count(*) filter (where s.ends_at <= now() and m.status in ('present', 'late', 'left_early'))::int as attended,
                count(*) filter (where s.ends_at <= now() and m.status = 'leave')::int as leave
           from attendance_mark m
           join places p on p.id = m.enrollment_id
           join class_session s on s.id = m.session_id and s.status = 'scheduled'
           join training_class c on c.id = s.class_id
           join th on th.municipality_id = c.municipality_id
           cross join lateral (select greatest(1, round(extract(epoch from (s.ends_at - s.starts_at)) / 60))::int as total) s_min
          group by m.enrollment_id
       ),
       per_place as (
         select p.worker_id, p.class_id, c.type, c.year, coalesce(x.credited, 0) as credited, h.held,
                coalesce(x.attended, 0) as attended, coalesce(x.leave, 0) as leave,
                h.held - coalesce(x.attended, 0) - coalesce(x.leave, 0) as absent
           from places p
           join held h on h.class_id = p.class_id
           join training_class c on c.id = p.class_id
           join th on th.municipality_id = c.municipality_id
           left join marked x on x.id = p.id
       )
       select worker_id, type,
              coalesce(sum(credited) filter (where year = $2), 0)::int as credited,
              count(distinct class_id) filter (where year = $2)::int as classes,
              coalesce(sum(held) filter (where year = $2), 0)::int as held,
              coalesce(sum(attended) filter (where year = $2), 0)::int as attended,
              coalesce(sum(leave) filter (where year = $2), 0)::int as leave,
              coalesce(sum(absent) filter (where year = $2), 0)::int as absent,
              coalesce(sum(credited) filter (where type = 'induction'), 0)::int as induction_to_date
         from per_place
        group by worker_id, type`,
      [workerIds, year, th],
    );
    for (const r of rows) {
      const p = out.get(r.worker_id) ?? {
        hours: [],
        attendance: {
          sessionsHeld: 0,
          sessionsAttended: 0,
          leave: 0,
          absent: 0,
          inductionHalfHoursToDate: 0,
        },
      };
      if (r.classes > 0 && r.type)
        p.hours!.push({ type: r.type, creditedHalfHours: r.credited ?? 0, classes: r.classes });
      const a = p.attendance!;
      a.sessionsHeld += r.held;
      a.sessionsAttended += r.attended;
      a.leave += r.leave;
      a.absent += r.absent;
      a.inductionHalfHoursToDate += r.induction_to_date;
      out.set(r.worker_id, p);
    }
    return out;
  }
}
