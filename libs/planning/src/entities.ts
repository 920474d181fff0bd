import {
  InstitutionDocument,
  InstitutionProfile,
  InstitutionReview,
} from './institutions/institution.entity';
import { AnnualPlan, PlanProject, ProjectPlan, ProjectPlanDocument } from './plans/plan.entity';
import { Teacher, TeacherInstitution } from './teachers/teacher.entity';

export const PLANNING_ENTITIES = [
  InstitutionProfile,
  InstitutionDocument,
  InstitutionReview,
  Teacher,
  TeacherInstitution,
  AnnualPlan,
  PlanProject,
  ProjectPlan,
  ProjectPlanDocument,
];
