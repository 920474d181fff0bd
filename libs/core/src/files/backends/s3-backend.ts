import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { FileStoreConfig } from '../../config/file-store-config';
import { FileBackend, FileNotFoundError } from './file-backend';

export type S3Config = Extract<FileStoreConfig, { backend: 's3' }>;

const PART_SIZE = 8 * 1024 * 1024;

type S3Sdk = typeof import('@aws-sdk/client-s3');
type StorageSdk = typeof import('@aws-sdk/lib-storage');

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** The S3 client options of a configuration (exported for tests of the request set-up). */
export function s3ClientConfig(config: S3Config): S3ClientConfig {
  return {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // S3-compatible services (MinIO, OSS, COS, Ceph) do not all take the SDK's newer default
    // checksum trailers; send and check checksums only where the operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  };
}

/**
 * Objects in an S3-compatible bucket. Writes stream through a multipart upload
 * (parts of 8 MB, at most 4 in flight; small objects are one PUT), which is aborted
 * when the body fails, so no partial object becomes visible. The AWS SDK is loaded on
 * first use, so that processes on the local store do not pay for it at start-up.
 */
export class S3FileBackend implements FileBackend {
  readonly name = 's3' as const;
  private sdk?: Promise<{ s3: S3Sdk; storage: StorageSdk; client: S3Client }>;

  constructor(
    private readonly config: S3Config,
    private readonly injectedClient?: S3Client,
  ) {}

  private load(): Promise<{ s3: S3Sdk; storage: StorageSdk; client: S3Client }> {
    this.sdk ??= (async () => {
      const [s3, storage] = await Promise.all([
        import('@aws-sdk/client-s3'),
        import('@aws-sdk/lib-storage'),
      ]);
      const client = this.injectedClient ?? new s3.S3Client(s3ClientConfig(this.config));
      return { s3, storage, client };
    })();
    return this.sdk;
  }

  async write(key: string, body: Readable): Promise<void> {
    const { storage, client } = await this.load();
    const upload = new storage.Upload({
      client,
      params: { Bucket: this.config.bucket, Key: key, Body: body },
      partSize: PART_SIZE,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async read(key: string): Promise<Readable> {
    const { s3, client } = await this.load();
    try {
      const res = await client.send(
        new s3.GetObjectCommand({ Bucket: this.config.bucket, Key: key }),
      );
      if (!(res.Body instanceof Readable)) throw new Error('S3 returned no stream body');
      return res.Body;
    } catch (err) {
      if (isNotFound(err)) throw new FileNotFoundError();
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    const { s3, client } = await this.load();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  async exists(key: string): Promise<boolean> {
    const { s3, client } = await this.load();
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const { s3, client } = await this.load();
    let token: string | undefined;
    do {
      const page = await client.send(
        new s3.ListObjectsV2Command({
          Bucket: this.config.bucket,
          Prefix: prefix || undefined,
          ContinuationToken: token,
        }),
      );
      for (const o of page.Contents ?? []) if (o.Key) yield o.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async close(): Promise<void> {
    if (!this.sdk) return;
    const { client } = await this.sdk;
    if (!this.injectedClient) client.destroy();
  }
}
