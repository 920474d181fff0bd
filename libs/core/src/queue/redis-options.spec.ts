import { redisConnectionOptions } from './redis-options';

describe('redisConnectionOptions', () => {
  it.each([
    ['redis://127.0.0.1:6379', { host: '127.0.0.1', port: 6379, db: 0, tls: undefined }],
    ['redis://:s%40cret@cache:6380/3', { host: 'cache', port: 6380, db: 3, password: 's@cret' }],
    [
      'rediss://user:pw@redis.example',
      { host: 'redis.example', port: 6379, username: 'user', tls: {} },
    ],
  ])('%s', (url, expected) => {
    expect(redisConnectionOptions(url)).toMatchObject({ ...expected, maxRetriesPerRequest: null });
  });
});
