/**
 * The municipalities the platform supports, as static policy data: which
 * administrative divisions (GB/T 2260 codes) belong to each, and the names
 * its documents carry. A region key here is the `region` of its training
 * policies (policies.ts, table training_policy) and of its annual plans.
 *
 * A unit's region comes from its full division code, never from a prefix: the
 * first two digits name a province (21 is all of Liaoning, not only Shenyang).
 * An unknown code has no region (null); callers refuse it (REGION_UNSUPPORTED)
 * rather than fall back to some region.
 */

/** An administrative division: 6-digit code and official name. */
export interface Division {
  code: string;
  name: string;
}

export interface SupportedRegion {
  /** Policy region key (training_policy.region, annual_plan.region). */
  region: string;
  /** The municipality (市) itself. */
  municipality: Division;
  /** Its districts and counties (区、县、县级市): their streets and communities carry these 6 digits first. */
  districts: readonly Division[];
  /** First character of an institution's filing number (京培备〔2026〕001号). */
  filingPrefix: string;
  /** Art. 16: the authorities in whose names the annual training-project certificate is issued. */
  certificateIssuers: readonly string[];
  /** Head of the certificate serial (BJPX-2026-000123): the region, 培训 (PX). */
  certificatePrefix: string;
  /** The authority that files project plans (Art. 12, 17), named at the head of a plan PDF. */
  planAuthority: string;
}

export const REGIONS: readonly SupportedRegion[] = [
  {
    region: 'beijing',
    municipality: { code: '110000', name: '北京市' },
    districts: [
      { code: '110101', name: '东城区' },
      { code: '110102', name: '西城区' },
      { code: '110105', name: '朝阳区' },
      { code: '110106', name: '丰台区' },
      { code: '110107', name: '石景山区' },
      { code: '110108', name: '海淀区' },
      { code: '110109', name: '门头沟区' },
      { code: '110111', name: '房山区' },
      { code: '110112', name: '通州区' },
      { code: '110113', name: '顺义区' },
      { code: '110114', name: '昌平区' },
      { code: '110115', name: '大兴区' },
      { code: '110116', name: '怀柔区' },
      { code: '110117', name: '平谷区' },
      { code: '110118', name: '密云区' },
      { code: '110119', name: '延庆区' },
    ],
    filingPrefix: '京',
    certificateIssuers: ['北京市民政局', '北京市人力资源和社会保障局'],
    certificatePrefix: 'BJPX',
    planAuthority: '北京市民政局',
  },
  {
    region: 'shenyang',
    municipality: { code: '210100', name: '沈阳市' },
    districts: [
      { code: '210102', name: '和平区' },
      { code: '210103', name: '沈河区' },
      { code: '210104', name: '大东区' },
      { code: '210105', name: '皇姑区' },
      { code: '210106', name: '铁西区' },
      { code: '210111', name: '苏家屯区' },
      { code: '210112', name: '浑南区' },
      { code: '210113', name: '沈北新区' },
      { code: '210114', name: '于洪区' },
      { code: '210115', name: '辽中区' },
      { code: '210123', name: '康平县' },
      { code: '210124', name: '法库县' },
      { code: '210181', name: '新民市' },
    ],
    filingPrefix: '沈',
    certificateIssuers: ['沈阳市民政局', '沈阳市人力资源和社会保障局'],
    certificatePrefix: 'SYPX',
    planAuthority: '沈阳市民政局',
  },
];

/** A full division code: 6 digits (municipality, district), 9 (street, township) or 12 (statistical code). */
const DIVISION_CODE = /^\d{6}(?:\d{3}){0,2}$/;

/**
 * The region a division code lies in: the municipality's own code (also in its
 * 12-digit form, 110000000000), or a code of one of its districts or of a
 * street or community in one (whose first 6 digits are the district's).
 * Null for anything else: other cities, unknown districts, malformed codes.
 */
export function regionByDivisionCode(
  code: string | null | undefined,
  regions: readonly SupportedRegion[] = REGIONS,
): SupportedRegion | null {
  if (!code || !DIVISION_CODE.test(code)) return null;
  const head = code.slice(0, 6);
  const rest = code.slice(6);
  return (
    regions.find(
      (r) =>
        (r.municipality.code === head && /^0*$/.test(rest)) ||
        r.districts.some((d) => d.code === head),
    ) ?? null
  );
}

/** The region with this key (as stored in training_policy.region), or null. */
export function regionByKey(
  key: string | null | undefined,
  regions: readonly SupportedRegion[] = REGIONS,
): SupportedRegion | null {
  return regions.find((r) => r.region === key) ?? null;
}

/** Whether a code has the shape of a division code (so that it must be one the table knows). */
export function looksLikeDivisionCode(code: string | null | undefined): boolean {
  return !!code && DIVISION_CODE.test(code);
}
