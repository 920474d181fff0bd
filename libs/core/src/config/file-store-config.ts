import { resolve } from 'node:path';
import type { EnvDto } from './env.dto';

/** Where file contents live: a local directory (default) or an S3-compatible bucket. */
export type FileStoreConfig =
  | { backend: 'local'; dir: string }
  | {
      backend: 's3';
      /** Unset: AWS itself; set for MinIO, Aliyun OSS, Tencent COS, Ceph … */
      endpoint?: string;
      region: string;
      bucket: string;
      /** Unset: the SDK's default credential chain (instance role, AWS_* variables). */
      credentials?: { accessKeyId: string; secretAccessKey: string };
      forcePathStyle: boolean;
    };

/** FILE_STORE, FILE_STORE_DIR and S3_*, checked together; problems are appended to `problems`. */
export function fileStoreConfigOf(
  dto: EnvDto,
  cwd: string,
  dataDir: string,
  problems: string[],
): FileStoreConfig {
  if ((dto.FILE_STORE ?? 'local') === 'local') {
    return {
      backend: 'local',
      dir: dto.FILE_STORE_DIR ? resolve(cwd, dto.FILE_STORE_DIR) : resolve(dataDir, 'files'),
    };
  }
  if (!dto.S3_BUCKET) problems.push('S3_BUCKET is required when FILE_STORE=s3');
  if (!dto.S3_ACCESS_KEY_ID !== !dto.S3_SECRET_ACCESS_KEY) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither');
  }
  return {
    backend: 's3',
    endpoint: dto.S3_ENDPOINT,
    region: dto.S3_REGION ?? 'us-east-1',
    bucket: dto.S3_BUCKET ?? '',
    credentials:
      dto.S3_ACCESS_KEY_ID && dto.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: dto.S3_ACCESS_KEY_ID, secretAccessKey: dto.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: dto.S3_FORCE_PATH_STYLE ?? false,
  };
}
