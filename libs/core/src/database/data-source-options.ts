import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { SafeTypeOrmLogger } from './typeorm-logger';

export function dataSourceOptions(config: AppConfig, url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    ssl: config.database.ssl ? { rejectUnauthorized: false } : false,
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    poolSize: config.database.poolSize,
    // fail fast while PostgreSQL is down (503 to the caller) instead of waiting forever
    extra: { application_name: 'peixun', connectionTimeoutMillis: 5000 },
    logging: ['error', 'warn', 'migration'],
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
  };
}
