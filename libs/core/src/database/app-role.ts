import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * Tables the application may only read and append to, or only read. Every
 * other table of the schema gets SELECT, INSERT, UPDATE, DELETE. A feature
 * that needs an append-only table adds it here.
 */
export const APP_ROLE_LIMITS: Record<string, 'append' | 'read'> = {
  audit_log: 'append',
  audit_log_archive: 'read', // written only by audit_archive_batch() (security definer)
  migrations: 'read',
  // two-way evaluation: an answer, its receipt, a classroom evaluation are never changed
  evaluation_receipt: 'append',
  evaluation_post_class_answer: 'append',
  evaluation_classroom: 'append',
};

/** Functions the application may call (security definer, owned by the owner). */
export const APP_ROLE_FUNCTIONS = ['audit_archive_batch(timestamptz, integer, uuid)'];

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Grants the application role exactly what it needs on the current schema;
 * run as the owner after every migration run (new tables get their grants).
 * A no-op when the application connects as the owner itself (then a warning).
 */
export async function grantAppRole(owner: DataSource, appRole: string): Promise<void> {
  const [{ current_user: ownerRole }] =
    await owner.query<{ current_user: string }[]>('select current_user');
  if (ownerRole === appRole) {
    new Logger('Database').warn(
      `the application connects as the schema owner "${appRole}": set DATABASE_URL to a role with ` +
        'fewer rights and DATABASE_OWNER_URL to the owner (see README, production)',
    );
    return;
  }
  const role = ident(appRole);
  const tables = await owner.query<{ name: string }[]>(
    `select tablename as name from pg_tables where schemaname = current_schema()`,
  );
  await owner.transaction(async (em) => {
    await em.query(`grant usage on schema public to ${role}`);
    for (const { name } of tables) {
      const t = ident(name);
      const limit = APP_ROLE_LIMITS[name];
      await em.query(`revoke all on ${t} from ${role}`);
      const rights =
        limit === 'append'
          ? 'select, insert'
          : limit === 'read'
            ? 'select'
            : 'select, insert, update, delete';
      await em.query(`grant ${rights} on ${t} to ${role}`);
    }
    await em.query(`grant usage, select on all sequences in schema public to ${role}`);
    for (const fn of APP_ROLE_FUNCTIONS) {
      await em.query(`revoke all on function ${fn} from public`);
      await em.query(`grant execute on function ${fn} to ${role}`);
    }
  });
}
