import {
  ClassroomEvaluation,
  EvaluationClassSetting,
  EvaluationInvitation,
  EvaluationReceipt,
  EvaluationReportFile,
  EvaluationTemplate,
  PostClassAnswer,
} from './evaluation.entity';

export const EVALUATIONS_ENTITIES = [
  EvaluationTemplate,
  EvaluationClassSetting,
  EvaluationReceipt,
  PostClassAnswer,
  ClassroomEvaluation,
  EvaluationReportFile,
  EvaluationInvitation,
];
