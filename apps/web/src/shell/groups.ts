import type { Role } from '../api/session';

/** The user groups of the web app: one folder, one route prefix and one code chunk each. */
export type Group = 'bureau' | 'district' | 'institution' | 'worker';

export const GROUP_OF: Record<Role, Group> = {
  municipal_admin: 'bureau',
  district_admin: 'district',
  street_admin: 'district',
  institution_staff: 'institution',
  teacher: 'institution',
  worker: 'worker',
};

export const GROUP_PATH: Record<Group, string> = {
  bureau: '/b',
  district: '/d',
  institution: '/i',
  worker: '/w',
};

export const homeOf = (role: Role): string => GROUP_PATH[GROUP_OF[role]];
