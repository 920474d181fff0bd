import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working defaults for a fresh machine', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c.nodeEnv).toBe('development');
    expect(c.http.port).toBe(3000);
    expect(c.database.url).toBeUndefined();
    expect(c.database.embedded).toEqual({ port: 54329, dataDir: '/srv/app/.data/pg' });
    expect(c.database.runMigrationsOnStart).toBe(true);
    expect(c.redis.url).toBeUndefined();
    expect(c.timezone).toBe('Asia/Shanghai');
    expect(c.seedDemoOnEmpty).toBe(true);
  });

  it('maps and converts values', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/peixun',
      MIGRATIONS_RUN_ON_START: 'false',
      REDIS_URL: 'redis://cache:6379/2',
      JWT_SECRET: 'x'.repeat(40),
      WORKER_CONCURRENCY: '8',
      PII_KEYS: `k2:${Buffer.alloc(32, 2).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}`,
      PII_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(c.http.port).toBe(8080);
    expect(c.database.url).toBe('postgres://u:p@db:5432/peixun');
    expect(c.database.runMigrationsOnStart).toBe(false);
    expect(c.queue.concurrency).toBe(8);
    expect(c.seedDemoOnEmpty).toBe(false);
    expect(c.pii.activeKeyId).toBe('k2');
    expect(Object.keys(c.pii.keys!)).toEqual(['k2', 'k1']);
    expect(c.log.format).toBe('json');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ MIGRATIONS_RUN_ON_START: 'maybe' }, 'MIGRATIONS_RUN_ON_START'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'PII_KEYS'],
    [{ PII_KEYS: 'k1:short' }, 'PII_KEYS'],
    [{ PII_KEYS: `k1:${Buffer.alloc(32).toString('base64')}` }, 'PII_INDEX_KEY'],
    [
      {
        PII_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
        PII_INDEX_KEY: Buffer.alloc(32).toString('base64'),
        PII_ACTIVE_KEY_ID: 'k9',
      },
      'PII_ACTIVE_KEY_ID',
    ],
    [{ DATABASE_OWNER_URL: 'postgres://o@db/x' }, 'DATABASE_OWNER_URL'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REGION_TIMEZONE: 'Mars/Olympus' }, 'REGION_TIMEZONE'],
    [{ QUEUE_PREFIX: 'has space' }, 'QUEUE_PREFIX'],
    [{ PUBLIC_BASE_URL: 'peixun.example.cn' }, 'PUBLIC_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'https://x.cn/?a=1' }, 'PUBLIC_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'javascript:alert(1)' }, 'PUBLIC_BASE_URL'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toContain(variable);
    }
  });

  it.each([
    [undefined, undefined],
    ['https://peixun.example.cn', 'https://peixun.example.cn'],
    ['https://peixun.example.cn/app/', 'https://peixun.example.cn/app'],
    ['http://10.0.0.5:3000', 'http://10.0.0.5:3000'],
  ])('PUBLIC_BASE_URL %s -> %s', (value, out) => {
    expect(loadConfig(value ? { PUBLIC_BASE_URL: value } : {}).http.publicBaseUrl).toBe(out);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', WORKER_CONCURRENCY: '0' });
      throw new Error('should have failed');
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });
});
