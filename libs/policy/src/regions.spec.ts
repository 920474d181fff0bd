import { POLICIES } from './policies';
import {
  looksLikeDivisionCode,
  regionByDivisionCode,
  regionByKey,
  REGIONS,
  SupportedRegion,
} from './regions';

describe('region of a division code', () => {
  it.each<[string | null, string | null]>([
    // the municipalities themselves, also in the 12-digit statistical form
    ['110000', 'beijing'],
    ['110000000000', 'beijing'],
    ['210100', 'shenyang'],
    ['210100000000', 'shenyang'],
    // districts, streets (9 digits) and communities (12 digits) in them
    ['110101', 'beijing'],
    ['110108', 'beijing'],
    ['110119', 'beijing'],
    ['110108013', 'beijing'],
    ['110101001001', 'beijing'],
    ['210102', 'shenyang'],
    ['210112', 'shenyang'],
    ['210181', 'shenyang'],
    ['210102001', 'shenyang'],
    ['210113001002', 'shenyang'],
    // the rest of Liaoning is not Shenyang: 大连市, 鞍山市, 辽宁省
    ['210200', null],
    ['210202', null],
    ['210300', null],
    ['210000', null],
    // codes that are no longer (or never were) districts
    ['110100', null],
    ['110228', null],
    ['110199', null],
    ['210122', null],
    // a street directly under the municipality's own code is no division
    ['110000001', null],
    // other cities and provinces
    ['310000', null],
    ['440100', null],
    // malformed: too short, wrong length, letters, registration numbers, nothing
    ['11', null],
    ['1101', null],
    ['1101080', null],
    ['11010800130', null],
    ['110108013001001', null],
    ['11010A', null],
    ['INST-0001', null],
    ['', null],
    [null, null],
  ])('%s lies in %s', (code, region) => {
    expect(regionByDivisionCode(code)?.region ?? null).toBe(region);
  });

  it.each([
    ['beijing', '京', '北京市民政局'],
    ['shenyang', '沈', '沈阳市民政局'],
  ])('%s files institutions as %s and plans under %s', (key, prefix, authority) => {
    const r = regionByKey(key)!;
    expect(r.filingPrefix).toBe(prefix);
    expect(r.planAuthority).toBe(authority);
    expect(r.certificateIssuers).toEqual([authority, `${r.municipality.name}人力资源和社会保障局`]);
  });

  it.each([['guangzhou'], [''], [null]])('region key %s is not supported', (key) => {
    expect(regionByKey(key)).toBeNull();
  });

  it.each<[string | null, boolean]>([
    ['110000', true],
    ['110108013', true],
    ['110108013001', true],
    ['1101', false],
    ['INST-0001', false],
    [null, false],
  ])('%s looks like a division code: %s', (code, yes) => {
    expect(looksLikeDivisionCode(code)).toBe(yes);
  });
});

describe('the region table', () => {
  const all = REGIONS.flatMap((r: SupportedRegion) => [
    r.municipality.code,
    ...r.districts.map((d) => d.code),
  ]);

  it('gives every code to exactly one region, and every code is 6 digits', () => {
    expect(new Set(all).size).toBe(all.length);
    for (const code of all) expect(code).toMatch(/^\d{6}$/);
  });

  it.each(REGIONS.map((r) => [r.region, r]))(
    '%s: districts share the municipality’s leading digits and a training policy exists',
    (_, r) => {
      const prefix = r.municipality.code.endsWith('0000')
        ? r.municipality.code.slice(0, 2)
        : r.municipality.code.slice(0, 4);
      for (const d of r.districts) expect(d.code.startsWith(prefix)).toBe(true);
      expect(POLICIES.some((p) => p.region === r.region)).toBe(true);
      expect(regionByDivisionCode(r.municipality.code)).toBe(r);
    },
  );

  it('knows Beijing’s 16 districts and Shenyang’s 13 districts and counties', () => {
    expect(regionByKey('beijing')!.districts).toHaveLength(16);
    expect(regionByKey('shenyang')!.districts).toHaveLength(13);
  });
});
