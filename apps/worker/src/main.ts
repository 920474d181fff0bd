import { Logger } from '@nestjs/common';
import { appConfig, closeOnSignal, ConfigError } from '@peixun/core';
import { createWorkerApp } from './bootstrap';

/** The worker alone (production: run M of these). */
async function main(): Promise<void> {
  const config = appConfig();
  const app = await createWorkerApp();
  closeOnSignal([app], config.shutdownTimeoutMs);
  new Logger('Worker').log('worker ready: processing queues');
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
