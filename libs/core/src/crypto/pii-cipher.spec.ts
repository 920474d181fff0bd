import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devKeyring } from './keyring';
import { maskIdNumber, maskPhone, normalisePhone } from './masking';
import { generateKeyring, parseHeader, PiiCipher, PiiDecryptError } from './pii-cipher';

const ID = '110101199003076632';

describe('PiiCipher', () => {
  const ring = generateKeyring('k1');
  const cipher = new PiiCipher(ring);

  it('round-trips, and never gives the same bytes twice', () => {
    const a = cipher.seal('worker.id_number', ID);
    const b = cipher.seal('worker.id_number', ID);
    expect(a.equals(b)).toBe(false);
    expect(cipher.open('worker.id_number', a)).toBe(ID);
    expect(cipher.open('worker.id_number', b)).toBe(ID);
    expect(a.toString('latin1')).not.toContain(ID);
    expect(parseHeader(a).keyId).toBe('k1');
  });

  it.each<[string, (b: Buffer) => Buffer]>([
    [
      'a flipped ciphertext byte',
      (b) => Buffer.concat([b.subarray(0, -1), Buffer.from([b[b.length - 1] ^ 1])]),
    ],
    [
      'a flipped tag byte',
      (b) => {
        const c = Buffer.from(b);
        c[2 + 2 + 12] ^= 1;
        return c;
      },
    ],
    ['a truncated value', (b) => b.subarray(0, 10)],
    ['not a sealed value', () => Buffer.from('110101199003076632')],
  ])('refuses %s', (_what, mangle) => {
    const sealed = cipher.seal('worker.id_number', ID);
    expect(() => cipher.open('worker.id_number', mangle(sealed))).toThrow(PiiDecryptError);
  });

  it('binds the value to its column: a sealed phone does not open as an ID number', () => {
    const phone = cipher.seal('worker.phone', '13800001234');
    expect(() => cipher.open('worker.id_number', phone)).toThrow(PiiDecryptError);
  });

  it('never shows the value in an error', () => {
    const sealed = cipher.seal('worker.id_number', ID);
    sealed[sealed.length - 1] ^= 1;
    try {
      cipher.open('worker.id_number', sealed);
      throw new Error('expected a failure');
    } catch (err) {
      expect((err as Error).message).not.toContain(ID);
    }
  });

  it('rotates: a new active key seals, old values still open, reseal moves them over', () => {
    const old = cipher.seal('worker.id_number', ID);
    const rotated = new PiiCipher({
      keys: { ...ring.keys, k2: randomBytes(32) },
      activeKeyId: 'k2',
      indexKey: ring.indexKey,
    });
    expect(rotated.open('worker.id_number', old)).toBe(ID);
    const moved = rotated.reseal('worker.id_number', old)!;
    expect(parseHeader(moved).keyId).toBe('k2');
    expect(moved.subarray(0, rotated.activePrefix().length).equals(rotated.activePrefix())).toBe(
      true,
    );
    expect(rotated.open('worker.id_number', moved)).toBe(ID);
    expect(rotated.reseal('worker.id_number', moved)).toBeNull();
    // a retired key can no longer open what it sealed
    const retired = new PiiCipher({
      keys: { k2: rotated['ring'].keys.k2 },
      activeKeyId: 'k2',
      indexKey: ring.indexKey,
    });
    expect(() => retired.open('worker.id_number', old)).toThrow(/unknown key id "k1"/);
  });

  it('blind index: equal for equal input, separated by kind, depends on the key', () => {
    expect(cipher.blindIndex('id_number', ID).equals(cipher.blindIndex('id_number', ID))).toBe(
      true,
    );
    expect(cipher.blindIndex('id_number', ID).equals(cipher.blindIndex('phone', ID))).toBe(false);
    const other = new PiiCipher(generateKeyring('k1'));
    expect(cipher.blindIndex('id_number', ID).equals(other.blindIndex('id_number', ID))).toBe(
      false,
    );
    expect(cipher.blindIndex('id_number', ID)).toHaveLength(32);
  });

  it.each([
    ['an active key that is missing', { keys: {}, activeKeyId: 'k1', indexKey: randomBytes(32) }],
    [
      'a short key',
      { keys: { k1: randomBytes(16) }, activeKeyId: 'k1', indexKey: randomBytes(32) },
    ],
    [
      'a short index key',
      { keys: { k1: randomBytes(32) }, activeKeyId: 'k1', indexKey: randomBytes(8) },
    ],
    [
      'a bad key id',
      { keys: { 'k 1': randomBytes(32) }, activeKeyId: 'k 1', indexKey: randomBytes(32) },
    ],
  ])('refuses a keyring with %s', (_what, bad) => {
    expect(() => new PiiCipher(bad)).toThrow();
  });
});

describe('sealed streams (files holding personal data)', () => {
  const cipher = new PiiCipher(generateKeyring('k1'));
  const run = async (
    stream: import('node:stream').Transform,
    chunks: Buffer[],
  ): Promise<Buffer> => {
    const out: Buffer[] = [];
    stream.on('data', (c: Buffer) => out.push(c));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    for (const c of chunks) stream.write(c);
    stream.end();
    await done;
    return Buffer.concat(out);
  };
  const chop = (b: Buffer, size: number): Buffer[] =>
    Array.from({ length: Math.ceil(b.length / size) || 1 }, (_, i) =>
      b.subarray(i * size, (i + 1) * size),
    );

  it.each([
    ['empty', 0, 7],
    ['one byte', 1, 1],
    ['a roster in 1-byte chunks', 300, 1],
    ['a roster in 7-byte chunks', 5000, 7],
    ['a large file in 64 KiB chunks', 3 * 1024 * 1024 + 5, 65536],
  ])('round-trips %s', async (_what, size, chunk) => {
    const plain = Buffer.from(Array.from({ length: size }, (_, i) => ID.charCodeAt(i % ID.length)));
    const sealed = await run(cipher.sealStream('file:roster-import/x'), chop(plain, chunk));
    if (size >= ID.length) expect(sealed.includes(Buffer.from(ID))).toBe(false);
    expect(parseHeader(sealed).keyId).toBe('k1');
    expect(
      (await run(cipher.openStream('file:roster-import/x'), chop(sealed, chunk))).equals(plain),
    ).toBe(true);
  });

  it.each<[string, (b: Buffer) => Buffer, string]>([
    [
      'a flipped byte',
      (b) => Buffer.concat([b.subarray(0, 40), Buffer.from([b[40] ^ 1]), b.subarray(41)]),
      'file:a/b',
    ],
    ['a cut tail', (b) => b.subarray(0, b.length - 3), 'file:a/b'],
    ['another key (moved object)', (b) => b, 'file:a/c'],
  ])('refuses %s', async (_what, mangle, field) => {
    const sealed = await run(cipher.sealStream('file:a/b'), [Buffer.from(ID.repeat(10))]);
    await expect(run(cipher.openStream(field), [mangle(sealed)])).rejects.toThrow(PiiDecryptError);
  });
});

describe('development keyring', () => {
  it('is generated once (mode 0600) and read back the same', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'peixun-keys-')), 'keys/pii-keys.json');
    const first = devKeyring(path);
    const again = devKeyring(path);
    expect(again.indexKey.equals(first.indexKey)).toBe(true);
    expect(again.keys.k1.equals(first.keys.k1)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ activeKeyId: 'k1' });
  });
});

describe('masking', () => {
  it.each([
    [ID, '1101**********6632'],
    ['11010519491231002X', '1101**********002X'],
    ['1234', '****'],
  ])('ID number %s -> %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['13800001234', '138****1234'],
    ['010-88886666', '010****6666'],
    ['+86 139 1234 5678', '139****5678'],
    ['12345', '***45'],
  ])('phone %s -> %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it.each([
    ['138 0000 1234', '13800001234'],
    ['+86 13800001234', '13800001234'],
    ['0086-13800001234', '13800001234'],
    ['010-88886666', '01088886666'],
  ])('normalises phone %s -> %s', (phone, out) => {
    expect(normalisePhone(phone)).toBe(out);
  });
});
