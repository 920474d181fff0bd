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
    // a refused connection fails at once (503 while PostgreSQL is down); this bounds a hung one
    // and the wait for a free connection of the pool under load (requests queue rather than fail)
    extra: { application_name: 'peixun', connectionTimeoutMillis: 30_000 },
    logging: ['error', 'warn', 'migration'],
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
  };
}
