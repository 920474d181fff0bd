import { OrgUnit } from './org-unit.entity';

export const ORG_ENTITIES = [OrgUnit];
