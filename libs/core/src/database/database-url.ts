import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded-postgres';

let embedded: Promise<EmbeddedPostgresHandle> | undefined;

/**
 * The PostgreSQL URL to use: DATABASE_URL when set, otherwise the embedded
 * server (started once per process).
 */
export async function resolveDatabaseUrl(config: AppConfig): Promise<string> {
  if (config.database.url) return config.database.url;
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
  return (await embedded).url;
}

/** Stops the embedded server if this process started it. */
export async function stopEmbeddedPostgres(): Promise<void> {
  if (!embedded) return;
  const h = await embedded.catch(() => undefined);
  embedded = undefined;
  if (h?.owned) await h.stop();
}
