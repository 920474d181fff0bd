import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import type { EmbeddedPostgresHandle, RedisHandle } from '../../libs/core/src';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  const db = g.__PEIXUN_TEST_DB__ as { serverUrl: string; database: string } | undefined;
  if (db && process.env.KEEP_TEST_DB !== '1') {
    const admin = new Client({ connectionString: db.serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${db.database} with (force)`);
    await admin.end();
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix?.startsWith('peixun-test-')) {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      lazyConnect: true,
    });
    await redis.connect();
    let cursor = '0';
    do {
      // `${prefix}*`: also the prefixes of scratch databases (`${prefix}-fuzz`)
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
  const filesDir = process.env.FILE_STORE_DIR;
  if (
    filesDir &&
    basename(filesDir).startsWith('peixun-test-files-') &&
    process.env.KEEP_TEST_DB !== '1'
  ) {
    rmSync(filesDir, { recursive: true, force: true });
  }
  const ownedRedis = g.__PEIXUN_REDIS__ as RedisHandle | undefined;
  if (ownedRedis?.owned) await ownedRedis.stop();
  const pg = g.__PEIXUN_PG__ as EmbeddedPostgresHandle | undefined;
  if (pg?.owned) await pg.stop();
}
