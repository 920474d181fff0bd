import { checkChannels } from './notification-dispatcher';
import {
  afterFailedAttempt,
  channelsFor,
  decodeCursor,
  deliveryError,
  DELIVERY_MAX_ATTEMPTS,
  encodeCursor,
  isChannelName,
  isNotificationKind,
  notificationData,
  NotificationKind,
  NotificationRoutes,
  notificationText,
} from './notifications.rules';

describe('notification routing', () => {
  const routes: NotificationRoutes = {
    'enrollment.place_offered': ['sms'],
    'nomination.refused': ['email', 'sms', 'in_app'],
  };

  it.each([
    ['class.session_changed', ['in_app']],
    ['enrollment.place_offered', ['in_app', 'sms']],
    ['nomination.refused', ['in_app', 'email', 'sms']],
    ['unknown.kind', ['in_app']],
  ])('%s goes through %j', (kind, channels) => {
    expect(channelsFor(kind, routes)).toEqual(channels);
  });

  it('sends every kind of the default table in-app only', () => {
    for (const kind of Object.values(NotificationKind)) {
      expect(channelsFor(kind, {})).toEqual(['in_app']);
    }
  });

  it.each([
    ['class.session_changed', true],
    ['enrollment.place_offered', true],
    ['a.b.c', true],
    ['nomination', false],
    ['Class.changed', false],
    ['class.', false],
    ['class..x', false],
    ['class.session-changed', false],
    [`a.${'b'.repeat(79)}`, false],
  ])('kind %s is well formed: %s', (kind, ok) => {
    expect(isNotificationKind(kind)).toBe(ok);
  });

  it.each([
    ['in_app', true],
    ['sms', true],
    ['email2', true],
    ['SMS', false],
    ['e-mail', false],
    ['', false],
    ['x'.repeat(21), false],
  ])('channel name %j is well formed: %s', (name, ok) => {
    expect(isChannelName(name)).toBe(ok);
  });
});

describe('delivery retries', () => {
  it.each([
    [1, 10_000],
    [2, 30_000],
    [3, 90_000],
    [4, 270_000],
    [5, 810_000],
    [6, 2_430_000],
    [7, 3_600_000], // capped at an hour
  ])('after failed attempt %i the next comes %i ms later', (attempt, delayMs) => {
    expect(afterFailedAttempt(attempt)).toEqual({ final: false, delayMs });
  });

  it.each([[DELIVERY_MAX_ATTEMPTS], [DELIVERY_MAX_ATTEMPTS + 1]])(
    'attempt %i is the last: the delivery fails for good',
    (attempt) => {
      expect(afterFailedAttempt(attempt)).toEqual({ final: true });
    },
  );

  it.each([
    [1, 2, false],
    [2, 2, true],
    [1, 1, true],
  ])('attempt %i of at most %i is final: %s', (attempt, max, final) => {
    expect(afterFailedAttempt(attempt, max).final).toBe(final);
  });
});

describe('notification content', () => {
  it.each([
    ['课次时间已调整', 100, '课次时间已调整'],
    ['  前后空白  ', 100, '前后空白'],
    ['身份证 110101199003076632 已登记', 100, '身份证 1101**********6632 已登记'],
    ['请致电 13800001234 联系', 100, '请致电 138****1234 联系'],
    ['一二三四五六', 4, '一二三…'],
    ['😀😀😀😀😀', 3, '😀😀…'], // code points, as PostgreSQL counts them
    ['一二三四', 4, '一二三四'],
  ])('text %j (max %i) is stored as %j', (text, max, stored) => {
    expect(notificationText(text, max)).toBe(stored);
  });

  it.each([
    [new Error('provider refused 13800001234'), 'Error: provider refused 138****1234'],
    ['timeout\n  after 30 s', 'timeout after 30 s'],
    [new TypeError('x'.repeat(300)), `TypeError: ${'x'.repeat(188)}…`],
  ])('a delivery error is stored short and masked', (err, stored) => {
    expect(deliveryError(err)).toBe(stored);
    expect([...deliveryError(err)].length).toBeLessThanOrEqual(200);
  });

  it.each([
    [undefined, {}],
    [
      { classId: 'c1', count: 3, open: true, none: null },
      { classId: 'c1', count: 3, open: true, none: null },
    ],
    [{ note: '110101199003076632' }, { note: '1101**********6632' }],
  ])('data %j is stored as %j', (data, stored) => {
    expect(notificationData(data)).toEqual(stored);
  });

  it.each([
    ['a key that is no short name', { 'bad key': 'x' }, /short name/],
    ['an object value', { nested: { a: 1 } as never }, /string, number, boolean or null/],
    ['an array value', { list: [1] as never }, /string, number, boolean or null/],
    ['NaN', { n: Number.NaN }, /string, number, boolean or null/],
    ['more than 2,000 characters', { big: 'x'.repeat(2100) }, /longer than 2000/],
  ])('data with %s is refused', (_label, data, message) => {
    expect(() => notificationData(data)).toThrow(message);
  });
});

describe('list cursor', () => {
  const id = '0b6c1f7e-58a4-4c1e-9d35-2f1f3b0a9c11';

  it('round-trips the exact microseconds and the id', () => {
    expect(decodeCursor(encodeCursor('1795618667265123', id))).toEqual({
      createdMicros: '1795618667265123',
      id,
    });
  });

  it.each([
    ['abc'],
    [`-1_${id}`],
    [`12345678901234567_${id}`],
    [`1_${id}x`],
    [`1.5_${id}`],
    ['1_'],
  ])('refuses %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});

describe('channel adapters against the routing table', () => {
  it.each([
    [['in_app'], {}, null],
    [['in_app', 'sms'], { 'enrollment.place_offered': ['sms'] }, null],
    [
      ['in_app'],
      { 'enrollment.place_offered': ['sms'] },
      /routed to channel "sms", which has no adapter/,
    ],
    [['sms'], {}, /in-app channel has no adapter/],
    [['in_app', 'sms', 'sms'], {}, /"sms" has more than one adapter/],
    [['in_app', 'SMS'], {}, /channel name "SMS"/],
  ])('adapters %j with routes %j: %s', (found, routes, problem) => {
    if (problem) expect(() => checkChannels(found, routes)).toThrow(problem);
    else expect(() => checkChannels(found, routes)).not.toThrow();
  });
});
