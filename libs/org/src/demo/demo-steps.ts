import type { EntityManager } from 'typeorm';
import type { OrgUnit } from '../org-unit.entity';

/** What the demo seed has made, for the libraries that add their own demo data. */
export interface DemoSeedContext {
  /** The demo units by their key in DEMO_UNITS (bj, dc, inst, …). */
  units: ReadonlyMap<string, OrgUnit>;
}

/**
 * A library's part of the demo (the planning lib's teachers, …): runs in the
 * seed's transaction after the units, workers and accounts exist, and says
 * what it added (for the log and the audit entry). Libraries that depend on
 * libs/org register theirs with DemoSeedService.addStep at module init, so
 * that org never imports them.
 */
export interface DemoSeedStep {
  name: string;
  run(em: EntityManager, ctx: DemoSeedContext): Promise<number>;
}
