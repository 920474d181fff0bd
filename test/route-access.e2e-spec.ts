import { RequestMethod } from '@nestjs/common';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { ALL_ROLES, PUBLIC_KEY, Role, ROLES_KEY } from '@peixun/core';
import request from 'supertest';
import { aFinishedClass } from './factories/finished-class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  roles: Role[] | null;
  isPublic: boolean;
}

const VERBS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

/** Every route of the running API, read from the controllers' own metadata. */
function routesOf(api: TestApi): Route[] {
  const routes: Route[] = [];
  for (const wrapper of api.app.get(DiscoveryService).getControllers()) {
    const type = wrapper.metatype as (new (...a: never[]) => unknown) | null;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of Object.getOwnPropertyNames(type.prototype)) {
      const handler = (type.prototype as Record<string, unknown>)[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      if (sub === undefined || !verb) continue;
      const path = `/api/${[base, sub].filter((p) => p && p !== '/').join('/')}`
        .replace(':queue', 'maintenance')
        .replace(':year', '2025')
        .replace(/:[A-Za-z]+/g, SAMPLE_ID);
      const roles = (Reflect.getMetadata(ROLES_KEY, handler) ??
        Reflect.getMetadata(ROLES_KEY, type) ??
        null) as Role[] | null;
      const isPublic = !!(
        Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, type)
      );
      routes.push({ method: verb, path, roles, isPublic });
    }
  }
  return routes;
}

/**
 * Every route says who may call it: a request without a token is refused on
 * every non-public route, and every role a route does not name is refused.
 */
describe('route access (every route, every role)', () => {
  let api: TestApi;
  let org: TestOrg;
  let routes: Route[];
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    const scope: Record<Role, TestOrg[keyof TestOrg] | null> = {
      municipal_admin: org.municipality,
      district_admin: org.districtA,
      street_admin: org.streetA1,
      institution_staff: org.institution,
      teacher: org.institution,
      worker: null,
    };
    for (const role of ALL_ROLES) {
      const account = await anAccount().withRole(role).inOrg(scope[role]).create(api.ds);
      sessions.set(role, await login(api.http, account.username, TEST_PASSWORD));
    }
    routes = routesOf(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('finds the routes and every one of them is public or names its roles', () => {
    expect(routes.length).toBeGreaterThan(60);
    const undeclared = routes
      .filter((r) => !r.isPublic && !r.roles)
      .map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
    const publicRoutes = routes
      .filter((r) => r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual([
      // the check-in QR code's page (served outside /api: /c/:sessionId/:token)
      'get /api/c/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-000000000000',
      'get /api/health',
      'get /api/ready',
      // the certificate verification page (served at /v/…, outside the /api prefix)
      'get /api/v/00000000-0000-4000-8000-000000000000',
      'get /api/v1/calendar/00000000-0000-4000-8000-000000000000.ics',
      'get /api/v1/institutions/filed',
      'get /api/v1/verify/00000000-0000-4000-8000-000000000000',
      'post /api/v/00000000-0000-4000-8000-000000000000',
      'post /api/v1/auth/login',
      'post /api/v1/auth/logout',
      'post /api/v1/auth/refresh',
      'post /api/v1/verify/00000000-0000-4000-8000-000000000000/pdf',
    ]);
  });

  it('refuses every non-public route without a token', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter((x) => !x.isPublic)) {
      const res = await request(api.http)[r.method](r.path);
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')
        wrong.push(`${r.method} ${r.path} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every role a route does not name', async () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const r of routes.filter((x) => !x.isPublic && x.roles)) {
      for (const role of ALL_ROLES.filter((x) => !r.roles!.includes(x))) {
        const res = await request(api.http)
          [r.method](r.path)
          .set(bearer(sessions.get(role)!));
        checked++;
        if (res.status !== 403 || res.body.code !== 'FORBIDDEN_ROLE')
          wrong.push(`${role}: ${r.method} ${r.path} -> ${res.status}`);
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  it('finds a certificate by serial only within the caller’s scope (GET /certificates?serial=)', async () => {
    const { id: classId, trainees } = await aFinishedClass(api.ds, org, { trainees: 1 });
    const [{ worker, enrollmentId }] = trainees;
    const serial = `BJPX-2026-9${String(Date.now() % 1e5).padStart(5, '0')}`;
    await api.ds.query(
      `insert into certificate (enrollment_id, class_id, worker_id, exam_result_id, region, year, seq, serial,
         verify_code, holder_name, id_number_masked, project_title, type_label, half_hours, start_date,
         end_date, institution_name, issuers, issued_on)
       values ($1, $2, $3, $4, 'beijing', 2026, $5, $6, 'abcdef12', $7, '1101**********0011', '结业班',
         '岗位培训', 16, '2026-11-01', '2026-11-02', '培训学院', '["北京市民政局"]', '2026-11-20')`,
      [enrollmentId, classId, worker.id, SAMPLE_ID, Number(serial.slice(-6)), serial, worker.name],
    );
    const lookup = (role: Role) =>
      request(api.http)
        .get('/api/v1/certificates')
        .query({ serial })
        .set(bearer(sessions.get(role)!));
    // the holder lives in district A, street A1: the test's district and street admins
    for (const role of ['municipal_admin', 'district_admin', 'street_admin'] as const)
      expect((await lookup(role)).body).toMatchObject({ serial, workerId: worker.id });
    const elsewhere = await anAccount()
      .withRole('district_admin')
      .inOrg(org.districtB)
      .create(api.ds);
    const denied = await request(api.http)
      .get('/api/v1/certificates')
      .query({ serial })
      .set(bearer(await login(api.http, elsewhere.username, TEST_PASSWORD)));
    expect(denied.status).toBe(404);
    expect(denied.body.code).toBe('NOT_FOUND');
  });
});
