import request from 'supertest';
import { bootApi, TestApi } from './support/app';

describe('platform: health, errors, validation, docs', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers liveness and readiness without a token (readiness in detail: readiness.e2e-spec)', async () => {
    const live = await request(api.http).get('/api/health').expect(200);
    expect(live.body.status).toBe('ok');
    const ready = await request(api.http).get('/api/ready');
    expect(ready.body.details).toMatchObject({
      database: { status: 'up' },
      redis: { status: 'up' },
      migrations: { status: 'up' },
      fileStore: { status: 'up' },
    });
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await request(api.http).get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toEqual({
      code: 'ROUTE_NOT_FOUND',
      message: expect.stringContaining('/api/v1/no-such-thing'),
    });
  });

  it('refuses a body with an unknown field, naming the field', async () => {
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: 'a', password: 'b', role: 'municipal_admin' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([
      { field: 'role', problems: [expect.stringContaining('role')] },
    ]);
    expect(res.body.message).toContain('role');
  });

  it('refuses a field of the wrong type, naming it', async () => {
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: 'a', password: 42 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
  });

  it('refuses a missing field, naming it', async () => {
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: 'a' })
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    expect(res.body.message).toMatch(/password/);
  });

  it('refuses malformed JSON with a clear code', async () => {
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"username": "a",')
      .expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body).not.toHaveProperty('stack');
  });

  it('echoes the caller-supplied request id, and makes one otherwise', async () => {
    const given = await request(api.http).get('/api/health').set('X-Request-Id', 'trace-abc-123');
    expect(given.headers['x-request-id']).toBe('trace-abc-123');
    const made = await request(api.http).get('/api/health');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes the OpenAPI document with every DTO property described', async () => {
    const res = await request(api.http).get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/refresh',
        '/api/v1/audit/entries',
        '/api/ready',
      ]),
    );
    const schemas = res.body.components.schemas as Record<
      string,
      { properties?: Record<string, { description?: string }> }
    >;
    expect(Object.keys(schemas).length).toBeGreaterThan(5);
    const undescribed = Object.entries(schemas).flatMap(([name, s]) =>
      Object.entries(s.properties ?? {})
        .filter(([, p]) => !p.description)
        .map(([prop]) => `${name}.${prop}`),
    );
    expect(undescribed).toEqual([]);
    await request(api.http).get('/api/docs').expect(200).expect('content-type', /html/);
  });
});
