import { appConfig, closeOnSignal, ConfigError } from '@peixun/core';
import { createWorkerApp } from '../../worker/src/bootstrap';
import { printStartBanner } from './banner';
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
  await printStartBanner(api, 'API + worker', started);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
