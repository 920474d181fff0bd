import { looksLikeDivisionCode, regionByDivisionCode, SupportedRegion } from '@peixun/policy';
import type { OrgKind } from '../org-unit.entity';

/** Lengths a division code may have at each level (GB/T 2260 + township and statistical codes). */
const LENGTHS: Partial<Record<OrgKind, number[]>> = {
  district: [6],
  street: [9, 12],
  community: [12],
};

/** A code without the trailing zero groups of the 12-digit statistical form (110101001000 → 110101001). */
function significant(code: string): string {
  let c = code;
  while (c.length > 6 && c.endsWith('000')) c = c.slice(0, -3);
  return c;
}

/**
 * Why a code cannot be a unit's division code in its place, or null when it
 * can. Codes that do not look like division codes (registration numbers such
 * as INST-0001) and institutions' codes are not checked. A division code must
 * lie in the region of the tree's municipality (a district: one of the
 * region table's districts), have its level's length, and nest in the
 * parent's division code when the parent (a district or street) has one.
 */
export function divisionCodeProblem(
  kind: OrgKind,
  code: string | null | undefined,
  region: SupportedRegion,
  parentCode: string | null | undefined,
): string | null {
  if (kind === 'institution' || kind === 'municipality' || !looksLikeDivisionCode(code))
    return null;
  const c = code!;
  if (regionByDivisionCode(c)?.region !== region.region)
    return `行政区划代码 ${c} 不属于${region.municipality.name}的区县 (not a division of ${region.region})`;
  if (!LENGTHS[kind]?.includes(c.length))
    return `${kind} 的行政区划代码应为 ${LENGTHS[kind]?.join(' 或 ')} 位 (wrong length for a ${kind})`;
  if (kind === 'district' && !region.districts.some((d) => d.code === c))
    return `行政区划代码 ${c} 不是${region.municipality.name}的区县 (not a district of ${region.region})`;
  if (kind !== 'district' && looksLikeDivisionCode(parentCode)) {
    const parent = significant(parentCode!);
    const own = significant(c);
    if (!own.startsWith(parent) || own.length <= parent.length)
      return `行政区划代码 ${c} 不在上级 ${parentCode} 之内 (not inside its parent's division)`;
  }
  return null;
}
