import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Rate-limits login per client IP and username, so one account cannot be brute-forced. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const body = (req.body ?? {}) as { username?: unknown };
    const user = typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
    return Promise.resolve(`${String(req.ip)}|${user}`);
  }
}
