import { DomainError, ErrorCode } from '@peixun/core';
import { regionByDivisionCode, SupportedRegion } from '@peixun/policy';
import type { EntityManager } from 'typeorm';

export interface MunicipalityRef {
  id: string;
  name: string;
  code: string | null;
  /** The supported region its division code names (libs/policy regions.ts), or null. */
  region: SupportedRegion | null;
}

/**
 * The municipality a unit belongs to, whatever its kind (a municipality is its own;
 * districts and institutions sit directly under theirs; streets and communities
 * through their district), with the region of its division code. Null when the
 * unit is unknown.
 */
export async function municipalityOf(
  em: EntityManager,
  unitId: string | null,
): Promise<MunicipalityRef | null> {
  if (!unitId) return null;
  const [row] = await em.query<Omit<MunicipalityRef, 'region'>[]>(
    `select m.id, m.name, m.code
       from org_unit u
       join org_unit m on m.id = case
         when u.kind = 'municipality' then u.id
         when u.kind in ('district', 'institution') then u.parent_id
         else (select d.parent_id from org_unit d where d.id = u.district_id)
       end
      where u.id = $1`,
    [unitId],
  );
  return row ? { ...row, region: regionByDivisionCode(row.code) } : null;
}

/** The refusal when a unit's municipality is not one the region table knows (422 REGION_UNSUPPORTED). */
export function regionUnsupported(code: string | null, name?: string): DomainError {
  return new DomainError(
    ErrorCode.REGION_UNSUPPORTED,
    `所在市${name ? ` ${name}` : ''}的行政区划代码 ${code ?? '（未填写）'} 不在支持的地区中 (region unsupported: division code ${code ?? 'missing'})`,
    422,
    { code },
  );
}

/**
 * The supported region of a unit's municipality: its policy region key, filing
 * prefix, certificate issuers and plan authority. Refuses (REGION_UNSUPPORTED)
 * a unit whose municipality has no code or one the table does not know; never
 * falls back to some region.
 */
export async function regionOfUnit(
  em: EntityManager,
  unitId: string | null,
): Promise<SupportedRegion> {
  const m = await municipalityOf(em, unitId);
  if (!m?.region) throw regionUnsupported(m?.code ?? null, m?.name);
  return m.region;
}
