import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

/**
 * Every environment variable the platform reads. Validated once at boot
 * (see loadConfig); nothing else in the code base reads process.env.
 */
export class EnvDto {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DATABASE_SSL?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional()
  @IsString()
  EMBEDDED_PG_DIR?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  MIGRATIONS_RUN_ON_START?: boolean;

  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  REDIS_DATA_DIR?: string;

  @IsOptional()
  @Matches(/^[a-zA-Z0-9_-]{1,40}$/, {
    message: 'QUEUE_PREFIX must be 1-40 letters, digits, - or _',
  })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(64)
  RENDER_THREADS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  API_WORKERS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  QUEUE_LOCK_DURATION_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  QUEUE_STALLED_INTERVAL_MS?: number;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_RATE_WINDOW_SECONDS?: number;

  /** Certificate verifications (page, upload, API) per client address per minute. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  VERIFY_RATE_LIMIT?: number;

  // -- HTTP hardening: body size, CORS, proxies, login limit per address --

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_RATE_LIMIT_PER_IP?: number;

  @IsOptional()
  @Matches(/^\d{1,9}(b|kb|mb)?$/i, {
    message: 'BODY_LIMIT must be a size such as 1mb, 512kb or 65536 (bytes)',
  })
  BODY_LIMIT?: string;

  @IsOptional()
  @Matches(
    /^\s*https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\s*(,\s*(https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?)?\s*)*$/,
    {
      message:
        'CORS_ORIGINS must be a comma-separated list of exact origins (https://host[:port], no path, no *)',
    },
  )
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  TRUST_PROXY?: string;

  @IsOptional()
  @Matches(/^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/, {
    message:
      'PUBLIC_BASE_URL must be the http(s) address clients reach the platform at (https://host[:port][/path], no query)',
  })
  @MaxLength(500)
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUDIT_RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUDIT_RETENTION_BATCH_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  AUDIT_RETENTION_BATCH_PAUSE_MS?: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  AUDIT_RETENTION_CRON?: string;

  // -- notifications (libs/core/src/notifications) --

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  NOTIFICATION_RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600000)
  NOTIFICATION_SWEEP_INTERVAL_MS?: number;

  // -- needs survey (libs/surveys) --

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3600000)
  SURVEY_SWEEP_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(50000)
  SURVEY_DISTRIBUTION_BATCH_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  SURVEY_DISTRIBUTION_BATCH_PAUSE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8)
  SURVEY_DISTRIBUTION_PARALLEL?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  SEED_DEMO_ON_EMPTY?: boolean;

  @IsOptional()
  @IsString()
  REGION_TIMEZONE?: string;

  // -- data directory, personal-data keys, database roles, logs, readiness (lead) --

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,})*$/, {
    message: 'PII_KEYS must be keyId:base64(32 bytes)[,keyId:base64…]',
  })
  PII_KEYS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'PII_ACTIVE_KEY_ID must be a key id of PII_KEYS' })
  PII_ACTIVE_KEY_ID?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/=]{43,}$/, { message: 'PII_INDEX_KEY must be base64 of ≥ 32 bytes' })
  PII_INDEX_KEY?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string;

  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: 'pretty' | 'json';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  READY_REQUIRES_WORKER?: boolean;

  // -- file store (libs/core/src/files) --

  @IsOptional()
  @IsIn(['local', 's3'])
  FILE_STORE?: 'local' | 's3';

  @IsOptional()
  @IsString()
  FILE_STORE_DIR?: string;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/.*)?$/, { message: 'S3_ENDPOINT must be an http(s):// URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'S3_REGION must be a region name like us-east-1' })
  S3_REGION?: string;

  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name (3-63 lower-case letters, digits, . or -)',
  })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;
}
