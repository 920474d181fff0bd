import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { Account } from './account.entity';
import { MeDto, TokenPairDto } from './dto/auth.dto';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { RefreshToken } from './refresh-token.entity';
import { Actor, ROLE_SCOPE_KIND } from './roles';
import { SCOPE_RESOLVER, ScopeResolver } from './scope-resolver';
import { TokenService } from './token.service';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const invalidCredentials = (): DomainError =>
  new DomainError(
    ErrorCode.INVALID_CREDENTIALS,
    '用户名或密码错误 (wrong username or password)',
    401,
  );
const invalidRefresh = (): DomainError =>
  new DomainError(
    ErrorCode.REFRESH_TOKEN_INVALID,
    '刷新令牌无效或已过期 (refresh token invalid or expired)',
    401,
  );

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @Inject(SCOPE_RESOLVER) private readonly scopes: ScopeResolver,
  ) {}

  async login(username: string, password: string): Promise<TokenPairDto> {
    const name = username.trim().toLowerCase();
    const account = await this.dataSource.getRepository(Account).findOneBy({ username: name });
    const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!account || !ok) {
      await this.audit.recordStandalone(account ? this.auditActor(account) : null, {
        action: 'auth.login_failed',
        entityType: 'account',
        entityId: account?.id ?? null,
        data: { username: name, reason: account ? 'wrong_password' : 'unknown_username' },
      });
      throw invalidCredentials();
    }
    if (!account.active) {
      await this.audit.recordStandalone(this.auditActor(account), {
        action: 'auth.login_failed',
        entityType: 'account',
        entityId: account.id,
        data: { username: name, reason: 'account_disabled' },
      });
      throw new DomainError(ErrorCode.ACCOUNT_DISABLED, '账号已停用 (account disabled)', 403);
    }
    const actor = await this.actorFor(account);
    return this.dataSource.transaction(async (em) => {
      await em.update(Account, { id: account.id }, { lastLoginAt: new Date() });
      const pair = await this.issue(em, actor, randomUUID());
      await this.audit.record(em, actor, {
        action: 'auth.login',
        entityType: 'account',
        entityId: account.id,
      });
      return pair;
    });
  }

  /** Rotates a refresh token. Presenting a rotated (revoked) token revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const row = await em
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :h', { h: sha256(refreshToken) })
        .getOne();
      if (!row) throw invalidRefresh();
      if (row.revokedAt) {
        await em.update(
          RefreshToken,
          { familyId: row.familyId, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        await this.audit.record(em, null, {
          action: 'auth.refresh_reused',
          entityType: 'account',
          entityId: row.accountId,
          data: { familyId: row.familyId },
        });
        return { reused: true as const };
      }
      if (row.expiresAt.getTime() <= Date.now()) throw invalidRefresh();
      const account = await em.findOneBy(Account, { id: row.accountId });
      if (!account?.active) throw invalidRefresh();
      const actor = await this.actorFor(account);
      const pair = await this.issue(em, actor, row.familyId);
      const next = await em.findOneByOrFail(RefreshToken, { tokenHash: sha256(pair.refreshToken) });
      await em.update(
        RefreshToken,
        { id: row.id },
        { revokedAt: new Date(), replacedById: next.id },
      );
      return { reused: false as const, pair };
    });
    if (outcome.reused) {
      throw new DomainError(
        ErrorCode.REFRESH_TOKEN_REUSED,
        '刷新令牌已被使用，该登录的所有令牌已撤销 (refresh token reused; session revoked)',
        401,
      );
    }
    return outcome.pair;
  }

  /** The signed-in account with the names of its unit, district and street. */
  async me(actor: Actor): Promise<MeDto> {
    return { ...actor, ...(await this.scopes.units(actor)) };
  }

  /** Revokes the login (token family) the refresh token belongs to. Idempotent. */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const row = await em.findOneBy(RefreshToken, { tokenHash: sha256(refreshToken) });
      if (!row) return;
      await em.update(
        RefreshToken,
        { familyId: row.familyId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await this.audit.record(em, null, {
        action: 'auth.logout',
        entityType: 'account',
        entityId: row.accountId,
      });
    });
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const problem = passwordProblem(next);
    if (problem) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `newPassword: ${problem}`, 400, [
        { field: 'newPassword', problems: [problem] },
      ]);
    }
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: actor.accountId });
    if (!account || !(await verifyPassword(account.passwordHash, current))) {
      throw new DomainError(
        ErrorCode.INVALID_CREDENTIALS,
        'currentPassword: 当前密码错误 (wrong current password)',
        400,
      );
    }
    const hash = await hashPassword(next);
    await this.dataSource.transaction(async (em) => {
      await em.update(
        Account,
        { id: account.id },
        { passwordHash: hash, passwordChangedAt: new Date() },
      );
      await em.update(
        RefreshToken,
        { accountId: account.id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await this.audit.record(em, actor, {
        action: 'auth.password_changed',
        entityType: 'account',
        entityId: account.id,
      });
    });
  }

  /** Revokes every refresh token of an account (deactivation, admin reset). */
  async revokeAll(em: EntityManager, accountId: string): Promise<void> {
    await em.update(RefreshToken, { accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(em: EntityManager, actor: Actor, familyId: string): Promise<TokenPairDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.auth.refreshTtlDays * 86_400_000);
    await em.insert(RefreshToken, {
      accountId: actor.accountId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    const access = this.tokens.signAccess(actor);
    return {
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
      actor,
    };
  }

  private async actorFor(account: Account): Promise<Actor> {
    const actor: Actor = {
      accountId: account.id,
      username: account.username,
      role: account.role,
      orgId: account.scopeOrgId,
      districtId: null,
      streetId: null,
      workerId: account.workerId,
    };
    const expectedKind = ROLE_SCOPE_KIND[account.role];
    if (expectedKind && account.scopeOrgId) {
      const place = await this.scopes.placement(account.scopeOrgId);
      if (!place || place.kind !== expectedKind) {
        throw new DomainError(
          ErrorCode.ACCOUNT_DISABLED,
          '账号的管辖范围无效 (account scope is invalid)',
          403,
        );
      }
      if (!place.active) {
        throw new DomainError(
          ErrorCode.ACCOUNT_DISABLED,
          '账号所属单位已停用 (the account’s unit is deactivated)',
          403,
        );
      }
      actor.districtId = place.kind === 'district' ? place.id : place.districtId;
      actor.streetId = place.kind === 'street' ? place.id : place.streetId;
    } else if (expectedKind) {
      throw new DomainError(
        ErrorCode.ACCOUNT_DISABLED,
        '账号未绑定管辖范围 (account has no scope)',
        403,
      );
    }
    return actor;
  }

  private auditActor(account: Account): Pick<Actor, 'accountId' | 'username' | 'role'> {
    return { accountId: account.id, username: account.username, role: account.role };
  }
}
