import { Injectable } from '@nestjs/common';
import { attendanceRules, PolicyStore, regionByDivisionCode, TrainingPolicy } from '@peixun/policy';
import { EntityManager } from 'typeorm';

/** The policy in force for a municipality (by its org unit) and year, cached per call site. */
@Injectable()
export class MunicipalPolicies {
  constructor(private readonly store: PolicyStore) {}

  /** Policies of the given municipalities for a year; a municipality outside the supported regions has none. */
  async forMunicipalities(
    em: EntityManager,
    municipalityIds: string[],
    year: number,
  ): Promise<Map<string, TrainingPolicy>> {
    const out = new Map<string, TrainingPolicy>();
    if (!municipalityIds.length) return out;
    const rows = await em.query<{ id: string; code: string | null }[]>(
      `select id, code from org_unit where id = any($1::uuid[])`,
      [municipalityIds],
    );
    for (const r of rows) {
      const region = regionByDivisionCode(r.code);
      if (!region) continue;
      const p = await this.store.forYear(region.region, year, em);
      if (p) out.set(r.id, p);
    }
    return out;
  }
}

/** The attendance thresholds of each municipality's policy, as the SQL roll-up takes them. */
export function thresholdsJson(policies: Map<string, TrainingPolicy>): string {
  return JSON.stringify(
    [...policies.entries()].map(([municipalityId, p]) => {
      const a = attendanceRules(p);
      return {
        municipality_id: municipalityId,
        late: a.lateThresholdMinutes,
        early: a.earlyThresholdMinutes,
        beyond: a.beyondThreshold,
      };
    }),
  );
}
