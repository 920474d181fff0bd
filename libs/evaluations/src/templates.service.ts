import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, NotFoundError } from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { NewTemplateDto, TemplateDto, TemplatesQuery } from './dto/evaluation.dto';
import { EvaluationClassSetting, EvaluationTemplate } from './evaluation.entity';
import { invalid, noTemplate } from './evaluations.errors';
import { DIRECTION_LABELS, Direction, TemplateItem, templateProblems } from './evaluations.rules';

const COLUMN: Record<Direction, 'classroomTemplateId' | 'postClassTemplateId'> = {
  classroom: 'classroomTemplateId',
  post_class: 'postClassTemplateId',
};
const SQL_COLUMN: Record<Direction, string> = {
  classroom: 'classroom_template_id',
  post_class: 'post_class_template_id',
};

/**
 * The bureau's evaluation forms. A form is never edited: a new version supersedes the
 * active one of its direction; classes that already use the old one keep it.
 */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(q: TemplatesQuery): Promise<TemplateDto[]> {
    const rows = await this.ds.getRepository(EvaluationTemplate).find({
      where: q.direction ? { direction: q.direction } : {},
      order: { direction: 'ASC', version: 'DESC' },
    });
    return rows.map(present);
  }

  async get(id: string): Promise<TemplateDto> {
    const t = await this.ds.getRepository(EvaluationTemplate).findOneBy({ id });
    if (!t) throw new NotFoundError('评价表单', id);
    return present(t);
  }

  /** A new version of a direction's form; the active one is superseded in the same transaction. */
  async create(actor: Actor, dto: NewTemplateDto): Promise<TemplateDto> {
    const items: TemplateItem[] = dto.items.map((i) => ({
      key: i.key,
      type: i.type,
      label: i.label.trim(),
      ...(i.options ? { options: i.options.map((o) => o.trim()) } : {}),
      required: i.required ?? true,
    }));
    const problems = templateProblems(items);
    if (problems.length) throw invalid(problems);
    return this.ds.transaction(async (em) => {
      // one writer per direction at a time: versions stay gap-free and one stays active
      await em.query(`select pg_advisory_xact_lock(hashtext('evaluation_template:' || $1))`, [
        dto.direction,
      ]);
      const [{ v }] = await em.query<{ v: number }[]>(
        `select coalesce(max(version), 0)::int as v from evaluation_template where direction = $1`,
        [dto.direction],
      );
      const previous = await em.findOneBy(EvaluationTemplate, {
        direction: dto.direction,
        status: 'active',
      });
      if (previous) {
        await em.update(
          EvaluationTemplate,
          { id: previous.id },
          { status: 'superseded', supersededAt: new Date() },
        );
      }
      const saved = await em.save(
        em.create(EvaluationTemplate, {
          direction: dto.direction,
          version: v + 1,
          title: dto.title.trim(),
          items,
          status: 'active',
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'evaluation_template.published',
        entityType: 'evaluation_template',
        entityId: saved.id,
        data: {
          direction: dto.direction,
          version: saved.version,
          supersedes: previous?.id ?? null,
        },
      });
      return present(saved);
    });
  }

  /** The form a class uses for a direction: pinned at its first evaluation, else the active one. */
  async ofClass(
    em: EntityManager,
    classId: string,
    direction: Direction,
    pin: boolean,
  ): Promise<EvaluationTemplate> {
    if (pin) {
      // already pinned (the usual case): no write, no lock on the class's settings row
      const pinned = (await em.findOneBy(EvaluationClassSetting, { classId }))?.[COLUMN[direction]];
      if (pinned) return em.findOneByOrFail(EvaluationTemplate, { id: pinned });
      const col = SQL_COLUMN[direction];
      const [row] = await em.query<{ id: string | null }[]>(
        `insert into evaluation_class_setting (class_id, ${col})
         values ($1, (select id from evaluation_template where direction = $2 and status = 'active'))
         on conflict (class_id) do update
           set ${col} = coalesce(evaluation_class_setting.${col}, excluded.${col})
         returning ${col} as id`,
        [classId, direction],
      );
      if (!row?.id) throw noTemplate(DIRECTION_LABELS[direction]);
      return em.findOneByOrFail(EvaluationTemplate, { id: row.id });
    }
    const setting = await em.findOneBy(EvaluationClassSetting, { classId });
    const pinned = setting?.[COLUMN[direction]];
    const t = pinned
      ? await em.findOneBy(EvaluationTemplate, { id: pinned })
      : await em.findOneBy(EvaluationTemplate, { direction, status: 'active' });
    if (!t) throw noTemplate(DIRECTION_LABELS[direction]);
    return t;
  }
}

export function present(t: EvaluationTemplate): TemplateDto {
  return {
    id: t.id,
    direction: t.direction,
    version: t.version,
    title: t.title,
    items: t.items,
    status: t.status,
    createdAt: t.createdAt,
    supersededAt: t.supersededAt,
  };
}
