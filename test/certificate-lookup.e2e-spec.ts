import type { Role } from '@peixun/core';
import type { OrgUnit } from '@peixun/org';
import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { aFiledInstitution } from './factories/class.factory';
import { anOrgTree, TestOrg } from './factories/org.factory';
import { bearer, bootApi, Session, TestApi } from './support/app';
import { IssuedCertificate, issuedCertificates } from './support/issued-certificates';
import { signInAs } from './support/sessions';

/** GET /certificates?serial=: the bureau's (and the offices') lookup of one certificate by its serial. */
describe('certificate lookup by serial', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let cert: IssuedCertificate;
  const as = (role: Role, unit: OrgUnit | null): Promise<Session> => signInAs(api, role, unit);
  const lookup = (who: Session, serial: string) =>
    request(api.http).get('/api/v1/certificates').query({ serial }).set(bearer(who));

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    const staff = await as('institution_staff', org.institution);
    // trainee 0 lives in community A1 (street A1 of district A)
    cert = (await issuedCertificates(api, org, staff, 1)).certificates[0];
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('finds the certificate for the bureau and for the offices of its holder, whatever the case of the serial', async () => {
    for (const [role, unit] of [
      ['municipal_admin', org.municipality],
      ['district_admin', org.districtA],
      ['street_admin', org.streetA1],
    ] as const) {
      const res = await lookup(await as(role, unit), ` ${cert.serial.toLowerCase()} `).expect(200);
      expect(res.body).toMatchObject({
        id: cert.id,
        serial: cert.serial,
        status: 'valid',
        workerId: cert.workerId,
        revokedAt: null,
      });
    }
  });

  it('is not found outside the holder’s district or street, nor for an unknown serial', async () => {
    for (const [role, unit] of [
      ['district_admin', org.districtB],
      ['street_admin', org.streetA2],
    ] as const) {
      const res = await lookup(await as(role, unit), cert.serial).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const municipal = await as('municipal_admin', org.municipality);
    const unknown = await lookup(municipal, 'BJPX-1999-000001').expect(404);
    expect(unknown.body.message).toContain('BJPX-1999-000001');
  });

  it('another city’s bureau in the same deployment neither finds, reads, revokes nor reissues it', async () => {
    const shenyang = await anOrgTree(api.ds, 'shenyang');
    const other = await as('municipal_admin', shenyang.municipality);
    expect((await lookup(other, cert.serial).expect(404)).body.code).toBe('NOT_FOUND');
    await request(api.http)
      .get(`/api/v1/certificates/${cert.id}/pdf`)
      .set(bearer(other))
      .expect(404);
    await request(api.http)
      .post(`/api/v1/certificates/${cert.id}/revoke`)
      .set(bearer(other))
      .send({ reason: '不是本市的证书' })
      .expect(404);
    await request(api.http)
      .post(`/api/v1/certificates/${cert.id}/reissue`)
      .set(bearer(other))
      .send({ reason: '不是本市的证书' })
      .expect(404);
    const [cls] = await api.ds.query<{ class_id: string }[]>(
      `select class_id from certificate where id = $1`,
      [cert.id],
    );
    await request(api.http)
      .get(`/api/v1/classes/${cls.class_id}/certificates`)
      .set(bearer(other))
      .expect(404);
    // and nothing changed
    const [row] = await api.ds.query<{ status: string }[]>(
      `select status from certificate where id = $1`,
      [cert.id],
    );
    expect(row.status).toBe('valid');
  });

  it('names the serial when it is malformed or missing; other roles are refused', async () => {
    const municipal = await as('municipal_admin', org.municipality);
    const bad = await lookup(municipal, '12345').expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toContain('serial');
    await request(api.http).get('/api/v1/certificates').set(bearer(municipal)).expect(400);
    for (const [role, unit] of [
      ['institution_staff', org.institution],
      ['worker', null],
    ] as const) {
      const res = await lookup(await as(role, unit), cert.serial).expect(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
  });

  it('shows a revocation at once', async () => {
    const municipal = await as('municipal_admin', org.municipality);
    await request(api.http)
      .post(`/api/v1/certificates/${cert.id}/revoke`)
      .set(bearer(municipal))
      .send({ reason: '考核舞弊，经查属实' })
      .expect(200);
    const res = await lookup(municipal, cert.serial).expect(200);
    expect(res.body).toMatchObject({ status: 'revoked', revokeReason: '考核舞弊，经查属实' });
    expect(res.body.revokedAt).toEqual(expect.any(String));
  });
});
