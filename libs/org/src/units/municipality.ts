import type { EntityManager } from 'typeorm';

export interface MunicipalityRef {
  id: string;
  name: string;
  code: string | null;
}

/**
 * The municipality a unit belongs to, whatever its kind (a municipality is its own;
 * districts and institutions sit directly under theirs; streets and communities
 * through their district). Null when the unit is unknown.
 */
export async function municipalityOf(
  em: EntityManager,
  unitId: string | null,
): Promise<MunicipalityRef | null> {
  if (!unitId) return null;
  const [row] = await em.query<MunicipalityRef[]>(
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
  return row ?? null;
}
