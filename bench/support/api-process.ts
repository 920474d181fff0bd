import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BenchClient } from './http-client';
import { API_NODE_FLAGS } from '../../apps/api/src/node-flags';

const ROOT = resolve(__dirname, '..', '..');

/** The API started as a process of its own (with its API_WORKERS copies, if any), as in production. */
export interface ApiProcess {
  pid: number;
  /** API processes serving (API_WORKERS; 1: no cluster). */
  copies: number;
  /** CPU time (user + system) used so far by the API and its copies, in ms (10 ms resolution). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime of one process, in clock ticks (fields 14 and 15 of stat). */
export function ticksOf(pid: string): number {
  try {
    return ticksIn(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return 0; // gone meanwhile
  }
}

/** The fields of a stat line after `(comm)`: state is [0], utime [11], stime [12], cutime [13]. */
const fieldsOf = (stat: string): string[] => stat.slice(stat.lastIndexOf(') ') + 2).split(' ');

function ticksIn(stat: string): number {
  const f = fieldsOf(stat);
  return Number(f[11]) + Number(f[12]);
}

/** CPU ticks of each thread of one process (`/proc/<pid>/task`), by thread id. */
export function threadTicks(pid: string): Map<string, number> {
  const out = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) out.set(tid, ticksOf(`${pid}/task/${tid}`));
  } catch {
    /* gone meanwhile */
  }
  return out;
}

/** The process and its children (a cluster's copies): their summed CPU ticks. */
function treeTicks(root: number): number {
  let ticks = ticksOf(String(root));
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = fieldsOf(stat)[1];
      if (Number(ppid) === root) ticks += ticksIn(stat);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks;
}

/**
 * CPU ticks of every process whose command (`comm`) is one of `names`, summed per name, the
 * children they have reaped included (cutime + cstime): a PostgreSQL backend that exits during
 * a measurement still counts, in the postmaster that reaped it, instead of leaving the sum.
 */
export function ticksByCommand(names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm in out) {
        const f = fieldsOf(stat);
        out[comm] += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/**
 * Starts `apps/api/src/main.ts` with the bench database's environment and waits until
 * `GET /api/health` answers. PROFILE-style CPU profiles go to `profileDir` when it is given.
 */
export async function startApiProcess(
  client: BenchClient,
  env: Record<string, string>,
  profileDir: string | null,
): Promise<ApiProcess> {
  const args = [
    // the production command line's options (package.json's start:api, the Docker image)
    ...API_NODE_FLAGS,
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ...(process.env.API_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    '-r',
    '@swc-node/register',
    'apps/api/src/main.ts',
  ];
  const copies = Number(env.API_WORKERS ?? process.env.API_WORKERS ?? 1);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    // API_NODE_ARGS (e.g. --trace-gc): node options of the API process, its output shown
    stdio: [
      'ignore',
      copies > 1 ? 'pipe' : process.env.API_NODE_ARGS ? 'inherit' : 'ignore',
      'inherit',
    ],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  // a cluster's primary says when every copy listens (apps/api/src/cluster.ts)
  let allListening = copies === 1;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes(`${copies} API processes listening`)) allListening = true;
  });
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('the API exited before it answered');
    if (i > 1500) throw new Error('the API did not answer within 30 s');
    try {
      if (allListening && (await client.call('GET', '/api/health')).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const pid = child.pid!;
  return {
    pid,
    copies,
    cpuMs: () => treeTicks(pid) * 10,
    stop: async () => {
      client.close();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
