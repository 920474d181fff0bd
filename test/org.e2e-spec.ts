import request from 'supertest';
import { AuditLog } from '@peixun/core';
import { OrgUnit, Worker, WorkerPostHistory } from '@peixun/org';
import {
  aMunicipality,
  anAccount,
  anOrgTree,
  anOrgUnit,
  TEST_PASSWORD,
  TestOrg,
} from './factories/org.factory';
import { aWorker, anIdNumber } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { phoneOf } from './support/pii';

describe('org: units, accounts, workers', () => {
  let api: TestApi;
  let org: TestOrg;
  let municipal: Session;
  let districtA: Session;
  let streetA1: Session;

  const sessionFor = async (
    role: Parameters<ReturnType<typeof anAccount>['withRole']>[0],
    unit: OrgUnit | null,
  ) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    municipal = await sessionFor('municipal_admin', org.municipality);
    districtA = await sessionFor('district_admin', org.districtA);
    streetA1 = await sessionFor('street_admin', org.streetA1);
  });
  afterAll(async () => {
    await api.close();
  });

  describe('organisation tree', () => {
    it('each level creates the level below, with ancestors filled in, and it is audited', async () => {
      const street = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(districtA))
        .send({ kind: 'street', name: '新街道' })
        .expect(201);
      expect(street.body).toMatchObject({
        kind: 'street',
        parentId: org.districtA.id,
        districtId: org.districtA.id,
      });
      const community = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(municipal))
        .send({
          kind: 'community',
          parentId: street.body.id,
          name: '新社区',
          code: `C${Date.now()}`,
        })
        .expect(201);
      expect(community.body).toMatchObject({
        districtId: org.districtA.id,
        streetId: street.body.id,
      });
      expect(
        await api.ds
          .getRepository(AuditLog)
          .countBy({ action: 'org.unit_created', entityId: community.body.id }),
      ).toBe(1);
    });

    it('a division code must be one of the region’s and lie inside the parent’s', async () => {
      const wrongCity = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(municipal))
        .send({ kind: 'district', parentId: org.municipality.id, name: '和平区', code: '210102' })
        .expect(400);
      expect(wrongCity.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'code' }],
      });
      const noDistrict = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(municipal))
        .send({ kind: 'district', parentId: org.municipality.id, name: '某区', code: '110199' })
        .expect(400);
      expect(noDistrict.body.details[0].field).toBe('code');
      const chaoyang = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(municipal))
        .send({ kind: 'district', parentId: org.municipality.id, name: '朝阳区', code: '110105' })
        .expect(201);
      const outside = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(municipal))
        .send({ kind: 'street', parentId: chaoyang.body.id, name: '某街道', code: '110108013' })
        .expect(400);
      expect(outside.body.details[0].field).toBe('code');
      const inside = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(municipal))
        .send({ kind: 'street', parentId: chaoyang.body.id, name: '建外街道', code: '110105001' })
        .expect(201);
      await request(api.http)
        .patch(`/api/v1/org/units/${inside.body.id}`)
        .set(bearer(municipal))
        .send({ code: '110101001' })
        .expect(400);
    });

    it('refuses a kind that does not fit under the parent, naming the field', async () => {
      const res = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(districtA))
        .send({ kind: 'community', name: 'x' })
        .expect(400);
      expect(res.body.code).toBe('ORG_KIND_MISMATCH');
      expect(res.body.details[0].field).toBe('kind');
    });

    it('a district cannot create districts; a street cannot create streets', async () => {
      await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(districtA))
        .send({ kind: 'district', parentId: org.municipality.id, name: 'x' })
        .expect(404);
      const res = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(streetA1))
        .send({ kind: 'street', parentId: org.districtA.id, name: 'x' })
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('deletes a unit nothing refers to, deactivates one that is referenced', async () => {
      const lonely = await anOrgUnit(api.ds, 'community', '空社区', org.streetA1);
      const del = await request(api.http)
        .delete(`/api/v1/org/units/${lonely.id}`)
        .set(bearer(streetA1))
        .expect(200);
      expect(del.body).toEqual({ outcome: 'deleted', references: {} });
      expect(await api.ds.getRepository(OrgUnit).countBy({ id: lonely.id })).toBe(0);

      const used = await anOrgUnit(api.ds, 'community', '有人社区', org.streetA1);
      await aWorker().inCommunity(used).create(api.ds);
      const off = await request(api.http)
        .delete(`/api/v1/org/units/${used.id}`)
        .set(bearer(streetA1))
        .expect(200);
      expect(off.body).toEqual({
        outcome: 'deactivated',
        references: { workers: 1 },
      });
      expect((await api.ds.getRepository(OrgUnit).findOneByOrFail({ id: used.id })).active).toBe(
        false,
      );
    });

    it('refuses a malformed id naming the parameter', async () => {
      const res = await request(api.http)
        .get('/api/v1/org/units/not-a-uuid')
        .set(bearer(municipal))
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id' }] });
    });
  });

  describe('refusals that must not become 500s', () => {
    it('refuses null for a required field on update, naming it', async () => {
      const unit = await anOrgUnit(api.ds, 'community', '空值社区', org.streetA1);
      const res = await request(api.http)
        .patch(`/api/v1/org/units/${unit.id}`)
        .set(bearer(streetA1))
        .send({ name: null, active: null })
        .expect(400);
      expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
        'active',
        'name',
      ]);
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const wr = await request(api.http)
        .patch(`/api/v1/workers/${w.id}`)
        .set(bearer(streetA1))
        .send({ name: null, version: w.version })
        .expect(400);
      expect(wr.body.details[0].field).toBe('name');
    });

    it('refuses a forged list cursor', async () => {
      const forged = Buffer.from(JSON.stringify(['张', 'not-a-uuid'])).toString('base64url');
      const res = await request(api.http)
        .get('/api/v1/workers')
        .query({ cursor: forged })
        .set(bearer(municipal))
        .expect(400);
      expect(res.body.details[0].field).toBe('cursor');
    });

    it('an account bound to a deactivated unit can no longer sign in', async () => {
      const unit = await anOrgUnit(api.ds, 'street', '撤并街道', org.districtA);
      const account = await anAccount().withRole('street_admin').inOrg(unit).create(api.ds);
      const s = await login(api.http, account.username, TEST_PASSWORD);
      await request(api.http)
        .patch(`/api/v1/org/units/${unit.id}`)
        .set(bearer(districtA))
        .send({ active: false })
        .expect(200);
      const res = await request(api.http)
        .post('/api/v1/auth/login')
        .send({ username: account.username, password: TEST_PASSWORD })
        .expect(403);
      expect(res.body.code).toBe('ACCOUNT_DISABLED');
      await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: s.refreshToken })
        .expect(403);
    });
  });

  describe('accounts', () => {
    it('the municipal bureau creates a district account; its generated password is shown once and works', async () => {
      const res = await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(municipal))
        .send({
          username: `dist-${Date.now()}`,
          displayName: '区管理员',
          role: 'district_admin',
          scopeOrgId: org.districtB.id,
        })
        .expect(201);
      expect(res.body.password).toEqual(expect.any(String));
      const s = await login(api.http, res.body.username, res.body.password);
      expect(s.actor).toMatchObject({ role: 'district_admin', districtId: org.districtB.id });
      const again = await request(api.http)
        .get(`/api/v1/accounts/${res.body.id}`)
        .set(bearer(municipal))
        .expect(200);
      expect(again.body).not.toHaveProperty('password');
    });

    it('a district creates street accounts for its own streets only, and no district accounts', async () => {
      await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(districtA))
        .send({
          username: `st-${Date.now()}`,
          displayName: '街道',
          role: 'street_admin',
          scopeOrgId: org.streetA2.id,
          password: 'Street2026ok',
        })
        .expect(201);
      const other = await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(districtA))
        .send({
          username: `st2-${Date.now()}`,
          displayName: '街道',
          role: 'street_admin',
          scopeOrgId: org.streetB1.id,
        })
        .expect(403);
      expect(other.body.code).toBe('FORBIDDEN_SCOPE');
      await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(districtA))
        .send({
          username: `d-${Date.now()}`,
          displayName: '区',
          role: 'district_admin',
          scopeOrgId: org.districtA.id,
        })
        .expect(403);
    });

    it('refuses a scope of the wrong kind and a taken username, naming the field', async () => {
      const kind = await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(municipal))
        .send({
          username: `k-${Date.now()}`,
          displayName: 'x',
          role: 'district_admin',
          scopeOrgId: org.streetA1.id,
        })
        .expect(400);
      expect(kind.body.details[0].field).toBe('scopeOrgId');
      const name = `dup-${Date.now()}`;
      const body = {
        username: name,
        displayName: 'x',
        role: 'institution_staff',
        scopeOrgId: org.institution.id,
      };
      await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(municipal))
        .send(body)
        .expect(201);
      const dup = await request(api.http)
        .post('/api/v1/accounts')
        .set(bearer(municipal))
        .send(body)
        .expect(409);
      expect(dup.body.details[0].field).toBe('username');
    });

    it('reset gives a working temporary password and signs the account out; deactivation blocks login', async () => {
      const target = await anAccount().withRole('street_admin').inOrg(org.streetA2).create(api.ds);
      const before = await login(api.http, target.username, TEST_PASSWORD);
      const reset = await request(api.http)
        .post(`/api/v1/accounts/${target.id}/reset-password`)
        .set(bearer(districtA))
        .expect(200);
      await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: before.refreshToken })
        .expect(401);
      await login(api.http, target.username, reset.body.temporaryPassword);

      await request(api.http)
        .post(`/api/v1/accounts/${target.id}/deactivate`)
        .set(bearer(districtA))
        .expect(200);
      const blocked = await request(api.http)
        .post('/api/v1/auth/login')
        .send({ username: target.username, password: reset.body.temporaryPassword })
        .expect(403);
      expect(blocked.body.code).toBe('ACCOUNT_DISABLED');
      await request(api.http)
        .post(`/api/v1/accounts/${target.id}/activate`)
        .set(bearer(districtA))
        .expect(200);
      await login(api.http, target.username, reset.body.temporaryPassword);
    });

    it('nobody deactivates their own account', async () => {
      const res = await request(api.http)
        .post(`/api/v1/accounts/${municipal.actor.accountId}/deactivate`)
        .set(bearer(municipal))
        .expect(409);
      expect(res.body.code).toBe('CONFLICT');
    });

    it('a street gives its worker an account linked to the record; only one', async () => {
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const username = `w-${Date.now()}`;
      const res = await request(api.http)
        .post(`/api/v1/workers/${w.id}/account`)
        .set(bearer(streetA1))
        .send({ username })
        .expect(201);
      const s = await login(api.http, username, res.body.password);
      expect(s.actor).toMatchObject({ role: 'worker', workerId: w.id });
      const mine = await request(api.http)
        .get(`/api/v1/workers/${w.id}`)
        .set(bearer(s))
        .expect(200);
      expect(mine.body.idNumber).toBe(w.idNumber);
      await request(api.http)
        .post(`/api/v1/workers/${w.id}/account`)
        .set(bearer(streetA1))
        .send({ username: `${username}-2` })
        .expect(409);
      const listed = await request(api.http)
        .get('/api/v1/accounts?role=worker&limit=200')
        .set(bearer(streetA1))
        .expect(200);
      expect((listed.body.items as { workerId: string }[]).map((a) => a.workerId)).toContain(w.id);
    });
  });

  describe('workers', () => {
    const newWorker = (over: Record<string, unknown> = {}) => ({
      name: '张三',
      idNumber: anIdNumber(),
      phone: '13800000000',
      communityId: org.communityA1.id,
      positionTier: 'head',
      post: 'committee_director',
      entryChannel: 'recruited_citywide',
      startedOn: '2016-05-01',
      qualification: 'social_worker',
      qualificationCertNo: 'SW-2019-001',
      qualificationOn: '2019-06-20',
      ...over,
    });

    it('creates a worker, deriving birth date and gender from the ID number, audited with the ID masked', async () => {
      const body = newWorker();
      const res = await request(api.http)
        .post('/api/v1/workers')
        .set(bearer(streetA1))
        .send(body)
        .expect(201);
      expect(res.body).toMatchObject({
        idNumber: body.idNumber,
        idNumberMasked: false,
        birthDate: `${body.idNumber.slice(6, 10)}-${body.idNumber.slice(10, 12)}-${body.idNumber.slice(12, 14)}`,
        streetId: org.streetA1.id,
        districtId: org.districtA.id,
        status: 'active',
      });
      const [entry] = await api.ds
        .getRepository(AuditLog)
        .findBy({ action: 'worker.created', entityId: res.body.id });
      expect(JSON.stringify(entry.data)).not.toContain(body.idNumber);
      expect(entry.data?.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a bad check digit', { idNumber: '110105194912310021' }, 'idNumber'],
      ['a short ID number', { idNumber: '1101051949123100' }, 'idNumber'],
      [
        'a gender that contradicts the ID',
        { idNumber: '11010519491231002X', gender: 'male' },
        'gender',
      ],
      [
        'a birth date that contradicts the ID',
        { idNumber: '11010519491231002X', birthDate: '1949-12-30' },
        'birthDate',
      ],
      ['a post of another tier', { positionTier: 'staff', post: 'party_secretary' }, 'post'],
      ['an unknown channel', { entryChannel: 'appointed' }, 'entryChannel'],
      ['a bad date', { startedOn: '2016-13-01' }, 'startedOn'],
      ['an unknown field', { salary: 5000 }, 'salary'],
    ])('refuses %s, naming the field', async (_, over, field) => {
      const res = await request(api.http)
        .post('/api/v1/workers')
        .set(bearer(streetA1))
        .send(newWorker(over))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect((res.body.details as { field: string }[]).map((d) => d.field)).toContain(field);
    });

    it('refuses a second worker with the same ID number', async () => {
      const body = newWorker();
      await request(api.http).post('/api/v1/workers').set(bearer(streetA1)).send(body).expect(201);
      const res = await request(api.http)
        .post('/api/v1/workers')
        .set(bearer(districtA))
        .send({ ...body, communityId: org.communityA2.id })
        .expect(409);
      expect(res.body.details[0].field).toBe('idNumber');
    });

    it('keeps post changes, transfers and status changes as history; the file shows them with grades', async () => {
      const w = (
        await request(api.http)
          .post('/api/v1/workers')
          .set(bearer(districtA))
          .send(newWorker())
          .expect(201)
      ).body;
      await request(api.http)
        .post(`/api/v1/workers/${w.id}/post-changes`)
        .set(bearer(districtA))
        .send({
          positionTier: 'deputy',
          post: 'committee_deputy_director',
          effectiveOn: '2021-01-01',
          reason: '换届',
        })
        .expect(201);
      await request(api.http)
        .post(`/api/v1/workers/${w.id}/transfers`)
        .set(bearer(districtA))
        .send({ communityId: org.communityA2.id, effectiveOn: '2023-03-01' })
        .expect(201);
      // the old street no longer administers the worker; the new one does
      await request(api.http).get(`/api/v1/workers/${w.id}`).set(bearer(streetA1)).expect(404);
      const streetA2 = await sessionFor('street_admin', org.streetA2);
      await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2024`)
        .set(bearer(streetA2))
        .send({ grade: '优秀' })
        .expect(200);
      const g = await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetA2))
        .send({ grade: 'competent', note: '年终考评' })
        .expect(200);
      expect(g.body).toMatchObject({
        year: 2025,
        grade: 'competent',
        label: '合格',
        policyId: 'beijing-2012',
      });
      const corrected = await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetA2))
        .send({ grade: 'basically_competent' })
        .expect(200);
      expect(corrected.body.label).toBe('基本合格');
      const bad = await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetA2))
        .send({ grade: '称职' })
        .expect(400);
      expect(bad.body.details[0].field).toBe('grade');
      await request(api.http)
        .post(`/api/v1/workers/${w.id}/status-changes`)
        .set(bearer(streetA2))
        .send({ status: 'left', effectiveOn: '2026-06-30', reason: '辞职' })
        .expect(201);

      const file = await request(api.http)
        .get(`/api/v1/workers/${w.id}/file`)
        .set(bearer(districtA))
        .expect(200);
      expect(file.body.postHistory.map((h: { changeKind: string }) => h.changeKind)).toEqual([
        'initial',
        'post_change',
        'transfer',
        'status_change',
      ]);
      expect(file.body.postHistory[0]).toMatchObject({
        communityId: org.communityA1.id,
        positionTier: 'head',
      });
      expect(file.body.postHistory[2]).toMatchObject({
        communityId: org.communityA2.id,
        positionTier: 'deputy',
      });
      expect(
        file.body.assessments.map((a: { year: number; grade: string }) => [a.year, a.grade]),
      ).toEqual([
        [2025, 'basically_competent'],
        [2024, 'excellent'],
      ]);
      expect(file.body.worker.status).toBe('left');
      expect(file.body.place.community).toBe(org.communityA2.name);
      expect(await api.ds.getRepository(WorkerPostHistory).countBy({ workerId: w.id })).toBe(4);
    });

    it('uses the region’s own grades (Shenyang: 称职 / 告诫)', async () => {
      const shenyang = await aMunicipality(api.ds, 'shenyang');
      const d = await anOrgUnit(api.ds, 'district', '和平区', shenyang);
      const s = await anOrgUnit(api.ds, 'street', '太原街街道', d);
      const c = await anOrgUnit(api.ds, 'community', '南京南街社区', s);
      const w = await aWorker().inCommunity(c).create(api.ds);
      const streetAdmin = await sessionFor('street_admin', s);
      // with no training that year Shenyang allows only 不称职 (Art. 35, 36; issue 13)
      const limited = await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetAdmin))
        .send({ grade: '告诫' })
        .expect(409);
      expect(limited.body.code).toBe('GRADE_LIMITED_BY_TRAINING');
      const ok = await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetAdmin))
        .send({ grade: '不称职' })
        .expect(200);
      expect(ok.body).toMatchObject({ grade: 'incompetent', policyId: 'shenyang-2012' });
      await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetAdmin))
        .send({ grade: '基本合格' })
        .expect(400);
    });

    it('refuses, never guesses, the region of a municipality the region table does not know', async () => {
      // 大连市 shares Shenyang's province digits (21): it used to read as Shenyang
      const dalian = await anOrgUnit(api.ds, 'municipality', '大连市');
      await api.ds.getRepository(OrgUnit).update({ id: dalian.id }, { code: '210200' });
      const d = await anOrgUnit(api.ds, 'district', '中山区', dalian);
      const s = await anOrgUnit(api.ds, 'street', '青泥洼桥街道', d);
      const c = await anOrgUnit(api.ds, 'community', '天津街社区', s);
      const w = await aWorker().inCommunity(c).create(api.ds);
      const streetAdmin = await sessionFor('street_admin', s);
      const res = await request(api.http)
        .put(`/api/v1/workers/${w.id}/assessments/2025`)
        .set(bearer(streetAdmin))
        .send({ grade: '称职' })
        .expect(422);
      expect(res.body.code).toBe('REGION_UNSUPPORTED');
      expect(res.body.message).toContain('210200');
      // nothing more is built under it either
      const admin = await sessionFor('district_admin', d);
      const refused = await request(api.http)
        .post('/api/v1/org/units')
        .set(bearer(admin))
        .send({ kind: 'street', name: '新街道' })
        .expect(422);
      expect(refused.body).toMatchObject({
        code: 'REGION_UNSUPPORTED',
        details: { code: '210200' },
      });
    });

    it('refuses an edit made against a stale version', async () => {
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const first = await request(api.http)
        .patch(`/api/v1/workers/${w.id}`)
        .set(bearer(streetA1))
        .send({ phone: '010-1234567', version: w.version })
        .expect(200);
      expect(first.body.version).toBe(w.version + 1);
      const stale = await request(api.http)
        .patch(`/api/v1/workers/${w.id}`)
        .set(bearer(streetA1))
        .send({ phone: '010-7654321', version: w.version })
        .expect(409);
      expect(stale.body.message).toContain('version');
      expect(phoneOf(await api.ds.getRepository(Worker).findOneByOrFail({ id: w.id }))).toBe(
        '010-1234567',
      );
    });

    it('lists by name with a keyset cursor: every worker once, in order, filters applied', async () => {
      const street = await anOrgUnit(api.ds, 'street', '分页街道', org.districtB);
      const community = await anOrgUnit(api.ds, 'community', '分页社区', street);
      const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七'];
      for (const n of names) await aWorker().named(n).inCommunity(community).create(api.ds);
      await aWorker().named('王八').head().inCommunity(community).create(api.ds);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: request.Response = await request(api.http)
          .get('/api/v1/workers')
          .query({
            streetId: street.id,
            positionTier: 'staff',
            limit: 3,
            ...(cursor ? { cursor } : {}),
          })
          .set(bearer(municipal))
          .expect(200);
        seen.push(...(res.body.items as { name: string }[]).map((w) => w.name));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual([...names].sort());
      const byName = await request(api.http)
        .get('/api/v1/workers')
        .query({ streetId: street.id, name: '王' })
        .set(bearer(municipal))
        .expect(200);
      expect(byName.body.items.map((w: { name: string }) => w.name)).toEqual(['王八']);
      const bad = await request(api.http)
        .get('/api/v1/workers')
        .query({ cursor: 'garbage' })
        .set(bearer(municipal))
        .expect(400);
      expect(bad.body.details[0].field).toBe('cursor');
    });
  });
});
