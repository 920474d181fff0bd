import { Logger } from '@nestjs/common';
import { stopEmbeddedPostgres } from '../database/database-url';
import { stopOwnedRedis } from '../queue/redis-url';

export interface Closable {
  close(): Promise<void>;
}

/**
 * Graceful shutdown on SIGTERM / SIGINT: closes the given Nest apps (the worker
 * lets active jobs finish), then the embedded PostgreSQL and Redis this process
 * started. A second signal, or the timeout, exits at once.
 */
export function closeOnSignal(apps: Closable[], timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: shutting down`);
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, timeoutMs + 5000).unref();
    void (async () => {
      try {
        for (const app of apps) await app.close();
        await stopOwnedRedis();
        await stopEmbeddedPostgres();
        process.exit(0);
      } catch (err) {
        logger.error(err instanceof Error ? err.message : String(err));
        process.exit(1);
      }
    })();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
