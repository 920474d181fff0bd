import { AuditLog } from '@peixun/core';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { anAccount, TEST_PASSWORD } from './factories/org.factory';
import { bootApi, TestApi } from './support/app';

/** A queue prefix of its own: the login counters in Redis are not shared with other files. */
const isolated = (env: Record<string, string> = {}): Record<string, string> => ({
  QUEUE_PREFIX: `sec-${randomBytes(6).toString('hex')}`,
  ...env,
});
const someAddress = (): string => `198.51.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;
const unknownUser = (): string => `nobody-${randomBytes(4).toString('hex')}`;

describe('security headers, CORS and proxies', () => {
  describe('by default (development-like, no CORS, no trusted proxy)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await bootApi(isolated());
    });
    afterAll(async () => {
      await api.close();
    });

    it('sends the security headers on API answers, no HSTS outside production', async () => {
      const res = await request(api.http).get('/api/health').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
      const csp = Object.fromEntries(
        String(res.headers['content-security-policy'])
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect(csp).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data:",
        'connect-src': "'self'",
        'object-src': "'none'",
        'frame-ancestors': "'none'",
      });
    });

    it('sends them on errors too', async () => {
      const res = await request(api.http).get('/api/v1/auth/me').expect(401);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    it('serves Swagger UI under that policy: scripts are files of this origin, no inline script', async () => {
      const page = await request(api.http).get('/api/docs/').expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        expect(inline.trim()).toBe(''); // an inline script would be blocked by script-src 'self'
        const src = /src="([^"]+)"/.exec(attributes)?.[1];
        expect(src).toMatch(/^\.\/[\w.-]+\.js$/);
        const js = await request(api.http)
          .get(`/api/docs/${src!.slice(2)}`)
          .expect(200);
        expect(js.headers['content-type']).toMatch(/javascript/);
      }
      const styles = [...page.text.matchAll(/<link[^>]+href="([^"]+\.css)"/g)];
      for (const [, href] of styles) {
        await request(api.http)
          .get(`/api/docs/${href.replace('./', '')}`)
          .expect(200);
      }
      // the document it loads is fetched from this origin (connect-src 'self')
      await request(api.http).get('/api/docs-json').expect(200);
    });

    it('records the socket address, never the forged one', async () => {
      const forged = someAddress();
      const username = unknownUser();
      await request(api.http)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', forged)
        .send({ username, password: 'wrong-pass-1' })
        .expect(401);
      const entries = await api.ds.getRepository(AuditLog).findBy({ action: 'auth.login_failed' });
      const mine = entries.find((e) => e.data?.username === username);
      expect(mine?.ip).toMatch(/127\.0\.0\.1|::1/);
      expect(mine?.ip).not.toBe(forged);
    });

    it('sends no CORS headers to any origin', async () => {
      const res = await request(api.http)
        .get('/api/health')
        .set('Origin', 'https://elsewhere.example')
        .expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(api.http)
        .options('/api/v1/auth/login')
        .set('Origin', 'https://elsewhere.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    });
  });

  describe('in production', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await bootApi(
        isolated({
          NODE_ENV: 'production',
          PII_KEYS: `k1:${randomBytes(32).toString('base64')}`,
          PII_INDEX_KEY: randomBytes(32).toString('base64'),
        }),
      );
    });
    afterAll(async () => {
      await api.close();
    });

    it('adds HSTS', async () => {
      const res = await request(api.http).get('/api/health').expect(200);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });
  });

  describe('with CORS_ORIGINS', () => {
    let api: TestApi;
    const allowed = 'https://peixun.example.cn';
    beforeAll(async () => {
      api = await bootApi(isolated({ CORS_ORIGINS: `${allowed}, http://localhost:5173` }));
    });
    afterAll(async () => {
      await api.close();
    });

    it('allows a listed origin, preflight included', async () => {
      const res = await request(api.http).get('/api/health').set('Origin', allowed).expect(200);
      expect(res.headers['access-control-allow-origin']).toBe(allowed);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(res.headers['access-control-expose-headers']).toContain('X-Request-Id');
      const preflight = await request(api.http)
        .options('/api/v1/auth/login')
        .set('Origin', 'http://localhost:5173')
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type, authorization')
        .expect(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/i);
    });

    it('refuses an origin that is not listed, even one that merely starts like it', async () => {
      for (const origin of ['https://evil.example', `${allowed}.evil.example`, 'null']) {
        const res = await request(api.http).get('/api/health').set('Origin', origin).expect(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  describe('login limits, TRUST_PROXY off (the default)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await bootApi(isolated({ LOGIN_RATE_LIMIT: '50', LOGIN_RATE_LIMIT_PER_IP: '3' }));
    });
    afterAll(async () => {
      await api.close();
    });

    it('ignores a forged X-Forwarded-For: the per-address limit still trips, across usernames', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await request(api.http)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', someAddress())
          .send({ username: unknownUser(), password: 'wrong-pass-1' });
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.body).toMatchObject({
            code: 'RATE_LIMITED',
            message: expect.any(String),
            details: { limit: 'address' },
          });
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  describe('login limits behind one proxy (TRUST_PROXY=1)', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await bootApi(
        isolated({ TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3', LOGIN_RATE_LIMIT_PER_IP: '3' }),
      );
    });
    afterAll(async () => {
      await api.close();
    });

    it('keys the per-address limit on the forwarded client address', async () => {
      // different clients behind the proxy are counted apart
      for (let i = 0; i < 5; i++) {
        await request(api.http)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', someAddress())
          .send({ username: unknownUser(), password: 'wrong-pass-1' })
          .expect(401);
      }
      // one client is limited, whatever usernames it tries
      const client = someAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await request(api.http)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', `10.9.9.9, ${client}`)
          .send({ username: unknownUser(), password: 'wrong-pass-1' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // and the audit log records that client's address
      const username = unknownUser();
      const address = someAddress();
      await request(api.http)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', address)
        .send({ username, password: 'wrong-pass-1' })
        .expect(401);
      const entries = await api.ds.getRepository(AuditLog).findBy({ action: 'auth.login_failed' });
      expect(entries.find((e) => e.data?.username === username)?.ip).toBe(address);
    });

    it('limits one account across addresses; other accounts are not affected', async () => {
      const account = await anAccount().withRole('worker').create(api.ds);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await request(api.http)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', someAddress())
          .send({ username: account.username, password: 'wrong-pass-1' });
        statuses.push(res.status);
      }
      // from yet another address, even with the right password (and in another case)
      const blocked = await request(api.http)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', someAddress())
        .send({ username: account.username.toUpperCase(), password: TEST_PASSWORD });
      statuses.push(blocked.status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(blocked.body).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'account' } });
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // another account is not affected
      const other = await anAccount().withRole('worker').create(api.ds);
      await request(api.http)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', someAddress())
        .send({ username: other.username, password: TEST_PASSWORD })
        .expect(200);
    });
  });

  describe('login limit window', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await bootApi(
        isolated({
          TRUST_PROXY: '1',
          LOGIN_RATE_LIMIT: '2',
          LOGIN_RATE_WINDOW_SECONDS: '1',
        }),
      );
    });
    afterAll(async () => {
      await api.close();
    });

    it('is not a lock-out: the account signs in again after the window', async () => {
      const account = await anAccount().withRole('worker').create(api.ds);
      const attempt = (password: string) =>
        request(api.http)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', someAddress())
          .send({ username: account.username, password });
      await attempt('wrong-pass-1').expect(401);
      await attempt('wrong-pass-1').expect(401);
      await attempt(TEST_PASSWORD).expect(429);
      // poll rather than sleep a fixed time: the block lifts within the 1 s window
      const deadline = Date.now() + 5000;
      let status = 429;
      while (status === 429 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        status = (await attempt(TEST_PASSWORD)).status;
      }
      expect(status).toBe(200);
    });
  });
});
