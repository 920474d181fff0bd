import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { Actor, ALL_ROLES, Role } from './roles';

interface AccessClaims {
  exp?: number;
  sub: string;
  usr: string;
  role: Role;
  org: string | null;
  dst: string | null;
  str: string | null;
  wkr: string | null;
}

/** Verified access tokens kept in memory (about 0.5 KB each). */
const VERIFIED_KEPT = 20_000;

@Injectable()
export class TokenService {
  private readonly verified = new Map<string, { actor: Actor; expiresAtMs: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  signAccess(actor: Actor): { token: string; expiresIn: number } {
    const claims: AccessClaims = {
      sub: actor.accountId,
      usr: actor.username,
      role: actor.role,
      org: actor.orgId,
      dst: actor.districtId,
      str: actor.streetId,
      wkr: actor.workerId,
    };
    const expiresIn = this.config.auth.accessTtlSeconds;
    return { token: this.jwt.sign(claims, { expiresIn, algorithm: 'HS256' }), expiresIn };
  }

  verifyAccess(token: string): Actor {
    // a client sends the same token with every request until it expires: its signature and
    // claims are checked once, and the answer kept (by the whole token, until its expiry)
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return { ...known.actor };
    const { actor, expiresAtMs } = this.verifyAccessOnce(token);
    if (this.verified.size >= VERIFIED_KEPT) this.verified.clear();
    this.verified.set(token, { actor, expiresAtMs });
    return { ...actor };
  }

  private verifyAccessOnce(token: string): { actor: Actor; expiresAtMs: number } {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      if (err instanceof TokenExpiredError) {
        throw new DomainError(
          ErrorCode.TOKEN_EXPIRED,
          '访问令牌已过期 (access token expired)',
          401,
        );
      }
      throw new DomainError(ErrorCode.TOKEN_INVALID, '访问令牌无效 (invalid access token)', 401);
    }
    if (typeof claims.sub !== 'string' || !ALL_ROLES.includes(claims.role)) {
      throw new DomainError(ErrorCode.TOKEN_INVALID, '访问令牌无效 (invalid access token)', 401);
    }
    const actor: Actor = {
      accountId: claims.sub,
      username: claims.usr,
      role: claims.role,
      orgId: claims.org ?? null,
      districtId: claims.dst ?? null,
      streetId: claims.str ?? null,
      workerId: claims.wkr ?? null,
    };
    return { actor, expiresAtMs: typeof claims.exp === 'number' ? claims.exp * 1000 : 0 };
  }
}
