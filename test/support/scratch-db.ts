import { loadConfig, migrateAsOwner } from '@peixun/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface ScratchDatabase {
  /**
   * DATABASE_URL (the app role) and DATABASE_OWNER_URL of the new database, and a queue
   * prefix of its own (jobs enqueued here must not be run by another file's worker against
   * the main test database; global-teardown removes it with the run's prefix).
   */
  env: { DATABASE_URL: string; DATABASE_OWNER_URL: string; QUEUE_PREFIX: string };
  drop(): Promise<void>;
}

const withDb = (url: string, db: string): string => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/**
 * A database of its own for a test file whose writes must not meet the others'
 * (a fuzz that creates whatever it can), on the test server, migrated, with the
 * app role's grants. The test run's keys, Redis and file store are shared.
 */
export async function aScratchDatabase(label: string): Promise<ScratchDatabase> {
  const owner = process.env.DATABASE_OWNER_URL!;
  const app = process.env.DATABASE_URL!;
  const name = `peixun_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: withDb(owner, 'postgres') });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const env = {
    DATABASE_URL: withDb(app, name),
    DATABASE_OWNER_URL: withDb(owner, name),
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-${label}`,
  };
  await migrateAsOwner(loadConfig({ ...process.env, ...env }));
  return {
    env,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
