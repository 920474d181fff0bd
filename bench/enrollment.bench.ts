/**
 * Enrolment under contention (issue 9): 1,000 workers enrol at the same instant in one
 * 100-place class, against the API running as a process of its own (as in production),
 * driven over real HTTP from this process. Beside it, in the same run and on the same
 * machine, the two limits it lives under:
 *   - the HTTP ceiling: the same API process's bare unauthenticated route (GET /api/health);
 *   - the database: the same PostgreSQL's raw single-row INSERT rate (autocommit), on one
 *     connection and on ten.
 * After every run it checks the outcome: exactly 100 places, 900 on the waitlist at
 * positions 1..900, first come first served, no worker twice, the class's counter at 100.
 *
 *   npm run bench:enrollment                   (embedded PostgreSQL, or DATABASE_URL's server)
 *   RUNS=5 npm run bench:enrollment
 *   PROFILE=1 npm run bench:enrollment         (CPU profile of the API during the bursts)
 */
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appConfig, EMBEDDED_APP_ROLE } from '../libs/core/src';
import { TokenService } from '../libs/core/src/auth/token.service';
import type { Actor } from '../libs/core/src/auth/roles';
import {
  aConsentingTeacher,
  aFiledInstitution,
  anApprovedPlan,
  dayFromNow,
} from '../test/factories/class.factory';
import { anOrgTree, TestOrg } from '../test/factories/org.factory';
import { aWorker } from '../test/factories/worker.factory';
import { benchStage, pct } from './support/bench-env';
import { ApiProcess, startApiProcess } from './support/api-process';
import { BenchClient, Reply } from './support/http-client';

const ROOT = resolve(__dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const WARMUP = Number(process.env.WARMUP ?? 2);
const WORKERS = 1000;
const PLACES = 100;
const PORT = Number(process.env.BENCH_PORT ?? 3931);
const CEILING_CONNECTIONS = 100;
const CEILING_MS = 5000;
const INSERT_MS = 3000;
const PROFILE = process.env.PROFILE === '1';

const now = (): bigint => process.hrtime.bigint();
const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]): number => pct(xs, 0.5);

// -- HTTP client: keep-alive sockets, one per concurrent request ---------------------------

const client = new BenchClient(PORT, WORKERS + 100);
const call = (method: string, path: string, token?: string, body?: unknown): Promise<Reply> =>
  client.call(method, path, token, body);
const expectStatus = (p: Promise<Reply>, status: number, what: string): Promise<Reply> =>
  client.expectStatus(p, status, what);
/** `n` fresh keep-alive connections, as clients that are already connected (see BenchClient). */
const openConnections = (n: number): Promise<void> => client.openConnections(n);

// -- the database and the API process --------------------------------------------------------

/** CPU time used so far (ms): by the whole machine (busy and all), and by every `postgres` process. */
function machineCpu(): { busyMs: number; allMs: number; postgresMs: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = cpu.split(/\s+/).slice(1, 9).map(Number);
  const idle = ticks[3] + ticks[4];
  const all = ticks.reduce((a, b) => a + b, 0);
  let postgres = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.split(') ')[1].split(' ');
      postgres += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone meanwhile */
    }
  }
  return { busyMs: (all - idle) * 10, allMs: all * 10, postgresMs: postgres * 10 };
}

// -- the three measurements -------------------------------------------------------------------

/** Requests per second of GET /api/health, CEILING_CONNECTIONS clients in a closed loop. */
async function httpCeiling(
  api: ApiProcess,
): Promise<{ rps: number; p50: number; p99: number; apiCpuMs: number; clientCpuMs: number }> {
  const latencies: number[] = [];
  const loop = async (until: bigint): Promise<void> => {
    while (now() < until) {
      const r = await call('GET', '/api/health');
      if (r.status !== 200) throw new Error(`health: ${r.status}`);
      latencies.push(r.ms);
    }
  };
  // a second of warm-up, then the measured window
  await Promise.all(
    Array.from({ length: CEILING_CONNECTIONS }, () => loop(now() + 1_000_000_000n)),
  );
  latencies.length = 0;
  const cpu0 = api.cpuMs();
  const client0 = process.cpuUsage();
  const t0 = now();
  await Promise.all(
    Array.from({ length: CEILING_CONNECTIONS }, () => loop(t0 + BigInt(CEILING_MS) * 1_000_000n)),
  );
  const seconds = msSince(t0) / 1000;
  const client = process.cpuUsage(client0);
  return {
    rps: latencies.length / seconds,
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
    // CPU per second of the window: how busy the server and this client were
    apiCpuMs: (api.cpuMs() - cpu0) / seconds,
    clientCpuMs: (client.user + client.system) / 1000 / seconds,
  };
}

/** 1,000 GET /api/health at once on open connections: the same burst shape as the enrolment. */
async function healthBurst(): Promise<{ settleMs: number; rate: number }> {
  await openConnections(WORKERS);
  const t0 = now();
  const replies = await Promise.all(
    Array.from({ length: WORKERS }, () => call('GET', '/api/health')),
  );
  const settleMs = msSince(t0);
  if (replies.some((r) => r.status !== 200)) throw new Error('health burst: not all 200');
  return { settleMs, rate: WORKERS / (settleMs / 1000) };
}

/** Single-row INSERTs per second (autocommit, a prepared statement) on `connections` connections. */
async function insertRate(url: string, connections: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  try {
    const setup = clients[0];
    await setup.query(`drop table if exists bench_insert`);
    await setup.query(
      `create table bench_insert (id bigserial primary key, class_id uuid not null,
         worker_id uuid not null, status varchar(12) not null, created_at timestamptz not null default now())`,
    );
    const classId = randomUUID();
    let done = 0;
    const loop = async (c: Client, until: bigint): Promise<void> => {
      while (now() < until) {
        await c.query({
          name: 'bench-insert',
          text: `insert into bench_insert (class_id, worker_id, status) values ($1, $2, 'enrolled')`,
          values: [classId, randomUUID()],
        });
        done++;
      }
    };
    await Promise.all(clients.map((c) => loop(c, now() + 500_000_000n))); // warm-up
    done = 0;
    const t0 = now();
    const until = t0 + BigInt(INSERT_MS) * 1_000_000n;
    await Promise.all(clients.map((c) => loop(c, until)));
    const rate = done / (msSince(t0) / 1000);
    await setup.query(`drop table bench_insert`);
    return rate;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

// -- the enrolment burst ----------------------------------------------------------------------

interface EnrolRun {
  settleMs: number;
  rate: number;
  p50: number;
  p99: number;
  max: number;
  apiCpuMs: number;
  window: [bigint, bigint];
  connections: Record<string, number>;
  /** Cores busy on average during the burst: the whole machine, the API, PostgreSQL, this client. */
  cores: { machine: number; api: number; postgres: number; client: number };
}

/** An open class of `places` places (approved plan → POST /classes → publish) and `n` fresh workers with tokens. */
async function prepare(
  ds: DataSource,
  org: TestOrg,
  tokens: TokenService,
  staffToken: string,
  places: number,
  n: number,
  round: number,
): Promise<{ classId: string; workerTokens: string[]; workerIds: string[] }> {
  const teacher = await aConsentingTeacher(ds, org.institution.id, `基准教师${round}`);
  const plan = await anApprovedPlan(ds, org, {
    teacherIds: [teacher.id],
    places,
    sessions: Array.from({ length: 5 }, (_, i) => ({
      date: dayFromNow(20 + i),
      startTime: '09:00',
      halfHours: 16,
      topic: `专题 ${i + 1}`,
      teacherId: teacher.id,
    })),
  });
  const window = {
    enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    enrolClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };
  const created = await expectStatus(
    call('POST', '/api/v1/classes', staffToken, {
      projectPlanId: plan.id,
      capacity: places,
      ...window,
    }),
    201,
    'create class',
  );
  const classId = (created.body as { id: string }).id;
  await expectStatus(
    call('POST', `/api/v1/classes/${classId}/publish`, staffToken),
    201,
    'publish class',
  );
  const workerIds: string[] = [];
  for (let i = 0; i < n; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, n - i) }, () =>
        aWorker().inCommunity(org.communityA1).create(ds),
      ),
    );
    workerIds.push(...batch.map((w) => w.id));
  }
  const workerTokens = workerIds.map(
    (id) =>
      tokens.signAccess({
        accountId: randomUUID(),
        username: `w-${id.slice(0, 8)}`,
        role: 'worker',
        orgId: null,
        districtId: null,
        streetId: null,
        workerId: id,
      }).token,
  );
  return { classId, workerTokens, workerIds };
}

/**
 * What the API's database connections are doing, sampled every 10 ms until `done`: on
 * average how many wait for a lock, sit idle inside a transaction (the database waits for
 * the API's next statement), run a statement (or its commit), or are idle in the pool.
 */
async function sampleConnections(
  url: string,
  done: Promise<unknown>,
): Promise<Record<string, number>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const sums: Record<string, number> = {};
  let samples = 0;
  let finished = false;
  void done.finally(() => (finished = true));
  try {
    while (!finished) {
      const { rows } = await c.query<{ what: string; n: number }>(
        `select case when wait_event_type = 'Lock' then 'waiting for a lock'
                     when state = 'idle in transaction' then 'idle in transaction'
                     when state = 'active' then 'running a statement or commit'
                     else 'idle' end as what, count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and usename = $1 and pid <> pg_backend_pid()
          group by 1`,
        [EMBEDDED_APP_ROLE],
      );
      for (const r of rows) sums[r.what] = (sums[r.what] ?? 0) + r.n;
      samples++;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await c.end();
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v / Math.max(1, samples)]));
}

async function enrolBurst(
  api: ApiProcess,
  ownerUrl: string,
  classId: string,
  workerTokens: string[],
): Promise<{ run: EnrolRun; replies: Reply[] }> {
  await openConnections(workerTokens.length);
  const cpu0 = api.cpuMs();
  const machine0 = machineCpu();
  const client0 = process.cpuUsage();
  const t0 = now();
  const all = Promise.all(
    workerTokens.map((t) => call('POST', `/api/v1/classes/${classId}/enrollments`, t, {})),
  );
  const [replies, connections] = await Promise.all([all, sampleConnections(ownerUrl, all)]);
  const t1 = now();
  const settleMs = Number(t1 - t0) / 1e6;
  const machine1 = machineCpu();
  const client = process.cpuUsage(client0);
  const cores = (ms: number): number => ms / settleMs;
  const latencies = replies.map((r) => r.ms);
  return {
    run: {
      settleMs,
      rate: workerTokens.length / (settleMs / 1000),
      p50: pct(latencies, 0.5),
      p99: pct(latencies, 0.99),
      max: Math.max(...latencies),
      apiCpuMs: api.cpuMs() - cpu0,
      window: [t0, t1],
      connections,
      cores: {
        machine: cores(machine1.busyMs - machine0.busyMs),
        api: cores(api.cpuMs() - cpu0),
        postgres: cores(machine1.postgresMs - machine0.postgresMs),
        client: cores((client.user + client.system) / 1000),
      },
    },
    replies,
  };
}

/** Exactly `places` places and the rest waitlisted at 1..n, in arrival order, no worker twice. */
async function verify(
  ds: DataSource,
  classId: string,
  replies: Reply[],
  places: number,
): Promise<string> {
  const bad = replies.filter((r) => r.status !== 201);
  if (bad.length)
    throw new Error(
      `${bad.length} enrolments failed, e.g. ${bad[0].status} ${JSON.stringify(bad[0].body)}`,
    );
  const n = replies.length;
  const rows = await ds.query<{ status: string; worker_id: string }[]>(
    `select status, worker_id from enrollment where class_id = $1 order by queue_seq`,
    [classId],
  );
  const [{ taken }] = await ds.query<{ taken: number }[]>(
    `select taken from training_class where id = $1`,
    [classId],
  );
  const enrolled = rows.filter((r) => r.status === 'enrolled').length;
  const waitlisted = rows.filter((r) => r.status === 'waitlisted').length;
  const positions = replies
    .map((r) => r.body as { status: string; waitlistPosition: number | null })
    .filter((b) => b.status === 'waitlisted')
    .map((b) => b.waitlistPosition ?? 0)
    .sort((a, b) => a - b);
  const problems = [
    rows.length !== n && `${rows.length} entries, not ${n}`,
    new Set(rows.map((r) => r.worker_id)).size !== n && 'a worker holds two entries',
    enrolled !== places && `${enrolled} enrolled, not ${places}`,
    waitlisted !== n - places && `${waitlisted} waitlisted, not ${n - places}`,
    taken !== places && `class counter at ${taken}, not ${places}`,
    !rows.slice(0, places).every((r) => r.status === 'enrolled') &&
      'places not given in arrival order',
    positions.some((p, i) => p !== i + 1) && 'waitlist positions are not 1..n',
  ].filter(Boolean);
  if (problems.length) throw new Error(`incorrect outcome: ${problems.join('; ')}`);
  return `${enrolled} enrolled, ${waitlisted} waitlisted at positions 1..${waitlisted}, none twice, counter ${taken}`;
}

// -- profile summary ----------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time of the API process within the bursts, by function and by area (package or lib). */
function summariseProfile(dir: string, windows: [bigint, bigint][]): string[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return ['(no profile written)'];
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  // profile timestamps are microseconds on the monotonic clock, as process.hrtime is
  const inWindow = (us: number): boolean =>
    windows.some(
      ([a, b]) => BigInt(Math.round(us * 1000)) >= a && BigInt(Math.round(us * 1000)) <= b,
    );
  const fn = new Map<string, number>();
  const area = new Map<string, number>();
  let t = p.startTime;
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    const dt = p.timeDeltas[i + 1] ?? 0;
    if (!inWindow(t)) continue;
    const node = byId.get(p.samples[i])!;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
    const key = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + dt);
    const a =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      /^(libs\/[^/]+|apps\/[^/]+)/.exec(where)?.[1] ??
      (where.startsWith('node:')
        ? 'node internals'
        : functionName.startsWith('(')
          ? functionName
          : 'other');
    area.set(a, (area.get(a) ?? 0) + dt);
    total += dt;
  }
  const top = (m: Map<string, number>, k: number): string[] =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, k)
      .map(
        ([name, us]) =>
          `    ${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
      );
  return [
    `  API CPU profile within the bursts: ${(total / 1000).toFixed(0)} ms of samples (${join(dir, file)})`,
    '  by area (self time):',
    ...top(area, 15),
    '  by function (self time):',
    ...top(fn, 25),
  ];
}

// -- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const s = await benchStage({ pgPort: 54379, name: 'enrol', apiPort: PORT });
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'peixun-enrol-prof-')) : null;
  let api: ApiProcess | null = null;
  try {
    const org = await anOrgTree(s.ds);
    await aFiledInstitution(s.ds, org.institution.id);
    const tokens = new TokenService(
      new JwtService({ secret: s.env.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
      appConfig(),
    );
    const staff: Actor = {
      accountId: randomUUID(),
      username: 'bench.staff',
      role: 'institution_staff',
      orgId: org.institution.id,
      districtId: null,
      streetId: null,
      workerId: null,
    };
    const staffToken = tokens.signAccess(staff).token;
    api = await startApiProcess(client, s.env, profileDir);

    // warm-up, as a server that has been running is: WARMUP bursts of the same size (places and
    // waitlist; V8 optimises a function after many calls, and one small burst left the first
    // measured run 20-40 % slower than the third), and the HTTP ceiling's first second
    for (let w = 0; w < WARMUP; w++) {
      const warm = await prepare(s.ds, org, tokens, staffToken, PLACES, WORKERS, 1000 + w);
      const warmBurst = await enrolBurst(api, s.ownerUrl, warm.classId, warm.workerTokens);
      await verify(s.ds, warm.classId, warmBurst.replies, PLACES);
    }

    const ceiling = await httpCeiling(api);
    const burst = await healthBurst();
    const insert1 = await insertRate(s.ownerUrl, 1);
    const insert10 = await insertRate(s.ownerUrl, 10);

    const runs: EnrolRun[] = [];
    for (let r = 1; r <= RUNS; r++) {
      const { classId, workerTokens } = await prepare(
        s.ds,
        org,
        tokens,
        staffToken,
        PLACES,
        WORKERS,
        r,
      );
      const { run, replies } = await enrolBurst(api, s.ownerUrl, classId, workerTokens);
      const outcome = await verify(s.ds, classId, replies, PLACES);
      runs.push(run);
      console.log(
        `  run ${r}: ${WORKERS} enrolments settled in ${run.settleMs.toFixed(0)} ms = ${run.rate.toFixed(0)}/s; latency p50 ${run.p50.toFixed(0)} ms, p99 ${run.p99.toFixed(0)} ms, max ${run.max.toFixed(0)} ms; API CPU ${run.apiCpuMs} ms (${(run.apiCpuMs / WORKERS).toFixed(2)} ms per enrolment); ${outcome}`,
      );
      console.log(
        `    the API's database connections, on average: ${Object.entries(run.connections)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${v.toFixed(1)} ${k}`)
          .join(
            ', ',
          )}; cores busy: machine ${run.cores.machine.toFixed(2)} of ${cpus().length} (API ${run.cores.api.toFixed(2)}, PostgreSQL ${run.cores.postgres.toFixed(2)}, this client ${run.cores.client.toFixed(2)})`,
      );
    }
    const settle = median(runs.map((r) => r.settleMs));
    const rate = median(runs.map((r) => r.rate));
    const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
    const lines = [
      `enrolment under contention: ${WORKERS} workers, one ${PLACES}-place class, API in its own process (${api.copies > 1 ? `${api.copies} processes (API_WORKERS), ` : ''}NODE_ENV=production, LOG_LEVEL=warn, pool ${process.env.DATABASE_POOL_SIZE ?? 10}), median of ${RUNS} runs`,
      `  enrolment: settled in ${settle.toFixed(0)} ms (goal < 2000 ms: ${settle < 2000 ? 'met' : 'NOT met'}) = ${rate.toFixed(0)} enrolments/s; latency p50 ${median(runs.map((r) => r.p50)).toFixed(0)} ms, p99 ${median(runs.map((r) => r.p99)).toFixed(0)} ms; API CPU ${(median(runs.map((r) => r.apiCpuMs)) / WORKERS).toFixed(2)} ms per enrolment`,
      `  HTTP ceiling (GET /api/health, ${CEILING_CONNECTIONS} connections, ${CEILING_MS / 1000} s): ${ceiling.rps.toFixed(0)} requests/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms (API ${(ceiling.apiCpuMs / 10).toFixed(0)} % of a core, this client ${(ceiling.clientCpuMs / 10).toFixed(0)} %); ${WORKERS} at once: ${burst.settleMs.toFixed(0)} ms = ${burst.rate.toFixed(0)}/s`,
      `  PostgreSQL single-row INSERT (autocommit): 1 connection ${insert1.toFixed(0)}/s, 10 connections ${insert10.toFixed(0)}/s`,
      `  ratios: enrolment / HTTP ceiling ${(rate / ceiling.rps).toFixed(3)}; enrolment / INSERT on 1 connection ${(rate / insert1).toFixed(3)}, on 10 ${(rate / insert10).toFixed(3)}`,
      `  machine: load average ${load1} (1 min) at the end`,
    ];
    console.log(lines.join('\n'));
    if (profileDir) {
      await api.stop();
      api = null;
      console.log(
        summariseProfile(
          profileDir,
          runs.map((r) => r.window),
        ).join('\n'),
      );
    }
  } finally {
    if (api) await api.stop();
    await s.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
