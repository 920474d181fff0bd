import { appConfig, closeOnSignal, ConfigError } from '@peixun/core';
import { isFirstCopy, isPrimaryOf, runPrimary } from './cluster';

/**
 * The API alone (production: run N of these behind a load balancer, each with API_WORKERS
 * processes sharing its port).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const config = appConfig();
  if (isPrimaryOf(config.http.apiWorkers)) {
    runPrimary(config.http.apiWorkers, config.shutdownTimeoutMs);
    return;
  }
  // loaded only in the processes that serve (the primary of a cluster holds no application)
  const { createApiApp } = await import('./bootstrap');
  const { printStartBanner } = await import('./banner');
  const app = await createApiApp();
  closeOnSignal([app], config.shutdownTimeoutMs);
  await app.listen(config.http.port, config.http.host);
  if (isFirstCopy()) await printStartBanner(app, 'API', started);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
