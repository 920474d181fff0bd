import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { EnvDto } from './env.dto';
import { parseCorsOrigins, parseTrustProxy, TrustProxy } from './http-security';
import { FileStoreConfig, fileStoreConfigOf } from './file-store-config';

export type NodeEnv = 'development' | 'production' | 'test';

/** Typed, validated configuration. Built once from the environment by loadConfig. */
export class AppConfig {
  nodeEnv: NodeEnv;
  http: {
    host: string;
    port: number;
    /** Largest JSON / urlencoded body (body-parser size: `1mb`, `256kb`). */
    bodyLimit: string;
    /** The same limit in bytes. */
    bodyLimitBytes: number;
    /** Exact origins allowed by CORS; empty: no CORS headers at all. */
    corsOrigins: string[];
    /** Express `trust proxy`: false, a hop count, or the proxies' addresses / ranges. */
    trustProxy: TrustProxy;
    /** Where clients reach the platform (PUBLIC_BASE_URL, no trailing slash), for absolute links; unset: the request's host. */
    publicBaseUrl?: string;
    /** API processes of `npm run start:api` sharing the port (API_WORKERS, node:cluster); 1: no cluster. */
    apiWorkers: number;
  };
  database: {
    /** Set when an external PostgreSQL is used; otherwise the embedded one is started. */
    url?: string;
    poolSize: number;
    ssl: boolean;
    runMigrationsOnStart: boolean;
    embedded: { port: number; dataDir: string };
    /** Owner role for migrations (DATABASE_OWNER_URL); unset: migrations use `url`. */
    ownerUrl?: string;
  };
  redis: { url?: string; dataDir: string };
  queue: {
    prefix: string;
    concurrency: number;
    lockDurationMs: number;
    stalledIntervalMs: number;
  };
  auth: {
    jwtSecret: string;
    accessTtlSeconds: number;
    refreshTtlDays: number;
    loginRateLimit: number;
    loginRateWindowSeconds: number;
    /** Login attempts per client address (across usernames) per window. */
    loginRateLimitPerIp: number;
    /** Certificate verifications per client address per minute (VERIFY_RATE_LIMIT). */
    verifyRateLimit: number;
  };
  log: { level: string; format: 'pretty' | 'json' };
  /** Project-local data (embedded PostgreSQL, development keys, files): DATA_DIR, default `.data`. */
  dataDir: string;
  /** The built web app served at `/` (WEB_DIST_DIR, default `dist/web`); not served while it has no index.html. */
  webDistDir: string;
  /** Personal data at rest: keys from the environment, or a development key file. */
  pii: {
    keys?: Record<string, Buffer>;
    activeKeyId?: string;
    indexKey?: Buffer;
    /** Where development keys are generated when PII_KEYS is unset (never in production). */
    keyFile: string;
  };
  /** Readiness fails when no worker process was seen within the last minute. */
  readyRequiresWorker: boolean;
  /** File contents (libs/core/src/files): FILE_STORE, FILE_STORE_DIR, S3_*. */
  files: FileStoreConfig;
  audit: { retentionDays: number; batchSize: number; batchPauseMs: number; retentionCron: string };
  /** The notification outbox: retention, and how often the worker sweeps it for due deliveries. */
  notifications: { retentionDays: number; sweepIntervalMs: number };
  /**
   * The needs survey (libs/surveys): how often the worker's sweep brings campaigns up to date,
   * the invitations written per transaction (with a pause between batches, for a busy database),
   * and how many parts of the worker-id space a distribution writes at once.
   */
  surveys: { sweepIntervalMs: number; batchSize: number; batchPauseMs: number; parallel: number };
  /** Documents rendered by the worker: PDF render threads (RENDER_THREADS; 0 = in the main thread). */
  documents: { renderThreads: number };
  shutdownTimeoutMs: number;
  seedDemoOnEmpty: boolean;
  timezone: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const DEV_JWT_SECRET = 'peixun-development-secret-do-not-use-in-production';

const SECRET = /SECRET|PASSWORD|URL|KEY/;

/** One line per bad variable: its name, its value (unless secret), and every rule it breaks. */
function describeProblems(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const shown = SECRET.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
    return `${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
}

/** PII_KEYS / PII_ACTIVE_KEY_ID / PII_INDEX_KEY, checked together. */
function piiKeysOf(
  dto: EnvDto,
  problems: string[],
): { keys?: Record<string, Buffer>; activeKeyId?: string; indexKey?: Buffer } {
  if (!dto.PII_KEYS && !dto.PII_INDEX_KEY) return {};
  if (!dto.PII_KEYS || !dto.PII_INDEX_KEY) {
    problems.push('PII_KEYS and PII_INDEX_KEY go together: set both, or neither (development)');
    return {};
  }
  const keys: Record<string, Buffer> = {};
  const order: string[] = [];
  for (const part of dto.PII_KEYS.split(',')) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32)
      problems.push(`PII_KEYS: key "${id}" must be 32 bytes (base64 of 32 bytes)`);
    keys[id] = key;
    order.push(id);
  }
  const activeKeyId = dto.PII_ACTIVE_KEY_ID ?? order[0];
  if (!keys[activeKeyId])
    problems.push(`PII_ACTIVE_KEY_ID: "${activeKeyId}" is not a key of PII_KEYS`);
  const indexKey = Buffer.from(dto.PII_INDEX_KEY, 'base64');
  if (indexKey.length < 32) problems.push('PII_INDEX_KEY must be base64 of at least 32 bytes');
  return { keys, activeKeyId, indexKey };
}

/** Validates the environment and maps it to AppConfig. Throws ConfigError naming each bad variable. */
/** A BODY_LIMIT (`65536`, `512kb`, `1mb`: its validated format) in bytes, as body-parser reads it. */
function sizeInBytes(size: string): number {
  const [, n, unit] = /^(\d+)(b|kb|mb)?$/i.exec(size) ?? [];
  return Number(n) * ({ kb: 1024, mb: 1024 ** 2 }[unit?.toLowerCase() ?? ''] ?? 1);
}

export function loadConfig(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): AppConfig {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') raw[k] = v;
  const dto = plainToInstance(EnvDto, raw, { enableImplicitConversion: false });
  const problems = describeProblems(
    validateSync(dto, { whitelist: false, skipMissingProperties: false }),
  );
  const nodeEnv: NodeEnv = dto.NODE_ENV ?? 'development';
  if (nodeEnv === 'production' && !dto.JWT_SECRET) {
    problems.push('JWT_SECRET is required when NODE_ENV=production');
  }
  const timezone = dto.REGION_TIMEZONE ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    problems.push(`REGION_TIMEZONE: unknown time zone "${timezone}"`);
  }
  const pii = piiKeysOf(dto, problems);
  if (nodeEnv === 'production' && !pii.keys) {
    problems.push('PII_KEYS and PII_INDEX_KEY are required when NODE_ENV=production');
  }
  if (dto.DATABASE_OWNER_URL && !dto.DATABASE_URL) {
    problems.push('DATABASE_OWNER_URL needs DATABASE_URL (the application role) as well');
  }
  const dataDir = resolve(cwd, dto.DATA_DIR ?? '.data');
  const files = fileStoreConfigOf(dto, cwd, dataDir, problems);
  const trustProxy = parseTrustProxy(dto.TRUST_PROXY);
  if ('problem' in trustProxy) problems.push(trustProxy.problem);
  if (problems.length) throw new ConfigError(problems);

  const config = new AppConfig();
  config.nodeEnv = nodeEnv;
  config.http = {
    host: dto.HOST ?? '0.0.0.0',
    port: dto.PORT ?? 3000,
    bodyLimit: (dto.BODY_LIMIT ?? '1mb').toLowerCase(),
    bodyLimitBytes: sizeInBytes(dto.BODY_LIMIT ?? '1mb'),
    corsOrigins: parseCorsOrigins(dto.CORS_ORIGINS),
    trustProxy: 'value' in trustProxy ? trustProxy.value : false,
    publicBaseUrl: dto.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    apiWorkers: dto.API_WORKERS ?? 1,
  };
  config.database = {
    url: dto.DATABASE_URL,
    poolSize: dto.DATABASE_POOL_SIZE ?? 10,
    ssl: dto.DATABASE_SSL ?? false,
    runMigrationsOnStart: dto.MIGRATIONS_RUN_ON_START ?? true,
    embedded: {
      port: dto.EMBEDDED_PG_PORT ?? 54329,
      dataDir: dto.EMBEDDED_PG_DIR ? resolve(cwd, dto.EMBEDDED_PG_DIR) : resolve(dataDir, 'pg'),
    },
    ownerUrl: dto.DATABASE_OWNER_URL,
  };
  config.redis = {
    url: dto.REDIS_URL,
    dataDir: dto.REDIS_DATA_DIR ? resolve(cwd, dto.REDIS_DATA_DIR) : resolve(dataDir, 'redis'),
  };
  config.queue = {
    prefix: dto.QUEUE_PREFIX ?? 'peixun',
    concurrency: dto.WORKER_CONCURRENCY ?? 2,
    lockDurationMs: dto.QUEUE_LOCK_DURATION_MS ?? 30000,
    stalledIntervalMs: dto.QUEUE_STALLED_INTERVAL_MS ?? 30000,
  };
  config.auth = {
    jwtSecret: dto.JWT_SECRET ?? DEV_JWT_SECRET,
    accessTtlSeconds: dto.JWT_ACCESS_TTL_SECONDS ?? 900,
    refreshTtlDays: dto.REFRESH_TOKEN_TTL_DAYS ?? 30,
    loginRateLimit: dto.LOGIN_RATE_LIMIT ?? 10,
    loginRateWindowSeconds: dto.LOGIN_RATE_WINDOW_SECONDS ?? 60,
    loginRateLimitPerIp: dto.LOGIN_RATE_LIMIT_PER_IP ?? 30,
    verifyRateLimit: dto.VERIFY_RATE_LIMIT ?? 30,
  };
  config.log = {
    level: dto.LOG_LEVEL ?? 'info',
    format:
      dto.LOG_FORMAT ??
      (dto.LOG_PRETTY !== undefined
        ? dto.LOG_PRETTY
          ? 'pretty'
          : 'json'
        : nodeEnv === 'development'
          ? 'pretty'
          : 'json'),
  };
  config.dataDir = dataDir;
  config.webDistDir = resolve(cwd, dto.WEB_DIST_DIR ?? 'dist/web');
  config.pii = { ...pii, keyFile: resolve(dataDir, 'keys/pii-keys.json') };
  config.readyRequiresWorker = dto.READY_REQUIRES_WORKER ?? true;
  config.files = files;
  config.audit = {
    retentionDays: dto.AUDIT_RETENTION_DAYS ?? 365,
    batchSize: dto.AUDIT_RETENTION_BATCH_SIZE ?? 1000,
    batchPauseMs: dto.AUDIT_RETENTION_BATCH_PAUSE_MS ?? 0,
    retentionCron: dto.AUDIT_RETENTION_CRON ?? '0 3 * * *',
  };
  config.documents = {
    renderThreads: dto.RENDER_THREADS ?? Math.max(1, availableParallelism()),
  };
  config.notifications = {
    retentionDays: dto.NOTIFICATION_RETENTION_DAYS ?? 365,
    sweepIntervalMs: dto.NOTIFICATION_SWEEP_INTERVAL_MS ?? 5000,
  };
  config.surveys = {
    sweepIntervalMs: dto.SURVEY_SWEEP_INTERVAL_MS ?? 60000,
    batchSize: dto.SURVEY_DISTRIBUTION_BATCH_SIZE ?? 5000,
    batchPauseMs: dto.SURVEY_DISTRIBUTION_BATCH_PAUSE_MS ?? 0,
    parallel: dto.SURVEY_DISTRIBUTION_PARALLEL ?? 2,
  };
  config.shutdownTimeoutMs = dto.SHUTDOWN_TIMEOUT_MS ?? 30000;
  config.seedDemoOnEmpty = dto.SEED_DEMO_ON_EMPTY ?? nodeEnv === 'development';
  config.timezone = timezone;
  return config;
}

let cached: AppConfig | undefined;

/** The process's configuration: the only place that reads process.env. */
export function appConfig(): AppConfig {
  // eslint-disable-next-line no-restricted-syntax
  cached ??= loadConfig(process.env);
  return cached;
}

/** For tests and entrypoints that must re-read the environment. */
export function resetAppConfig(): void {
  cached = undefined;
}
