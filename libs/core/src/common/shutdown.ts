import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { stopEmbeddedPostgres } from '../database/database-url';
import { stopOwnedRedis } from '../queue/redis-url';

/** Process-wide state of the shutdown: readiness answers 503 while draining. */
export const lifecycle = { draining: false };

export interface Closable {
  close(): Promise<void>;
  /** Nest HTTP apps have one; application contexts (the worker) do not. */
  getHttpServer?(): unknown;
}

function httpServerOf(app: Closable): Server | null {
  const server = typeof app.getHttpServer === 'function' ? app.getHttpServer() : null;
  return server && typeof (server as Server).close === 'function' ? (server as Server) : null;
}

/**
 * Graceful shutdown on SIGTERM / SIGINT, within SHUTDOWN_TIMEOUT_MS:
 * - readiness turns 503 (load balancers stop sending);
 * - HTTP servers stop accepting at once and close idle keep-alive
 *   connections; requests in flight finish (those still running at the
 *   deadline are cut);
 * - the worker stops taking jobs and lets active ones finish; at the deadline
 *   it hands them back to the queue for another worker (queue-workers.service);
 * - then the embedded PostgreSQL and Redis this process started stop.
 * All apps drain at the same time. A second signal exits at once; a hard
 * limit of the timeout + 5 s exits whatever happens.
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
    lifecycle.draining = true;
    logger.log(`${signal}: draining (at most ${timeoutMs} ms)`);
    setTimeout(() => {
      logger.error('shutdown took too long: exiting');
      process.exit(1);
    }, timeoutMs + 5000).unref();
    const drained = new Map<Closable, Promise<void>>();
    const servers: Server[] = [];
    for (const app of apps) {
      const server = httpServerOf(app);
      if (!server) continue;
      servers.push(server);
      // 'close' fires once every connection has ended, i.e. the requests in flight are answered
      drained.set(app, new Promise((resolve) => server.once('close', () => resolve())));
      server.close(); // no new connections
      server.closeIdleConnections();
    }
    const cut = setTimeout(() => {
      for (const server of servers) server.closeAllConnections();
    }, timeoutMs).unref();
    void (async () => {
      try {
        // the database and queues stay open until the app's requests are done
        await Promise.all(
          apps.map(async (app) => {
            await drained.get(app);
            await app.close();
          }),
        );
        clearTimeout(cut);
        await stopOwnedRedis();
        await stopEmbeddedPostgres();
        logger.log('stopped');
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
