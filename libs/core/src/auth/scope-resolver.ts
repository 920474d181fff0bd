/** Where an organisation sits in the tree; provided by libs/org so core need not know its tables. */
export interface OrgPlacement {
  id: string;
  kind: string;
  districtId: string | null;
  streetId: string | null;
  active: boolean;
}

export interface ScopeResolver {
  placement(orgId: string): Promise<OrgPlacement | null>;
}

export const SCOPE_RESOLVER = Symbol('SCOPE_RESOLVER');
