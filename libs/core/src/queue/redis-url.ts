import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ensureRedis, RedisHandle } from './redis';

let handle: Promise<RedisHandle> | undefined;

/** The Redis URL for this process (REDIS_URL, 127.0.0.1:6379, or a redis-server started from PATH). */
export async function resolveRedisUrl(config: AppConfig): Promise<string> {
  const logger = new Logger('Redis');
  handle ??= ensureRedis(config.redis.url, config.redis.dataDir, (m) => logger.log(m));
  return (await handle).url;
}

export async function stopOwnedRedis(): Promise<void> {
  if (!handle) return;
  const h = await handle.catch(() => undefined);
  handle = undefined;
  if (h?.owned) await h.stop();
}
