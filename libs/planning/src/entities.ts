import {
  InstitutionDocument,
  InstitutionProfile,
  InstitutionReview,
} from './institutions/institution.entity';
import { AnnualPlan, PlanProject, ProjectPlan, ProjectPlanDocument } from './plans/plan.entity';
import { TeacherConsent } from './teachers/teacher-consent.entity';
import { Teacher, TeacherInstitution } from './teachers/teacher.entity';

export const PLANNING_ENTITIES = [
  InstitutionProfile,
  InstitutionDocument,
  InstitutionReview,
  Teacher,
  TeacherInstitution,
  TeacherConsent,
  AnnualPlan,
  PlanProject,
  ProjectPlan,
  ProjectPlanDocument,
];
