import {
  InstitutionDocument,
  InstitutionProfile,
  InstitutionReview,
} from './institutions/institution.entity';

export const PLANNING_ENTITIES = [InstitutionProfile, InstitutionDocument, InstitutionReview];
