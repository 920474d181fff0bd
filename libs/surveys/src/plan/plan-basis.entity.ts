import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SurveyReport } from '../reports/report.entity';

/**
 * The needs-survey report version an annual city plan is based on (Art. 11). Kept here, not on
 * the plan, so that planning never depends on the survey (imports flow one way).
 */
@Entity({ name: 'annual_plan_survey_basis' })
export class AnnualPlanSurveyBasis {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' })
  @ForeignKey('AnnualPlan', { name: 'annual_plan_survey_basis_plan_fk', onDelete: 'CASCADE' })
  planId: string;

  @ForeignKey(() => SurveyReport, {
    name: 'annual_plan_survey_basis_report_fk',
    onDelete: 'RESTRICT',
  })
  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'linked_by', type: 'uuid' })
  linkedBy: string;

  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' })
  linkedAt: Date;
}
