import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { FundingLevel, TrainingType } from '@peixun/policy';
import type { CostItem, Method, PlanSession, PlanStatus } from './plan.rules';

/** The municipal bureau's annual city plan (年度培训计划, Art. 11). */
@Entity({ name: 'annual_plan' })
@Check('annual_plan_status_ck', `status IN ('draft', 'published')`)
@Index('annual_plan_region_year_uq', ['region', 'year'], { unique: true })
export class AnnualPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Policy region of the municipality that made it (e.g. beijing). */
  @Column({ type: 'varchar', length: 40 })
  region: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: 'draft' | 'published';

  /** The needs-survey report the plan is based on (Art. 11, 21). */
  @Column({ name: 'survey_report_name', type: 'varchar', length: 200, nullable: true })
  surveyReportName: string | null;

  /** Its bytes live in the file store (libs/core files): key, hash, size and sniffed type here. */
  @Column({ name: 'survey_report_key', type: 'varchar', length: 200, nullable: true })
  surveyReportKey: string | null;

  @Column({ name: 'survey_report_sha256', type: 'char', length: 64, nullable: true })
  surveyReportSha256: string | null;

  @Column({ name: 'survey_report_size', type: 'int', nullable: true })
  surveyReportSize: number | null;

  @Column({ name: 'survey_report_mime', type: 'varchar', length: 100, nullable: true })
  surveyReportMime: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A project of the city plan: a training type for a target group, with places and a budget line. */
@Entity({ name: 'plan_project' })
export class PlanProject {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('plan_project_plan_idx')
  @ForeignKey(() => AnnualPlan, { name: 'plan_project_plan_fk', onDelete: 'CASCADE' })
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'varchar', length: 20 })
  type: TrainingType;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ name: 'target_tiers', type: 'jsonb' })
  targetTiers: string[];

  @Column({ name: 'target_channels', type: 'jsonb' })
  targetChannels: string[];

  @Column({ name: 'planned_places', type: 'int' })
  plannedPlaces: number;

  /** Budget line in fen, and the level that funds it (from the policy's payer of the type). */
  @Column({ name: 'budget_fen', type: 'bigint' })
  budgetFen: string;

  @Column({ name: 'funding_level', type: 'varchar', length: 12 })
  fundingLevel: FundingLevel;
}

/** A district's project plan (培训项目计划书) for a project of the city plan. */
@Entity({ name: 'project_plan' })
@Check(
  'project_plan_status_ck',
  `status IN ('draft', 'submitted', 'returned', 'approved', 'superseded')`,
)
@Index('project_plan_queue_idx', ['status', 'submittedAt'])
@Index('project_plan_district_idx', ['districtId', 'year'])
export class ProjectPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @ForeignKey('OrgUnit', { name: 'project_plan_district_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @ForeignKey(() => PlanProject, { name: 'project_plan_project_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'plan_project_id', type: 'uuid' })
  planProjectId: string;

  @Index('project_plan_institution_idx')
  @ForeignKey('OrgUnit', { name: 'project_plan_institution_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'institution_id', type: 'uuid' })
  institutionId: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'int' })
  places: number;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  @Column({ type: 'jsonb' })
  methods: Method[];

  @Column({ name: 'teacher_ids', type: 'jsonb' })
  teacherIds: string[];

  @Column({ type: 'text', nullable: true })
  materials: string | null;

  @Column({ type: 'jsonb' })
  sessions: PlanSession[];

  @Column({ name: 'cost_items', type: 'jsonb' })
  costItems: CostItem[];

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status: PlanStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  /** The municipal bureau's comments when it returned the plan. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  comments: string | null;

  /** An amendment points at the approved plan it will replace. */
  @ForeignKey(() => ProjectPlan, { name: 'project_plan_amends_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'amendment_of', type: 'uuid', nullable: true })
  amendmentOf: string | null;

  /** 备案号 once approved. */
  @Index('project_plan_filing_uq', { unique: true, where: 'filing_number IS NOT NULL' })
  @Column({ name: 'filing_number', type: 'varchar', length: 40, nullable: true })
  filingNumber: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int', default: 1 })
  version: number;
}

/** The approved plan as a PDF, rendered by the worker. */
@Entity({ name: 'project_plan_document' })
export class ProjectPlanDocument {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  @ForeignKey(() => ProjectPlan, { name: 'project_plan_document_plan_fk', onDelete: 'CASCADE' })
  planId: string;

  /** The PDF in the file store (libs/core files). */
  @Column({ name: 'file_key', type: 'varchar', length: 200 })
  fileKey: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @CreateDateColumn({ name: 'rendered_at', type: 'timestamptz' })
  renderedAt: Date;
}
