import { INestApplication } from '@nestjs/common';
import { AppConfig, resetAppConfig } from '@peixun/core';
import { TokenService } from '@peixun/core/auth/token.service';
import type { App } from 'supertest/types';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';

export interface TestApi {
  app: INestApplication;
  http: App;
  ds: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/** The whole API, in-process, against the test database and Redis prepared by global-setup. */
export async function bootApi(env: Record<string, string> = {}): Promise<TestApi> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  resetAppConfig();
  const app = await createApiApp({ seedDemoOnEmpty: false });
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetAppConfig();
  return {
    app,
    http: app.getHttpServer() as App,
    ds: app.get(DataSource),
    config: app.get(AppConfig),
    close: () => app.close(),
  };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  actor: {
    accountId: string;
    username: string;
    role: string;
    orgId: string | null;
    districtId: string | null;
    streetId: string | null;
    workerId: string | null;
  };
}

export async function login(http: App, username: string, password: string): Promise<Session> {
  const res = await request(http).post('/api/v1/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Session;
}

export const bearer = (s: Session | string): { Authorization: string } => ({
  Authorization: `Bearer ${typeof s === 'string' ? s : s.accessToken}`,
});

/**
 * A session for an actor without signing in (no password hashing): for tests that need
 * hundreds of callers at once. The token is the same the login would give.
 */
export function sessionFor(api: TestApi, actor: Session['actor'] & { role: string }): Session {
  const { token } = api.app.get(TokenService).signAccess(actor as never);
  return { accessToken: token, refreshToken: '', actor };
}
