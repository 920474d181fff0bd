import { Controller, ExecutionContext, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { AnyRole, Public, Roles } from './access.decorators';
import { AuthGuard } from './auth.guard';
import { Actor } from './roles';
import { TokenService } from './token.service';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as DomainError).code;
  }
};

@Controller()
class Sample {
  @Get() @Public() open(): void {}
  @Get() undeclared(): void {}
  @Get() @Roles('municipal_admin') municipalOnly(): void {}
  @Get() @AnyRole() anyone(): void {}
}

describe('AuthGuard (deny by default)', () => {
  const config = loadConfig({ JWT_SECRET: 's'.repeat(40) });
  const tokens = new TokenService(new JwtService({ secret: config.auth.jwtSecret }), config);
  const guard = new AuthGuard(new Reflector(), tokens);
  const actor = (role: Actor['role']): Actor => ({
    accountId: 'a',
    username: 'u',
    role,
    orgId: null,
    districtId: null,
    streetId: null,
    workerId: null,
  });
  const ctx = (handler: keyof Sample, token?: string): ExecutionContext =>
    ({
      getType: () => 'http',
      getHandler: () => Sample.prototype[handler],
      getClass: () => Sample,
      switchToHttp: () => ({
        getRequest: () => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
      }),
    }) as unknown as ExecutionContext;
  const tokenFor = (role: Actor['role']) => tokens.signAccess(actor(role)).token;

  it.each<[keyof Sample, Actor['role'] | null, string | undefined]>([
    ['open', null, undefined],
    ['undeclared', null, 'UNAUTHENTICATED'],
    ['undeclared', 'municipal_admin', 'ROUTE_ACCESS_UNDECLARED'],
    ['municipalOnly', 'district_admin', 'FORBIDDEN_ROLE'],
    ['municipalOnly', 'worker', 'FORBIDDEN_ROLE'],
    ['municipalOnly', 'municipal_admin', undefined],
    ['anyone', 'worker', undefined],
    ['anyone', null, 'UNAUTHENTICATED'],
  ])('%s called by %s -> %s', (handler, role, code) => {
    expect(codeOf(() => guard.canActivate(ctx(handler, role ? tokenFor(role) : undefined)))).toBe(
      code,
    );
  });
});

describe('TokenService.verifyAccess (verified tokens kept until they expire)', () => {
  const config = loadConfig({ JWT_SECRET: 's'.repeat(40), JWT_ACCESS_TTL_SECONDS: '60' });
  const tokens = new TokenService(new JwtService({ secret: config.auth.jwtSecret }), config);
  const worker: Actor = {
    accountId: 'acc-1',
    username: 'w',
    role: 'worker',
    orgId: null,
    districtId: null,
    streetId: null,
    workerId: 'wkr-1',
  };
  afterEach(() => jest.useRealTimers());

  it('answers a known token from memory, but never past its expiry', () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') });
    const { token } = tokens.signAccess(worker);
    expect(tokens.verifyAccess(token)).toEqual(worker);
    // a caller changing its copy changes nothing for the next request
    tokens.verifyAccess(token).role = 'municipal_admin';
    expect(tokens.verifyAccess(token)).toEqual(worker);
    jest.setSystemTime(new Date('2026-12-03T08:00:59Z'));
    expect(tokens.verifyAccess(token)).toEqual(worker);
    jest.setSystemTime(new Date('2026-12-03T08:01:00Z'));
    expect(codeOf(() => tokens.verifyAccess(token))).toBe('TOKEN_EXPIRED');
  });

  it('never takes a token that differs from a known one, even in its signature only', () => {
    const { token } = tokens.signAccess(worker);
    tokens.verifyAccess(token);
    const [head, body, sig] = token.split('.');
    const forged = `${head}.${body}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(codeOf(() => tokens.verifyAccess(forged))).toBe('TOKEN_INVALID');
    const otherSecret = new TokenService(new JwtService({ secret: 'x'.repeat(40) }), config);
    expect(codeOf(() => tokens.verifyAccess(otherSecret.signAccess(worker).token))).toBe(
      'TOKEN_INVALID',
    );
  });
});
