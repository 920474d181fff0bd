import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { bootApi } from '../support/app';
import { bootWebApi, buildWebApp, WebTestApi } from './playwright/browser';

describe('the API serves the built web app at / (apps/api/src/web-app.ts)', () => {
  let api: WebTestApi;
  beforeAll(async () => {
    // the verification page is rate-limited per address and minute, and the e2e files before
    // this one (same Redis prefix, same 127.0.0.1) may have used up the minute: a 429 here
    // would say nothing about serving
    api = await bootWebApi({ VERIFY_RATE_LIMIT: '100000' });
  }, 120_000);
  afterAll(() => api?.close());

  it.each([['/'], ['/login'], ['/w/timetable'], ['/i/sessions/abc'], ['/qr/abc']])(
    'GET %s is the app (index.html, revalidated)',
    async (path) => {
      const res = await request(api.http).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    },
  );

  it('owns the check-in URL of a QR code, whose token looks like a file name', async () => {
    const res = await request(api.http)
      .get('/c/7d4f6f0e-4a57-4c5b-9d1e-0b8f5f7f1a2b/59012345.AbCdEf-_GhIjKlMn')
      .expect(200);
    expect(res.text).toContain('<div id="root">');
  });

  it('leaves the certificate verification page (/v/<serial>) to the API, which renders it', async () => {
    const res = await request(api.http).get('/v/BJPX-2026-999999?c=nothing');
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).not.toContain('<div id="root">');
    expect(res.text).toContain('证书查验');
  });

  it('serves hashed assets for a year; a missing file is a 404, not the page', async () => {
    const asset = readdirSync(join(buildWebApp(), 'assets')).find((f) => f.endsWith('.js'))!;
    const res = await request(api.http).get(`/assets/${asset}`).expect(200);
    expect(res.headers['cache-control']).toContain('immutable');
    await request(api.http).get('/assets/gone-1234.js').expect(404);
    await request(api.http).get('/favicon.ico').expect(404);
  });

  it('leaves /api to the API, and other methods than GET alone', async () => {
    const health = await request(api.http).get('/api/health').expect(200);
    expect(health.headers['content-type']).toMatch(/json/);
    const missing = await request(api.http).get('/api/v1/no-such-thing').expect(404);
    expect(missing.body.code).toEqual(expect.any(String));
    const post = await request(api.http).post('/w/timetable').send({});
    expect(post.status).toBe(404);
    expect(post.headers['content-type']).toMatch(/json/);
  });

  it('without a build (no index.html) nothing is served at /', async () => {
    const bare = await bootApi({ WEB_DIST_DIR: '/nonexistent/web' });
    try {
      const res = await request(bare.http).get('/');
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('<div id="root">');
    } finally {
      await bare.close();
    }
  });
});
