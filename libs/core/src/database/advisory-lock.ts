import { DataSource } from 'typeorm';

/** Runs `fn` while holding a session-level advisory lock, so only one process does it at a time. */
export async function withAdvisoryLock<T>(
  ds: DataSource,
  key: number,
  fn: () => Promise<T>,
): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('select pg_advisory_lock($1)', [key]);
    try {
      return await fn();
    } finally {
      await runner.query('select pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}

export const MIGRATION_LOCK_KEY = 727_001;

/** The demo seed on an empty database: API processes of one cluster start together. */
export const DEMO_SEED_LOCK_KEY = 727_002;
