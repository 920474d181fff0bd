import type { PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A statement of a hot path as a named prepared statement of its connection: PostgreSQL
 * parses and plans it once per connection instead of on every call (TypeORM's `query` sends
 * every statement unnamed). Inside a transaction pass its EntityManager; with a DataSource
 * the statement runs on a connection of the pool, outside any transaction (autocommit).
 *
 * `name` must be unique per text: a connection keeps the first text it prepared under a name.
 */
export async function preparedQuery<T>(
  on: EntityManager | DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const em = on instanceof DataSource ? on.manager : on;
  const runner = em.queryRunner;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query<T & object>({ name, text, values })).rows;
  }
  const fresh = em.connection.createQueryRunner();
  try {
    const client = (await fresh.connect()) as PoolClient;
    return (await client.query<T & object>({ name, text, values })).rows;
  } finally {
    await fresh.release();
  }
}
