/** Where an organisation sits in the tree; provided by libs/org so core need not know its tables. */
export interface OrgPlacement {
  id: string;
  kind: string;
  districtId: string | null;
  streetId: string | null;
  active: boolean;
}

/** A unit of the organisation tree by name, for people to read. */
export interface UnitRef {
  id: string;
  kind: string;
  name: string;
}

/** The units an account works in: its own, and the district and street of its scope. */
export interface ActorUnits {
  /** The bound unit; for a worker account, the worker's community. */
  unit: UnitRef | null;
  district: UnitRef | null;
  street: UnitRef | null;
}

export interface ScopeResolver {
  placement(orgId: string): Promise<OrgPlacement | null>;
  /** Names the account's units (the header of the web app shows them). */
  units(actor: {
    orgId: string | null;
    districtId: string | null;
    streetId: string | null;
    workerId: string | null;
  }): Promise<ActorUnits>;
}

export const SCOPE_RESOLVER = Symbol('SCOPE_RESOLVER');
