import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A statement of a hot path as a named prepared statement of its connection: PostgreSQL
 * parses and plans it once per connection instead of on every call (TypeORM's `query` sends
 * every statement unnamed). Inside a transaction pass its EntityManager; with a DataSource
 * the statement runs on a connection of the pool, outside any transaction (autocommit).
 *
 * `name` must be unique per text: a connection keeps the first text it prepared under a name.
 * Outside a transaction the statement goes straight to the driver's pool (pg checks a
 * connection out and back in around it), without a TypeORM QueryRunner per call.
 */
export async function preparedQuery<T>(
  on: EntityManager | DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const em = on instanceof DataSource ? on.manager : on;
  const run = async (client: PoolClient | Pool): Promise<T[]> => {
    try {
      return (await client.query<T & object>({ name, text, values })).rows;
    } catch (err) {
      // as TypeORM's own query fails: the error filter maps it (23505 → 409, unavailable → 503)
      throw new QueryFailedError(text, values, err as Error);
    }
  };
  const runner = em.queryRunner;
  if (runner && !runner.isReleased) return run((await runner.connect()) as PoolClient);
  return run((em.connection.driver as PostgresDriver).master as Pool);
}
