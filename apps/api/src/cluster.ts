import { Logger } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';

/**
 * `API_WORKERS` copies of the API sharing one port (node:cluster: the primary accepts the
 * connections and hands them to the copies in turn). An API process is stateless — sessions
 * are tokens, rate limits and queues live in Redis, everything else in PostgreSQL — so the
 * copies need nothing from each other; on a machine with spare cores this is what lets one
 * host answer more than one core's worth of requests.
 *
 * The primary starts the copies, starts another when one dies after it was serving, gives up
 * (exit 1) when one dies before it ever listened (a configuration or database problem that a
 * restart would only repeat), and on SIGTERM / SIGINT passes the signal on and exits once every
 * copy has drained.
 */
export function runPrimary(copies: number, shutdownTimeoutMs: number): void {
  const logger = new Logger('Cluster');
  const serving = new WeakSet<Worker>();
  let stopping = false;
  let listening = 0;
  const fork = (): void => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      serving.add(worker);
      listening++;
      if (listening === copies) logger.log(`${copies} API processes listening`);
      else if (listening > copies) logger.log(`API process ${worker.process.pid} listening`);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const alive = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      // 0 after a signal; 1 when a copy failed to start (process.exitCode)
      if (alive === 0) process.exit();
      return;
    }
    if (!serving.has(worker)) {
      logger.error(`API process ${worker.process.pid} exited before it listened: stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (alive === 0) process.exit();
      return;
    }
    logger.warn(
      `API process ${worker.process.pid} exited (${signal ?? `code ${code}`}): starting another`,
    );
    fork();
  });
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: stopping ${copies} API processes`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    setTimeout(() => process.exit(1), shutdownTimeoutMs + 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.log(`starting ${copies} API processes`);
  for (let i = 0; i < copies; i++) fork();
}

/** In a cluster, only the first copy prints the start banner. */
export const isFirstCopy = (): boolean => !cluster.isWorker || cluster.worker?.id === 1;

export const isPrimaryOf = (copies: number): boolean => copies > 1 && cluster.isPrimary;
