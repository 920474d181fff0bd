import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pipeline, Readable, Transform, TransformCallback } from 'node:stream';
import type { FileStoreConfig } from '../config/file-store-config';
import { FileBackend } from './backends/file-backend';
import { LocalFileBackend } from './backends/local-backend';
import { S3FileBackend } from './backends/s3-backend';
import {
  FILE_KINDS,
  FILE_TYPES,
  fileEmpty,
  FileKind,
  fileTooLarge,
  FileType,
  fileTypeRefused,
  isSealedKind,
} from './file-kinds';
import type { PiiCipher } from '../crypto/pii-cipher';
import { judgeHead, judgeZipTail, SNIFF_HEAD_BYTES, SNIFF_TAIL_BYTES } from './sniff';

/** What a row keeps of a stored file. */
export interface StoredFile {
  /** Opaque, content-independent: `<kind>/<yyyy>/<mm>/<uuid>`. */
  key: string;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  size: number;
  /** From the bytes, not from the client's Content-Type or file name. */
  mime: string;
  type: FileType | null;
}

export interface ProbeResult {
  ok: boolean;
  backend: 'local' | 's3';
  /** Write, read back and delete of a 16-byte object. */
  latencyMs: number;
  /** A short code (EACCES, ENOSPC, NoSuchBucket, timeout …), never a path or a secret. */
  error?: string;
}

const KEY = /^[a-z][a-z0-9-]{0,39}(\/[a-z0-9][a-z0-9-]{0,63}){1,4}$/;
// each segment ends in `/` or at the end: no ambiguity, no catastrophic backtracking
const PREFIX = /^(?:[a-z0-9][a-z0-9-]*(?:\/|$))*$/;
const CHUNK = 64 * 1024;

/** Refuses anything that is not a key this store made (keys never come from users). */
export function assertFileKey(key: string): void {
  if (!KEY.test(key)) throw new TypeError('invalid file key');
}

/** `<kind>/<yyyy>/<mm>/<uuid>` (UTC month: it only spreads objects over directories). */
export function newFileKey(kind: FileKind, now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${kind}/${now.getUTCFullYear()}/${month}/${randomUUID()}`;
}

function* slices(buf: Buffer): Generator<Buffer> {
  for (let at = 0; at < buf.length; at += CHUNK) yield buf.subarray(at, at + CHUNK);
}

async function readAll(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new Error(`file larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function shortError(err: unknown): string {
  const e = err as { code?: unknown; name?: unknown } | undefined;
  if (typeof e?.code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(e.code)) return e.code;
  if (typeof e?.name === 'string' && e.name !== 'Error') return e.name.slice(0, 40);
  return 'error';
}

/**
 * Hashes and counts the bytes on their way to the backend, stops at the kind's size
 * limit, and holds back the first bytes until their type is judged. A zip is judged
 * again at the end (from its central directory) before the stream ends, so a refused
 * file never becomes a complete object.
 */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  // (not `size`: the S3 uploader would take a stream's `size` for its total length)
  byteCount = 0;
  type: FileType | null = null;
  failure: unknown = null;
  private head: Buffer[] = [];
  private headLength = 0;
  private judged = false;
  private zip = false;
  private tail: Buffer[] = [];
  private tailLength = 0;

  constructor(
    private readonly kind: FileKind,
    private readonly fileName: string | undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.byteCount += chunk.length;
    if (this.byteCount > FILE_KINDS[this.kind].maxBytes)
      return done(this.fail(fileTooLarge(this.kind)));
    this.hash.update(chunk);
    this.keepTail(chunk);
    if (this.judged) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_HEAD_BYTES) return done();
    this.judge(false).then(
      () => done(),
      (err: unknown) => done(this.fail(err)),
    );
  }

  override _flush(done: TransformCallback): void {
    const finish = async (): Promise<void> => {
      if (this.byteCount === 0) throw fileEmpty(this.kind);
      if (!this.judged) await this.judge(true);
      if (this.zip) {
        const verdict = judgeZipTail(this.kind, Buffer.concat(this.tail));
        if (verdict.result === 'refused') throw fileTypeRefused(this.kind, verdict.detected);
        this.type = verdict.type;
      }
    };
    finish().then(
      () => done(),
      (err: unknown) => done(this.fail(err)),
    );
  }

  private async judge(complete: boolean): Promise<void> {
    const head = this.head.length === 1 ? this.head[0] : Buffer.concat(this.head);
    const verdict = await judgeHead(
      this.kind,
      head.subarray(0, SNIFF_HEAD_BYTES),
      complete,
      this.fileName,
    );
    if (verdict.result === 'refused') throw fileTypeRefused(this.kind, verdict.detected);
    if (verdict.result === 'zip') this.zip = true;
    else this.type = verdict.type;
    this.judged = true;
    this.head = [];
    this.push(head);
  }

  private keepTail(chunk: Buffer): void {
    this.tail.push(chunk);
    this.tailLength += chunk.length;
    while (this.tail.length > 1 && this.tailLength - this.tail[0].length >= SNIFF_TAIL_BYTES) {
      this.tailLength -= this.tail.shift()!.length;
    }
  }

  private fail(err: unknown): Error {
    this.failure = err;
    return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * The platform's one file store (ARCHITECTURE.md, "Shared parts"). Rows keep the key
 * and the SHA-256; the bytes live in a local directory (default) or an S3-compatible
 * bucket. Every put is checked against its kind (libs/core/src/files/file-kinds.ts):
 * the type is sniffed from the bytes and the size limit holds while streaming.
 *
 * Objects are written before the row that references them is committed, and old
 * objects are deleted only after the change that dropped them has committed
 * (`discard`). A crash between the two leaves an unreferenced object: harmless, never
 * a row pointing at nothing.
 */
export class FileStore implements OnApplicationShutdown {
  private readonly logger = new Logger('FileStore');

  constructor(
    private readonly backend: FileBackend,
    private readonly sealer?: PiiCipher,
  ) {}

  /** `sealer` seals the kinds that hold personal data (file-kinds.ts `sealed`). */
  static fromConfig(config: FileStoreConfig, sealer?: PiiCipher): FileStore {
    return new FileStore(
      config.backend === 's3' ? new S3FileBackend(config) : new LocalFileBackend(config.dir),
      sealer,
    );
  }

  /** The stream the backend stores: sealed for kinds holding personal data. */
  private outgoing(key: string, plain: Readable): Readable {
    const kind = key.slice(0, key.indexOf('/'));
    if (!isSealedKind(kind)) return plain;
    if (!this.sealer)
      throw new Error(`file kind ${kind} is stored sealed: the store needs the cipher`);
    const sealed = this.sealer.sealStream(`file:${key}`);
    pipeline(plain, sealed, () => undefined);
    return sealed;
  }

  get backendName(): 'local' | 's3' {
    return this.backend.name;
  }

  /**
   * Stores the bytes as a new object of `kind`. Refuses (and leaves nothing behind) a
   * file over the kind's limit (413 PAYLOAD_TOO_LARGE), of a type the kind does not
   * take (415 UNSUPPORTED_MEDIA_TYPE), or empty (400). `fileName` only tells Word from
   * Excel 97-2003, whose bytes look alike.
   */
  async put(
    source: Readable | Buffer,
    kind: FileKind,
    opts: { fileName?: string } = {},
  ): Promise<StoredFile> {
    if (Buffer.isBuffer(source) && source.length > FILE_KINDS[kind].maxBytes) {
      throw fileTooLarge(kind);
    }
    const key = newFileKey(kind);
    const input = Buffer.isBuffer(source) ? Readable.from(slices(source)) : source;
    const inspector = new Inspector(kind, opts.fileName);
    // an error anywhere destroys both streams, and the backend's write sees it
    pipeline(input, inspector, () => undefined);
    try {
      await this.backend.write(key, this.outgoing(key, inspector));
    } catch (err) {
      input.destroy();
      inspector.destroy();
      // the backends leave nothing on failure; this covers a failure after the bytes landed
      await this.backend.remove(key).catch(() => undefined);
      throw inspector.failure ?? err;
    }
    return {
      key,
      sha256: inspector.hash.digest('hex'),
      size: inspector.byteCount,
      mime: inspector.type ? FILE_TYPES[inspector.type].mime : 'application/octet-stream',
      type: inspector.type,
    };
  }

  /**
   * Stores bytes that were accepted before the store checked types and sizes (moving
   * them out of the database): never refuses; the type is sniffed where it can be.
   */
  async putLegacy(
    content: Buffer,
    kind: FileKind,
    opts: { fileName?: string; mime?: string } = {},
  ): Promise<StoredFile> {
    let type: FileType | null = null;
    try {
      const head = await judgeHead(
        kind,
        content.subarray(0, SNIFF_HEAD_BYTES),
        content.length <= SNIFF_HEAD_BYTES,
        opts.fileName,
      );
      if (head.result === 'accepted') type = head.type;
      else if (head.result === 'zip') {
        const tail = judgeZipTail(kind, content.subarray(-SNIFF_TAIL_BYTES));
        if (tail.result === 'accepted') type = tail.type;
      }
    } catch {
      // unknown bytes keep the MIME type recorded with them
    }
    const key = newFileKey(kind);
    await this.backend.write(key, this.outgoing(key, Readable.from(slices(content))));
    return {
      key,
      sha256: createHash('sha256').update(content).digest('hex'),
      size: content.length,
      mime: type ? FILE_TYPES[type].mime : (opts.mime ?? 'application/octet-stream'),
      type,
    };
  }

  /** The object's bytes as a stream (404 NOT_FOUND when there is none); sealed kinds opened. */
  async get(key: string): Promise<Readable> {
    assertFileKey(key);
    const raw = await this.backend.read(key);
    const kind = key.slice(0, key.indexOf('/'));
    if (!isSealedKind(kind)) return raw;
    if (!this.sealer)
      throw new Error(`file kind ${kind} is stored sealed: the store needs the cipher`);
    const opened = this.sealer.openStream(`file:${key}`);
    pipeline(raw, opened, () => undefined);
    return opened;
  }

  /** The stored bytes as they are (sealed kinds stay sealed): for backups. */
  async getStored(key: string): Promise<Readable> {
    assertFileKey(key);
    return this.backend.read(key);
  }

  /**
   * Writes stored bytes back under their own key (restore from a backup only: the
   * archive's hashes were checked by the caller; sealed objects stay as they were).
   * Normal writes go through put().
   */
  async restore(key: string, source: Readable): Promise<void> {
    assertFileKey(key);
    await this.backend.write(key, source);
  }

  /** The object's bytes in memory, for files that are parsed whole (rosters); refuses larger ones. */
  async getBuffer(key: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
    return readAll(await this.get(key), maxBytes);
  }

  async exists(key: string): Promise<boolean> {
    assertFileKey(key);
    return this.backend.exists(key);
  }

  /** Deletes the object now. Call it only after the change that dropped the key has committed. */
  async delete(key: string): Promise<void> {
    assertFileKey(key);
    await this.backend.remove(key);
  }

  /**
   * Deletes objects no row references any more (after the commit that dropped them, or
   * after a failed transaction that would have referenced them). Never throws: a failure
   * leaves an unreferenced object behind and is logged.
   */
  async discard(...keys: (string | null | undefined)[]): Promise<void> {
    for (const key of keys) {
      if (!key) continue;
      try {
        await this.delete(key);
      } catch (err) {
        this.logger.warn({ key, error: shortError(err) }, 'could not delete a file; left orphaned');
      }
    }
  }

  /** Every key that starts with `prefix` (e.g. `plan-pdf/2026/`), for backups and sweeps. */
  list(prefix = ''): AsyncIterable<string> {
    if (prefix.length > 200 || !PREFIX.test(prefix)) throw new TypeError('invalid key prefix');
    return this.backend.list(prefix);
  }

  /**
   * Writes, reads back and deletes a tiny object: whether the store is writable now, and
   * how long that took. Never throws (for readiness checks).
   */
  async probe(timeoutMs = 2000): Promise<ProbeResult> {
    const started = performance.now();
    const key = `probe/${randomUUID()}`;
    const bytes = randomBytes(16);
    const attempt = async (): Promise<void> => {
      try {
        await this.backend.write(key, Readable.from([bytes]));
        const back = await readAll(await this.backend.read(key), 1024);
        if (!back.equals(bytes)) throw Object.assign(new Error('mismatch'), { code: 'MISMATCH' });
      } finally {
        await this.backend.remove(key).catch(() => undefined);
      }
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(Object.assign(new Error('timeout'), { code: 'timeout' })),
        timeoutMs,
      );
      timer.unref();
    });
    const latency = (): number => Math.round((performance.now() - started) * 10) / 10;
    try {
      await Promise.race([attempt(), timeout]);
      return { ok: true, backend: this.backend.name, latencyMs: latency() };
    } catch (err) {
      return {
        ok: false,
        backend: this.backend.name,
        latencyMs: latency(),
        error: shortError(err),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.backend.close();
  }
}
