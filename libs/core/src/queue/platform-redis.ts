import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { resolveRedisUrl } from './redis-url';
import { redisConnectionOptions } from './redis-options';

/**
 * One plain Redis connection per process for the platform's own keys
 * (worker heartbeats, readiness). Commands fail fast while Redis is away
 * (one retry) and the client reconnects by itself.
 */
@Injectable()
export class PlatformRedis implements OnApplicationShutdown {
  private client?: Promise<Redis>;

  constructor(private readonly config: AppConfig) {}

  get(): Promise<Redis> {
    this.client ??= resolveRedisUrl(this.config).then((url) => {
      const redis = new Redis({
        ...redisConnectionOptions(url),
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectionName: `${this.config.queue.prefix}:platform`,
      });
      redis.on('error', () => undefined); // reported through readiness and the callers' errors
      // without an offline queue, commands sent before the first connection would fail
      return new Promise<Redis>((done) => {
        const timer = setTimeout(() => done(redis), 3000);
        redis.once('ready', () => {
          clearTimeout(timer);
          done(redis);
        });
      });
    });
    return this.client;
  }

  async onApplicationShutdown(): Promise<void> {
    const c = await this.client?.catch(() => undefined);
    this.client = undefined;
    c?.disconnect();
  }
}
