import { createServer } from 'node:net';
import request from 'supertest';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { anIdNumber } from './factories/worker.factory';
import { bootApi, TestApi } from './support/app';
import { AppProcess, startAppProcess } from './support/worker-process';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function stop(p: AppProcess): Promise<void> {
  p.child.kill('SIGTERM');
  await p.exited;
}

/**
 * The real API process, its log captured: personal data and secrets must not
 * appear in any line, whatever the request did with them.
 */
describe('logs', () => {
  let api: TestApi;
  let username: string;
  let communityId: string;

  beforeAll(async () => {
    api = await bootApi();
    const org = await anOrgTree(api.ds);
    communityId = org.communityA1.id;
    username = (await anAccount().withRole('district_admin').inOrg(org.districtA).create(api.ds))
      .username;
  });
  afterAll(() => api.close());

  it('hold no ID number, phone, password or token in any line (JSON, debug level)', async () => {
    const port = await freePort();
    const proc = await startAppProcess(
      'apps/api/src/main.ts',
      {
        PORT: String(port),
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'json',
        READY_REQUIRES_WORKER: 'false',
      },
      'API ready',
    );
    const base = `http://127.0.0.1:${port}`;
    const idNumber = anIdNumber();
    const phone = '13911112222';
    try {
      const login = await request(base)
        .post('/api/v1/auth/login')
        .send({ username, password: TEST_PASSWORD })
        .expect(200);
      const { accessToken, refreshToken } = login.body as {
        accessToken: string;
        refreshToken: string;
      };
      const auth = { Authorization: `Bearer ${accessToken}` };
      await request(base)
        .post('/api/v1/auth/login')
        .send({ username, password: 'wrong-password-secret' })
        .expect(401);
      const created = await request(base)
        .post('/api/v1/workers')
        .set(auth)
        .send({
          name: '日志测试',
          idNumber,
          phone,
          communityId,
          positionTier: 'staff',
          entryChannel: 'recruited_other',
          startedOn: '2020-01-01',
        })
        .expect(201);
      await request(base).get('/api/v1/workers').query({ idNumber, phone }).set(auth).expect(200);
      await request(base).get(`/api/v1/workers/${idNumber}`).set(auth).expect(400);
      await request(base)
        .post('/api/v1/workers')
        .set(auth)
        .send({ name: 'x', idNumber, phone, communityId: 'not-a-uuid' })
        .expect(400);
      await request(base)
        .post('/api/v1/workers')
        .set(auth)
        .send({
          name: '重复',
          idNumber,
          phone,
          communityId,
          positionTier: 'staff',
          entryChannel: 'recruited_other',
          startedOn: '2020-01-01',
        })
        .expect(409);
      await request(base)
        .post('/api/v1/workers')
        .set({ ...auth, 'content-type': 'application/json' })
        .send(`{"idNumber":"${idNumber}","phone":"${phone}",`)
        .expect(400);
      await request(base)
        .patch(`/api/v1/workers/${created.body.id}`)
        .set(auth)
        .send({ phone: '13933334444', version: created.body.version })
        .expect(200);
      await request(base).post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
      await request(base).post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);

      await new Promise((r) => setTimeout(r, 300)); // let the last lines flush
      const log = proc.output();
      const lines = log.split('\n').filter((l) => l.trim());
      expect(lines.length).toBeGreaterThan(10);
      // JSON lines (the start banner is a JSON line too in this format)
      expect(lines.filter((l) => !l.startsWith('{'))).toEqual([]);
      // the requests were logged, with their ID numbers masked
      expect(log).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
      for (const secret of [
        idNumber,
        phone,
        '13933334444',
        accessToken,
        accessToken.split('.')[2],
        refreshToken,
        TEST_PASSWORD,
        'wrong-password-secret',
      ]) {
        expect({ secret, found: log.includes(secret) }).toEqual({ secret, found: false });
      }
      // a client error is a warning, never an error
      const levels = lines.map((l) => JSON.parse(l) as { level: number; msg?: string });
      const clientErrors = levels.filter((l) => / (400|401|409) /.test(l.msg ?? ''));
      expect(clientErrors.length).toBeGreaterThan(0);
      expect(clientErrors.every((l) => l.level === 40)).toBe(true);
      expect(levels.filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      await stop(proc);
    }
  });

  it('are one readable line per event in development, with a start banner naming the URLs', async () => {
    const port = await freePort();
    const proc = await startAppProcess(
      'apps/api/src/main.ts',
      {
        PORT: String(port),
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        SEED_DEMO_ON_EMPTY: 'false',
        READY_REQUIRES_WORKER: 'false',
      },
      /API ready in \d+ ms/,
    );
    try {
      await request(`http://127.0.0.1:${port}`).get('/api/v1/auth/me').expect(401);
      await new Promise((r) => setTimeout(r, 300));
      const log = proc.output();
      expect(log).toContain(`http://localhost:${port}/api/docs`);
      const lines = log.split('\n').filter((l) => l.trim());
      expect(lines.some((l) => l.trim().startsWith('{'))).toBe(false);
      // [time] LEVEL: [context] message (req id)
      expect(log).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: \[NestApplication\] Nest application successfully started$/m,
      );
      expect(log).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: GET \/api\/v1\/auth\/me 401 \d+ ms \(req [0-9a-f]{8}\)$/m,
      );
      // Nest's module-by-module inventory is debug, not info
      expect(log).not.toContain('InstanceLoader');
    } finally {
      await stop(proc);
    }
  });
});
