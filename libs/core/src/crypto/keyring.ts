import { Logger } from '@nestjs/common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { generateKeyring, PiiCipher, PiiKeyring } from './pii-cipher';

interface KeyFile {
  activeKeyId: string;
  keys: Record<string, string>;
  indexKey: string;
}

function fromFile(json: KeyFile): PiiKeyring {
  return {
    activeKeyId: json.activeKeyId,
    keys: Object.fromEntries(
      Object.entries(json.keys).map(([id, b64]) => [id, Buffer.from(b64, 'base64')]),
    ),
    indexKey: Buffer.from(json.indexKey, 'base64'),
  };
}

/**
 * The development keyring: read from the data directory, or generated there on
 * first start (file mode 0600; exclusive create, so an API and a worker
 * starting together end up with the same keys).
 */
export function devKeyring(path: string): PiiKeyring {
  try {
    return fromFile(JSON.parse(readFileSync(path, 'utf8')) as KeyFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const ring = generateKeyring();
  const file: KeyFile = {
    activeKeyId: ring.activeKeyId,
    keys: Object.fromEntries(
      Object.entries(ring.keys).map(([id, k]) => [id, k.toString('base64')]),
    ),
    indexKey: ring.indexKey.toString('base64'),
  };
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(path, JSON.stringify(file, null, 2), { mode: 0o600, flag: 'wx' });
    new Logger('Crypto').warn(
      `generated a development key for personal data in ${path}: back it up with the database; ` +
        'set PII_KEYS and PII_INDEX_KEY in production',
    );
    return ring;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return fromFile(JSON.parse(readFileSync(path, 'utf8')) as KeyFile);
  }
}

export function keyringOf(config: AppConfig): PiiKeyring {
  const { keys, activeKeyId, indexKey, keyFile } = config.pii;
  if (keys && indexKey) return { keys, activeKeyId: activeKeyId!, indexKey };
  return devKeyring(keyFile);
}

const cache = new WeakMap<AppConfig, PiiCipher>();

/** The cipher of this configuration (one per process; migrations and services share it). */
export function piiCipher(config: AppConfig): PiiCipher {
  let c = cache.get(config);
  if (!c) {
    c = new PiiCipher(keyringOf(config));
    cache.set(config, c);
  }
  return c;
}
