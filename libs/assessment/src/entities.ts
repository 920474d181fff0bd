import { GradeOverride, TrainingRecordRow } from './training-record.entity';

export const ASSESSMENT_ENTITIES = [TrainingRecordRow, GradeOverride];
