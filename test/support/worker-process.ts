import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface AppProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export type WorkerProcess = AppProcess;

const ROOT = resolve(__dirname, '../..');

/**
 * Starts a real entrypoint (e.g. apps/worker/src/main.ts) as its own process
 * with the test environment, and resolves once its output shows `ready`.
 */
export async function startAppProcess(
  entry: string,
  env: Record<string, string>,
  ready: string | RegExp,
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const deadline = Date.now() + timeoutMs;
  const isReady = (): boolean =>
    typeof ready === 'string' ? out.includes(ready) : ready.test(out);
  while (!isReady()) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => out, exited };
}

/** The real worker entrypoint (apps/worker/src/main.ts) in its own process. */
export function startWorkerProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
  nodeArgs: string[] = [],
): Promise<WorkerProcess> {
  return startAppProcess('apps/worker/src/main.ts', env, 'worker ready', timeoutMs, nodeArgs);
}
