import { AppConfig, CORE_ENTITIES, dataSourceOptions } from '@peixun/core';
import { ORG_ENTITIES } from '@peixun/org';
import { PLANNING_ENTITIES } from '@peixun/planning';
import { CLASSES_ENTITIES } from '@peixun/classes';
import { ENROLLMENT_ENTITIES } from '@peixun/enrollment';
import { ATTENDANCE_ENTITIES } from '@peixun/attendance';
import { EXAMS_ENTITIES } from '@peixun/exams';
import { EVALUATIONS_ENTITIES } from '@peixun/evaluations';
import { ASSESSMENT_ENTITIES } from '@peixun/assessment';
import { TrainingPolicyRow } from '@peixun/policy';
import { SURVEYS_ENTITIES } from '@peixun/surveys';
import { DataSource } from 'typeorm';

/** Every entity of every lib: the CLI's data source must know them all to diff the schema. */
export const ALL_ENTITIES = [
  ...CORE_ENTITIES,
  TrainingPolicyRow,
  ...ORG_ENTITIES,
  ...PLANNING_ENTITIES,
  ...CLASSES_ENTITIES,
  ...ENROLLMENT_ENTITIES,
  ...ATTENDANCE_ENTITIES,
  ...EXAMS_ENTITIES,
  ...EVALUATIONS_ENTITIES,
  ...SURVEYS_ENTITIES,
  ...ASSESSMENT_ENTITIES,
];

export function cliDataSource(config: AppConfig, url: string): DataSource {
  return new DataSource({
    ...dataSourceOptions(config, url),
    entities: ALL_ENTITIES,
    logging: ['error'],
  });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
