import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  DomainError,
  ErrorCode,
  localDate,
  localTime,
  localYear,
  NotFoundError,
  zonedDateTime,
} from '@peixun/core';
import { OrgUnit, regionOfUnit } from '@peixun/org';
import { enrolmentRules, PolicyStore } from '@peixun/policy';
import { DataSource, EntityManager } from 'typeorm';
import {
  ClassFillRateDto,
  CoverageDto,
  CoverageQuery,
  CoverageWorkerDto,
  FillRatesPageDto,
  FillRatesQuery,
  RemedialEnrolDto,
  TimetableDto,
  TimetableEntryDto,
  TimetableQuery,
} from './dto/views.dto';
import {
  coverageReferenceDate,
  fillRate,
  inductionCutoff,
  mandatoryChecks,
  REMEDIAL,
  remedialChecks,
} from './views.rules';
import { BulkResultDto } from './dto/enrollment.dto';
import { EnrollmentService } from './enrollment.service';

const fieldError = (field: string, problem: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, `${field}: ${problem}`, 400, [
    { field, problems: [problem] },
  ]);

const badCursor = (): DomainError =>
  fieldError('cursor', 'must be the nextCursor of the previous page');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /[\u0000-\u001f\u007f]|[\ud800-\udfff]/;

/** A page cursor: two strings, the second a UUID, base64url-encoded JSON. */
function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}
function decodeCursor(cursor: string, key: RegExp): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      key.test(v[0]) &&
      !UNSAFE_TEXT.test(v[0]) &&
      typeof v[1] === 'string' &&
      UUID.test(v[1])
    ) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw badCursor();
}

/** Positional parameters for hand-written SQL: `p(value)` appends one and returns `$n`. */
function sqlParams(): { params: unknown[]; p: (v: unknown) => string } {
  const params: unknown[] = [];
  return {
    params,
    p: (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    },
  };
}

/** A session of a class where the worker holds a place (enrolled or offered). */
export interface PlaceSessionRow {
  session_id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  half_hours: number;
  topic: string;
  method: string;
  room: string | null;
  session_status: 'scheduled' | 'cancelled';
  teacher_name: string | null;
  class_title: string;
  class_type: string;
  location: string;
  institution_name: string | null;
  enrollment_id: string;
  place_status: 'enrolled' | 'offered';
  offered_until: Date | null;
  /** The latest change to the session, its class or the place (the feed's DTSTAMP). */
  revised_at: Date;
}

/** The worker record of a signed-in worker account (404 for an account without one). */
export function selfWorkerId(actor: Actor): string {
  if (actor.role !== 'worker' || !actor.workerId) throw new NotFoundError('社区工作者');
  return actor.workerId;
}

/**
 * Read-only views over enrolment (issue 9, item 9): a worker's timetable across classes,
 * the fill rates of the classes an account runs or oversees, and a unit's coverage of the
 * year's mandatory training. Each is one query (or two) however many rows it covers.
 */
@Injectable()
export class ViewsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly policies: PolicyStore,
    private readonly enrollment: EnrollmentService,
  ) {}

  // -- timetable -----------------------------------------------------------------------

  /**
   * Sessions of every class where the worker holds a place (enrolled, or offered from the
   * waitlist), by start. Cancelled classes never appear (their places are cancelled too);
   * cancelled sessions only when asked for (the calendar feed shows them as cancelled).
   */
  async placeSessions(
    em: EntityManager,
    workerId: string,
    opts: { from?: Date; until?: Date; includeCancelled?: boolean },
  ): Promise<PlaceSessionRow[]> {
    return em.query<PlaceSessionRow[]>(
      `select s.id as session_id, s.class_id, s.starts_at, s.ends_at, s.half_hours, s.topic,
              s.method, s.room, s.status as session_status,
              coalesce(t.name, s.speaker_name) as teacher_name,
              c.title as class_title, c.type as class_type, c.location,
              i.name as institution_name,
              e.id as enrollment_id, e.status as place_status, e.offered_until,
              greatest(s.updated_at, c.updated_at, e.updated_at) as revised_at
         from enrollment e
         join training_class c on c.id = e.class_id
         join class_session s on s.class_id = c.id
         left join teacher t on t.id = s.teacher_id
         left join org_unit i on i.id = c.institution_id
        where e.worker_id = $1 and e.status in ('enrolled', 'offered') and c.status <> 'cancelled'
          and (s.status = 'scheduled' or $2::boolean)
          and ($3::timestamptz is null or s.starts_at >= $3)
          and ($4::timestamptz is null or s.starts_at < $4)
        order by s.starts_at, s.id
        limit 5000`,
      [workerId, !!opts.includeCancelled, opts.from ?? null, opts.until ?? null],
    );
  }

  /** The signed-in worker's timetable across classes, on the region's clock. */
  async timetable(actor: Actor, q: TimetableQuery): Promise<TimetableDto> {
    const workerId = selfWorkerId(actor);
    if (q.from && q.to && q.from > q.to) {
      throw fieldError('to', '截止日期不能早于起始日期 (to is before from)');
    }
    const tz = this.config.timezone;
    const rows = await this.placeSessions(this.ds.manager, workerId, {
      from: q.from ? zonedDateTime(q.from, '00:00', tz) : undefined,
      until: q.to ? zonedDateTime(nextDay(q.to), '00:00', tz) : undefined,
    });
    const items: TimetableEntryDto[] = rows.map((r) => ({
      sessionId: r.session_id,
      classId: r.class_id,
      classTitle: r.class_title,
      classType: r.class_type,
      enrollmentId: r.enrollment_id,
      placeStatus: r.place_status,
      offered: r.place_status === 'offered',
      offeredUntil: r.offered_until,
      date: localDate(r.starts_at, tz),
      startTime: localTime(r.starts_at, tz),
      endTime: localTime(r.ends_at, tz),
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      halfHours: r.half_hours,
      hours: r.half_hours / 2,
      topic: r.topic,
      method: r.method,
      location: r.location,
      room: r.room,
      teacherName: r.teacher_name,
      institutionName: r.institution_name,
    }));
    return {
      items,
      enrolledHalfHours: items.filter((i) => !i.offered).reduce((a, i) => a + i.halfHours, 0),
    };
  }

  // -- fill rates ------------------------------------------------------------------------

  /**
   * Classes with their places taken, by status, and fill rate: an institution its own, a
   * street its own street classes, a district the classes of its district, the bureau all.
   * One query: a page of classes, then grouped counts and session spans for that page.
   */
  async fillRates(actor: Actor, q: FillRatesQuery): Promise<FillRatesPageDto> {
    const { params, p } = sqlParams();
    const where: string[] = [];
    switch (actor.role) {
      case 'municipal_admin':
        break;
      case 'district_admin':
        if (!actor.districtId) return { items: [], nextCursor: null };
        where.push(`c.district_id = ${p(actor.districtId)}`);
        break;
      case 'street_admin':
        if (!actor.streetId) return { items: [], nextCursor: null };
        where.push(`c.street_id = ${p(actor.streetId)}`);
        break;
      case 'institution_staff':
        if (!actor.orgId) return { items: [], nextCursor: null };
        where.push(`c.institution_id = ${p(actor.orgId)}`);
        break;
      default:
        return { items: [], nextCursor: null };
    }
    if (q.year) where.push(`c.year = ${p(q.year)}`);
    if (q.status) where.push(`c.status = ${p(q.status)}`);
    if (q.type) where.push(`c.type = ${p(q.type)}`);
    if (q.institutionId) where.push(`c.institution_id = ${p(q.institutionId)}`);
    if (q.districtId) where.push(`c.district_id = ${p(q.districtId)}`);
    if (q.cursor) {
      // the key is the close of enrolment in microseconds since the epoch: exact, unlike a Date
      const [micros, id] = decodeCursor(q.cursor, /^-?\d{1,17}$/);
      where.push(
        `(c.enrol_closes_at, c.id) < (timestamptz 'epoch' + ${p(micros)}::bigint * interval '1 microsecond', ${p(id)}::uuid)`,
      );
    }
    const limit = q.limit ?? 100;
    const rows = await this.ds.query<
      {
        id: string;
        title: string;
        type: string;
        status: string;
        year: number;
        institution_id: string | null;
        district_id: string | null;
        street_id: string | null;
        capacity: number;
        k: string;
        enrolled: number;
        offered: number;
        waitlisted: number;
        first_start: Date | null;
        last_end: Date | null;
      }[]
    >(
      `with page as (
         select c.id, c.title, c.type, c.status, c.year, c.institution_id, c.district_id,
                c.street_id, c.capacity, c.enrol_closes_at,
                (extract(epoch from c.enrol_closes_at) * 1000000)::bigint::text as k
           from training_class c
          where ${where.length ? where.join(' and ') : 'true'}
          order by c.enrol_closes_at desc, c.id desc
          limit ${p(limit + 1)}
       ), counts as (
         select e.class_id,
                count(*) filter (where e.status = 'enrolled')::int as enrolled,
                count(*) filter (where e.status = 'offered')::int as offered,
                count(*) filter (where e.status = 'waitlisted')::int as waitlisted
           from enrollment e
          where e.class_id in (select id from page) and e.status in ('enrolled', 'offered', 'waitlisted')
          group by e.class_id
       ), spans as (
         select s.class_id, min(s.starts_at) as first_start, max(s.ends_at) as last_end
           from class_session s
          where s.class_id in (select id from page) and s.status = 'scheduled'
          group by s.class_id
       )
       select page.*, coalesce(counts.enrolled, 0) as enrolled,
              coalesce(counts.offered, 0) as offered, coalesce(counts.waitlisted, 0) as waitlisted,
              spans.first_start, spans.last_end
         from page
         left join counts on counts.class_id = page.id
         left join spans on spans.class_id = page.id
        order by page.enrol_closes_at desc, page.id desc`,
      params,
    );
    const page = rows.slice(0, limit);
    const items: ClassFillRateDto[] = page.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      status: r.status,
      year: r.year,
      institutionId: r.institution_id,
      districtId: r.district_id,
      streetId: r.street_id,
      capacity: r.capacity,
      enrolled: r.enrolled,
      offered: r.offered,
      waitlisted: r.waitlisted,
      fillRate: fillRate(r.enrolled, r.capacity),
      firstSessionStartsAt: r.first_start,
      lastSessionEndsAt: r.last_end,
    }));
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.k, last.id) : null,
    };
  }

  // -- coverage --------------------------------------------------------------------------

  /**
   * Which of a unit's active workers still lack the year's mandatory training: induction
   * for those new to community work (within the policy's window on the reference day),
   * post training for every serving worker. Covered, for now, means an enrolled place in a
   * class of the type in that year (induction: that year or an earlier one); attendance
   * (issue 10) will make it "completed". Counts and one page of workers, by name, each a
   * single query with NOT EXISTS over the whole roster.
   */
  async coverage(actor: Actor, q: CoverageQuery): Promise<CoverageDto> {
    const em = this.ds.manager;
    const tz = this.config.timezone;
    const today = localDate(new Date(), tz);
    const year = q.year ?? Number(today.slice(0, 4));
    const unit = await this.coverageUnit(em, actor, q.districtId);
    const region = await regionOfUnit(em, unit.id);
    const policy = await this.policies.require(region.region, year, em);
    const rules = enrolmentRules(policy);
    const checks = mandatoryChecks(policy);
    const referenceDate = coverageReferenceDate(year, today);
    const cutoff = inductionCutoff(referenceDate, rules.inductionWindowMonths);

    const { params, p } = sqlParams();
    const unitScope =
      unit.kind === 'municipality'
        ? `w.district_id in (select d.id from org_unit d where d.parent_id = ${p(unit.id)} and d.kind = 'district')`
        : unit.kind === 'district'
          ? `w.district_id = ${p(unit.id)}`
          : `w.street_id = ${p(unit.id)}`;
    // active workers who had started community work by the reference day
    const scope = `${unitScope} and w.started_on <= ${p(referenceDate)}::date`;
    // parameters are added only when used: PostgreSQL refuses one that no placeholder names
    let cutoffParam: string | undefined;
    let yearParam: string | undefined;
    const fragments = checks.map((c) => {
      const applies =
        c.rule === 'new_workers' ? `w.started_on > ${(cutoffParam ??= p(cutoff))}::date` : 'true';
      yearParam ??= p(year);
      const covered = `exists (select 1 from enrollment e join training_class c on c.id = e.class_id
                        where e.worker_id = w.id and e.status = 'enrolled' and c.type = ${p(c.type)}
                          and c.year ${c.rule === 'new_workers' ? '<=' : '='} ${yearParam}::int)`;
      return { applies, missing: `(${applies} and not ${covered})` };
    });
    // training owed after a grade (Shenyang Art. 32: 告诫 → 专门培训): the grade of the year
    // before or of this year; covered by a place in a class of the type enrolled after the grade
    // was recorded
    const remedial = remedialChecks(policy);
    for (const r of remedial) {
      yearParam ??= p(year);
      const grade = p(r.afterGrade);
      const applies = `exists (select 1 from worker_assessment a where a.worker_id = w.id
                        and a.grade = ${grade} and a.year between ${yearParam}::int - 1 and ${yearParam}::int)`;
      const covered = `exists (select 1 from worker_assessment a
                        join enrollment e on e.worker_id = a.worker_id and e.status = 'enrolled'
                        join training_class c on c.id = e.class_id
                       where a.worker_id = w.id and a.grade = ${grade}
                         and a.year between ${yearParam}::int - 1 and ${yearParam}::int
                         and c.type = ${p(r.type)} and e.enrolled_at >= a.recorded_at)`;
      fragments.push({ applies, missing: `(${applies} and not ${covered})` });
    }
    const allChecks: { type: string; label: string; mandatoryFor: string }[] = [
      ...checks.map((c) => ({ type: c.type, label: c.label, mandatoryFor: c.rule })),
      ...remedial.map((r) => ({
        type: REMEDIAL,
        label: `${r.label}（${r.source}）`,
        mandatoryFor: 'after_grade',
      })),
    ];

    const [counts] = await em.query<Record<string, number>[]>(
      `select count(*)::int as active
              ${fragments.map((f, i) => `, count(*) filter (where ${f.applies})::int as required_${i}, count(*) filter (where ${f.missing})::int as missing_${i}`).join('')}
         from worker w
        where ${scope} and w.status = 'active'`,
      params,
    );

    let items: CoverageWorkerDto[] = [];
    let nextCursor: string | null = null;
    if (fragments.length) {
      const limit = q.limit ?? 100;
      const pageParams = sqlParams();
      pageParams.params.push(...params);
      const more: string[] = [];
      if (q.cursor) {
        const [name, id] = decodeCursor(q.cursor, /^.{1,50}$/u);
        more.push(
          `and (w.name, w.id) > (${pageParams.p(name)}::varchar, ${pageParams.p(id)}::uuid)`,
        );
      }
      const rows = await em.query<
        {
          id: string;
          name: string;
          id_number_masked: string;
          started_on: string;
          street_id: string;
          community_id: string;
          street_name: string;
          community_name: string;
          [missing: `m_${number}`]: boolean;
        }[]
      >(
        `with page as (
           select w.id, w.name, w.id_number_masked, w.started_on::text as started_on, w.street_id,
                  w.community_id ${fragments.map((f, i) => `, ${f.missing} as m_${i}`).join('')}
             from worker w
            where ${scope} and w.status = 'active'
              and (${fragments.map((f) => f.missing).join(' or ')})
              ${more.join(' ')}
            order by w.name, w.id
            limit ${pageParams.p(limit + 1)}
         )
         select page.*, st.name as street_name, co.name as community_name
           from page
           join org_unit st on st.id = page.street_id
           join org_unit co on co.id = page.community_id
          order by page.name, page.id`,
        pageParams.params,
      );
      const page = rows.slice(0, limit);
      items = page.map((r) => ({
        workerId: r.id,
        name: r.name,
        idNumberMasked: r.id_number_masked,
        startedOn: r.started_on,
        streetId: r.street_id,
        streetName: r.street_name,
        communityId: r.community_id,
        communityName: r.community_name,
        missing: allChecks.filter((_c, i) => r[`m_${i}`]).map((c) => c.type),
      }));
      const last = page[page.length - 1];
      nextCursor = rows.length > limit && last ? encodeCursor(last.name, last.id) : null;
    }

    return {
      year,
      referenceDate,
      unitId: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      policyId: policy.id,
      inductionWindowMonths: rules.inductionWindowMonths,
      activeWorkers: counts?.active ?? 0,
      summary: allChecks.map((c, i) => ({
        type: c.type,
        label: c.label,
        mandatoryFor: c.mandatoryFor,
        required: counts?.[`required_${i}`] ?? 0,
        covered: (counts?.[`required_${i}`] ?? 0) - (counts?.[`missing_${i}`] ?? 0),
        missing: counts?.[`missing_${i}`] ?? 0,
      })),
      items,
      nextCursor,
    };
  }

  /**
   * Enrols, in one action, every worker of the district who owes training after a grade
   * (coverage's `remedial`), into the given class (as a bulk enrolment: all or none).
   */
  async enrolRemedial(actor: Actor, dto: RemedialEnrolDto): Promise<BulkResultDto> {
    const em = this.ds.manager;
    const year = dto.year ?? localYear(new Date(), this.config.timezone);
    const unit = await this.coverageUnit(em, actor, undefined);
    const region = await regionOfUnit(em, unit.id);
    const policy = await this.policies.require(region.region, year, em);
    const rules = remedialChecks(policy);
    const ids = new Set<string>();
    for (const r of rules) {
      const rows = await em.query<{ id: string }[]>(
        `select w.id from worker w
          where w.district_id = $1 and w.status = 'active'
            and exists (select 1 from worker_assessment a where a.worker_id = w.id and a.grade = $2
                          and a.year between $3::int - 1 and $3::int)
            and not exists (select 1 from worker_assessment a
                              join enrollment e on e.worker_id = a.worker_id and e.status = 'enrolled'
                              join training_class c on c.id = e.class_id
                             where a.worker_id = w.id and a.grade = $2
                               and a.year between $3::int - 1 and $3::int
                               and c.type = $4 and e.enrolled_at >= a.recorded_at)
          order by w.name, w.id`,
        [unit.id, r.afterGrade, year, r.type],
      );
      for (const row of rows) ids.add(row.id);
    }
    if (!ids.size) {
      throw new DomainError(
        'NOTHING_OWED',
        '本区没有应接受专门培训的社区工作者 (nobody owes it)',
        409,
      );
    }
    return this.enrollment.enrolBulk(actor, dto.classId, { workerIds: [...ids] });
  }

  /**
   * The unit whose workers are counted: a street admin's street, a district admin's district,
   * for the bureau the district asked for or else its municipality. Another unit is 404.
   */
  private async coverageUnit(
    em: EntityManager,
    actor: Actor,
    districtId: string | undefined,
  ): Promise<OrgUnit> {
    const find = async (id: string | null, kind: OrgUnit['kind']): Promise<OrgUnit | null> =>
      id ? em.findOneBy(OrgUnit, { id, kind }) : null;
    let unit: OrgUnit | null = null;
    switch (actor.role) {
      case 'municipal_admin':
        unit = districtId
          ? await find(districtId, 'district')
          : await find(actor.orgId, 'municipality');
        break;
      case 'district_admin':
        if (districtId && districtId !== actor.districtId) break;
        unit = await find(actor.districtId, 'district');
        break;
      case 'street_admin':
        if (districtId && districtId !== actor.districtId) break;
        unit = await find(actor.streetId, 'street');
        break;
      default:
        break;
    }
    if (!unit) throw new NotFoundError(districtId ? '区' : '所属单位', districtId);
    return unit;
  }
}

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
