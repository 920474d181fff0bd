import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Question } from './questionnaire.rules';

/**
 * A version of a needs-survey questionnaire. A draft may be edited; once a campaign has been
 * launched with it (`locked_at`) it is never changed again (a database trigger refuses it) —
 * a change is a new version of the same lineage, which supersedes it for new campaigns.
 */
@Entity({ name: 'survey_questionnaire' })
@Index('survey_questionnaire_lineage_version_uq', ['lineageId', 'version'], { unique: true })
export class SurveyQuestionnaire {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Policy region of the bureau that keeps it (e.g. beijing). */
  @Column({ type: 'varchar', length: 40 })
  region: string;

  /** The id of the lineage's first version (its own id for a first version). */
  @Column({ name: 'lineage_id', type: 'uuid' })
  lineageId: string;

  /** 1, 2, … within the lineage. */
  @Column({ type: 'int' })
  version: number;

  /** The version this one replaces (null for a first version). */
  @ForeignKey(() => SurveyQuestionnaire, {
    name: 'survey_questionnaire_supersedes_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description: string | null;

  @Column({ type: 'jsonb' })
  questions: Question[];

  /** When the first campaign with it was launched: from then on it is read-only. */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
