import { generateKeyring, PiiCipher } from '../crypto/pii-cipher';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import type { S3Config } from './backends/s3-backend';
import { s3ClientConfig } from './backends/s3-backend';
import { FileStore } from './file-store';
import { SAMPLES, xlsxOf } from './testing/samples';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function keys(store: FileStore, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for await (const k of store.list(prefix)) out.push(k);
  return out.sort();
}

async function hashOf(stream: Readable): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const c of stream as AsyncIterable<Buffer>) {
    h.update(c);
    size += c.length;
  }
  return { sha256: h.digest('hex'), size };
}

/** `rows` CSV lines of 100 bytes, produced on demand (nothing held in memory). */
function csvStream(rows: number): Readable {
  let i = 0;
  const line = Buffer.from(`${'张三,110101199003071234,'.padEnd(97, 'x')}\r\n`);
  return new Readable({
    read() {
      if (i === 0) this.push(Buffer.from('\uFEFF姓名,身份证号,备注\r\n'));
      const batch: Buffer[] = [];
      for (let n = 0; n < 1000 && i < rows; n++, i++) batch.push(line);
      this.push(batch.length ? Buffer.concat(batch) : null);
    },
  });
}

/**
 * The S3 backend against a real S3-compatible server: s3rver (npm), in-process on
 * 127.0.0.1, which checks request signatures and supports multipart uploads.
 */
describe('FileStore on an S3-compatible bucket (s3rver)', () => {
  let server: S3rver;
  let dir: string;
  let config: S3Config;
  let store: FileStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'peixun-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory: dir,
      silent: true,
      configureBuckets: [{ name: 'peixun-files' }],
    });
    const { port } = await server.run();
    config = {
      backend: 's3',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      bucket: 'peixun-files',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    };
    store = FileStore.fromConfig(config, new PiiCipher(generateKeyring()));
  });
  afterAll(async () => {
    await store.onApplicationShutdown();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts, reads, lists and deletes objects', async () => {
    const f = await store.put(SAMPLES.png, 'institution-document');
    expect(f).toMatchObject({
      sha256: sha256(SAMPLES.png),
      size: SAMPLES.png.length,
      mime: 'image/png',
    });
    expect(store.backendName).toBe('s3');
    await expect(store.getBuffer(f.key)).resolves.toEqual(SAMPLES.png);
    await expect(store.exists(f.key)).resolves.toBe(true);
    expect(await keys(store, 'institution-document/')).toEqual([f.key]);
    await store.delete(f.key);
    await expect(store.exists(f.key)).resolves.toBe(false);
    await expect(store.get(f.key)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('streams a 20 MB file as a multipart upload, hashing it on the way', async () => {
    const rows = 200_000;
    const f = await store.put(csvStream(rows), 'roster-export');
    expect(f.type).toBe('csv');
    const expected = await hashOf(csvStream(rows));
    expect({ sha256: f.sha256, size: f.size }).toEqual(expected);
    expect(f.size).toBeGreaterThan(2 * 8 * 1024 * 1024);
    await expect(hashOf(await store.get(f.key))).resolves.toEqual(expected);
    await store.delete(f.key);
  });

  it('tells a streamed workbook from its end', async () => {
    const bytes = xlsxOf(10 * 1024 * 1024);
    const f = await store.put(
      Readable.from([bytes.subarray(0, 5e6), bytes.subarray(5e6)]),
      'roster-import',
    );
    expect(f.type).toBe('xlsx');
    await store.delete(f.key);
  });

  it('stops a multipart upload at the size limit: 413, and no object appears', async () => {
    const before = await keys(store);
    // 30 MB of CSV against the 20 MB limit of roster uploads
    await expect(store.put(csvStream(300_000), 'roster-import')).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
    });
    expect(await keys(store)).toEqual(before);
  });

  it('refuses a type the kind does not take: 415, and no object appears', async () => {
    const before = await keys(store);
    await expect(store.put(SAMPLES.exe, 'institution-document')).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(await keys(store)).toEqual(before);
  });

  it('probes the bucket', async () => {
    await expect(store.probe()).resolves.toMatchObject({ ok: true, backend: 's3' });
    expect(await keys(store, 'probe/')).toEqual([]);
  });

  it('probes a bucket that does not exist as not ok, naming the S3 error only', async () => {
    const missing = FileStore.fromConfig({ ...config, bucket: 'no-such-bucket' });
    const p = await missing.probe();
    expect(p).toMatchObject({ ok: false, backend: 's3', error: 'NoSuchBucket' });
    await missing.onApplicationShutdown();
  });

  it('builds its client for S3-compatible services', () => {
    expect(s3ClientConfig(config)).toMatchObject({
      endpoint: config.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });
});
