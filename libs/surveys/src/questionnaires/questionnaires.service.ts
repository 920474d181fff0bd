import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, NotFoundError } from '@peixun/core';
import { regionOfUnit } from '@peixun/org';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { draftExists, problemsError, questionnaireInUse } from '../surveys.errors';
import {
  CreateQuestionnaireDto,
  QuestionDto,
  QuestionnaireDto,
  QuestionnaireTemplateDto,
  UpdateQuestionnaireDto,
} from './questionnaire.dto';
import { SurveyQuestionnaire } from './questionnaire.entity';
import { normalizeQuestion, Question, questionnaireProblems } from './questionnaire.rules';
import { STANDARD_QUESTIONNAIRE } from './standard-questionnaire';

const toQuestions = (list: QuestionDto[]): Question[] =>
  list.map((q) => ({
    key: q.key,
    label: q.label,
    type: q.type,
    required: q.required ?? false,
    hint: q.hint ?? null,
    options: q.options?.map((o) => ({ key: o.key, label: o.label })),
    maxSelections: q.maxSelections ?? null,
    maxLength: q.maxLength ?? null,
    role: q.role ?? null,
  }));

/** Checked and normalised questions, or a 400 naming every problem. */
export function acceptedQuestions(list: QuestionDto[]): Question[] {
  const questions = toQuestions(list);
  const problems = questionnaireProblems(questions);
  if (problems.length) throw problemsError(problems);
  return questions.map(normalizeQuestion);
}

/**
 * Versioned questionnaires of the municipal bureau: a draft is edited in place; a version a
 * launched campaign has used is read-only and is changed by a new version that supersedes it.
 */
@Injectable()
export class QuestionnairesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  template(): QuestionnaireTemplateDto {
    return JSON.parse(JSON.stringify(STANDARD_QUESTIONNAIRE)) as QuestionnaireTemplateDto;
  }

  async create(actor: Actor, dto: CreateQuestionnaireDto): Promise<QuestionnaireDto> {
    const questions = acceptedQuestions(dto.questions);
    return this.ds.transaction(async (em) => {
      const { region } = await regionOfUnit(em, actor.orgId);
      const id = randomUUID();
      const row = await em.save(
        em.create(SurveyQuestionnaire, {
          id,
          region,
          lineageId: id,
          version: 1,
          supersedesId: null,
          title: dto.title.trim(),
          description: dto.description?.trim() || null,
          questions,
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'survey.questionnaire_created',
        entityType: 'survey_questionnaire',
        entityId: id,
        data: { title: row.title, version: 1, questions: questions.length },
      });
      return this.present(em, row);
    });
  }

  async list(actor: Actor): Promise<QuestionnaireDto[]> {
    const { region } = await regionOfUnit(this.ds.manager, actor.orgId);
    const rows = await this.ds.getRepository(SurveyQuestionnaire).find({
      where: { region },
      order: { createdAt: 'DESC', version: 'DESC' },
    });
    const latest = await this.latestByLineage(this.ds.manager, [
      ...new Set(rows.map((r) => r.lineageId)),
    ]);
    return rows.map((r) => this.presentWith(r, latest));
  }

  async get(actor: Actor, id: string): Promise<QuestionnaireDto> {
    const row = await this.find(this.ds.manager, actor, id);
    return this.present(this.ds.manager, row);
  }

  async update(actor: Actor, id: string, dto: UpdateQuestionnaireDto): Promise<QuestionnaireDto> {
    const questions = dto.questions ? acceptedQuestions(dto.questions) : undefined;
    return this.ds.transaction(async (em) => {
      const row = await this.find(em, actor, id, true);
      if (row.lockedAt) throw questionnaireInUse(id);
      if (dto.title !== undefined) row.title = dto.title.trim();
      if (dto.description !== undefined) row.description = dto.description.trim() || null;
      if (questions) row.questions = questions;
      await em.save(row);
      await this.audit.record(em, actor, {
        action: 'survey.questionnaire_updated',
        entityType: 'survey_questionnaire',
        entityId: id,
        data: { fields: Object.keys(dto), version: row.version },
      });
      return this.present(em, row);
    });
  }

  /** A new version of the questionnaire's lineage, superseding its latest (which must be in use). */
  async newVersion(
    actor: Actor,
    id: string,
    dto: CreateQuestionnaireDto,
  ): Promise<QuestionnaireDto> {
    const questions = acceptedQuestions(dto.questions);
    return this.ds.transaction(async (em) => {
      const base = await this.find(em, actor, id);
      // one new version at a time per lineage: its first version's row is the lock
      await em.query('select id from survey_questionnaire where id = $1 for update', [
        base.lineageId,
      ]);
      const latest = await em.findOneOrFail(SurveyQuestionnaire, {
        where: { lineageId: base.lineageId },
        order: { version: 'DESC' },
      });
      if (!latest.lockedAt) throw draftExists(latest.id);
      const row = await em.save(
        em.create(SurveyQuestionnaire, {
          id: randomUUID(),
          region: base.region,
          lineageId: base.lineageId,
          version: latest.version + 1,
          supersedesId: latest.id,
          title: dto.title.trim(),
          description: dto.description?.trim() || null,
          questions,
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'survey.questionnaire_versioned',
        entityType: 'survey_questionnaire',
        entityId: row.id,
        data: { lineageId: row.lineageId, version: row.version, supersedes: latest.id },
      });
      return this.present(em, row);
    });
  }

  /** A questionnaire of the actor's region (404 otherwise), optionally locked for update. */
  async find(
    em: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<SurveyQuestionnaire> {
    const { region } = await regionOfUnit(em, actor.orgId);
    const row = await em.findOne(SurveyQuestionnaire, {
      where: { id, region },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) throw new NotFoundError('问卷', id);
    return row;
  }

  /** The latest version of each lineage (id and version). */
  async latestByLineage(
    em: EntityManager,
    lineageIds: string[],
  ): Promise<Map<string, { id: string; version: number }>> {
    if (!lineageIds.length) return new Map();
    const rows = await em.query<{ lineage_id: string; id: string; version: number }[]>(
      `select distinct on (lineage_id) lineage_id, id, version
         from survey_questionnaire where lineage_id = any($1::uuid[])
        order by lineage_id, version desc`,
      [lineageIds],
    );
    return new Map(rows.map((r) => [r.lineage_id, { id: r.id, version: r.version }]));
  }

  async present(em: EntityManager, row: SurveyQuestionnaire): Promise<QuestionnaireDto> {
    return this.presentWith(row, await this.latestByLineage(em, [row.lineageId]));
  }

  private presentWith(
    row: SurveyQuestionnaire,
    latest: Map<string, { id: string; version: number }>,
  ): QuestionnaireDto {
    const newest = latest.get(row.lineageId);
    const current = !newest || newest.id === row.id;
    return {
      id: row.id,
      region: row.region,
      lineageId: row.lineageId,
      version: row.version,
      supersedesId: row.supersedesId,
      title: row.title,
      description: row.description,
      questions: row.questions as QuestionDto[],
      locked: !!row.lockedAt,
      current,
      supersededBy: current ? null : (newest?.id ?? null),
      lockedAt: row.lockedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
