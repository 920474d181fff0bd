import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import Redis from 'ioredis';

export interface RedisHandle {
  url: string;
  owned: boolean;
  stop(): Promise<void>;
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export const REDIS_INSTALL_HINT =
  'No Redis answers at 127.0.0.1:6379 and no redis-server is on PATH. Install Redis ' +
  '(Debian/Ubuntu: `apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_URL=redis://host:port.';

/**
 * REDIS_URL when given; otherwise 127.0.0.1:6379, starting a `redis-server`
 * from PATH (data under dataDir) when nothing answers there.
 */
export async function ensureRedis(
  url: string | undefined,
  dataDir: string,
  log: (m: string) => void,
): Promise<RedisHandle> {
  if (url) return { url, owned: false, stop: () => Promise.resolve() };
  if (await ping(DEFAULT_URL))
    return { url: DEFAULT_URL, owned: false, stop: () => Promise.resolve() };
  if (!onPath('redis-server')) throw new Error(REDIS_INSTALL_HINT);
  mkdirSync(dataDir, { recursive: true });
  log(`starting redis-server on 127.0.0.1:6379 (data: ${dataDir})`);
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      '6379',
      '--dir',
      dataDir,
      '--appendonly',
      'yes',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 50; i++) {
    if (await ping(DEFAULT_URL)) {
      return {
        url: DEFAULT_URL,
        owned: true,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on 127.0.0.1:6379. ${REDIS_INSTALL_HINT}`);
}
