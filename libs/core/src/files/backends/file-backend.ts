import type { Readable } from 'node:stream';
import { NotFoundError } from '../../errors/domain-error';

/** Where the bytes go. Keys are checked by the FileStore before they reach a backend. */
export interface FileBackend {
  readonly name: 'local' | 's3';
  /**
   * Writes `body` under `key` and resolves once the object is durable and visible whole.
   * If `body` errors, nothing is left under `key` (partial data is removed) and the
   * promise rejects.
   */
  write(key: string, body: Readable): Promise<void>;
  /** The object's bytes; FileNotFoundError when there is none. */
  read(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  remove(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every key that starts with `prefix`. */
  list(prefix: string): AsyncIterable<string>;
  close(): Promise<void>;
}

/** A key with no object behind it (404 NOT_FOUND). */
export class FileNotFoundError extends NotFoundError {
  constructor() {
    super('文件 (file)');
  }
}
