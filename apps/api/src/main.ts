import { Logger } from '@nestjs/common';
import { appConfig, closeOnSignal, ConfigError } from '@peixun/core';
import { createApiApp } from './bootstrap';

/** The API alone (production: run N of these behind a load balancer). */
async function main(): Promise<void> {
  const config = appConfig();
  const app = await createApiApp();
  closeOnSignal([app], config.shutdownTimeoutMs);
  await app.listen(config.http.port, config.http.host);
  const url = `http://localhost:${config.http.port}`;
  new Logger('Api').log(`API ready at ${url}/api — docs at ${url}/api/docs`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
