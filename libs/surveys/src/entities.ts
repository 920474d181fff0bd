import { SurveyCampaign, SurveyInvitation, SurveyResponse } from './campaigns/campaign.entity';
import { AnnualPlanSurveyBasis } from './plan/plan-basis.entity';
import { SurveyQuestionnaire } from './questionnaires/questionnaire.entity';
import { SurveyReport } from './reports/report.entity';

export const SURVEYS_ENTITIES = [
  SurveyQuestionnaire,
  SurveyCampaign,
  SurveyInvitation,
  SurveyResponse,
  SurveyReport,
  AnnualPlanSurveyBasis,
];
