import { INestApplicationContext } from '@nestjs/common';
import {
  Account,
  EMBEDDED_APP_ROLE,
  embeddedAppUrl,
  embeddedUrl,
  hashPassword,
  lifecycle,
  resetAppConfig,
} from '@peixun/core';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { aMunicipality } from './factories/org.factory';
import { bearer, bootApi, login, TestApi } from './support/app';
import { ControlledPostgres } from './support/embedded-pg';

interface Check {
  status: 'up' | 'down';
  latencyMs?: number;
  message?: string;
}
interface Ready {
  status: string;
  details: Record<string, Check>;
}

/** Runs `fn` with extra environment variables (for a worker app built in-process). */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  resetAppConfig();
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetAppConfig();
  }
}

describe('readiness', () => {
  // a queue prefix of its own: no heartbeat of another file's worker counts here
  const prefix = { QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-ready` };
  let api: TestApi;

  beforeAll(async () => {
    api = await bootApi(prefix);
  });
  afterAll(() => api.close());

  it('names every dependency with its latency, and is 503 while no worker process was seen', async () => {
    const res = await request(api.http).get('/api/ready').expect(503);
    const body = res.body as Ready;
    expect(Object.keys(body.details).sort()).toEqual([
      'database',
      'fileStore',
      'migrations',
      'process',
      'redis',
      'worker',
    ]);
    for (const name of ['database', 'migrations', 'redis', 'fileStore']) {
      expect(body.details[name]).toMatchObject({ status: 'up', latencyMs: expect.any(Number) });
    }
    expect(body.details.worker).toMatchObject({
      status: 'down',
      message: expect.stringMatching(/no worker process seen/),
    });
  });

  it('is 200 once a worker process beats, and 503 again while this process drains', async () => {
    const worker: INestApplicationContext = await withEnv(prefix, () => createWorkerApp());
    try {
      const ok = await request(api.http).get('/api/ready').expect(200);
      expect((ok.body as Ready).details.worker).toMatchObject({
        status: 'up',
        processes: 1,
        lastSeenMsAgo: expect.any(Number),
      });
      lifecycle.draining = true;
      try {
        const draining = await request(api.http).get('/api/ready').expect(503);
        expect((draining.body as Ready).details.process).toMatchObject({
          status: 'down',
          message: 'shutting down',
        });
      } finally {
        lifecycle.draining = false;
      }
    } finally {
      await worker.close();
    }
    // a worker that stopped cleanly takes its heartbeat with it
    const after = await request(api.http).get('/api/ready').expect(503);
    expect((after.body as Ready).details.worker.status).toBe('down');
  });

  it('READY_REQUIRES_WORKER=false reports a missing worker without failing readiness', async () => {
    const relaxed = await bootApi({ ...prefix, READY_REQUIRES_WORKER: 'false' });
    try {
      const res = await request(relaxed.http).get('/api/ready').expect(200);
      expect((res.body as Ready).details.worker).toMatchObject({
        status: 'up',
        required: false,
        message: expect.stringMatching(/no worker process seen/),
      });
    } finally {
      await relaxed.close();
    }
  });
});

describe('a PostgreSQL outage', () => {
  const port = Number(process.env.TEST_OUTAGE_PG_PORT ?? 54349);
  const dir = mkdtempSync(join(tmpdir(), 'peixun-outage-'));
  chmodSync(dir, 0o755); // as root, the embedded server runs as the `postgres` user
  const dataDir = join(dir, 'pg');
  let pg: ControlledPostgres;
  let api: TestApi;

  beforeAll(async () => {
    pg = await ControlledPostgres.start(port, dataDir);
    api = await bootApi({
      DATABASE_URL: embeddedAppUrl(port),
      DATABASE_OWNER_URL: embeddedUrl(port),
      MIGRATIONS_RUN_ON_START: 'true',
      READY_REQUIRES_WORKER: 'false',
    });
    const municipality = await aMunicipality(api.ds);
    await api.ds.getRepository(Account).insert({
      scopeOrgId: municipality.id,
      username: 'outage.admin',
      displayName: '停机测试',
      role: 'municipal_admin',
      passwordHash: await hashPassword('Outage#2026'),
    });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await pg?.exit();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 in the error shape while it is down, and recovers without a restart', async () => {
    const session = await login(api.http, 'outage.admin', 'Outage#2026');
    await request(api.http).get('/api/v1/org/units').set(bearer(session)).expect(200);
    expect(EMBEDDED_APP_ROLE).toBe(new URL(embeddedAppUrl(port)).username);

    await pg.stop();
    const down = await request(api.http).get('/api/v1/org/units').set(bearer(session)).expect(503);
    expect(down.body).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
    expect(down.headers['retry-after']).toBe('5');
    const ready = await request(api.http).get('/api/ready').expect(503);
    expect((ready.body as Ready).details.database.status).toBe('down');
    const loginDown = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: 'outage.admin', password: 'Outage#2026' });
    expect(loginDown.status).toBe(503);

    await pg.restart();
    const deadline = Date.now() + 20_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await request(api.http).get('/api/v1/org/units').set(bearer(session))).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    await request(api.http).get('/api/ready').expect(200);
  }, 120_000);
});
