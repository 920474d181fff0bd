import {
  creditCodeCheckChar,
  filingNumber,
  InstitutionAction,
  institutionTransition,
  InstitutionStatus,
  isCommissionable,
  validCreditCode,
} from './institution.rules';

describe('institution qualification workflow', () => {
  it.each<[InstitutionStatus, InstitutionAction, InstitutionStatus | null]>([
    ['draft', 'edit', 'draft'],
    ['draft', 'submit', 'pending'],
    ['draft', 'approve', null],
    ['pending', 'edit', null],
    ['pending', 'submit', null],
    ['pending', 'approve', 'approved'],
    ['pending', 'reject', 'rejected'],
    ['pending', 'request_changes', 'changes_requested'],
    ['changes_requested', 'edit', 'changes_requested'],
    ['changes_requested', 'submit', 'pending'],
    ['changes_requested', 'approve', null],
    ['rejected', 'submit', 'pending'],
    ['approved', 'edit', null],
    ['approved', 'approve', null],
    ['approved', 'suspend', 'suspended'],
    ['approved', 'reinstate', null],
    ['suspended', 'reinstate', 'approved'],
    ['suspended', 'suspend', null],
    ['suspended', 'edit', null],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(institutionTransition(from, action)).toBe(to);
  });

  it.each<[InstitutionStatus, boolean]>([
    ['approved', true],
    ['suspended', false],
    ['pending', false],
    ['rejected', false],
  ])('%s may be commissioned: %s', (status, ok) => {
    expect(isCommissionable(status)).toBe(ok);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it.each([
    ['91110108MA01ABCD1X', false],
    ['12100000400000624D', true],
    ['91350100M000100Y43', true],
    ['91350100M000100Y44', false],
    ['9135010OM000100Y43', false],
  ])('%s valid: %s', (code, ok) => {
    expect(validCreditCode(code)).toBe(ok);
  });

  it('computes the check character', () => {
    expect(creditCodeCheckChar('12100000400000624')).toBe('D');
  });

  it('formats filing numbers', () => {
    expect(filingNumber('京', 2026, 7)).toBe('京培备〔2026〕007号');
  });
});
