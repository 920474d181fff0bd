import { regionByKey } from '@peixun/policy';
import type { OrgKind } from '../org-unit.entity';
import { divisionCodeProblem } from './org-unit.rules';

describe('division codes of org units', () => {
  const beijing = regionByKey('beijing')!;
  const shenyang = regionByKey('shenyang')!;

  it.each<[string, OrgKind, string | null, string, string | null, boolean]>([
    ['a Beijing district', 'district', '110108', 'beijing', '110000', true],
    ['no code at all', 'district', null, 'beijing', '110000', true],
    ['a registration number, not a division code', 'street', 'JD-0001', 'beijing', null, true],
    [
      'an institution’s 6-digit registration number',
      'institution',
      '123456',
      'beijing',
      null,
      true,
    ],
    ['a Shenyang district under Beijing', 'district', '210102', 'beijing', '110000', false],
    ['a Shenyang district under Shenyang', 'district', '210102', 'shenyang', '210100', true],
    ['a Dalian district under Shenyang', 'district', '210202', 'shenyang', '210100', false],
    ['the municipality’s own code as a district', 'district', '110000', 'beijing', '110000', false],
    ['a street code as a district', 'district', '110108013', 'beijing', '110000', false],
    ['a street in its district', 'street', '110108013', 'beijing', '110108', true],
    ['a 12-digit street code in its district', 'street', '110108013000', 'beijing', '110108', true],
    ['a street in another district', 'street', '110101001', 'beijing', '110108', false],
    ['a street under a district without a code', 'street', '110101001', 'beijing', null, true],
    ['a district code as a street', 'street', '110108', 'beijing', '110108', false],
    ['a community in its street', 'community', '110108013001', 'beijing', '110108013', true],
    [
      'a community in its 12-digit street',
      'community',
      '110108013001',
      'beijing',
      '110108013000',
      true,
    ],
    ['a community in another street', 'community', '110108005001', 'beijing', '110108013', false],
    [
      'a community with a street-length code',
      'community',
      '110108013',
      'beijing',
      '110108013',
      false,
    ],
    ['a Shenyang community under Beijing', 'community', '210102001001', 'beijing', null, false],
  ])('%s (%s %s in %s under %s): allowed %s', (_, kind, code, region, parent, ok) => {
    const r = region === 'beijing' ? beijing : shenyang;
    expect(divisionCodeProblem(kind, code, r, parent) === null).toBe(ok);
  });
});
