import { AppConfig, runMigrations } from '@peixun/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { cliDataSource, withDatabase } from './cli-data-source';

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/**
 * Applies every migration to a scratch database and asks TypeORM what the
 * entities would still change. Empty: entities and migrations agree.
 */
export async function schemaDiff(config: AppConfig, serverUrl: string): Promise<SchemaDiff> {
  const scratch = `peixun_schemacheck_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${scratch}`);
    const ds = cliDataSource(config, withDatabase(serverUrl, scratch));
    await ds.initialize();
    try {
      await runMigrations(ds);
      const sql = await ds.driver.createSchemaBuilder().log();
      return {
        up: sql.upQueries.map((q) => q.query),
        down: sql.downQueries.map((q) => q.query),
      };
    } finally {
      await ds.destroy();
    }
  } finally {
    await admin.query(`drop database if exists ${scratch} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
