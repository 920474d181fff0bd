import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import {
  EMBEDDED_APP_ROLE,
  EmbeddedPostgresHandle,
  embeddedAppUrl,
  startEmbeddedPostgres,
} from './embedded-postgres';

/**
 * Two roles: the owner runs migrations and owns every table; the application
 * connects as a role that owns nothing and has only the rights granted after
 * each migration run (see app-role.ts).
 */
export interface DatabaseUrls {
  /** The application's connection (DATABASE_URL, or the embedded `peixun_app`). */
  app: string;
  /** The schema owner's connection for migrations (DATABASE_OWNER_URL, else DATABASE_URL). */
  owner: string;
}

let embedded: Promise<EmbeddedPostgresHandle> | undefined;

/**
 * The PostgreSQL URLs to use: the configured ones, otherwise the embedded
 * server (started once per process, with both roles).
 */
export async function resolveDatabaseUrls(config: AppConfig): Promise<DatabaseUrls> {
  if (config.database.url) {
    return { app: config.database.url, owner: config.database.ownerUrl ?? config.database.url };
  }
  const logger = new Logger('EmbeddedPostgres');
  embedded ??= startEmbeddedPostgres({
    port: config.database.embedded.port,
    dataDir: config.database.embedded.dataDir,
    log: (m) => logger.debug(m),
  }).then((h) => {
    logger.log(
      h.owned
        ? `started embedded PostgreSQL on 127.0.0.1:${config.database.embedded.port} (data: ${config.database.embedded.dataDir})`
        : `using the embedded PostgreSQL already running on 127.0.0.1:${config.database.embedded.port}`,
    );
    return h;
  });
  const h = await embedded;
  return { app: embeddedAppUrl(config.database.embedded.port), owner: h.url };
}

/** The application's connection URL. */
export async function resolveDatabaseUrl(config: AppConfig): Promise<string> {
  return (await resolveDatabaseUrls(config)).app;
}

/** The role name in a postgres:// URL. */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username) || EMBEDDED_APP_ROLE;
}

/** Stops the embedded server if this process started it. */
export async function stopEmbeddedPostgres(): Promise<void> {
  if (!embedded) return;
  const h = await embedded.catch(() => undefined);
  embedded = undefined;
  if (h?.owned) await h.stop();
}
