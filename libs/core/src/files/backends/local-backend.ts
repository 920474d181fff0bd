import { randomUUID } from 'node:crypto';
import { Dirent } from 'node:fs';
import { mkdir, open, opendir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { Coalescer } from '../../database/statement-batcher';
import { FileBackend, FileNotFoundError } from './file-backend';

const TEMP_PREFIX = '.tmp-';

function errno(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Objects as files under one directory: `<dir>/<key>`, mode 0600 in directories 0700.
 * A write goes to a temporary file in the target directory, is fsynced, then renamed
 * into place (and the directory fsynced), so a reader sees the whole object or none.
 */
export class LocalFileBackend implements FileBackend {
  readonly name = 'local' as const;
  private readonly root: string;
  private readonly madeDirs = new Set<string>();
  /**
   * One directory fsync covers every rename into that directory done before it started:
   * writes that finish together share one (a bulk issue stores hundreds of files into one
   * directory), and each still returns only after a sync that began after its rename.
   */
  private readonly dirSyncs = new Coalescer<void>((dir) => this.syncDir(dir));

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The file of a key; refuses anything that would land outside the root (defence in depth). */
  private pathOf(key: string): string {
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error('file key outside the store');
    return path;
  }

  async write(key: string, body: Readable): Promise<void> {
    const path = this.pathOf(key);
    const dir = dirname(path);
    const temp = join(dir, `${TEMP_PREFIX}${randomUUID()}`);
    const fh = await this.createIn(dir, temp);
    let closed = false;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) await fh.write(chunk);
      await fh.sync();
      await fh.close();
      closed = true;
      await rename(temp, path);
    } catch (err) {
      if (!closed) await fh.close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw err;
    }
    await this.dirSyncs.run(dir);
  }

  /**
   * Opens a new file in `dir`, creating the directory the first time this process writes
   * there (one mkdir per directory, not per file); a directory removed since is made again.
   */
  private async createIn(dir: string, file: string) {
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      if (this.madeDirs.size >= 10_000) this.madeDirs.clear();
      this.madeDirs.add(dir);
    }
    try {
      return await open(file, 'wx', 0o600);
    } catch (err) {
      if (errno(err) !== 'ENOENT') throw err;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      return open(file, 'wx', 0o600);
    }
  }

  /** Makes the rename durable. Some platforms cannot fsync a directory: that is not an error. */
  private async syncDir(dir: string): Promise<void> {
    try {
      const d = await open(dir, 'r');
      try {
        await d.sync();
      } finally {
        await d.close();
      }
    } catch {
      // EISDIR / EPERM on platforms without directory fsync
    }
  }

  async read(key: string): Promise<Readable> {
    try {
      const fh = await open(this.pathOf(key), 'r');
      return fh.createReadStream();
    } catch (err) {
      if (errno(err) === 'ENOENT') throw new FileNotFoundError();
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (err) {
      if (errno(err) !== 'ENOENT') throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (errno(err) === 'ENOENT') return false;
      throw err;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    // start at the deepest directory the prefix names whole
    const slash = prefix.lastIndexOf('/');
    const start = slash >= 0 ? this.pathOf(prefix.slice(0, slash)) : this.root;
    for await (const path of this.walk(start)) {
      const key = relative(this.root, path).split(sep).join('/');
      if (key.startsWith(prefix)) yield key;
    }
  }

  /** Files below `dir` in name order, skipping temporary files of writes in progress. */
  private async *walk(dir: string): AsyncIterable<string> {
    let entries: Dirent[] = [];
    try {
      const d = await opendir(dir);
      for await (const e of d) entries.push(e);
    } catch (err) {
      if (errno(err) === 'ENOENT') return;
      throw err;
    }
    entries = entries
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) yield* this.walk(path);
      else if (e.isFile()) yield path;
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
