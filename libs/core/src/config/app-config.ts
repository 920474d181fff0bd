import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { resolve } from 'node:path';
import { EnvDto } from './env.dto';

export type NodeEnv = 'development' | 'production' | 'test';

/** Typed, validated configuration. Built once from the environment by loadConfig. */
export class AppConfig {
  nodeEnv: NodeEnv;
  http: { host: string; port: number };
  database: {
    /** Set when an external PostgreSQL is used; otherwise the embedded one is started. */
    url?: string;
    poolSize: number;
    ssl: boolean;
    runMigrationsOnStart: boolean;
    embedded: { port: number; dataDir: string };
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
  };
  log: { level: string; pretty: boolean };
  audit: { retentionDays: number; batchSize: number; batchPauseMs: number; retentionCron: string };
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

const SECRET = /SECRET|PASSWORD|URL/;

/** One line per bad variable: its name, its value (unless secret), and every rule it breaks. */
function describeProblems(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const shown = SECRET.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
    return `${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
  });
}

/** Validates the environment and maps it to AppConfig. Throws ConfigError naming each bad variable. */
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
  if (problems.length) throw new ConfigError(problems);

  const config = new AppConfig();
  config.nodeEnv = nodeEnv;
  config.http = { host: dto.HOST ?? '0.0.0.0', port: dto.PORT ?? 3000 };
  config.database = {
    url: dto.DATABASE_URL,
    poolSize: dto.DATABASE_POOL_SIZE ?? 10,
    ssl: dto.DATABASE_SSL ?? false,
    runMigrationsOnStart: dto.MIGRATIONS_RUN_ON_START ?? true,
    embedded: {
      port: dto.EMBEDDED_PG_PORT ?? 54329,
      dataDir: resolve(cwd, dto.EMBEDDED_PG_DIR ?? '.data/pg'),
    },
  };
  config.redis = { url: dto.REDIS_URL, dataDir: resolve(cwd, dto.REDIS_DATA_DIR ?? '.data/redis') };
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
  };
  config.log = { level: dto.LOG_LEVEL ?? 'info', pretty: dto.LOG_PRETTY ?? false };
  config.audit = {
    retentionDays: dto.AUDIT_RETENTION_DAYS ?? 365,
    batchSize: dto.AUDIT_RETENTION_BATCH_SIZE ?? 1000,
    batchPauseMs: dto.AUDIT_RETENTION_BATCH_PAUSE_MS ?? 0,
    retentionCron: dto.AUDIT_RETENTION_CRON ?? '0 3 * * *',
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
