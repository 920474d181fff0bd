import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditService, ForbiddenScopeError, NotFoundError } from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { SurveyCampaign, SurveyInvitation, SurveyResponse } from '../campaigns/campaign.entity';
import { acceptsAnswers, effectiveStatus } from '../campaigns/campaign.rules';
import { inviteSql, municipalDistrictIds } from '../campaigns/population.sql';
import { QuestionDto } from '../questionnaires/questionnaire.dto';
import { SurveyQuestionnaire } from '../questionnaires/questionnaire.entity';
import {
  alreadySubmitted,
  notInPopulation,
  notSubmitted,
  problemsError,
  surveyClosed,
} from '../surveys.errors';
import { AnswerDto, MySurveyDetailDto, MySurveyDto, SaveAnswersDto } from './answer.dto';
import { AnswerMode, checkAnswers, encodeAnswers } from './answers.rules';

/** How an answer is saved: a draft, the first submission, or its replacement before the close. */
export type SaveKind = 'draft' | 'submit' | 'replace';

/**
 * A worker's side of the survey: the campaigns they are invited to, a draft, one submission
 * and its replacement (audited) while the campaign is open. A worker of the population whom
 * the distribution has not reached yet (added to the roster since) is invited on the spot.
 */
@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async mine(actor: Actor): Promise<MySurveyDto[]> {
    const workerId = this.workerOf(actor);
    await this.inviteToOpen(this.ds.manager, workerId);
    const rows = await this.ds.query<
      (Pick<SurveyInvitation, 'status' | 'submittedAt'> & { campaignId: string })[]
    >(
      `select i.campaign_id as "campaignId", i.status, i.submitted_at as "submittedAt"
         from survey_invitation i where i.worker_id = $1`,
      [workerId],
    );
    if (!rows.length) return [];
    const campaigns = await this.ds
      .getRepository(SurveyCampaign)
      .createQueryBuilder('c')
      .where('c.id in (:...ids)', { ids: rows.map((r) => r.campaignId) })
      .orderBy('c.closes_at', 'DESC')
      .getMany();
    const byId = new Map(rows.map((r) => [r.campaignId, r]));
    const now = new Date();
    return campaigns.map((c) => this.present(c, byId.get(c.id)!, now));
  }

  async get(actor: Actor, campaignId: string): Promise<MySurveyDetailDto> {
    const workerId = this.workerOf(actor);
    const em = this.ds.manager;
    const c = await this.campaign(em, campaignId);
    let inv = await em.findOneBy(SurveyInvitation, { campaignId, workerId });
    if (!inv && acceptsAnswers(c, new Date())) inv = await this.inviteOne(em, c, workerId);
    if (!inv) throw notInPopulation();
    const response = await em.findOneBy(SurveyResponse, { invitationId: inv.id });
    return this.detail(em, c, inv, response);
  }

  /** Saves a draft, submits, or replaces the submission, in one transaction. */
  async save(
    actor: Actor,
    campaignId: string,
    dto: SaveAnswersDto,
    kind: SaveKind,
  ): Promise<MySurveyDetailDto> {
    const workerId = this.workerOf(actor);
    return this.ds.transaction(async (em) => {
      // shared with other answers, exclusive with the close: a closed campaign takes none
      const [row] = await em.query<{ id: string }[]>(
        'select id from survey_campaign where id = $1 for share',
        [campaignId],
      );
      if (!row) throw new NotFoundError('需求调查', campaignId);
      const c = await this.campaign(em, campaignId);
      const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
      if (!acceptsAnswers(c, now)) throw surveyClosed(effectiveStatus(c, now));
      let inv = await em.findOne(SurveyInvitation, {
        where: { campaignId, workerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!inv) {
        inv = await this.inviteOne(em, c, workerId);
        if (!inv) throw notInPopulation();
        inv = await em.findOneOrFail(SurveyInvitation, {
          where: { id: inv.id },
          lock: { mode: 'pessimistic_write' },
        });
      }
      if (kind !== 'replace' && inv.status === 'submitted') throw alreadySubmitted();
      if (kind === 'replace' && inv.status !== 'submitted') throw notSubmitted();

      const q = await em.findOneByOrFail(SurveyQuestionnaire, { id: c.questionnaireId });
      const mode: AnswerMode = kind === 'draft' ? 'draft' : 'submit';
      const checked = checkAnswers(q.questions, dto.answers, mode);
      if (checked.problems.length) throw problemsError(checked.problems);
      const encoded = encodeAnswers(q.questions, checked.answers);
      const previous = await em.findOneBy(SurveyResponse, { invitationId: inv.id });
      const submitted = kind !== 'draft';
      const revision =
        kind === 'submit' ? 1 : kind === 'replace' ? (previous?.revision ?? 0) + 1 : 0;
      const response = await em.save(
        em.create(SurveyResponse, {
          invitationId: inv.id,
          campaignId: c.id,
          districtId: inv.districtId,
          positionTier: inv.positionTier,
          entryChannel: inv.entryChannel,
          status: submitted ? 'submitted' : 'draft',
          answers: checked.answers,
          choiceCodes: encoded.choiceCodes,
          breakdownCodes: encoded.breakdownCodes,
          terms: encoded.terms,
          revision,
          submittedAt: submitted ? now : null,
        }),
      );
      inv.status = submitted ? 'submitted' : 'draft';
      if (kind === 'submit' || (kind === 'replace' && !inv.submittedAt)) inv.submittedAt = now;
      await em.save(inv);
      if (kind !== 'draft') {
        // who submitted when, never what: the answers stay out of the audit trail
        await this.audit.record(em, actor, {
          action: kind === 'submit' ? 'survey.response_submitted' : 'survey.response_replaced',
          entityType: 'survey_invitation',
          entityId: inv.id,
          data: { campaignId: c.id, revision },
        });
      }
      return this.detail(em, c, inv, response);
    });
  }

  // -- helpers ------------------------------------------------------------------------

  private workerOf(actor: Actor): string {
    if (!actor.workerId)
      throw new ForbiddenScopeError(
        '该账号未关联社区工作者 (the account is not linked to a worker)',
      );
    return actor.workerId;
  }

  /** A launched campaign (drafts do not exist for workers). */
  private async campaign(em: EntityManager, id: string): Promise<SurveyCampaign> {
    const c = await em.findOneBy(SurveyCampaign, { id });
    if (!c || c.status === 'draft') throw new NotFoundError('需求调查', id);
    return c;
  }

  /** Invites the worker to one campaign if the worker is in its population (null otherwise). */
  private async inviteOne(
    em: EntityManager,
    c: SurveyCampaign,
    workerId: string,
  ): Promise<SurveyInvitation | null> {
    const districts = await municipalDistrictIds(em, c.municipalityId);
    const { sql, params } = inviteSql(c, districts, { workerId });
    const rows = await em.query<{ worker_id: string }[]>(sql, params);
    if (rows.length)
      await em.query(
        'update survey_campaign set invited_count = invited_count + $2 where id = $1',
        [c.id, rows.length],
      );
    return em.findOneBy(SurveyInvitation, { campaignId: c.id, workerId });
  }

  /** The open campaigns of the worker's municipality whose population the worker has joined since. */
  private async inviteToOpen(em: EntityManager, workerId: string): Promise<void> {
    const open = await em.query<{ id: string }[]>(
      `select c.id from survey_campaign c
         join worker w on w.id = $1
         join org_unit d on d.id = w.district_id and d.parent_id = c.municipality_id
        where c.status in ('scheduled', 'open') and c.opens_at <= now() and c.closes_at > now()
          and not exists (select 1 from survey_invitation i where i.campaign_id = c.id and i.worker_id = $1)`,
      [workerId],
    );
    for (const { id } of open) {
      const c = await em.findOneBy(SurveyCampaign, { id });
      if (c) await this.inviteOne(em, c, workerId);
    }
  }

  private present(
    c: SurveyCampaign,
    inv: Pick<SurveyInvitation, 'status' | 'submittedAt'>,
    now: Date,
  ): MySurveyDto {
    const status = effectiveStatus(c, now);
    return {
      campaignId: c.id,
      year: c.year,
      title: c.title,
      description: c.description,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      campaignStatus: status,
      accepting: acceptsAnswers(c, now),
      status: inv.status,
      submittedAt: inv.submittedAt,
    };
  }

  private async detail(
    em: EntityManager,
    c: SurveyCampaign,
    inv: SurveyInvitation,
    response: SurveyResponse | null,
  ): Promise<MySurveyDetailDto> {
    const q = await em.findOneByOrFail(SurveyQuestionnaire, { id: c.questionnaireId });
    return {
      ...this.present(c, inv, new Date()),
      questionnaireTitle: q.title,
      questionnaireDescription: q.description,
      questions: q.questions as QuestionDto[],
      answers: (response?.answers ?? []) as AnswerDto[],
      revision: response?.revision ?? 0,
    };
  }
}
