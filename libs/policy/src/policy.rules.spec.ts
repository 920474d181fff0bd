import { BEIJING_2012, SHENYANG_2012 } from './policies';
import { gradeOf, parseGrade, policyFor, regionOfDivisionCode } from './policy.rules';
import { TrainingPolicy } from './policy.types';

describe('policy lookup', () => {
  const later: TrainingPolicy = { ...BEIJING_2012, id: 'beijing-2027', fromYear: 2027 };

  it.each([
    ['beijing', 2011, null],
    ['beijing', 2012, 'beijing-2012'],
    ['beijing', 2026, 'beijing-2012'],
    ['beijing', 2027, 'beijing-2027'],
    ['shenyang', 2026, 'shenyang-2012'],
    ['guangzhou', 2026, null],
  ])('%s in %i -> %s', (region, year, id) => {
    expect(policyFor(region, year, [BEIJING_2012, SHENYANG_2012, later])?.id ?? null).toBe(id);
  });

  it.each([
    ['110000', 'beijing'],
    ['110108', 'beijing'],
    ['210100', 'shenyang'],
    [null, 'beijing'],
  ])('division code %s is in %s', (code, region) => {
    expect(regionOfDivisionCode(code)).toBe(region);
  });

  it.each([
    [BEIJING_2012, '优秀', 'excellent'],
    [BEIJING_2012, 'basically_competent', 'basically_competent'],
    [BEIJING_2012, '称职', null],
    [SHENYANG_2012, '称职', 'competent'],
    [SHENYANG_2012, '告诫', 'warned'],
    [SHENYANG_2012, '基本合格', null],
  ])('%# grades are the region’s own: %s', (policy, input, code) => {
    expect(parseGrade(policy, input)?.code ?? null).toBe(code);
  });

  it('knows grade ranks', () => {
    expect(gradeOf(BEIJING_2012, 'excellent')?.rank).toBe(1);
    expect(gradeOf(BEIJING_2012, 'warned')).toBeNull();
  });
});
