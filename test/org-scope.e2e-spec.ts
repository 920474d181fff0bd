import request from 'supertest';
import { Account, Role } from '@peixun/core';
import { Worker } from '@peixun/org';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker, TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

/**
 * Scope: an administrator of district B can neither read nor change anything
 * of district A, through any endpoint of libs/org; a street admin of another
 * street of the same district cannot either; a worker reads only themself.
 */
describe('org scope: denials on every endpoint', () => {
  let api: TestApi;
  let org: TestOrg;
  let workerA: TestWorker;
  let workerB: TestWorker;
  let streetAdminA: Account;
  let workerAccountA: Account;
  const sessions: Partial<Record<string, Session>> = {};

  const as = async (
    key: string,
    role: Role,
    scope: TestOrg[keyof TestOrg] | null,
    workerId?: string,
  ) => {
    const account = await anAccount().withRole(role).inOrg(scope).create(api.ds);
    if (workerId) await api.ds.getRepository(Account).update({ id: account.id }, { workerId });
    sessions[key] = await login(api.http, account.username, TEST_PASSWORD);
    return account;
  };

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    workerA = await aWorker().inCommunity(org.communityA1).create(api.ds);
    workerB = await aWorker().inCommunity(org.communityB1).create(api.ds);
    streetAdminA = await as('streetA1', 'street_admin', org.streetA1);
    await as('districtB', 'district_admin', org.districtB);
    await as('streetB1', 'street_admin', org.streetB1);
    await as('streetA2', 'street_admin', org.streetA2);
    await as('institution', 'institution_staff', org.institution);
    await as('workerB', 'worker', null, workerB.id);
    workerAccountA = await anAccount().withRole('worker').create(api.ds);
    await api.ds.getRepository(Account).update({ id: workerAccountA.id }, { workerId: workerA.id });
  });
  afterAll(async () => {
    await api.close();
  });

  type Call = [
    string,
    'get' | 'post' | 'patch' | 'put' | 'delete',
    () => string,
    () => object | undefined,
  ];
  const calls: Call[] = [
    ['read a unit of A', 'get', () => `/api/v1/org/units/${org.streetA1.id}`, () => undefined],
    [
      'create a unit under A',
      'post',
      () => '/api/v1/org/units',
      () => ({ kind: 'street', parentId: org.districtA.id, name: 'x' }),
    ],
    [
      'rename a unit of A',
      'patch',
      () => `/api/v1/org/units/${org.communityA1.id}`,
      () => ({ name: 'x' }),
    ],
    [
      'delete a unit of A',
      'delete',
      () => `/api/v1/org/units/${org.communityA1.id}`,
      () => undefined,
    ],
    ['read an account of A', 'get', () => `/api/v1/accounts/${streetAdminA.id}`, () => undefined],
    [
      'reset a password in A',
      'post',
      () => `/api/v1/accounts/${streetAdminA.id}/reset-password`,
      () => ({}),
    ],
    [
      'deactivate an account in A',
      'post',
      () => `/api/v1/accounts/${streetAdminA.id}/deactivate`,
      () => ({}),
    ],
    [
      'activate an account in A',
      'post',
      () => `/api/v1/accounts/${workerAccountA.id}/activate`,
      () => ({}),
    ],
    [
      'give a worker of A an account',
      'post',
      () => `/api/v1/workers/${workerA.id}/account`,
      () => ({ username: 'nope-x' }),
    ],
    ['read a worker of A', 'get', () => `/api/v1/workers/${workerA.id}`, () => undefined],
    [
      'read the file of a worker of A',
      'get',
      () => `/api/v1/workers/${workerA.id}/file`,
      () => undefined,
    ],
    [
      'read the grades of a worker of A',
      'get',
      () => `/api/v1/workers/${workerA.id}/assessments`,
      () => undefined,
    ],
    [
      'edit a worker of A',
      'patch',
      () => `/api/v1/workers/${workerA.id}`,
      () => ({ phone: '123456', version: 1 }),
    ],
    [
      'change the post of a worker of A',
      'post',
      () => `/api/v1/workers/${workerA.id}/post-changes`,
      () => ({ positionTier: 'deputy', effectiveOn: '2026-01-01' }),
    ],
    [
      'transfer a worker of A',
      'post',
      () => `/api/v1/workers/${workerA.id}/transfers`,
      () => ({ communityId: org.communityB1.id, effectiveOn: '2026-01-01' }),
    ],
    [
      'change the status of a worker of A',
      'post',
      () => `/api/v1/workers/${workerA.id}/status-changes`,
      () => ({ status: 'left', effectiveOn: '2026-01-01' }),
    ],
    [
      'create a worker in a community of A',
      'post',
      () => '/api/v1/workers',
      () => ({
        name: '王五',
        idNumber: '110101199003076632',
        communityId: org.communityA1.id,
        positionTier: 'staff',
        entryChannel: 'elected',
        startedOn: '2020-01-01',
      }),
    ],
  ];

  const send = (method: Call[1], path: string, s: Session, body?: object) => {
    const r = request(api.http)[method](path).set(bearer(s));
    return body ? r.send(body) : r;
  };

  describe.each([['districtB'], ['streetA2'], ['streetB1']])('as the admin %s', (who) => {
    it.each(calls)('cannot %s', async (_, method, path, body) => {
      const res = await send(method, path(), sessions[who]!, body());
      expect([403, 404]).toContain(res.status);
      expect(['NOT_FOUND', 'FORBIDDEN_SCOPE', 'FORBIDDEN_ROLE']).toContain(res.body.code);
    });
  });

  it.each(calls)('a worker cannot %s', async (_, method, path, body) => {
    const res = await send(method, path(), sessions.workerB!, body());
    expect([403, 404]).toContain(res.status);
  });

  it('a street admin of B cannot record a grade for a worker of A; a district admin may not record grades at all', async () => {
    const street = await send(
      'put',
      `/api/v1/workers/${workerA.id}/assessments/2025`,
      sessions.streetB1!,
      { grade: 'excellent' },
    );
    expect(street.status).toBe(404);
    const district = await send(
      'put',
      `/api/v1/workers/${workerB.id}/assessments/2025`,
      sessions.districtB!,
      { grade: 'excellent' },
    );
    expect(district.status).toBe(403);
    expect(district.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('moving a worker of B into a community of A is refused', async () => {
    const res = await send('post', `/api/v1/workers/${workerB.id}/transfers`, sessions.districtB!, {
      communityId: org.communityA1.id,
      effectiveOn: '2026-01-01',
    });
    expect(res.status).toBe(404);
    expect(
      (await api.ds.getRepository(Worker).findOneByOrFail({ id: workerB.id })).communityId,
    ).toBe(org.communityB1.id);
  });

  it('lists show nothing of A, even when asked for A by filter', async () => {
    const units = await send('get', '/api/v1/org/units', sessions.districtB!);
    const ids = (units.body as { id: string }[]).map((u) => u.id);
    expect(ids).toContain(org.streetB1.id);
    expect(ids).not.toContain(org.streetA1.id);
    expect(ids).not.toContain(org.districtA.id);

    const workers = await send(
      'get',
      `/api/v1/workers?districtId=${org.districtA.id}`,
      sessions.districtB!,
    );
    expect(workers.status).toBe(200);
    expect(workers.body.items).toEqual([]);
    const byId = await send(
      'get',
      `/api/v1/workers?idNumber=${workerA.idNumber}`,
      sessions.districtB!,
    );
    expect(byId.body.items).toEqual([]);

    const accounts = await send('get', '/api/v1/accounts?limit=200', sessions.districtB!);
    expect(accounts.status).toBe(200);
    expect((accounts.body.items as { id: string }[]).map((a) => a.id)).not.toContain(
      streetAdminA.id,
    );

    const streetWorkers = await send('get', '/api/v1/workers', sessions.streetA2!);
    expect((streetWorkers.body.items as { id: string }[]).map((w) => w.id)).not.toContain(
      workerA.id,
    );
  });

  it('a worker lists and reads only themself, with the ID number unmasked', async () => {
    const list = await send('get', '/api/v1/workers', sessions.workerB!);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      id: workerB.id,
      idNumber: workerB.idNumber,
      idNumberMasked: false,
    });
    const file = await send('get', `/api/v1/workers/${workerB.id}/file`, sessions.workerB!);
    expect(file.status).toBe(200);
  });

  it('institution staff and teachers have no access to the roster', async () => {
    const res = await send('get', '/api/v1/workers', sessions.institution!);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
    const unit = await send('get', `/api/v1/org/units/${org.districtA.id}`, sessions.institution!);
    expect(unit.status).toBe(404);
  });

  it('nothing was changed by any of the refused calls', async () => {
    const a = await api.ds.getRepository(Worker).findOneByOrFail({ id: workerA.id });
    expect(a).toMatchObject({
      status: 'active',
      positionTier: 'staff',
      communityId: org.communityA1.id,
      phoneEnc: null,
      version: workerA.version,
    });
    const admin = await api.ds.getRepository(Account).findOneByOrFail({ id: streetAdminA.id });
    expect(admin.active).toBe(true);
    expect(await api.ds.getRepository(Account).countBy({ username: 'nope-x' })).toBe(0);
  });
});
