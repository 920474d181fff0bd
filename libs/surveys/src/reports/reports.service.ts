import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  FileStore,
  JOB_CATALOGUE,
  JobName,
  JobsService,
  NotFoundError,
  QueueName,
} from '@peixun/core';
import { regionByKey } from '@peixun/policy';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { SurveyCampaign } from '../campaigns/campaign.entity';
import { describePopulation } from '../campaigns/campaign.rules';
import { SurveyQuestionnaire } from '../questionnaires/questionnaire.entity';
import { reportNotReady } from '../surveys.errors';
import { readAggregation } from './aggregation.sql';
import { renderReportPdf } from './report-pdf';
import { renderReportXlsx } from './report-xlsx';
import { ReportDto, ReportFile, ReportSummaryDto } from './report.dto';
import { ReportKind, SurveyReport } from './report.entity';
import { buildReport } from './report.rules';
import type { SurveyReportData } from './report.types';

export interface RenderResult {
  reportId: string;
  /** rendered: files stored now; ready: another run had finished it; gone: no such report. */
  outcome: 'rendered' | 'ready' | 'gone';
  respondents: number | null;
}

const FILE_TYPES: Record<ReportFile, { mime: string; ext: string }> = {
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: 'xlsx',
  },
  pdf: { mime: 'application/pdf', ext: 'pdf' },
};

/**
 * Report versions of a campaign: asked for (an interim one while it is open, the final one at
 * its close), aggregated in SQL by the worker from one snapshot of the answers, rendered as an
 * Excel workbook and a Chinese PDF (FileStore kind `survey-report`), and read by the bureau and
 * the districts and streets of its municipality (anonymous counts only).
 */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger('SurveyReports');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** A new version of the campaign's report, pending (the campaign row must be locked by the caller). */
  async createVersion(
    em: EntityManager,
    c: SurveyCampaign,
    kind: ReportKind,
    requestedBy: string | null,
  ): Promise<SurveyReport> {
    const [{ n }] = await em.query<{ n: number }[]>(
      'select coalesce(max(number), 0)::int + 1 as n from survey_report where campaign_id = $1',
      [c.id],
    );
    const id = randomUUID();
    return em.save(
      em.create(SurveyReport, {
        id,
        campaignId: c.id,
        number: n,
        kind,
        status: 'pending',
        requestedBy,
        jobId: JOB_CATALOGUE[JobName.SurveyAggregate].jobId({ reportId: id }),
      }),
    );
  }

  /** Enqueues the aggregation and rendering of a version (idempotent: its job id is fixed). */
  async enqueueRendering(r: SurveyReport): Promise<ReportSummaryDto> {
    await this.jobs.enqueue(JobName.SurveyAggregate, {
      reportId: r.id,
      ...(r.requestedBy ? { requestedBy: r.requestedBy } : {}),
    });
    return this.summary(r);
  }

  /** An interim version of an open campaign's report (the bureau). */
  async requestInterim(actor: Actor, campaign: SurveyCampaign): Promise<ReportSummaryDto> {
    const r = await this.ds.transaction(async (em) => {
      // one new version at a time per campaign
      await em.query('select id from survey_campaign where id = $1 for update', [campaign.id]);
      const r = await this.createVersion(em, campaign, 'interim', actor.accountId);
      await this.audit.record(em, actor, {
        action: 'survey.report_requested',
        entityType: 'survey_report',
        entityId: r.id,
        data: { campaignId: campaign.id, number: r.number, kind: r.kind },
      });
      return r;
    });
    return this.enqueueRendering(r);
  }

  async list(campaign: SurveyCampaign): Promise<ReportSummaryDto[]> {
    const rows = await this.ds.getRepository(SurveyReport).find({
      where: { campaignId: campaign.id },
      order: { number: 'DESC' },
    });
    return rows.map((r) => this.summary(r));
  }

  get(report: SurveyReport): ReportDto {
    return { ...this.summary(report), data: report.data };
  }

  /** A rendered file of a version; 409 SURVEY_REPORT_NOT_READY before it is rendered. */
  async file(
    report: SurveyReport,
    campaign: SurveyCampaign,
    format: ReportFile,
  ): Promise<{ content: Readable; size: number; fileName: string; mime: string }> {
    const key = format === 'xlsx' ? report.xlsxKey : report.pdfKey;
    const size = format === 'xlsx' ? report.xlsxSize : report.pdfSize;
    if (report.status !== 'ready' || !key || size === null)
      throw reportNotReady(report.status, { queue: QueueName.Surveys, jobId: report.jobId });
    return {
      content: await this.files.get(key),
      size,
      fileName: `${campaign.title}-第${report.number}版.${FILE_TYPES[format].ext}`,
      mime: FILE_TYPES[format].mime,
    };
  }

  /** A report of a campaign the caller may read (the campaign checked by the caller's scope). */
  async findReport(id: string): Promise<SurveyReport> {
    const r = await this.ds.getRepository(SurveyReport).findOneBy({ id });
    if (!r) throw new NotFoundError('调查报告', id);
    return r;
  }

  summary(r: SurveyReport): ReportSummaryDto {
    return {
      id: r.id,
      campaignId: r.campaignId,
      number: r.number,
      kind: r.kind,
      status: r.status,
      requestedAt: r.requestedAt,
      asOf: r.asOf,
      respondents: r.respondents,
      invited: r.invited,
      error: r.error,
      job: { queue: QueueName.Surveys, jobId: r.jobId },
    };
  }

  // -- the worker's side ------------------------------------------------------------------

  /**
   * Aggregates a version (once: a rerun keeps the counts it stored) and renders its files.
   * Safe to run twice: the files are stored under the report's lock, a second run drops its own.
   */
  async render(reportId: string): Promise<RenderResult> {
    const report = await this.ds.getRepository(SurveyReport).findOneBy({ id: reportId });
    if (!report) return { reportId, outcome: 'gone', respondents: null };
    if (report.status === 'ready')
      return { reportId, outcome: 'ready', respondents: report.respondents };
    const campaign = await this.ds.getRepository(SurveyCampaign).findOneByOrFail({
      id: report.campaignId,
    });
    const data = report.data ?? (await this.aggregate(report, campaign));

    const issuer = regionByKey(campaign.region)?.planAuthority ?? '';
    const xlsx = await renderReportXlsx(data);
    const pdf = await renderReportPdf(data, { issuer, timeZone: this.config.timezone });
    const storedX = await this.files.put(xlsx, 'survey-report', { fileName: 'report.xlsx' });
    let storedP: Awaited<ReturnType<FileStore['put']>> | null = null;
    let kept = false;
    try {
      storedP = await this.files.put(pdf, 'survey-report', { fileName: 'report.pdf' });
      const files = { x: storedX, p: storedP };
      kept = await this.ds.transaction(async (em) => {
        const row = await em.findOne(SurveyReport, {
          where: { id: reportId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!row || row.status === 'ready') return false;
        row.xlsxKey = files.x.key;
        row.xlsxSha256 = files.x.sha256;
        row.xlsxSize = files.x.size;
        row.pdfKey = files.p.key;
        row.pdfSha256 = files.p.sha256;
        row.pdfSize = files.p.size;
        row.status = 'ready';
        row.error = null;
        await em.save(row);
        await this.audit.record(
          em,
          { system: 'surveys' },
          {
            action: 'survey.report_ready',
            entityType: 'survey_report',
            entityId: reportId,
            data: {
              campaignId: row.campaignId,
              number: row.number,
              respondents: row.respondents,
              pdfSha256: files.p.sha256,
              xlsxSha256: files.x.sha256,
            },
          },
        );
        return true;
      });
    } finally {
      if (!kept) {
        await this.files.discard(storedX.key);
        if (storedP) await this.files.discard(storedP.key);
      }
    }
    return {
      reportId,
      outcome: kept ? 'rendered' : 'ready',
      respondents: data.respondents,
    };
  }

  /** The counts of one snapshot of the answers, stored on the version (status `aggregated`). */
  async aggregate(report: SurveyReport, campaign: SurveyCampaign): Promise<SurveyReportData> {
    const data = await this.ds.transaction('REPEATABLE READ', async (em) => {
      const q = await em.findOneByOrFail(SurveyQuestionnaire, { id: campaign.questionnaireId });
      const read = await readAggregation(em, campaign.id, campaign.minGroupSize);
      const districtIds = campaign.population.districtIds;
      const names = new Map(read.names);
      if (districtIds.some((d) => !names.has(d))) {
        const rows = await em.query<{ id: string; name: string }[]>(
          'select id, name from org_unit where id = any($1::uuid[])',
          [districtIds],
        );
        for (const r of rows) names.set(r.id, r.name);
      }
      return buildReport({
        questions: q.questions,
        codes: read.codes,
        rates: read.rates,
        terms: read.terms,
        names,
        minGroupSize: campaign.minGroupSize,
        meta: {
          campaign: {
            id: campaign.id,
            title: campaign.title,
            year: campaign.year,
            opensAt: campaign.opensAt.toISOString(),
            closesAt: campaign.closesAt.toISOString(),
            population: describePopulation(campaign.population, names),
          },
          questionnaire: { id: q.id, title: q.title, version: q.version },
          kind: report.kind,
          number: report.number,
          asOf: read.asOf.toISOString(),
        },
      });
    });
    // a second run that aggregated meanwhile wins; its counts are the version's
    const stored = await this.ds.transaction(async (em) => {
      const row = await em.findOne(SurveyReport, {
        where: { id: report.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw new NotFoundError('调查报告', report.id);
      if (row.data) return row.data;
      row.data = data;
      row.asOf = new Date(data.asOf);
      row.respondents = data.respondents;
      row.invited = data.responseRates.invited;
      row.status = 'aggregated';
      await em.save(row);
      return data;
    });
    return stored;
  }

  /** The version's rendering failed for good. */
  async markFailed(reportId: string, err: unknown): Promise<void> {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
    await this.ds
      .query(
        `update survey_report set status = 'failed', error = $2, updated_at = now()
          where id = $1 and status in ('pending', 'aggregated')`,
        [reportId, message],
      )
      .catch((e: unknown) =>
        this.logger.warn(
          `could not mark report ${reportId} failed: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
  }
}
