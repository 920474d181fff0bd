import { appConfig, closeOnSignal, ConfigError } from '@peixun/core';
import { printStartBanner } from './banner';
import { createApiApp } from './bootstrap';

/** The API alone (production: run N of these behind a load balancer). */
async function main(): Promise<void> {
  const started = Date.now();
  const config = appConfig();
  const app = await createApiApp();
  closeOnSignal([app], config.shutdownTimeoutMs);
  await app.listen(config.http.port, config.http.host);
  await printStartBanner(app, 'API', started);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
