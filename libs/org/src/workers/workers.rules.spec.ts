import {
  birthDateFromId,
  checkIdNumber,
  genderFromId,
  idCheckChar,
  maskIdNumber,
} from './workers.rules';

describe('resident ID numbers (GB 11643)', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['11010119900307663', '2'],
  ])('check character of %s is %s', (first17, c) => {
    expect(idCheckChar(first17)).toBe(c);
  });

  it.each<[string, string, string | null]>([
    ['11010519491231002X', '11010519491231002X', null],
    [' 11010519491231002x ', '11010519491231002X', null],
    ['110105194912310021', '110105194912310021', 'checksum'],
    ['11010519491231002', '11010519491231002', 'format'],
    ['1101051949123100AX', '1101051949123100AX', 'format'],
    ['110105194902300028', '110105194902300028', 'birth_date'],
  ])('%s -> %s (%s)', (raw, value, problem) => {
    expect(checkIdNumber(raw)).toEqual({ value, problem });
  });

  it('reads birth date and gender', () => {
    expect(birthDateFromId('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromId('11010519491231002X')).toBe('female');
    expect(genderFromId('110101199003076632')).toBe('male');
  });

  it.each([
    ['110101199003076632', '1101**********6632'],
    ['11010519491231002X', '1101**********002X'],
  ])('masks %s as %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});
