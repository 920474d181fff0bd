import { INestApplicationContext } from '@nestjs/common';
import {
  AuditLog,
  dataSourceOptions,
  loadConfig,
  MIGRATIONS,
  parseHeader,
  PiiCipher,
  piiCipher,
} from '@peixun/core';
import { idNumberHash, openIdNumber, presentWorker, Worker } from '@peixun/org';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker, anIdNumber } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { testCipher } from './support/pii';
import { waitForJob } from './support/queues';

/** Every row of every table of the schema as text: what `psql` would show. */
async function everyRowAsText(ds: DataSource): Promise<string> {
  const tables = await ds.query<{ t: string }[]>(
    `select tablename as t from pg_tables where schemaname = current_schema()`,
  );
  const parts: string[] = [];
  for (const { t } of tables) {
    const rows = await ds.query<{ r: string }[]>(`select t::text as r from "${t}" t`);
    parts.push(...rows.map((x) => x.r));
  }
  return parts.join('\n');
}

describe('personal data at rest', () => {
  let api: TestApi;
  let org: TestOrg;
  let districtA: Session;
  let districtB: Session;
  let municipalUsername: string;

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    const as = async (role: 'district_admin' | 'municipal_admin', unit: TestOrg[keyof TestOrg]) =>
      login(
        api.http,
        (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
        TEST_PASSWORD,
      );
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    municipalUsername = (await as('municipal_admin', org.municipality)).actor.username;
  });
  afterAll(() => api.close());

  it('stores no plaintext ID or phone number in any table, and still finds a worker by either', async () => {
    const idNumber = anIdNumber();
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const created = await request(api.http)
      .post('/api/v1/workers')
      .set(bearer(districtA))
      .send({
        name: '隐私测试',
        idNumber,
        phone,
        communityId: org.communityA1.id,
        positionTier: 'staff',
        entryChannel: 'recruited_other',
        startedOn: '2020-01-01',
      })
      .expect(201);
    expect(created.body).toMatchObject({ idNumber, phone, idNumberMasked: false });

    const everything = await everyRowAsText(api.ds);
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain(phone);
    // bytea shows as hex in psql: not there either
    expect(everything).not.toContain(Buffer.from(idNumber).toString('hex'));

    const row = await api.ds.getRepository(Worker).findOneByOrFail({ id: created.body.id });
    expect(row.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(openIdNumber(testCipher(), row)).toBe(idNumber);

    const byId = await request(api.http)
      .get('/api/v1/workers')
      .query({ idNumber: idNumber.toLowerCase() })
      .set(bearer(districtA))
      .expect(200);
    expect(byId.body.items.map((w: { id: string }) => w.id)).toEqual([created.body.id]);
    const byPhone = await request(api.http)
      .get('/api/v1/workers')
      .query({ phone })
      .set(bearer(districtA))
      .expect(200);
    expect(byPhone.body.items.map((w: { id: string }) => w.id)).toEqual([created.body.id]);
  });

  it('a duplicate ID number tells another district that the person is registered, not where', async () => {
    const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const res = await request(api.http)
      .post('/api/v1/workers')
      .set(bearer(districtB))
      .send({
        name: '重复登记',
        idNumber: w.idNumber,
        communityId: org.communityB1.id,
        positionTier: 'staff',
        entryChannel: 'recruited_other',
        startedOn: '2020-01-01',
      })
      .expect(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(res.body.message).toMatch(/已登记/);
    const text = JSON.stringify(res.body);
    for (const secret of [
      w.idNumber,
      w.id,
      org.communityA1.name,
      org.districtA.name,
      org.streetA1.name,
    ])
      expect(text).not.toContain(secret);
    // and the district cannot find the person by number either
    const look = await request(api.http)
      .get('/api/v1/workers')
      .query({ idNumber: w.idNumber })
      .set(bearer(districtB))
      .expect(200);
    expect(look.body.items).toEqual([]);
  });

  it('audit entries hold masked numbers only', async () => {
    const idNumber = anIdNumber();
    const res = await request(api.http)
      .post('/api/v1/workers')
      .set(bearer(districtA))
      .send({
        name: '审计测试',
        idNumber,
        phone: '13912340000',
        communityId: org.communityA1.id,
        positionTier: 'staff',
        entryChannel: 'recruited_other',
        startedOn: '2020-01-01',
      })
      .expect(201);
    await request(api.http)
      .patch(`/api/v1/workers/${res.body.id}`)
      .set(bearer(districtA))
      .send({ phone: '13912349999', version: res.body.version })
      .expect(200);
    const entries = await api.ds.getRepository(AuditLog).findBy({ entityId: res.body.id });
    expect(entries.map((e) => e.action).sort()).toEqual(['worker.created', 'worker.updated']);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('13912340000');
    expect(text).not.toContain('13912349999');
    expect(entries.find((e) => e.action === 'worker.updated')!.data).toEqual({
      changed: ['phone'],
    });
  });

  it('opens nothing for a viewer outside the chain of administration (masked forms only)', () => {
    const sealed = testCipher().seal('worker.id_number', '110101199003076632');
    const w = {
      id: 'w1',
      districtId: 'd1',
      streetId: 's1',
      idNumberEnc: sealed,
      idNumberMasked: '1101**********6632',
      phoneEnc: testCipher().seal('worker.phone', '13800001234'),
      phoneMasked: '138****1234',
    } as unknown as Worker;
    const refusing = {
      open: () => {
        throw new Error('must not decrypt');
      },
    } as unknown as PiiCipher;
    const outsider = {
      role: 'institution_staff',
      accountId: 'x',
      username: 'x',
      orgId: 'i',
      districtId: null,
      streetId: null,
      workerId: null,
    } as const;
    expect(presentWorker(w, outsider, refusing)).toMatchObject({
      idNumber: '1101**********6632',
      idNumberMasked: true,
      phone: '138****1234',
    });
  });

  describe('key rotation (job run by the worker)', () => {
    let rotatedApi: TestApi;
    let worker: INestApplicationContext;
    const newKey = randomBytes(32).toString('base64');
    const env = (): Record<string, string> => ({
      PII_KEYS: `r2:${newKey},${process.env.PII_KEYS!}`,
      PII_ACTIVE_KEY_ID: 'r2',
    });

    beforeAll(async () => {
      rotatedApi = await bootApi(env());
      const saved = { ...process.env };
      Object.assign(process.env, env());
      const { resetAppConfig } = await import('@peixun/core');
      resetAppConfig();
      try {
        worker = await createWorkerApp();
      } finally {
        for (const k of Object.keys(env())) {
          if (saved[k] === undefined) delete process.env[k];
          else process.env[k] = saved[k];
        }
        resetAppConfig();
      }
    });
    afterAll(async () => {
      await worker.close();
      await rotatedApi.close();
    });

    it('re-seals every value with the new key; both key sets read them; the old key can then go', async () => {
      const w = await aWorker()
        .inCommunity(org.communityA1)
        .withPhone('13700001111')
        .create(api.ds);
      const mun = await login(rotatedApi.http, municipalUsername, TEST_PASSWORD);
      const res = await request(rotatedApi.http)
        .post('/api/v1/pii/rotations')
        .set(bearer(mun))
        .expect(202);
      expect(res.body).toEqual({ queue: 'maintenance', jobId: 'pii-rotate.r2' });
      const done = await waitForJob(rotatedApi.http, mun, res.body);
      expect(done.state).toBe('completed');
      expect((done.result as { resealed: number }).resealed).toBeGreaterThan(0);

      const keyIds = await api.ds.query<{ k: string }[]>(
        `select distinct substring(id_number_enc from 3 for get_byte(id_number_enc, 1)) as k from worker
         union select distinct substring(phone_enc from 3 for get_byte(phone_enc, 1)) from worker where phone_enc is not null`,
      );
      expect(keyIds.map((r) => Buffer.from(r.k as unknown as Buffer).toString())).toEqual(['r2']);

      const row = await api.ds.getRepository(Worker).findOneByOrFail({ id: w.id });
      expect(parseHeader(row.idNumberEnc).keyId).toBe('r2');
      const onlyNew = piiCipher(
        loadConfig({ ...process.env, PII_KEYS: `r2:${newKey}`, PII_ACTIVE_KEY_ID: 'r2' }),
      );
      expect(openIdNumber(onlyNew, row)).toBe(w.idNumber);
      // the blind index does not change with the data key: look-ups keep working
      expect(row.idNumberHash.equals(idNumberHash(onlyNew, w.idNumber))).toBe(true);
      const viaApi = await request(rotatedApi.http)
        .get(`/api/v1/workers/${w.id}`)
        .set(bearer(districtA))
        .expect(200);
      expect(viaApi.body).toMatchObject({ idNumber: w.idNumber, phone: '13700001111' });
    });
  });
});

describe('the migration that seals existing rows', () => {
  it('converts plain ID and phone numbers, keeps them findable, and drops the plain columns', async () => {
    const ownerUrl = new URL(process.env.DATABASE_OWNER_URL!);
    const scratch = `peixun_sealmig_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: ownerUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${scratch}`);
    ownerUrl.pathname = `/${scratch}`;
    const config = loadConfig(process.env);
    const at = MIGRATIONS.findIndex((m) => m.name.startsWith('SealPersonalData'));
    expect(at).toBeGreaterThan(0);
    const before = new DataSource({
      ...dataSourceOptions(config, ownerUrl.toString()),
      migrations: MIGRATIONS.slice(0, at),
    });
    const all = new DataSource(dataSourceOptions(config, ownerUrl.toString()));
    try {
      await before.initialize();
      await before.runMigrations({ transaction: 'each' });
      const [m] = await before.query(
        `insert into org_unit (kind, name, code) values ('municipality', '北京市', '110000') returning id`,
      );
      const [d] = await before.query(
        `insert into org_unit (kind, name, parent_id) values ('district', '东城区', $1) returning id`,
        [m.id],
      );
      const [s] = await before.query(
        `insert into org_unit (kind, name, parent_id, district_id) values ('street', '街道', $1, $1) returning id`,
        [d.id],
      );
      const [c] = await before.query(
        `insert into org_unit (kind, name, parent_id, district_id, street_id) values ('community', '社区', $1, $2, $1) returning id`,
        [s.id, d.id],
      );
      const ids = Array.from({ length: 30 }, () => anIdNumber());
      for (const [i, idn] of ids.entries()) {
        await before.query(
          `insert into worker (name, gender, birth_date, id_number, phone, community_id, street_id, district_id,
                               position_tier, entry_channel, started_on)
           values ('旧数据', 'male', '1980-01-01', $1, $2, $3, $4, $5, 'staff', 'recruited_other', '2010-01-01')`,
          [idn, i % 2 ? `1360000${String(1000 + i)}` : null, c.id, s.id, d.id],
        );
      }
      await before.destroy();

      await all.initialize();
      await all.runMigrations({ transaction: 'each' });
      const cols = await all.query<{ column_name: string }[]>(
        `select column_name from information_schema.columns where table_name = 'worker'`,
      );
      expect(cols.map((x) => x.column_name)).not.toEqual(expect.arrayContaining(['id_number']));
      expect(cols.map((x) => x.column_name)).not.toContain('phone');
      const text = await everyRowAsText(all);
      for (const idn of ids) expect(text).not.toContain(idn);
      const cipher = piiCipher(config);
      for (const [i, idn] of ids.entries()) {
        const [row] = await all.query(`select * from worker where id_number_hash = $1`, [
          idNumberHash(cipher, idn),
        ]);
        expect(cipher.open('worker.id_number', row.id_number_enc)).toBe(idn);
        expect(row.phone_enc ? cipher.open('worker.phone', row.phone_enc) : null).toBe(
          i % 2 ? `1360000${String(1000 + i)}` : null,
        );
      }
    } finally {
      if (before.isInitialized) await before.destroy();
      if (all.isInitialized) await all.destroy();
      await admin.query(`drop database if exists ${scratch} with (force)`);
      await admin.end();
    }
  });
});
