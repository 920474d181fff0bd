import { OrgUnit } from './org-unit.entity';
import { RosterFile } from './roster/roster-file.entity';
import { Worker, WorkerAssessment, WorkerPostHistory } from './workers/worker.entity';

export const ORG_ENTITIES = [OrgUnit, Worker, WorkerPostHistory, WorkerAssessment, RosterFile];
