import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, NotFoundError } from '@peixun/core';
import { TrainingClass } from '@peixun/classes';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  ClassroomSummaryDto,
  EvaluationReportDto,
  GroupStatsDto,
  RespondentDto,
} from './dto/evaluation.dto';
import { CollectService } from './collect.service';
import { isAuthorityOf, runsClass, teacherOfActor } from './evaluation-access';
import { EvaluationTemplate, ReportScope } from './evaluation.entity';
import {
  Answer,
  ANONYMITY_MIN,
  ATTENDED,
  closesAt,
  comments,
  itemStats,
  responseRate,
  TemplateItem,
  visibleGroups,
} from './evaluations.rules';

/** What a report covers and who reads it. */
export interface ReportSpec {
  scope: ReportScope;
  targetId: string;
  year: number | null;
  /** authority: everything; anonymous: aggregates of 5 answers up, with secondary suppression. */
  view: 'authority' | 'anonymous';
  /** Only classes of this district (a district's view). */
  districtId?: string | null;
  /** Only classes of this institution (an institution's view of a teacher). */
  institutionId?: string | null;
  /** Only this teacher's groups (a teacher's view of a class). */
  onlyTeacherId?: string | null;
}

/** One teacher in one class: the smallest group of post-class answers. */
interface Cell {
  classId: string;
  teacherId: string | null;
  expected: number;
  answered: number;
  sets: { templateId: string; answers: Answer[] }[];
  visible: boolean;
}

const NO_TEACHER = 'speaker';

/**
 * The evaluation reports to the authority (Art. 15): per class, teacher and institution, the
 * response rates, item averages and distributions, and the comments. The authority (the
 * commissioning district, the bureau) reads them whole; the institution and the teacher
 * read anonymous aggregates only: a group of fewer than 5 answers is hidden, and so many
 * more that no hidden group can be worked out from the totals.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly collect: CollectService,
  ) {}

  // -- who reads what ------------------------------------------------------------------------

  async specForClass(actor: Actor, classId: string): Promise<ReportSpec> {
    const em = this.ds.manager;
    const c = await em.findOneBy(TrainingClass, { id: classId });
    if (!c) throw new NotFoundError('班次', classId);
    const base = { scope: 'class' as const, targetId: c.id, year: null };
    if (isAuthorityOf(actor, c)) return { ...base, view: 'authority' };
    if (runsClass(actor, c)) return { ...base, view: 'anonymous' };
    const teacherId = await teacherOfActor(em, actor);
    if (teacherId) {
      const [taught] = await em.query<unknown[]>(
        `select 1 from class_session where class_id = $1 and teacher_id = $2 limit 1`,
        [c.id, teacherId],
      );
      if (taught) return { ...base, view: 'anonymous', onlyTeacherId: teacherId };
    }
    throw new NotFoundError('班次', classId);
  }

  async specForTeacher(actor: Actor, teacherId: string, year: number | null): Promise<ReportSpec> {
    const em = this.ds.manager;
    const [t] = await em.query<{ id: string }[]>(`select id from teacher where id = $1`, [
      teacherId,
    ]);
    if (!t) throw new NotFoundError('教师', teacherId);
    const base = { scope: 'teacher' as const, targetId: teacherId, year };
    switch (actor.role) {
      case 'municipal_admin':
        return { ...base, view: 'authority' };
      case 'district_admin':
        if (actor.districtId) return { ...base, view: 'authority', districtId: actor.districtId };
        break;
      case 'teacher':
        if ((await teacherOfActor(em, actor)) === teacherId) return { ...base, view: 'anonymous' };
        break;
      case 'institution_staff': {
        const [linked] = actor.orgId
          ? await em.query<unknown[]>(
              `select 1 from teacher_institution where teacher_id = $1 and institution_id = $2`,
              [teacherId, actor.orgId],
            )
          : [];
        if (linked) return { ...base, view: 'anonymous', institutionId: actor.orgId };
        break;
      }
    }
    throw new NotFoundError('教师', teacherId);
  }

  async specForInstitution(
    actor: Actor,
    institutionId: string,
    year: number | null,
  ): Promise<ReportSpec> {
    const em = this.ds.manager;
    const [u] = await em.query<{ id: string }[]>(
      `select id from org_unit where id = $1 and kind = 'institution'`,
      [institutionId],
    );
    if (!u) throw new NotFoundError('培训机构', institutionId);
    const base = { scope: 'institution' as const, targetId: institutionId, year };
    if (actor.role === 'municipal_admin') return { ...base, view: 'authority' };
    if (actor.role === 'district_admin' && actor.districtId)
      return { ...base, view: 'authority', districtId: actor.districtId };
    if (actor.role === 'institution_staff' && actor.orgId === institutionId)
      return { ...base, view: 'anonymous' };
    throw new NotFoundError('培训机构', institutionId);
  }

  /** The ledger for the authority: per trainee, sessions to evaluate and evaluated (never more than once). */
  async respondents(actor: Actor, classId: string): Promise<RespondentDto[]> {
    const em = this.ds.manager;
    const c = await em.findOneBy(TrainingClass, { id: classId });
    if (!c || !isAuthorityOf(actor, c)) throw new NotFoundError('班次', classId);
    const rows = await em.query<
      { enrollment_id: string; name: string; expected: number; answered: number }[]
    >(
      `select m.enrollment_id, w.name, count(*)::int as expected, count(r.id)::int as answered
         from attendance_mark m
         join class_session s on s.id = m.session_id and s.status = 'scheduled' and s.ends_at <= now()
         join worker w on w.id = m.worker_id
         left join evaluation_receipt r on r.session_id = m.session_id and r.enrollment_id = m.enrollment_id
        where m.class_id = $1 and m.status = any($2)
        group by m.enrollment_id, w.name
        order by w.name, m.enrollment_id`,
      [c.id, [...ATTENDED]],
    );
    return rows.map((r) => ({
      enrollmentId: r.enrollment_id,
      name: r.name,
      expected: r.expected,
      answered: r.answered,
    }));
  }

  // -- building a report ---------------------------------------------------------------------

  async build(spec: ReportSpec, em: EntityManager = this.ds.manager): Promise<EvaluationReportDto> {
    const { classIds, targetName } = await this.classesOf(em, spec);
    const cells = await this.cells(em, classIds);
    const templates = await this.templatesOf(em, cells);
    const anonymous = spec.view === 'anonymous';

    // which cells an anonymous reader may see, class by class: only once the class's
    // evaluation has closed (its results then never change: no answer can be told apart by
    // watching the aggregates move), of 5 answers up, with secondary suppression
    const release = await this.releases(em, classIds);
    const byClass = groupBy(cells, (c) => c.classId);
    for (const [classId, list] of byClass) {
      const visible = visibleGroups(list.map((c) => c.sets.length));
      const released = release.get(classId)?.released ?? false;
      list.forEach((c, i) => (c.visible = !anonymous || (released && visible[i])));
    }
    const releasedTotal = (list: Cell[]): boolean =>
      !!list.length &&
      (release.get(list[0].classId)?.released ?? false) &&
      list.reduce((s, c) => s + c.sets.length, 0) >= ANONYMITY_MIN;
    const classTitles = await this.classTitles(em, classIds);
    const teacherNames = await this.teacherNames(em, cells);
    const label = (c: Cell): string =>
      c.teacherId ? (teacherNames.get(c.teacherId) ?? '教师') : '外请讲者';

    let total: GroupStatsDto;
    let groups: GroupStatsDto[];
    if (spec.scope === 'class') {
      const all = cells;
      total = this.stats('total', '全班合计', all, templates, anonymous, true);
      if (anonymous && !release.get(spec.targetId)?.released) total = hiddenGroup(total);
      groups = all
        .filter((c) => !spec.onlyTeacherId || c.teacherId === spec.onlyTeacherId)
        .map((c) => this.stats(c.teacherId ?? NO_TEACHER, label(c), [c], templates, anonymous));
    } else if (spec.scope === 'teacher') {
      const mine = cells.filter((c) => c.teacherId === spec.targetId);
      groups = mine.map((c) =>
        this.stats(c.classId, classTitles.get(c.classId) ?? '', [c], templates, anonymous),
      );
      total = this.stats(
        'total',
        '合计',
        mine.filter((c) => c.visible),
        templates,
        anonymous,
      );
    } else {
      const byTeacher = groupBy(cells, (c) => c.teacherId ?? NO_TEACHER);
      groups = [...byTeacher.entries()].map(([key, list]) =>
        this.stats(
          key,
          label(list[0]),
          list.filter((c) => c.visible),
          templates,
          anonymous,
        ),
      );
      // an anonymous reader's total: the released classes whose own total is shown
      const counted = anonymous ? [...byClass.values()].filter(releasedTotal).flat() : cells;
      total = this.stats('total', '合计', counted, templates, anonymous, true);
    }
    groups.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

    return {
      scope: spec.scope,
      targetId: spec.targetId,
      targetName,
      year: spec.year,
      view: spec.view,
      threshold: ANONYMITY_MIN,
      releasesAt: spec.scope === 'class' ? (release.get(spec.targetId)?.releasesAt ?? null) : null,
      classesPending: [...release.values()].filter((r) => !r.released).length,
      total,
      groups,
      classroom:
        spec.scope === 'class' && !spec.onlyTeacherId
          ? await this.classroomSummary(em, classIds[0])
          : null,
    };
  }

  /**
   * When each class's results reach the institution and the teacher: once its last session
   * has ended and the post-class evaluation of it has closed (null: no session yet).
   */
  private async releases(
    em: EntityManager,
    classIds: string[],
  ): Promise<Map<string, { released: boolean; releasesAt: Date | null }>> {
    if (!classIds.length) return new Map();
    const ends = await em.query<{ class_id: string; last_end: Date | null }[]>(
      `select c.id as class_id, max(s.ends_at) as last_end
         from training_class c
         left join class_session s on s.class_id = c.id and s.status = 'scheduled'
        where c.id = any($1)
        group by c.id`,
      [classIds],
    );
    const now = Date.now();
    const out = new Map<string, { released: boolean; releasesAt: Date | null }>();
    for (const r of ends) {
      if (!r.last_end) {
        out.set(r.class_id, { released: false, releasesAt: null });
        continue;
      }
      const c = await em.findOneByOrFail(TrainingClass, { id: r.class_id });
      const at = closesAt(r.last_end, (await this.collect.deadlines(em, c)).postClassDays);
      out.set(r.class_id, { released: now > at.getTime(), releasesAt: at });
    }
    return out;
  }

  /** The classes a report covers (the scope, the year, the reader's restriction). */
  private async classesOf(
    em: EntityManager,
    spec: ReportSpec,
  ): Promise<{ classIds: string[]; targetName: string }> {
    const where: string[] = [`c.status <> 'cancelled'`];
    const params: unknown[] = [];
    const p = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    let targetName = '';
    if (spec.scope === 'class') {
      where.push(`c.id = ${p(spec.targetId)}`);
      const c = await em.findOneByOrFail(TrainingClass, { id: spec.targetId });
      targetName = c.title;
    } else if (spec.scope === 'teacher') {
      where.push(
        `exists (select 1 from class_session s where s.class_id = c.id and s.teacher_id = ${p(spec.targetId)})`,
      );
      const [t] = await em.query<{ name: string }[]>(`select name from teacher where id = $1`, [
        spec.targetId,
      ]);
      targetName = t?.name ?? '';
    } else {
      where.push(`c.institution_id = ${p(spec.targetId)}`);
      const [u] = await em.query<{ name: string }[]>(`select name from org_unit where id = $1`, [
        spec.targetId,
      ]);
      targetName = u?.name ?? '';
    }
    if (spec.year) where.push(`c.year = ${p(spec.year)}`);
    if (spec.districtId) where.push(`c.district_id = ${p(spec.districtId)}`);
    if (spec.institutionId) where.push(`c.institution_id = ${p(spec.institutionId)}`);
    const rows = await em.query<{ id: string }[]>(
      `select c.id from training_class c where ${where.join(' and ')} order by c.id`,
      params,
    );
    return { classIds: rows.map((r) => r.id), targetName };
  }

  private async cells(em: EntityManager, classIds: string[]): Promise<Cell[]> {
    if (!classIds.length) return [];
    const key = (classId: string, teacherId: string | null): string =>
      `${classId}|${teacherId ?? ''}`;
    const cells = new Map<string, Cell>();
    const cell = (classId: string, teacherId: string | null): Cell => {
      const k = key(classId, teacherId);
      let c = cells.get(k);
      if (!c) {
        c = { classId, teacherId, expected: 0, answered: 0, sets: [], visible: false };
        cells.set(k, c);
      }
      return c;
    };
    const expected = await em.query<{ class_id: string; teacher_id: string | null; n: number }[]>(
      `select s.class_id, s.teacher_id, count(*)::int as n
         from attendance_mark m
         join class_session s on s.id = m.session_id and s.status = 'scheduled' and s.ends_at <= now()
        where s.class_id = any($1) and m.status = any($2)
        group by s.class_id, s.teacher_id`,
      [classIds, [...ATTENDED]],
    );
    for (const r of expected) cell(r.class_id, r.teacher_id).expected = r.n;
    const answers = await em.query<
      { class_id: string; teacher_id: string | null; template_id: string; answers: Answer[] }[]
    >(
      `select class_id, teacher_id, template_id, answers from evaluation_post_class_answer
        where class_id = any($1)`,
      [classIds],
    );
    for (const r of answers) {
      const c = cell(r.class_id, r.teacher_id);
      c.sets.push({ templateId: r.template_id, answers: r.answers });
      c.answered += 1;
    }
    return [...cells.values()].sort((a, b) =>
      key(a.classId, a.teacherId).localeCompare(key(b.classId, b.teacherId)),
    );
  }

  private async templatesOf(
    em: EntityManager,
    cells: Cell[],
  ): Promise<Map<string, EvaluationTemplate>> {
    const ids = [...new Set(cells.flatMap((c) => c.sets.map((s) => s.templateId)))];
    const rows = ids.length ? await em.findBy(EvaluationTemplate, { id: In(ids) }) : [];
    return new Map(rows.map((t) => [t.id, t]));
  }

  private stats(
    key: string,
    label: string,
    cells: Cell[],
    templates: Map<string, EvaluationTemplate>,
    anonymous: boolean,
    isTotal = false,
  ): GroupStatsDto {
    const sets = cells.flatMap((c) => c.sets);
    const visible = isTotal
      ? !anonymous || sets.length >= ANONYMITY_MIN
      : cells.length > 0 && cells.every((c) => c.visible);
    if (!visible)
      return {
        key,
        label,
        visible: false,
        expected: null,
        answered: null,
        rate: null,
        items: null,
        comments: null,
      };
    const expected = cells.reduce((s, c) => s + c.expected, 0);
    const items = mergedItems(sets.map((s) => templates.get(s.templateId)!));
    const answerSets = sets.map((s) => s.answers);
    return {
      key,
      label,
      visible: true,
      expected,
      answered: sets.length,
      rate: responseRate(sets.length, expected),
      items: itemStats(items, answerSets),
      comments: comments(items, answerSets),
    };
  }

  private async classroomSummary(em: EntityManager, classId: string): Promise<ClassroomSummaryDto> {
    const [{ n }] = await em.query<{ n: number }[]>(
      `select count(*)::int as n from attendance_mark m
         join class_session s on s.id = m.session_id and s.status = 'scheduled' and s.ends_at <= now()
        where s.class_id = $1 and m.status = any($2)`,
      [classId, [...ATTENDED]],
    );
    const rows = await em.query<{ template_id: string; answers: Answer[] }[]>(
      `select template_id, answers from evaluation_classroom where class_id = $1`,
      [classId],
    );
    const ids = [...new Set(rows.map((r) => r.template_id))];
    const ts = ids.length ? await em.findBy(EvaluationTemplate, { id: In(ids) }) : [];
    const items = mergedItems(ts);
    return {
      expected: n,
      done: rows.length,
      rate: responseRate(rows.length, n),
      items: itemStats(
        items,
        rows.map((r) => r.answers),
      ),
    };
  }

  private async classTitles(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await em.findBy(TrainingClass, { id: In(ids) });
    return new Map(rows.map((c) => [c.id, c.title]));
  }

  private async teacherNames(em: EntityManager, cells: Cell[]): Promise<Map<string, string>> {
    const ids = [...new Set(cells.map((c) => c.teacherId).filter((x): x is string => !!x))];
    if (!ids.length) return new Map();
    const rows = await em.query<{ id: string; name: string }[]>(
      `select id, name from teacher where id = any($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/** The items of the forms answered, by key (the latest version's wording first). */
function mergedItems(templates: EvaluationTemplate[]): TemplateItem[] {
  const seen = new Map<string, TemplateItem>();
  const sorted = [...new Set(templates)].sort((a, b) => b.version - a.version);
  for (const t of sorted) for (const it of t.items) if (!seen.has(it.key)) seen.set(it.key, it);
  return [...seen.values()];
}

function groupBy<T>(list: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of list) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

function hiddenGroup(g: GroupStatsDto): GroupStatsDto {
  return {
    key: g.key,
    label: g.label,
    visible: false,
    expected: null,
    answered: null,
    rate: null,
    items: null,
    comments: null,
  };
}
