import { INestApplicationContext } from '@nestjs/common';
import { AuditLog, AuditService } from '@peixun/core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';

describe('audit log', () => {
  let api: TestApi;
  let org: TestOrg;
  let municipal: Session;

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    const m = await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds);
    municipal = await login(api.http, m.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written in the same transaction as the change: a rolled-back change leaves no entry', async () => {
    const audit = api.app.get(AuditService);
    const marker = `test.rollback.${Date.now()}`;
    await expect(
      api.ds.transaction(async (em) => {
        await audit.record(em, null, { action: marker, entityType: 'test' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await api.ds.getRepository(AuditLog).countBy({ action: marker })).toBe(0);
    await api.ds.transaction((em) =>
      audit.record(em, null, { action: marker, entityType: 'test' }),
    );
    expect(await api.ds.getRepository(AuditLog).countBy({ action: marker })).toBe(1);
  });

  it('is append-only for the application role: UPDATE, DELETE, TRUNCATE and disabling the trigger are refused', async () => {
    const [row] = await api.ds.query(
      `insert into audit_log (action, entity_type) values ('test.x', 'test') returning id`,
    );
    for (const sql of [
      `update audit_log set action = 'forged' where id = ${Number(row.id)}`,
      `delete from audit_log where id = ${Number(row.id)}`,
      `truncate audit_log`,
      `alter table audit_log disable trigger all`,
      `set session_replication_role = replica`,
      `insert into audit_log_archive (id, occurred_at, action, entity_type) values (-1, now(), 'x', 'x')`,
      `select audit_archive_batch(now(), 10, null)`, // younger than a day: refused even by the function
    ]) {
      await expect(api.ds.query(sql)).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: expect.stringMatching(/^(42501|42809)$/) }),
      });
    }
    const [{ action }] = await api.ds.query(`select action from audit_log where id = $1`, [row.id]);
    expect(action).toBe('test.x');
  });

  it('stays append-only for the schema owner too (the trigger), so a bug in a migration cannot rewrite history', async () => {
    const owner = new DataSource({
      type: 'postgres',
      url: process.env.DATABASE_OWNER_URL,
      synchronize: false,
    });
    await owner.initialize();
    try {
      const [row] = await owner.query(
        `insert into audit_log (action, entity_type) values ('test.y', 'test') returning id`,
      );
      await expect(
        owner.query(`update audit_log set action = 'forged' where id = $1`, [row.id]),
      ).rejects.toThrow(/append-only/);
      await expect(owner.query(`delete from audit_log where id = $1`, [row.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(owner.query(`truncate audit_log`)).rejects.toThrow(/append-only/);
    } finally {
      await owner.destroy();
    }
  });

  it('the application role is no superuser, owns nothing and may not create tables', async () => {
    const [me] = await api.ds.query(
      `select current_user as name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls
         from pg_roles where rolname = current_user`,
    );
    expect(me).toMatchObject({
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      rolbypassrls: false,
    });
    const [{ n }] = await api.ds.query(
      `select count(*)::int n from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = current_schema() and pg_get_userbyid(c.relowner) = current_user`,
    );
    expect(n).toBe(0);
    await expect(api.ds.query(`create table sneaky (id int)`)).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '42501' }),
    });
  });

  it('is readable by the municipal bureau, filtered and paged newest first with a keyset cursor', async () => {
    const target = await anAccount().withRole('worker').create(api.ds);
    for (let i = 0; i < 3; i++) {
      await request(api.http)
        .post('/api/v1/auth/login')
        .send({ username: target.username, password: `bad-${i}-pass` });
    }
    const page1 = await request(api.http)
      .get('/api/v1/audit/entries')
      .query({ action: 'auth.login_failed', entityId: target.id, limit: 2 })
      .set(bearer(municipal))
      .expect(200);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    expect(Number(page1.body.items[0].id)).toBeGreaterThan(Number(page1.body.items[1].id));
    const page2 = await request(api.http)
      .get('/api/v1/audit/entries')
      .query({
        action: 'auth.login_failed',
        entityId: target.id,
        limit: 2,
        cursor: page1.body.nextCursor,
      })
      .set(bearer(municipal))
      .expect(200);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.nextCursor).toBeNull();
    expect(page2.body.items[0].requestId).toEqual(expect.any(String));
  });

  it('rejects a bad query naming the parameter', async () => {
    const res = await request(api.http)
      .get('/api/v1/audit/entries')
      .query({ limit: 1000, cursor: 'abc' })
      .set(bearer(municipal))
      .expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'cursor',
      'limit',
    ]);
  });

  describe('retention job (processed by the worker)', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await createWorkerApp();
    });
    afterAll(async () => {
      await worker.close();
    });

    it('moves old entries to the archive exactly once, reports progress, and dedupes a repeat request', async () => {
      await api.ds.query(
        `insert into audit_log (occurred_at, action, entity_type, entity_id)
         select now() - interval '800 days' - (g || ' minutes')::interval, 'test.old', 'test', g::text
           from generate_series(1, 250) g`,
      );
      const res = await request(api.http)
        .post('/api/v1/audit/retention-runs')
        .set(bearer(municipal))
        .send({ retentionDays: 700 })
        .expect(202);
      expect(res.body).toEqual({
        queue: 'maintenance',
        jobId: expect.stringMatching(/^audit-retention\.manual-\d{4}-\d{2}-\d{2}-d700$/),
      });
      const status = await waitForJob(api.http, municipal, res.body);
      expect(status.state).toBe('completed');
      expect(status.result).toMatchObject({ moved: 250, alreadyDone: false });

      expect(await api.ds.getRepository(AuditLog).countBy({ action: 'test.old' })).toBe(0);
      const [{ n }] = await api.ds.query(
        `select count(*)::int n from audit_log_archive where action = 'test.old'`,
      );
      expect(n).toBe(250);
      const done = await api.ds
        .getRepository(AuditLog)
        .findBy({ action: 'audit.retention_completed' });
      expect(
        done.filter((d) => d.data?.runKey === 'manual-' + res.body.jobId.split('.manual-')[1]),
      ).toHaveLength(1);

      const again = await request(api.http)
        .post('/api/v1/audit/retention-runs')
        .set(bearer(municipal))
        .send({ retentionDays: 700 })
        .expect(202);
      expect(again.body.jobId).toBe(res.body.jobId);
      const [{ n: n2 }] = await api.ds.query(
        `select count(*)::int n from audit_log_archive where action = 'test.old'`,
      );
      expect(n2).toBe(250);
    });

    it('shows a job only to whoever started it and to the municipal bureau', async () => {
      const res = await request(api.http)
        .post('/api/v1/audit/retention-runs')
        .set(bearer(municipal))
        .send({ retentionDays: 701 })
        .expect(202);
      const district = await anAccount()
        .withRole('district_admin')
        .inOrg(org.districtA)
        .create(api.ds);
      const ds = await login(api.http, district.username, TEST_PASSWORD);
      const denied = await request(api.http)
        .get(`/api/v1/jobs/maintenance/${res.body.jobId}`)
        .set(bearer(ds))
        .expect(404);
      expect(denied.body.code).toBe('JOB_NOT_FOUND');
      await request(api.http)
        .get(`/api/v1/jobs/maintenance/${res.body.jobId}`)
        .set(bearer(municipal))
        .expect(200);
      await request(api.http).get('/api/v1/jobs/nope/1').set(bearer(municipal)).expect(400);
    });
  });
});
