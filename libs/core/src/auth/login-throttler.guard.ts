import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import type { Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** Login attempts for one username, from any address (LOGIN_RATE_LIMIT). */
export const LOGIN_PER_ACCOUNT = 'login-account';
/** Login attempts from one client address, for any username (LOGIN_RATE_LIMIT_PER_IP). */
export const LOGIN_PER_ADDRESS = 'login-address';

/** The account a login attempt is for: its username as logins match it (trimmed, any case). */
export function loginAccountKey(body: unknown): string {
  const username = (body as { username?: unknown } | null | undefined)?.username;
  return typeof username === 'string' ? username.trim().toLowerCase() : '';
}

/**
 * Two limits on login, both counted in Redis (shared by every API instance)
 * over a fixed window: per username across addresses, so that one account
 * cannot be brute-forced from many addresses, and per client address across
 * usernames, so that one address cannot try many accounts. The address is
 * `req.ip`, which follows TRUST_PROXY (IPv6 addresses grouped by /64). A
 * refused attempt answers 429 RATE_LIMITED with Retry-After; the limit lifts
 * by itself when the window has passed.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name === LOGIN_PER_ACCOUNT) {
      const byAccount = (req: Record<string, unknown>): string =>
        `account:${loginAccountKey(req.body)}`;
      return super.handleRequest({ ...request, getTracker: byAccount });
    }
    return super.handleRequest(request);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    const account = detail.tracker.startsWith('account:');
    throw new DomainError(
      ErrorCode.RATE_LIMITED,
      account
        ? `该账号登录尝试过于频繁，请 ${retryAfter} 秒后再试 (too many sign-in attempts for this account; retry in ${retryAfter} s)`
        : `该地址登录尝试过于频繁，请 ${retryAfter} 秒后再试 (too many sign-in attempts from this address; retry in ${retryAfter} s)`,
      429,
      { retryAfterSeconds: retryAfter, limit: account ? 'account' : 'address' },
    );
  }
}
