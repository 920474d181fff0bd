import { Logger } from '@nestjs/common';
import { appConfig, closeOnSignal, ConfigError } from '@peixun/core';
import { createWorkerApp } from '../../worker/src/bootstrap';
import { createApiApp } from './bootstrap';

/**
 * Single-machine mode (`npm start`): API and worker in one process, sharing
 * the embedded PostgreSQL and Redis. Production runs them apart.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = appConfig();
  const api = await createApiApp();
  const worker = await createWorkerApp();
  closeOnSignal([api, worker], config.shutdownTimeoutMs);
  await api.listen(config.http.port, config.http.host);
  const url = `http://localhost:${config.http.port}`;
  new Logger('Peixun').log(
    `ready in ${Date.now() - started} ms — API ${url}/api, docs ${url}/api/docs, health ${url}/api/health`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
