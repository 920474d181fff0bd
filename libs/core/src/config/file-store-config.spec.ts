import { ConfigError, loadConfig } from './app-config';

const CWD = '/srv/peixun';

describe('file store configuration', () => {
  it.each<[string, Record<string, string>, unknown]>([
    [
      'local under the data directory by default',
      {},
      { backend: 'local', dir: '/srv/peixun/.data/files' },
    ],
    [
      'local under DATA_DIR',
      { DATA_DIR: '/var/lib/peixun' },
      { backend: 'local', dir: '/var/lib/peixun/files' },
    ],
    [
      'FILE_STORE_DIR relative to the working directory',
      { FILE_STORE: 'local', FILE_STORE_DIR: 'files' },
      { backend: 'local', dir: '/srv/peixun/files' },
    ],
    [
      's3 with an endpoint, keys and path-style addressing',
      {
        FILE_STORE: 's3',
        S3_ENDPOINT: 'http://minio:9000',
        S3_BUCKET: 'peixun-files',
        S3_ACCESS_KEY_ID: 'AK',
        S3_SECRET_ACCESS_KEY: 'SK',
        S3_FORCE_PATH_STYLE: 'true',
      },
      {
        backend: 's3',
        endpoint: 'http://minio:9000',
        region: 'us-east-1',
        bucket: 'peixun-files',
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
        forcePathStyle: true,
      },
    ],
    [
      's3 on AWS with the default credential chain',
      { FILE_STORE: 's3', S3_BUCKET: 'peixun-files', S3_REGION: 'cn-north-1' },
      {
        backend: 's3',
        endpoint: undefined,
        region: 'cn-north-1',
        bucket: 'peixun-files',
        credentials: undefined,
        forcePathStyle: false,
      },
    ],
  ])('%s', (_, env, files) => {
    expect(loadConfig(env, CWD).files).toEqual(files);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['s3 without a bucket', { FILE_STORE: 's3' }, /S3_BUCKET is required when FILE_STORE=s3/],
    ['an unknown backend', { FILE_STORE: 'ftp' }, /FILE_STORE="ftp"/],
    [
      'half a key pair',
      { FILE_STORE: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'AK' },
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/,
    ],
    ['a bucket name S3 refuses', { FILE_STORE: 's3', S3_BUCKET: 'My_Bucket' }, /S3_BUCKET/],
    [
      'an endpoint that is not a URL',
      { FILE_STORE: 's3', S3_BUCKET: 'b-1', S3_ENDPOINT: 'minio' },
      /S3_ENDPOINT/,
    ],
  ])('stops at boot on %s', (_, env, message) => {
    expect(() => loadConfig(env, CWD)).toThrow(ConfigError);
    expect(() => loadConfig(env, CWD)).toThrow(message);
  });

  it('never shows the secret key in a configuration error', () => {
    expect(() =>
      loadConfig(
        { FILE_STORE: 's3', S3_BUCKET: 'b-1', S3_SECRET_ACCESS_KEY: 'very-secret-value' },
        CWD,
      ),
    ).toThrow(/^(?![\s\S]*very-secret-value)/);
  });
});
