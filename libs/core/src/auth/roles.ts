/** Roles from DOMAIN.md ("Who uses it"). */
export const Role = {
  MunicipalAdmin: 'municipal_admin',
  DistrictAdmin: 'district_admin',
  StreetAdmin: 'street_admin',
  InstitutionStaff: 'institution_staff',
  Teacher: 'teacher',
  Worker: 'worker',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Kind of organisation an account of each role is bound to (null: the account itself). */
export const ROLE_SCOPE_KIND: Record<
  Role,
  'municipality' | 'district' | 'street' | 'institution' | null
> = {
  municipal_admin: 'municipality',
  district_admin: 'district',
  street_admin: 'street',
  institution_staff: 'institution',
  teacher: 'institution',
  worker: null,
};

/**
 * Who is asking. Built from the access token; every service that reads or
 * changes scoped data takes one.
 */
export interface Actor {
  accountId: string;
  username: string;
  role: Role;
  /** The organisation the account is bound to (municipality, district, street or institution). */
  orgId: string | null;
  /** Ancestors of orgId, resolved at login: the district and street the account sits in. */
  districtId: string | null;
  streetId: string | null;
  /** For a worker account: the worker record it is linked to (set once workers exist). */
  workerId: string | null;
}
