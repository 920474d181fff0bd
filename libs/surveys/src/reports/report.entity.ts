import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { SurveyCampaign } from '../campaigns/campaign.entity';
import type { SurveyReportData } from './report.types';

export type ReportKind = 'interim' | 'final';
/** pending: asked for; aggregated: counted, files being rendered; ready; failed. */
export type ReportStatus = 'pending' | 'aggregated' | 'ready' | 'failed';

/**
 * A version of a campaign's report (1, 2, … per campaign): the aggregated counts as of one
 * snapshot of the answers, and the Excel workbook and PDF rendered from them (file store kind
 * `survey-report`). An interim version while the campaign is open, a final one at its close.
 */
@Entity({ name: 'survey_report' })
@Check('survey_report_kind_ck', `kind IN ('interim', 'final')`)
@Check('survey_report_status_ck', `status IN ('pending', 'aggregated', 'ready', 'failed')`)
@Check(
  'survey_report_files_ck',
  `(xlsx_key IS NULL) = (xlsx_sha256 IS NULL) AND (pdf_key IS NULL) = (pdf_sha256 IS NULL) AND (status <> 'ready' OR (xlsx_key IS NOT NULL AND pdf_key IS NOT NULL AND data IS NOT NULL))`,
)
@Index('survey_report_campaign_number_uq', ['campaignId', 'number'], { unique: true })
export class SurveyReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => SurveyCampaign, { name: 'survey_report_campaign_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 10 })
  kind: ReportKind;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: ReportStatus;

  /** Who asked for it (null: the campaign's close). */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  /** The job (queue `surveys`) to poll. */
  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  /** The counts (report.types.ts); null until aggregated. */
  @Column({ type: 'jsonb', nullable: true })
  data: SurveyReportData | null;

  /** The database time of the snapshot the counts were read from. */
  @Column({ name: 'as_of', type: 'timestamptz', nullable: true })
  asOf: Date | null;

  @Column({ type: 'int', nullable: true })
  respondents: number | null;

  @Column({ type: 'int', nullable: true })
  invited: number | null;

  @Column({ name: 'xlsx_key', type: 'varchar', length: 200, nullable: true })
  xlsxKey: string | null;

  @Column({ name: 'xlsx_sha256', type: 'char', length: 64, nullable: true })
  xlsxSha256: string | null;

  @Column({ name: 'xlsx_size', type: 'int', nullable: true })
  xlsxSize: number | null;

  @Column({ name: 'pdf_key', type: 'varchar', length: 200, nullable: true })
  pdfKey: string | null;

  @Column({ name: 'pdf_sha256', type: 'char', length: 64, nullable: true })
  pdfSha256: string | null;

  @Column({ name: 'pdf_size', type: 'int', nullable: true })
  pdfSize: number | null;

  /** Why it failed (short, no personal data). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
