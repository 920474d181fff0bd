import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  DecipherGCM,
  randomBytes,
} from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';

/**
 * Encryption of sensitive personal information (PIPL: resident ID numbers,
 * phone numbers) at rest, and the keyed blind index that finds it again.
 *
 * Sealed value layout (bytea): `0x01 | len(keyId) | keyId (ASCII) | iv (12) | tag (16) | ciphertext`.
 * The key id travels with the value, so old values stay readable after a key
 * rotation and the rotation job can find them by their prefix. The column
 * name is bound in as additional authenticated data: a value copied into
 * another column does not decrypt.
 */
export interface PiiKeyring {
  /** Data keys by id (32 bytes each, AES-256-GCM). */
  keys: Record<string, Buffer>;
  /** The key new values are sealed with. */
  activeKeyId: string;
  /** HMAC-SHA256 key of the blind index (≥ 32 bytes). */
  indexKey: Buffer;
}

const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export class PiiDecryptError extends Error {
  constructor(reason: string) {
    super(`sealed value cannot be opened: ${reason}`);
    this.name = 'PiiDecryptError';
  }
}

export class PiiCipher {
  private readonly activeKey: Buffer;

  constructor(private readonly ring: PiiKeyring) {
    const key = ring.keys[ring.activeKeyId];
    if (!key) throw new Error(`PII active key "${ring.activeKeyId}" is not among the keys`);
    for (const [id, k] of Object.entries(ring.keys)) {
      if (!KEY_ID_PATTERN.test(id))
        throw new Error(`PII key id "${id}" is not 1-32 of [A-Za-z0-9_-]`);
      if (k.length !== 32) throw new Error(`PII key "${id}" must be 32 bytes (it has ${k.length})`);
    }
    if (ring.indexKey.length < 32) throw new Error('PII index key must be at least 32 bytes');
    this.activeKey = key;
  }

  get activeKeyId(): string {
    return this.ring.activeKeyId;
  }

  /** The bytes every value sealed with the active key starts with. */
  activePrefix(): Buffer {
    return header(this.ring.activeKeyId);
  }

  /** Seals `plain` for the column `field` (e.g. `worker.id_number`). */
  seal(field: string, plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.activeKey, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([header(this.ring.activeKeyId), iv, cipher.getAuthTag(), body]);
  }

  /** Opens a value sealed for `field`. Throws PiiDecryptError (never showing the value). */
  open(field: string, sealed: Buffer): string {
    const { keyId, offset } = parseHeader(sealed);
    const key = this.ring.keys[keyId];
    if (!key) throw new PiiDecryptError(`unknown key id "${keyId}"`);
    if (sealed.length < offset + IV_BYTES + TAG_BYTES) throw new PiiDecryptError('truncated');
    const iv = sealed.subarray(offset, offset + IV_BYTES);
    const tag = sealed.subarray(offset + IV_BYTES, offset + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(field, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([
        decipher.update(sealed.subarray(offset + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new PiiDecryptError(`authentication failed for ${field}`);
    }
  }

  /** Re-seals with the active key when the value was sealed with another one; null when current. */
  reseal(field: string, sealed: Buffer): Buffer | null {
    if (parseHeader(sealed).keyId === this.ring.activeKeyId) return null;
    return this.seal(field, this.open(field, sealed));
  }

  /**
   * A stream that seals what passes through (files holding personal data,
   * e.g. rosters): the same layout as seal(), the tag at the end.
   */
  sealStream(field: string): Transform {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.activeKey, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    let started = false;
    const head = Buffer.concat([header(this.ring.activeKeyId), iv]);
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        const out = cipher.update(chunk);
        if (!started) {
          started = true;
          return done(null, Buffer.concat([head, out]));
        }
        done(null, out);
      },
      flush(done: TransformCallback) {
        const tail = Buffer.concat([cipher.final(), cipher.getAuthTag()]);
        done(null, started ? tail : Buffer.concat([head, tail]));
      },
    });
  }

  /**
   * Opens a stream made by sealStream(field). The tag is checked at the end: a
   * tampered or truncated object makes the stream fail (PiiDecryptError) there.
   */
  openStream(field: string): Transform {
    const ring = this.ring;
    let pending = Buffer.alloc(0);
    let decipher: DecipherGCM | null = null;
    return new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        try {
          if (!decipher) {
            if (pending.length < 2 || pending.length < 2 + pending[1] + IV_BYTES) return done();
            const { keyId, offset } = parseHeader(pending);
            const key = ring.keys[keyId];
            if (!key) throw new PiiDecryptError(`unknown key id "${keyId}"`);
            decipher = createDecipheriv(
              'aes-256-gcm',
              key,
              pending.subarray(offset, offset + IV_BYTES),
            );
            decipher.setAAD(Buffer.from(field, 'utf8'));
            pending = pending.subarray(offset + IV_BYTES);
          }
          // the last TAG_BYTES may be the tag: hold them back
          if (pending.length <= TAG_BYTES) return done();
          const body = pending.subarray(0, pending.length - TAG_BYTES);
          pending = pending.subarray(pending.length - TAG_BYTES);
          done(null, decipher.update(body));
        } catch (err) {
          done(err as Error);
        }
      },
      flush(done: TransformCallback) {
        try {
          if (!decipher || pending.length !== TAG_BYTES) throw new PiiDecryptError('truncated');
          decipher.setAuthTag(pending);
          done(null, decipher.final());
        } catch (err) {
          done(
            err instanceof PiiDecryptError
              ? err
              : new PiiDecryptError(`authentication failed for ${field}`),
          );
        }
      },
    });
  }

  /**
   * Keyed blind index: equal inputs give equal 32-byte digests, so a unique
   * index and exact look-ups work without the plaintext. `kind` separates
   * domains (an ID number and a phone never share a digest).
   */
  blindIndex(kind: string, normalised: string): Buffer {
    return createHmac('sha256', this.ring.indexKey).update(`${kind}\u0000${normalised}`).digest();
  }
}

function header(keyId: string): Buffer {
  const id = Buffer.from(keyId, 'ascii');
  return Buffer.concat([Buffer.from([VERSION, id.length]), id]);
}

export function parseHeader(sealed: Buffer): { keyId: string; offset: number } {
  if (!Buffer.isBuffer(sealed) || sealed.length < 2 || sealed[0] !== VERSION)
    throw new PiiDecryptError('not a sealed value');
  const len = sealed[1];
  if (sealed.length < 2 + len) throw new PiiDecryptError('truncated');
  return { keyId: sealed.subarray(2, 2 + len).toString('ascii'), offset: 2 + len };
}

/** A new random keyring (development: written to the data directory on first start). */
export function generateKeyring(keyId = 'k1'): PiiKeyring {
  return { keys: { [keyId]: randomBytes(32) }, activeKeyId: keyId, indexKey: randomBytes(32) };
}
