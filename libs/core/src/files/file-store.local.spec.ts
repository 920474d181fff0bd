import { readFileSync } from 'node:fs';
import { generateKeyring, PiiCipher } from '../crypto/pii-cipher';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileNotFoundError } from './backends/file-backend';
import { LocalFileBackend } from './backends/local-backend';
import { FILE_KINDS } from './file-kinds';
import { FileStore } from './file-store';
import { SAMPLES, xlsxOf } from './testing/samples';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

async function keys(store: FileStore, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for await (const k of store.list(prefix)) out.push(k);
  return out;
}

/** Every file under `dir`, temporary ones included. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** A stream that starts with `head` and then produces filler until it is destroyed; counts what it produced. */
function endless(head: Buffer): { stream: Readable; produced: () => number } {
  let produced = 0;
  const filler = Buffer.alloc(64 * 1024, 0x20);
  const stream = new Readable({
    read() {
      const chunk = produced === 0 ? Buffer.concat([head, filler]) : filler;
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

describe('FileStore on a local directory', () => {
  let dir: string;
  let store: FileStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'peixun-files-spec-'));
    store = FileStore.fromConfig({ backend: 'local', dir }, new PiiCipher(generateKeyring()));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores a buffer under an opaque key with its hash, size and sniffed type, owner-only', async () => {
    const f = await store.put(SAMPLES.pdf, 'institution-document', { fileName: '../../etc/x.pdf' });
    expect(f.key).toMatch(/^institution-document\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(f).toMatchObject({
      sha256: sha256(SAMPLES.pdf),
      size: SAMPLES.pdf.length,
      mime: 'application/pdf',
      type: 'pdf',
    });
    await expect(collect(await store.get(f.key))).resolves.toEqual(SAMPLES.pdf);
    await expect(store.getBuffer(f.key)).resolves.toEqual(SAMPLES.pdf);
    await expect(store.exists(f.key)).resolves.toBe(true);
    const [path] = filesUnder(dir);
    expect(path).toBe(join(dir, ...f.key.split('/')));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes again into a directory that was removed after its first file', async () => {
    const first = await store.put(SAMPLES.pdf, 'institution-document');
    // the month's directory goes away (a clean-up, a restore) while the process runs
    rmSync(join(dir, 'institution-document'), { recursive: true, force: true });
    const second = await store.put(SAMPLES.pdf, 'institution-document');
    await expect(store.getBuffer(second.key)).resolves.toEqual(SAMPLES.pdf);
    await expect(store.exists(first.key)).resolves.toBe(false);
    expect(statSync(join(dir, ...second.key.split('/').slice(0, -1))).mode & 0o777).toBe(0o700);
  });

  it('keeps a roster (personal data) sealed on disk, opens it through the store only', async () => {
    const id = '110101199003076632';
    const csv = Buffer.from(`\uFEFF姓名,身份证号,联系电话\r\n张三,${id},13800001234\r\n`, 'utf8');
    const f = await store.put(csv, 'roster-import', { fileName: 'r.csv' });
    expect(f).toMatchObject({ sha256: sha256(csv), size: csv.length, type: 'csv' });
    const [path] = filesUnder(dir);
    const onDisk = readFileSync(path);
    expect(onDisk.includes(Buffer.from(id))).toBe(false);
    expect(onDisk.includes(Buffer.from('13800001234'))).toBe(false);
    await expect(collect(await store.get(f.key))).resolves.toEqual(csv);
    await expect(collect(await store.getStored(f.key))).resolves.toEqual(onDisk);
    // an institution document is not personal data: stored as it is
    const doc = await store.put(SAMPLES.pdf, 'institution-document');
    expect(readFileSync(join(dir, ...doc.key.split('/')))).toEqual(SAMPLES.pdf);
    // without the cipher, a sealed kind is refused rather than written in the clear
    const plain = FileStore.fromConfig({ backend: 'local', dir });
    await expect(plain.put(csv, 'roster-import')).rejects.toThrow(/stored sealed/);
  });

  it('streams a large workbook through, hashing it and telling its type from its end', async () => {
    const bytes = xlsxOf(3 * 1024 * 1024);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 10_000) }, (_, i) =>
      bytes.subarray(i * 10_000, (i + 1) * 10_000),
    );
    const f = await store.put(Readable.from(chunks), 'roster-import');
    expect(f).toMatchObject({ type: 'xlsx', size: bytes.length, sha256: sha256(bytes) });
    expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // (Buffer.equals: a deep toEqual over megabytes takes seconds)
    expect((await store.getBuffer(f.key)).equals(bytes)).toBe(true);
  });

  it('stops reading at the size limit, answers 413 naming it, and leaves nothing behind', async () => {
    const { stream, produced } = endless(SAMPLES.pdf);
    const err = await store.put(stream, 'institution-document').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect((err as Error).message).toContain('10 MB');
    // the source was stopped near the limit, not read to its (endless) end
    expect(produced()).toBeLessThan(FILE_KINDS['institution-document'].maxBytes + 1024 * 1024);
    expect(stream.destroyed).toBe(true);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses an oversized buffer before writing anything', async () => {
    const big = Buffer.alloc(FILE_KINDS['institution-document'].maxBytes + 1);
    SAMPLES.pdf.copy(big);
    await expect(store.put(big, 'institution-document')).rejects.toMatchObject({ status: 413 });
    expect(filesUnder(dir)).toEqual([]);
  });

  it.each([
    ['an executable named .pdf', SAMPLES.exe, 'institution-document', 'exe'],
    ['a PDF as a roster', SAMPLES.pdf, 'roster-import', 'pdf'],
    ['text as a document', SAMPLES.csvUtf8, 'institution-document', null],
  ] as const)('refuses %s with 415 and stores nothing', async (_, bytes, kind, detected) => {
    const err = await store.put(bytes, kind, { fileName: 'x.pdf' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
      details: { kind, detected },
    });
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses a zip that turns out not to be a workbook only at its end, and removes the partial file', async () => {
    const notAWorkbook = xlsxOf(200_000)
      .toString('latin1')
      .replace(/xl\/workbook\.xml/g, 'xl/notebook.xml');
    const err = await store
      .put(Readable.from([Buffer.from(notAWorkbook, 'latin1')]), 'roster-import')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { detected: 'zip' } });
    expect(filesUnder(dir)).toEqual([]);
  });

  it('refuses an empty file', async () => {
    await expect(store.put(Buffer.alloc(0), 'roster-import')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
    });
    expect(filesUnder(dir)).toEqual([]);
  });

  it('passes on a failure of the source (a client that went away) and leaves nothing', async () => {
    const source = new Readable({ read() {} });
    const put = store.put(source, 'roster-export');
    source.push(SAMPLES.csvUtf8);
    source.push(Buffer.alloc(10_000, 0x41));
    setImmediate(() => source.destroy(new Error('aborted by client')));
    await expect(put).rejects.toThrow('aborted by client');
    expect(filesUnder(dir)).toEqual([]);
  });

  it('deletes idempotently; a missing object is 404', async () => {
    const f = await store.put(SAMPLES.png, 'institution-document');
    await store.delete(f.key);
    await store.delete(f.key);
    await expect(store.exists(f.key)).resolves.toBe(false);
    await expect(store.get(f.key)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(store.get(f.key)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await store.discard(f.key, null, undefined);
  });

  it('lists keys by prefix, for backups', async () => {
    const a = await store.put(SAMPLES.pdf, 'plan-pdf');
    const b = await store.put(SAMPLES.jpg, 'institution-document');
    const c = await store.put(SAMPLES.csvGb18030, 'roster-import');
    expect((await keys(store)).sort()).toEqual([a.key, b.key, c.key].sort());
    expect(await keys(store, 'plan-pdf/')).toEqual([a.key]);
    expect(await keys(store, 'institution-')).toEqual([b.key]);
    expect(await keys(store, `${c.key.slice(0, c.key.lastIndexOf('/'))}/`)).toEqual([c.key]);
    expect(await keys(store, 'certificate/')).toEqual([]);
  });

  it.each([
    '../etc/passwd',
    'plan-pdf/../../x',
    '/etc/passwd',
    'plan-pdf',
    'Plan-pdf/2026/01/x',
    '',
  ])('refuses the key %j', async (key) => {
    await expect(store.get(key)).rejects.toThrow('invalid file key');
    await expect(store.delete(key)).rejects.toThrow('invalid file key');
  });

  it('refuses list prefixes that could leave the store', () => {
    expect(() => store.list('../')).toThrow('invalid key prefix');
    expect(() => store.list('/')).toThrow('invalid key prefix');
  });

  it('gives every put its own key, also at the same time', async () => {
    const stored = await Promise.all(
      Array.from({ length: 20 }, () => store.put(SAMPLES.pdf, 'plan-pdf')),
    );
    expect(new Set(stored.map((s) => s.key)).size).toBe(20);
    expect(filesUnder(dir)).toHaveLength(20);
  });

  it('lets writes into one directory that finish together share its fsync', async () => {
    const syncDir = jest.spyOn(
      LocalFileBackend.prototype as unknown as { syncDir(dir: string): Promise<void> },
      'syncDir',
    );
    try {
      const stored = await Promise.all(
        Array.from({ length: 20 }, () => store.put(SAMPLES.pdf, 'plan-pdf')),
      );
      // one directory (the month's): every write waited for a sync, fewer syncs than writes
      expect(new Set(stored.map((s) => s.key.split('/').slice(0, -1).join('/'))).size).toBe(1);
      expect(syncDir.mock.calls.length).toBeGreaterThan(0);
      expect(syncDir.mock.calls.length).toBeLessThan(20);
      for (const s of stored) expect(await collect(await store.get(s.key))).toEqual(SAMPLES.pdf);
      expect(filesUnder(dir)).toHaveLength(20); // no temporary file left
    } finally {
      syncDir.mockRestore();
    }
  });

  it('probes: writes, reads back and deletes, reporting the latency', async () => {
    const p = await store.probe();
    expect(p).toMatchObject({ ok: true, backend: 'local' });
    expect(p.latencyMs).toBeGreaterThanOrEqual(0);
    expect(filesUnder(dir)).toEqual([]);
  });

  it('probes a directory it cannot write to as not ok, with a short code', async () => {
    const notADir = join(dir, 'plain-file');
    writeFileSync(notADir, 'x');
    const p = await FileStore.fromConfig({ backend: 'local', dir: notADir }).probe();
    expect(p).toMatchObject({
      ok: false,
      backend: 'local',
      error: expect.stringMatching(/^E[A-Z]+$/),
    });
    expect(JSON.stringify(p)).not.toContain(dir);
  });
});
