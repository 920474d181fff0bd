import { maskIdNumbersInText } from './mask';

describe('log masking', () => {
  it.each([
    ['/api/v1/workers?idNumber=110101199003076632', '/api/v1/workers?idNumber=1101**********6632'],
    [
      '/api/v1/workers?idNumber=11010519491231002x&limit=5',
      '/api/v1/workers?idNumber=1101**********002x&limit=5',
    ],
    ['/api/v1/workers/3f0c?limit=50', '/api/v1/workers/3f0c?limit=50'],
    ['order 12345678901234567890', 'order 12345678901234567890'],
  ])('%s', (input, out) => {
    expect(maskIdNumbersInText(input)).toBe(out);
  });
});
