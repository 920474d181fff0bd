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
import type { AnswerInput } from '../answers/answers.rules';
import { SurveyQuestionnaire } from '../questionnaires/questionnaire.entity';
import type { CampaignStatus, Population } from './campaign.rules';

/** The year-end training-needs survey of a municipality (需求调查, Art. 11, 21). */
@Entity({ name: 'survey_campaign' })
@Check('survey_campaign_status_ck', `status IN ('draft', 'scheduled', 'open', 'closed')`)
@Check('survey_campaign_window_ck', `closes_at > opens_at`)
@Check('survey_campaign_min_group_ck', `min_group_size BETWEEN 3 AND 100`)
@Index('survey_campaign_region_year_idx', ['region', 'year'])
@Index('survey_campaign_status_idx', ['status'])
export class SurveyCampaign {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  region: string;

  @ForeignKey('OrgUnit', { name: 'survey_campaign_municipality_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  /** The year the survey runs (its report informs the plan of the years after). */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @ForeignKey(() => SurveyQuestionnaire, {
    name: 'survey_campaign_questionnaire_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'questionnaire_id', type: 'uuid' })
  questionnaireId: string;

  @Column({ type: 'jsonb' })
  population: Population;

  @Column({ name: 'opens_at', type: 'timestamptz' })
  opensAt: Date;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt: Date;

  /** When reminders go to those who have not submitted, in order. */
  @Column({ type: 'timestamptz', array: true, default: () => `'{}'` })
  reminders: Date[];

  /** How many of the reminders have gone out. */
  @Column({ name: 'reminders_sent', type: 'smallint', default: 0 })
  remindersSent: number;

  /** Anonymity: a group with fewer respondents is not shown on its own in the reports. */
  @Column({ name: 'min_group_size', type: 'smallint', default: 5 })
  minGroupSize: number;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: CampaignStatus;

  /** Invitations so far (the distribution's running and final count). */
  @Column({ name: 'invited_count', type: 'int', default: 0 })
  invitedCount: number;

  /** When the first distribution over the whole population completed. */
  @Column({ name: 'distributed_at', type: 'timestamptz', nullable: true })
  distributedAt: Date | null;

  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  @Column({ name: 'launched_by', type: 'uuid', nullable: true })
  launchedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Who closed it early (null: closed by its window). */
  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ name: 'row_version', type: 'int', default: 1 })
  rowVersion: number;
}

export type InvitationStatus = 'invited' | 'draft' | 'submitted';

/**
 * One worker's invitation to a campaign, with where the worker stood when invited (district,
 * street, tier, channel): response rates by district and street, and the reports' breakdowns,
 * read these and never the worker. The id is deterministic (invitation-id.ts).
 */
@Entity({ name: 'survey_invitation' })
@Check('survey_invitation_status_ck', `status IN ('invited', 'draft', 'submitted')`)
@Index('survey_invitation_campaign_worker_uq', ['campaignId', 'workerId'], { unique: true })
@Index('survey_invitation_rates_idx', ['campaignId', 'districtId', 'streetId', 'status'])
@Index('survey_invitation_worker_idx', ['workerId'])
export class SurveyInvitation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @ForeignKey(() => SurveyCampaign, { name: 'survey_invitation_campaign_fk', onDelete: 'CASCADE' })
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @ForeignKey('Worker', { name: 'survey_invitation_worker_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'worker_id', type: 'uuid' })
  workerId: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @Column({ name: 'street_id', type: 'uuid' })
  streetId: string;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ name: 'position_tier', type: 'varchar', length: 10 })
  positionTier: string;

  @Column({ name: 'entry_channel', type: 'varchar', length: 30 })
  entryChannel: string;

  @Column({ type: 'varchar', length: 30 })
  qualification: string;

  @Column({ type: 'varchar', length: 10, default: 'invited' })
  status: InvitationStatus;

  @Column({ name: 'invited_at', type: 'timestamptz', default: () => 'now()' })
  invitedAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** How many of the campaign's reminders this worker was sent. */
  @Column({ name: 'reminders_sent', type: 'smallint', default: 0 })
  remindersSent: number;
}

/**
 * A worker's answers to a campaign: a draft, or the submission (replaced by an edit before the
 * close). Besides the answers as given, the compact form the reports aggregate in SQL
 * (answers.rules.ts) and a copy of the invitation's district, tier and channel, so that a
 * report is a scan of this one table. Reports show only counts of groups large enough.
 */
@Entity({ name: 'survey_response' })
@Check('survey_response_status_ck', `status IN ('draft', 'submitted')`)
@Index('survey_response_campaign_idx', ['campaignId', 'status'])
export class SurveyResponse {
  @PrimaryColumn({ name: 'invitation_id', type: 'uuid' })
  @ForeignKey(() => SurveyInvitation, {
    name: 'survey_response_invitation_fk',
    onDelete: 'CASCADE',
  })
  invitationId: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId: string;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId: string;

  @Column({ name: 'position_tier', type: 'varchar', length: 10 })
  positionTier: string;

  @Column({ name: 'entry_channel', type: 'varchar', length: 30 })
  entryChannel: string;

  @Column({ type: 'varchar', length: 10 })
  status: 'draft' | 'submitted';

  @Column({ type: 'jsonb' })
  answers: AnswerInput[];

  @Column({ name: 'choice_codes', type: 'int', array: true, default: () => `'{}'` })
  choiceCodes: number[];

  @Column({ name: 'breakdown_codes', type: 'smallint', array: true, default: () => `'{}'` })
  breakdownCodes: number[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  terms: string[];

  /** 1 at submission, +1 for each edit after it. */
  @Column({ type: 'int', default: 0 })
  revision: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
