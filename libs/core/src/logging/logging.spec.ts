import { maskSensitiveText } from './mask';

describe('log masking', () => {
  it.each([
    ['/api/v1/workers?idNumber=110101199003076632', '/api/v1/workers?idNumber=1101**********6632'],
    [
      '/api/v1/workers?idNumber=11010519491231002x&limit=5',
      '/api/v1/workers?idNumber=1101**********002x&limit=5',
    ],
    ['/api/v1/workers/3f0c?limit=50', '/api/v1/workers/3f0c?limit=50'],
    ['order 12345678901234567890', 'order 12345678901234567890'],
    ['/api/v1/workers?phone=13800001234', '/api/v1/workers?phone=138****1234'],
    ['phone +86 13912345678 called', 'phone +86 139****5678 called'],
    ['id 123456789012', 'id 123456789012'],
    ['/api/v1/workers?idNumber=110101900307663', '/api/v1/workers?idNumber=1101*******7663'],
    ['no 1234567890123456', 'no 1234567890123456'],
    ['20261125123456', '20261125123456'],
    [
      'GET /api/v1/calendar/abcDEF0123456789-_abcDEF0123456789-_abcDEF0.ics 200 3 ms',
      'GET /api/v1/calendar/***.ics 200 3 ms',
    ],
    ['/api/v1/calendar/110101199003076632.ics?x=1', '/api/v1/calendar/***.ics?x=1'],
    ['/api/v1/calendar/tok%20en', '/api/v1/calendar/***'],
    ['/api/v1/me/calendar-feed', '/api/v1/me/calendar-feed'],
  ])('%s', (input, out) => {
    expect(maskSensitiveText(input)).toBe(out);
  });
});
