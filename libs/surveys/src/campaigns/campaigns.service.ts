import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditActor,
  AuditService,
  ConflictError,
  illegalTransition,
  JobName,
  JobsService,
  NotFoundError,
} from '@peixun/core';
import { municipalityOf, regionOfUnit } from '@peixun/org';
import { DataSource, EntityManager, In } from 'typeorm';
import { SurveyQuestionnaire } from '../questionnaires/questionnaire.entity';
import { QuestionnairesService } from '../questionnaires/questionnaires.service';
import { problemsError, questionnaireSuperseded } from '../surveys.errors';
import { RATES_SQL } from '../reports/aggregation.sql';
import { SurveyReport } from '../reports/report.entity';
import { ReportsService } from '../reports/reports.service';
import {
  CampaignDto,
  CreateCampaignDto,
  LaunchResultDto,
  PopulationDto,
  ResponseRatesDto,
  UpdateCampaignDto,
} from './campaign.dto';
import { SurveyCampaign } from './campaign.entity';
import {
  CampaignStatus,
  describePopulation,
  effectiveStatus,
  Population,
  populationProblems,
  windowProblems,
} from './campaign.rules';
import type { ReportSummaryDto } from '../reports/report.dto';

const toPopulation = (p: PopulationDto | undefined): Population => ({
  districtIds: [...new Set((p?.districtIds ?? []).map((d) => d.toLowerCase()))],
  tiers: p?.tiers ?? [],
  channels: p?.channels ?? [],
  qualifications: p?.qualifications ?? [],
});

interface RateRow {
  level: 'all' | 'district' | 'street';
  districtId: string | null;
  streetId: string | null;
  invited: number;
  submitted: number;
  drafts: number;
}

/**
 * Needs-survey campaigns: drafted, launched and closed by the municipal bureau; read by the
 * districts and streets of its municipality (with the response rates of their unit).
 */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('SurveyCampaigns');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly questionnaires: QuestionnairesService,
    private readonly reports: ReportsService,
  ) {}

  async create(actor: Actor, dto: CreateCampaignDto): Promise<CampaignDto> {
    return this.ds.transaction(async (em) => {
      const { region } = await regionOfUnit(em, actor.orgId);
      const municipality = (await municipalityOf(em, actor.orgId))!;
      const population = toPopulation(dto.population);
      const window = {
        opensAt: new Date(dto.opensAt),
        closesAt: new Date(dto.closesAt),
        reminders: (dto.reminders ?? []).map((r) => new Date(r)),
      };
      await this.check(em, municipality.id, population, window);
      await this.usableQuestionnaire(em, actor, dto.questionnaireId);
      const c = await em.save(
        em.create(SurveyCampaign, {
          region,
          municipalityId: municipality.id,
          year: dto.year,
          title: dto.title.trim(),
          description: dto.description?.trim() || null,
          questionnaireId: dto.questionnaireId,
          population,
          opensAt: window.opensAt,
          closesAt: window.closesAt,
          reminders: sortDates(window.reminders),
          minGroupSize: dto.minGroupSize ?? 5,
          status: 'draft',
          createdBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'survey.campaign_created',
        entityType: 'survey_campaign',
        entityId: c.id,
        data: { year: c.year, title: c.title, questionnaireId: c.questionnaireId },
      });
      return this.present(em, c);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCampaignDto): Promise<CampaignDto> {
    return this.ds.transaction(async (em) => {
      const c = await this.find(em, actor, id, true);
      if (c.status !== 'draft') throw illegalTransition('update', c.status);
      if (c.rowVersion !== dto.rowVersion) {
        throw new ConflictError(
          `rowVersion: 调查已被修改，请刷新后重试 (changed meanwhile: now ${c.rowVersion})`,
          { rowVersion: c.rowVersion },
        );
      }
      if (dto.title !== undefined) c.title = dto.title.trim();
      if (dto.description !== undefined) c.description = dto.description.trim() || null;
      if (dto.population !== undefined) c.population = toPopulation(dto.population);
      if (dto.opensAt !== undefined) c.opensAt = new Date(dto.opensAt);
      if (dto.closesAt !== undefined) c.closesAt = new Date(dto.closesAt);
      if (dto.reminders !== undefined)
        c.reminders = sortDates(dto.reminders.map((r) => new Date(r)));
      if (dto.minGroupSize !== undefined) c.minGroupSize = dto.minGroupSize;
      if (dto.questionnaireId !== undefined) {
        await this.usableQuestionnaire(em, actor, dto.questionnaireId);
        c.questionnaireId = dto.questionnaireId;
      }
      await this.check(em, c.municipalityId, c.population, c);
      const saved = await em.save(c);
      await this.audit.record(em, actor, {
        action: 'survey.campaign_updated',
        entityType: 'survey_campaign',
        entityId: id,
        data: { fields: Object.keys(dto).filter((k) => k !== 'rowVersion') },
      });
      return this.present(em, saved);
    });
  }

  /**
   * Launches a draft: its questionnaire becomes read-only, and the distribution is enqueued
   * (at once, or delayed to the opening), with the reminders and the close at their times.
   */
  async launch(actor: Actor, id: string): Promise<LaunchResultDto> {
    const c = await this.ds.transaction(async (em) => {
      const c = await this.find(em, actor, id, true);
      if (c.status !== 'draft') throw illegalTransition('launch', c.status);
      const problems = windowProblems(c, new Date());
      if (problems.length) throw problemsError(problems);
      const q = await this.usableQuestionnaire(em, actor, c.questionnaireId);
      if (!q.lockedAt) {
        await em.update(SurveyQuestionnaire, { id: q.id }, { lockedAt: () => 'now()' });
      }
      const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
      c.status = c.opensAt.getTime() <= now.getTime() ? 'open' : 'scheduled';
      c.launchedAt = now;
      c.launchedBy = actor.accountId;
      const saved = await em.save(c);
      await this.audit.record(em, actor, {
        action: 'survey.campaign_launched',
        entityType: 'survey_campaign',
        entityId: id,
        data: { status: c.status, opensAt: c.opensAt, closesAt: c.closesAt, questionnaireId: q.id },
      });
      return saved;
    });
    const distribution = await this.scheduleJobs(c, actor.accountId);
    return { campaign: await this.present(this.ds.manager, c), distribution };
  }

  /**
   * Enqueues what a launched campaign needs (idempotent: deterministic job ids): the
   * distribution at the opening, each reminder at its time, the close at the end.
   */
  async scheduleJobs(
    c: SurveyCampaign,
    requestedBy?: string,
  ): Promise<{ queue: string; jobId: string }> {
    const distribution = await this.jobs.enqueue(
      JobName.SurveyDistribute,
      { campaignId: c.id, round: 'open', ...(requestedBy ? { requestedBy } : {}) },
      { at: c.opensAt },
    );
    for (const [i, at] of sortDates(c.reminders).entries()) {
      if (i + 1 <= c.remindersSent) continue;
      await this.jobs.enqueue(
        JobName.SurveyRemind,
        { campaignId: c.id, index: i + 1, at: at.toISOString() },
        { at },
      );
    }
    await this.jobs.enqueue(
      JobName.SurveyClose,
      { campaignId: c.id, closesAt: c.closesAt.toISOString() },
      { at: c.closesAt },
    );
    return distribution;
  }

  /** Closes the campaign early (the bureau) and enqueues its final report. */
  async close(
    actor: Actor,
    id: string,
  ): Promise<{ campaign: CampaignDto; report: ReportSummaryDto }> {
    const done = await this.ds.transaction(async (em) => {
      const c = await this.find(em, actor, id, true);
      if (c.status !== 'open' && c.status !== 'scheduled')
        throw illegalTransition('close', c.status);
      return this.closeLocked(em, c, actor, actor.accountId);
    });
    const report = await this.reports.enqueueRendering(done.report);
    return { campaign: await this.present(this.ds.manager, done.campaign), report };
  }

  /**
   * Closes a campaign whose window has ended (the close job and the sweep); returns the final
   * report to render, or null when there is nothing to do (still open, closed already, gone).
   */
  async closeOnSchedule(campaignId: string): Promise<SurveyReport | null> {
    const report = await this.ds.transaction(async (em) => {
      const c = await em.findOne(SurveyCampaign, {
        where: { id: campaignId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c || (c.status !== 'open' && c.status !== 'scheduled')) return null;
      const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
      if (c.closesAt.getTime() > now.getTime()) return null;
      return (await this.closeLocked(em, c, { system: 'surveys' }, null)).report;
    });
    if (report) await this.reports.enqueueRendering(report);
    return report;
  }

  private async closeLocked(
    em: EntityManager,
    c: SurveyCampaign,
    actor: AuditActor,
    closedBy: string | null,
  ): Promise<{ campaign: SurveyCampaign; report: SurveyReport }> {
    const [{ now }] = await em.query<{ now: Date }[]>('select now() as now');
    c.status = 'closed';
    c.closedAt = now;
    c.closedBy = closedBy;
    const campaign = await em.save(c);
    const report = await this.reports.createVersion(em, c, 'final', closedBy);
    await this.audit.record(em, actor, {
      action: 'survey.campaign_closed',
      entityType: 'survey_campaign',
      entityId: c.id,
      data: { early: closedBy !== null, reportId: report.id, invited: c.invitedCount },
    });
    return { campaign, report };
  }

  /** An interim report is only for a campaign still taking answers (the final one comes with the close). */
  refuseInterim(c: SurveyCampaign): never {
    throw illegalTransition('report', c.status);
  }

  async list(actor: Actor): Promise<CampaignDto[]> {
    const { region } = await regionOfUnit(this.ds.manager, actor.orgId);
    const rows = await this.ds.getRepository(SurveyCampaign).find({
      where: {
        region,
        ...(actor.role === 'municipal_admin'
          ? {}
          : { status: In<CampaignStatus>(['scheduled', 'open', 'closed']) }),
      },
      order: { year: 'DESC', createdAt: 'DESC' },
    });
    return this.presentMany(this.ds.manager, rows);
  }

  async get(actor: Actor, id: string): Promise<CampaignDto> {
    return this.present(this.ds.manager, await this.find(this.ds.manager, actor, id));
  }

  /**
   * Response rates: the bureau sees every district and street, a district its own district and
   * its streets, a street itself. Counts of invitations only: who answered what is never shown.
   */
  async responseRates(actor: Actor, id: string): Promise<ResponseRatesDto> {
    const c = await this.find(this.ds.manager, actor, id);
    const NOBODY = '00000000-0000-0000-0000-000000000000';
    const scope =
      actor.role === 'district_admin'
        ? { sql: ' and i.district_id = $2', params: [actor.districtId ?? NOBODY], name: 'district' }
        : actor.role === 'street_admin'
          ? { sql: ' and i.street_id = $2', params: [actor.streetId ?? NOBODY], name: 'street' }
          : { sql: '', params: [], name: 'city' };
    const sql = RATES_SQL.replace(
      'where i.campaign_id = $1',
      `where i.campaign_id = $1${scope.sql}`,
    );
    const rows = await this.ds.query<RateRow[]>(sql, [c.id, ...scope.params]);
    const ids = [
      ...new Set(rows.flatMap((r) => [r.districtId, r.streetId]).filter((x): x is string => !!x)),
    ];
    const names = new Map(
      ids.length
        ? (
            await this.ds.query<{ id: string; name: string }[]>(
              'select id, name from org_unit where id = any($1::uuid[])',
              [ids],
            )
          ).map((u) => [u.id, u.name])
        : [],
    );
    const rate = (s: number, i: number): number => (i ? Math.round((s / i) * 10000) / 10000 : 0);
    const row = (id: string, r: RateRow) => ({
      id,
      name: names.get(id) ?? id,
      invited: r.invited,
      submitted: r.submitted,
      drafts: r.drafts,
      rate: rate(r.submitted, r.invited),
    });
    const byName = (a: { name: string }, b: { name: string }): number =>
      a.name.localeCompare(b.name, 'zh-CN');
    const all = rows.find((r) => r.level === 'all');
    return {
      campaignId: c.id,
      scope: scope.name,
      invited: all?.invited ?? 0,
      submitted: all?.submitted ?? 0,
      drafts: all?.drafts ?? 0,
      rate: rate(all?.submitted ?? 0, all?.invited ?? 0),
      districts: rows
        .filter((r) => r.level === 'district' && r.districtId)
        .map((d) => ({
          ...row(d.districtId!, d),
          streets: rows
            .filter((s) => s.level === 'street' && s.districtId === d.districtId && s.streetId)
            .map((s) => row(s.streetId!, s))
            .sort(byName),
        }))
        .sort(byName),
    };
  }

  /**
   * A campaign of the actor's municipality: any for the bureau; launched ones for districts
   * and streets. 404 otherwise.
   */
  async find(em: EntityManager, actor: Actor, id: string, lock = false): Promise<SurveyCampaign> {
    const { region } = await regionOfUnit(em, actor.orgId);
    const c = await em.findOne(SurveyCampaign, {
      where: { id, region },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!c || (c.status === 'draft' && actor.role !== 'municipal_admin'))
      throw new NotFoundError('需求调查', id);
    return c;
  }

  /** The questionnaire of the actor's region, and the latest of its lineage (409 otherwise). */
  private async usableQuestionnaire(
    em: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<SurveyQuestionnaire> {
    const q = await this.questionnaires.find(em, actor, id);
    const latest = (await this.questionnaires.latestByLineage(em, [q.lineageId])).get(q.lineageId);
    if (latest && latest.id !== q.id) throw questionnaireSuperseded(latest.id);
    return q;
  }

  private async check(
    em: EntityManager,
    municipalityId: string,
    population: Population,
    window: { opensAt: Date; closesAt: Date; reminders: Date[] },
  ): Promise<void> {
    const problems = [...windowProblems(window), ...populationProblems(population)];
    if (population.districtIds.length) {
      const found = await em.query<{ id: string }[]>(
        `select id from org_unit where id = any($1::uuid[]) and kind = 'district' and parent_id = $2`,
        [population.districtIds, municipalityId],
      );
      const known = new Set(found.map((r) => r.id));
      const unknown = population.districtIds.filter((d) => !known.has(d));
      if (unknown.length)
        problems.push({
          field: 'population.districtIds',
          message: `不是本市的区县：${unknown.join('、')} (not districts of the municipality)`,
        });
    }
    if (problems.length) throw problemsError(problems);
  }

  async present(em: EntityManager, c: SurveyCampaign): Promise<CampaignDto> {
    return (await this.presentMany(em, [c]))[0];
  }

  async presentMany(em: EntityManager, rows: SurveyCampaign[]): Promise<CampaignDto[]> {
    if (!rows.length) return [];
    const qs = await em.find(SurveyQuestionnaire, {
      where: { id: In([...new Set(rows.map((r) => r.questionnaireId))]) },
    });
    const qById = new Map(qs.map((q) => [q.id, q]));
    const districtIds = [...new Set(rows.flatMap((r) => r.population.districtIds))];
    const names = new Map(
      districtIds.length
        ? (
            await em.query<{ id: string; name: string }[]>(
              'select id, name from org_unit where id = any($1::uuid[])',
              [districtIds],
            )
          ).map((u) => [u.id, u.name])
        : [],
    );
    const now = new Date();
    return rows.map((c) => {
      const q = qById.get(c.questionnaireId);
      return {
        id: c.id,
        year: c.year,
        title: c.title,
        description: c.description,
        questionnaire: { id: c.questionnaireId, title: q?.title ?? '', version: q?.version ?? 0 },
        population: { ...c.population, text: describePopulation(c.population, names) },
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        reminders: sortDates(c.reminders),
        remindersSent: c.remindersSent,
        minGroupSize: c.minGroupSize,
        status: effectiveStatus(c, now),
        invitedCount: c.invitedCount,
        distributedAt: c.distributedAt,
        launchedAt: c.launchedAt,
        closedAt: c.closedAt,
        rowVersion: c.rowVersion,
        createdAt: c.createdAt,
      };
    });
  }
}

export function sortDates(dates: readonly Date[]): Date[] {
  return [...dates].map((d) => new Date(d)).sort((a, b) => a.getTime() - b.getTime());
}
