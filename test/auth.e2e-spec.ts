import { JwtService } from '@nestjs/jwt';
import { AuditLog, RefreshToken, Role } from '@peixun/core';
import request from 'supertest';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { bearer, bootApi, login, TestApi } from './support/app';

describe('auth: login, tokens, roles', () => {
  let api: TestApi;
  let org: TestOrg;

  beforeAll(async () => {
    api = await bootApi({ LOGIN_RATE_LIMIT: '5', LOGIN_RATE_WINDOW_SECONDS: '60' });
    org = await anOrgTree(api.ds);
  });
  afterAll(async () => {
    await api.close();
  });

  const scopeOf = (role: Role) =>
    ({
      municipal_admin: org.municipality,
      district_admin: org.districtA,
      street_admin: org.streetA1,
      institution_staff: org.institution,
      teacher: org.institution,
      worker: null,
    })[role];

  it.each<[Role]>([
    ['municipal_admin'],
    ['district_admin'],
    ['street_admin'],
    ['institution_staff'],
    ['teacher'],
    ['worker'],
  ])('a %s logs in and /auth/me shows its role and scope', async (role) => {
    const account = await anAccount().withRole(role).inOrg(scopeOf(role)).create(api.ds);
    const session = await login(api.http, account.username.toUpperCase(), TEST_PASSWORD);
    expect(session.refreshToken).toEqual(expect.any(String));
    const me = await request(api.http).get('/api/v1/auth/me').set(bearer(session)).expect(200);
    expect(me.body).toMatchObject({
      accountId: account.id,
      role,
      orgId: scopeOf(role)?.id ?? null,
    });
    if (role === 'street_admin')
      expect(me.body).toMatchObject({ districtId: org.districtA.id, streetId: org.streetA1.id });
    if (role === 'district_admin')
      expect(me.body).toMatchObject({ districtId: org.districtA.id, streetId: null });
    // the names of its units, for the web app's header
    const ref = (u: { id: string; kind: string; name: string } | null) =>
      u ? { id: u.id, kind: u.kind, name: u.name } : null;
    expect(me.body.unit).toEqual(ref(scopeOf(role)));
    if (role === 'street_admin')
      expect(me.body).toMatchObject({ district: ref(org.districtA), street: ref(org.streetA1) });
    if (role === 'district_admin')
      expect(me.body).toMatchObject({ district: ref(org.districtA), street: null });
  });

  it('refuses a wrong password with 401 and audits the failure', async () => {
    const account = await anAccount()
      .withRole('district_admin')
      .inOrg(org.districtA)
      .create(api.ds);
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: account.username, password: 'wrong-password1' })
      .expect(401);
    expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    const audit = await api.ds
      .getRepository(AuditLog)
      .findBy({ action: 'auth.login_failed', entityId: account.id });
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ reason: 'wrong_password' });
    expect(audit[0].ip).toBeTruthy();
  });

  it('refuses an unknown username with the same answer as a wrong password', async () => {
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: 'nobody-here', password: 'whatever1' })
      .expect(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    const audit = await api.ds.getRepository(AuditLog).findBy({ action: 'auth.login_failed' });
    expect(
      audit.some(
        (a) => a.data?.username === 'nobody-here' && a.data?.reason === 'unknown_username',
      ),
    ).toBe(true);
  });

  it('refuses a deactivated account even with the right password', async () => {
    const account = await anAccount()
      .withRole('teacher')
      .inOrg(org.institution)
      .disabled()
      .create(api.ds);
    const res = await request(api.http)
      .post('/api/v1/auth/login')
      .send({ username: account.username, password: TEST_PASSWORD })
      .expect(403);
    expect(res.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('rate-limits repeated logins for one username and says so in the error shape', async () => {
    const account = await anAccount().withRole('worker').create(api.ds);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await request(api.http)
        .post('/api/v1/auth/login')
        .send({ username: account.username, password: 'not-it-123' });
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // another account from the same client is not blocked by it
    const other = await anAccount().withRole('worker').create(api.ds);
    await login(api.http, other.username, TEST_PASSWORD);
  });

  describe('requests without a valid token', () => {
    let token: string;
    beforeAll(async () => {
      const account = await anAccount()
        .withRole('municipal_admin')
        .inOrg(org.municipality)
        .create(api.ds);
      token = (await login(api.http, account.username, TEST_PASSWORD)).accessToken;
    });

    it('401 UNAUTHENTICATED without a token', async () => {
      const res = await request(api.http).get('/api/v1/auth/me').expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('401 TOKEN_INVALID for a malformed Authorization header', async () => {
      const res = await request(api.http)
        .get('/api/v1/auth/me')
        .set('Authorization', `Token ${token}`)
        .expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('401 TOKEN_INVALID for a tampered token (role raised in the payload)', async () => {
      const [h, p, s] = token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const forged = Buffer.from(
        JSON.stringify({ ...claims, role: 'municipal_admin', sub: 'x' }),
      ).toString('base64url');
      const res = await request(api.http)
        .get('/api/v1/audit/entries')
        .set(bearer(`${h}.${forged}.${s}`))
        .expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('401 TOKEN_INVALID for a token signed with another secret', async () => {
      const other = new JwtService({ secret: 'another-secret-another-secret-another' });
      const res = await request(api.http)
        .get('/api/v1/auth/me')
        .set(bearer(other.sign({ sub: 'x', usr: 'x', role: 'municipal_admin' })))
        .expect(401);
      expect(res.body.code).toBe('TOKEN_INVALID');
    });

    it('401 TOKEN_EXPIRED for an expired token', async () => {
      const jwt = api.app.get(JwtService);
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      const past = Math.floor(Date.now() / 1000) - 60;
      const expired = jwt.sign({ ...claims, iat: past - 900, exp: past });
      const res = await request(api.http).get('/api/v1/auth/me').set(bearer(expired)).expect(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });
  });

  it.each<[Role]>([
    ['district_admin'],
    ['street_admin'],
    ['institution_staff'],
    ['teacher'],
    ['worker'],
  ])('403 FORBIDDEN_ROLE when a %s reads the audit log (municipal only)', async (role) => {
    const account = await anAccount().withRole(role).inOrg(scopeOf(role)).create(api.ds);
    const session = await login(api.http, account.username, TEST_PASSWORD);
    const res = await request(api.http)
      .get('/api/v1/audit/entries')
      .set(bearer(session))
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
    await request(api.http)
      .post('/api/v1/audit/retention-runs')
      .set(bearer(session))
      .send({})
      .expect(403);
  });

  describe('refresh tokens', () => {
    it('rotate: the new pair works, the old refresh token is single-use', async () => {
      const account = await anAccount().withRole('street_admin').inOrg(org.streetA1).create(api.ds);
      const first = await login(api.http, account.username, TEST_PASSWORD);
      const second = await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await request(api.http)
        .get('/api/v1/auth/me')
        .set(bearer(second.body.accessToken))
        .expect(200);

      // replaying the rotated token is theft: the whole login is revoked
      const replay = await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(401);
      expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
      const after = await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: second.body.refreshToken })
        .expect(401);
      expect(after.body.code).toBe('REFRESH_TOKEN_REUSED');
      expect(await api.ds.getRepository(RefreshToken).countBy({ accountId: account.id })).toBe(2);
      const unrevoked = await api.ds
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .where('t.account_id = :id and t.revoked_at is null', { id: account.id })
        .getCount();
      expect(unrevoked).toBe(0);
    });

    it('an unknown refresh token is refused', async () => {
      const res = await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
      expect(res.body.code).toBe('REFRESH_TOKEN_INVALID');
    });

    it('logout revokes the login; a deactivated account cannot refresh', async () => {
      const account = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
      const a = await login(api.http, account.username, TEST_PASSWORD);
      await request(api.http)
        .post('/api/v1/auth/logout')
        .send({ refreshToken: a.refreshToken })
        .expect(204);
      await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: a.refreshToken })
        .expect(401);

      const b = await login(api.http, account.username, TEST_PASSWORD);
      await api.ds.query('update account set active = false where id = $1', [account.id]);
      const res = await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: b.refreshToken })
        .expect(401);
      expect(res.body.code).toBe('REFRESH_TOKEN_INVALID');
    });
  });

  describe('password change', () => {
    it('changes the password, revokes refresh tokens and audits it', async () => {
      const account = await anAccount().withRole('worker').create(api.ds);
      const s = await login(api.http, account.username, TEST_PASSWORD);
      await request(api.http)
        .post('/api/v1/auth/password')
        .set(bearer(s))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'NewPass2026x' })
        .expect(204);
      await request(api.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: s.refreshToken })
        .expect(401);
      await request(api.http)
        .post('/api/v1/auth/login')
        .send({ username: account.username, password: TEST_PASSWORD })
        .expect(401);
      await login(api.http, account.username, 'NewPass2026x');
      expect(
        await api.ds
          .getRepository(AuditLog)
          .countBy({ action: 'auth.password_changed', entityId: account.id }),
      ).toBe(1);
    });

    it('refuses a weak new password naming the field, and a wrong current password', async () => {
      const account = await anAccount().withRole('worker').create(api.ds);
      const s = await login(api.http, account.username, TEST_PASSWORD);
      const weak = await request(api.http)
        .post('/api/v1/auth/password')
        .set(bearer(s))
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'onlyletters' })
        .expect(400);
      expect(weak.body.code).toBe('VALIDATION_FAILED');
      expect(weak.body.message).toContain('newPassword');
      const wrong = await request(api.http)
        .post('/api/v1/auth/password')
        .set(bearer(s))
        .send({ currentPassword: 'not-the-one-1', newPassword: 'Good2026pass' })
        .expect(400);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });
  });
});
