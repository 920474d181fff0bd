/**
 * Start-up to ready: spawns the single-machine build (`node dist/apps/api/src/main-all.js`,
 * what `npm start` runs after building) with the embedded PostgreSQL and measures the time
 * from spawn until GET /api/ready answers 200. One cold start (empty data directory:
 * initdb + migrations) and WARM_RUNS warm starts (existing data). Prints the figures.
 *
 *   npm run build && npm run bench:startup
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const ENTRY = join(ROOT, 'dist/apps/api/src/main-all.js');
const WARM_RUNS = Number(process.env.WARM_RUNS ?? 5);

async function startOnce(env: Record<string, string>, port: number): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SEED_DEMO_ON_EMPTY: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('process exited before ready');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
        if (res.status === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  if (!existsSync(ENTRY)) {
    console.log('building first (npm run build)…');
    spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'peixun-bench-pg-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach the data directory
  const env = { EMBEDDED_PG_DIR: join(dataDir, 'pg'), EMBEDDED_PG_PORT: '54349' };
  try {
    const cold = await startOnce(env, 3401);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await startOnce(env, 3402 + i));
    warm.sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)];
    console.log(`startup-to-ready (embedded PostgreSQL, API + worker in one process)`);
    console.log(`  cold (initdb + migrations): ${cold.toFixed(0)} ms`);
    console.log(
      `  warm x${warm.length}: median ${median.toFixed(0)} ms, min ${warm[0].toFixed(0)} ms, max ${warm[warm.length - 1].toFixed(0)} ms`,
    );
    console.log(`  target < 5000 ms warm: ${median < 5000 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
