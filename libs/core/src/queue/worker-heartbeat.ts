import type Redis from 'ioredis';
import { hostname } from 'node:os';

/** Every worker process records when it was last alive; readiness reads it. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A worker not seen for this long counts as gone. */
export const WORKER_SEEN_WITHIN_MS = 60_000;

export const heartbeatKey = (prefix: string): string => `${prefix}:workers:seen`;

export const workerIdentity = (): string => `${hostname()}:${process.pid}`;

export async function beat(redis: Redis, prefix: string, now = Date.now()): Promise<void> {
  await redis
    .multi()
    .zadd(heartbeatKey(prefix), now, workerIdentity())
    .zremrangebyscore(heartbeatKey(prefix), 0, now - 10 * WORKER_SEEN_WITHIN_MS)
    .pexpire(heartbeatKey(prefix), 10 * WORKER_SEEN_WITHIN_MS)
    .exec();
}

/** Worker processes seen within the last minute, with the age of their last beat. */
export async function workersSeen(
  redis: Redis,
  prefix: string,
  now = Date.now(),
): Promise<{ id: string; ageMs: number }[]> {
  const rows = await redis.zrangebyscore(
    heartbeatKey(prefix),
    now - WORKER_SEEN_WITHIN_MS,
    '+inf',
    'WITHSCORES',
  );
  const out: { id: string; ageMs: number }[] = [];
  for (let i = 0; i < rows.length; i += 2)
    out.push({ id: rows[i], ageMs: now - Number(rows[i + 1]) });
  return out;
}

export async function forget(redis: Redis, prefix: string): Promise<void> {
  await redis.zrem(heartbeatKey(prefix), workerIdentity());
}
