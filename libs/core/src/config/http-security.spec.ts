import { loadConfig } from './app-config';
import { parseCorsOrigins, parseTrustProxy } from './http-security';

describe('TRUST_PROXY', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, linklocal, uniquelocal', ['loopback', 'linklocal', 'uniquelocal']],
    ['10.0.0.5', ['10.0.0.5']],
    ['10.0.0.0/8, 192.168.1.0/24', ['10.0.0.0/8', '192.168.1.0/24']],
    ['10.0.0.0/255.0.0.0', ['10.0.0.0/255.0.0.0']],
    ['fd00::/8,::1', ['fd00::/8', '::1']],
    ['LoopBack', ['loopback']],
  ])('%j -> %j', (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ value });
  });

  it.each<[string]>([
    ['true'],
    ['21'],
    ['proxy.example.com'],
    ['10.0.0.0/33'],
    ['::1/129'],
    ['1.2.3'],
    ['loopback, nope'],
  ])('%j is refused', (raw) => {
    expect(parseTrustProxy(raw)).toEqual({ problem: expect.stringContaining('TRUST_PROXY') });
  });
});

describe('CORS_ORIGINS', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['https://peixun.example.cn', ['https://peixun.example.cn']],
    [
      ' https://a.example.cn , http://localhost:5173,',
      ['https://a.example.cn', 'http://localhost:5173'],
    ],
  ])('%j -> %j', (raw, origins) => {
    expect(parseCorsOrigins(raw)).toEqual(origins);
  });
});

describe('HTTP security settings in the configuration', () => {
  it('has safe defaults: 1 MB bodies, no CORS, no trusted proxy, 30 logins per address', () => {
    const c = loadConfig({});
    expect(c.http).toMatchObject({
      bodyLimit: '1mb',
      bodyLimitBytes: 1_048_576,
      corsOrigins: [],
      trustProxy: false,
    });
    expect(c.auth.loginRateLimitPerIp).toBe(30);
  });

  it('reads them from the environment', () => {
    const c = loadConfig({
      BODY_LIMIT: '256kb',
      CORS_ORIGINS: 'https://a.example.cn,http://localhost:5173',
      TRUST_PROXY: '1',
      LOGIN_RATE_LIMIT_PER_IP: '100',
    });
    expect(c.http).toMatchObject({
      bodyLimit: '256kb',
      bodyLimitBytes: 262_144,
      corsOrigins: ['https://a.example.cn', 'http://localhost:5173'],
      trustProxy: 1,
    });
    expect(c.auth.loginRateLimitPerIp).toBe(100);
    expect(loadConfig({ BODY_LIMIT: '65536' }).http.bodyLimitBytes).toBe(65_536);
  });

  it.each<[Record<string, string>, string]>([
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ BODY_LIMIT: '2gb' }, 'BODY_LIMIT'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://a.example.cn/app' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'a.example.cn' }, 'CORS_ORIGINS'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ LOGIN_RATE_LIMIT_PER_IP: '0' }, 'LOGIN_RATE_LIMIT_PER_IP'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});
