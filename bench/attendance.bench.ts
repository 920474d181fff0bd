/**
 * Self check-in under load (issue 10): 50 sessions running at once, 100 trainees each, and
 * every trainee checks in by the session's rotating QR code, against the API running as a
 * process of its own (as in production), driven over real HTTP from this process.
 *   - burst: all 5,000 check-ins sent at once (no error allowed, one mark each);
 *   - sustained: 5,000 check-ins again (marks cleared), CONNECTIONS clients in a closed loop:
 *     check-ins per second and the latency p50 / p99;
 * beside the two limits it lives under, measured in the same run on the same machine:
 *   - the HTTP ceiling: the same API process's bare unauthenticated route (GET /api/health),
 *     with the same number of clients in a closed loop;
 *   - the database: the same PostgreSQL's raw single-row INSERT rate (autocommit), on one
 *     connection and on ten;
 * and marking a 300-trainee roster in one request (PUT /sessions/:id/attendance, one
 * transaction), timed.
 *
 *   npm run bench:attendance                   (embedded PostgreSQL, or DATABASE_URL's server)
 *   PROFILE=/tmp/prof npm run bench:attendance (CPU profile of the API process)
 *   API_NODE_ARGS=--trace-gc npm run bench:attendance (node options of the API process; its output shown)
 */
import { JwtService } from '@nestjs/jwt';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { checkInToken, slotOf } from '../libs/attendance/src/attendance.rules';
import { appConfig } from '../libs/core/src';
import { TokenService } from '../libs/core/src/auth/token.service';
import type { Actor } from '../libs/core/src/auth/roles';
import {
  aConsentingTeacher,
  aFiledInstitution,
  anApprovedPlan,
  clockFromNow,
  dayFromNow,
} from '../test/factories/class.factory';
import { anOrgTree, TestOrg } from '../test/factories/org.factory';
import { aWorker } from '../test/factories/worker.factory';
import { benchStage, pct } from './support/bench-env';
import { ApiProcess, startApiProcess, ticksByCommand, ticksOf } from './support/api-process';
import { BenchClient, Reply } from './support/http-client';

const SESSIONS = 50;
const PER_SESSION = 100;
const CHECK_INS = SESSIONS * PER_SESSION;
const ROSTER = 300;
const ROSTER_RUNS = 5;
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
/** Connections of the burst (a busy server resets some of 1,000 connects at once: backlog). */
const BURST_SOCKETS = 200;
const PORT = Number(process.env.BENCH_PORT ?? 4101);
const CEILING_MS = 5000;
const INSERT_MS = 3000;

const now = (): bigint => process.hrtime.bigint();
const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

// -- HTTP client: keep-alive sockets ----------------------------------------------------------

const client = new BenchClient(PORT, BURST_SOCKETS);
const call = (method: string, path: string, token?: string, body?: unknown): Promise<Reply> =>
  client.call(method, path, token, body);
const expectStatus = (p: Promise<Reply>, status: number, what: string): Promise<Reply> =>
  client.expectStatus(p, status, what);
/** `n` fresh keep-alive connections (old ones dropped: the server closes idle ones after 5 s). */
const openConnections = (n: number, sockets = n): Promise<void> =>
  client.openConnections(n, sockets);

// -- the database and the API process --------------------------------------------------------

// -- the limits ---------------------------------------------------------------------------------

/** Requests per second of GET /api/health, CONNECTIONS clients in a closed loop. */
async function httpCeiling(
  api: ApiProcess,
): Promise<{ rps: number; p50: number; p99: number; apiCpuPer: number }> {
  await openConnections(CONNECTIONS);
  const latencies: number[] = [];
  const loop = async (until: bigint): Promise<void> => {
    while (now() < until) {
      const r = await call('GET', '/api/health');
      if (r.status !== 200) throw new Error(`health: ${r.status}`);
      latencies.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, () => loop(now() + 1_000_000_000n)));
  latencies.length = 0;
  const cpu0 = api.cpuMs();
  const t0 = now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, () => loop(t0 + BigInt(CEILING_MS) * 1_000_000n)),
  );
  return {
    apiCpuPer: (api.cpuMs() - cpu0) / latencies.length,
    rps: latencies.length / (msSince(t0) / 1000),
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
  };
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
    await clients[0].query(`drop table if exists bench_insert`);
    await clients[0].query(
      `create table bench_insert (id bigserial primary key, session_id uuid not null,
         enrollment_id uuid not null, status varchar(12) not null, created_at timestamptz not null default now())`,
    );
    const sessionId = randomUUID();
    let done = 0;
    const loop = async (c: Client, until: bigint): Promise<void> => {
      while (now() < until) {
        await c.query({
          name: 'bench-insert',
          text: `insert into bench_insert (session_id, enrollment_id, status) values ($1, $2, 'present')`,
          values: [sessionId, randomUUID()],
        });
        done++;
      }
    };
    await Promise.all(clients.map((c) => loop(c, now() + 500_000_000n)));
    done = 0;
    const t0 = now();
    await Promise.all(clients.map((c) => loop(c, t0 + BigInt(INSERT_MS) * 1_000_000n)));
    const rate = done / (msSince(t0) / 1000);
    await clients[0].query(`drop table bench_insert`);
    return rate;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

// -- the classes --------------------------------------------------------------------------------

interface OpenSession {
  sessionId: string;
  classId: string;
  /** Worker tokens and enrolment ids, one per trainee. */
  trainees: { token: string; enrollmentId: string }[];
}

/** An open class whose first session started 10 minutes ago, with `n` trainees holding places. */
async function openSession(
  ds: DataSource,
  org: TestOrg,
  tokens: TokenService,
  staffToken: string,
  n: number,
  k: number,
): Promise<OpenSession> {
  const teacher = await aConsentingTeacher(ds, org.institution.id, `基准教师${k}`);
  const first = clockFromNow(-10);
  const plan = await anApprovedPlan(ds, org, {
    teacherIds: [teacher.id],
    places: n,
    sessions: [
      {
        date: first.date,
        startTime: first.time,
        halfHours: 16,
        topic: '今天',
        teacherId: teacher.id,
      },
      ...[1, 2, 3, 4].map((i) => ({
        date: dayFromNow(i + 1),
        startTime: '09:00',
        halfHours: 16,
        topic: `专题 ${i}`,
        teacherId: teacher.id,
      })),
    ],
  });
  const created = await expectStatus(
    call('POST', '/api/v1/classes', staffToken, {
      projectPlanId: plan.id,
      capacity: n,
      enrolOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
      enrolClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    201,
    'create class',
  );
  const c = created.body as { id: string; sessions: { id: string }[] };
  await expectStatus(call('POST', `/api/v1/classes/${c.id}/publish`, staffToken), 201, 'publish');
  const workers = await Promise.all(
    Array.from({ length: n }, () => aWorker().inCommunity(org.communityA1).create(ds)),
  );
  const rows = await ds.query<{ id: string; worker_id: string }[]>(
    `insert into enrollment (class_id, worker_id, status, source, enrolled_at)
     select $1, w, 'enrolled', 'bulk', now() from unnest($2::uuid[]) as w returning id, worker_id`,
    [c.id, workers.map((w) => w.id)],
  );
  await ds.query(`update training_class set taken = $2 where id = $1`, [c.id, n]);
  return {
    sessionId: c.sessions[0].id,
    classId: c.id,
    trainees: rows.map((r) => ({
      enrollmentId: r.id,
      token: tokens.signAccess({
        accountId: randomUUID(),
        username: `w-${r.worker_id.slice(0, 8)}`,
        role: 'worker',
        orgId: null,
        districtId: null,
        streetId: null,
        workerId: r.worker_id,
      }).token,
    })),
  };
}

// -- the check-ins --------------------------------------------------------------------------------

let checkInKey: Buffer;
const qrToken = (sessionId: string): string =>
  checkInToken(checkInKey, sessionId, slotOf(new Date(), 30));
const checkIn = (s: OpenSession, i: number): Promise<Reply> =>
  call('POST', '/api/v1/check-ins', s.trainees[i].token, {
    sessionId: s.sessionId,
    token: qrToken(s.sessionId),
    clientRef: randomUUID(),
  });

async function verifyMarks(
  ds: DataSource,
  sessions: OpenSession[],
  replies: Reply[],
): Promise<string> {
  const bad = replies.filter((r) => r.status !== 200);
  if (bad.length)
    throw new Error(
      `${bad.length} check-ins failed, e.g. ${bad[0].status} ${JSON.stringify(bad[0].body)}`,
    );
  const [{ n, pairs }] = await ds.query<{ n: number; pairs: number }[]>(
    `select count(*)::int as n, count(distinct (session_id, enrollment_id))::int as pairs
       from attendance_mark where session_id = any($1::uuid[])`,
    [sessions.map((s) => s.sessionId)],
  );
  if (n !== CHECK_INS || pairs !== CHECK_INS)
    throw new Error(`${n} marks (${pairs} distinct), not ${CHECK_INS}`);
  return `${n} marks, one per trainee and session`;
}

const clearMarks = (ds: DataSource, sessions: OpenSession[]): Promise<unknown> =>
  ds.query(`delete from attendance_mark where session_id = any($1::uuid[])`, [
    sessions.map((s) => s.sessionId),
  ]);

/** Every check-in at once (BURST_SOCKETS connections; the rest wait in the client's queue). */
async function burst(sessions: OpenSession[]): Promise<{ settleMs: number; replies: Reply[] }> {
  await openConnections(BURST_SOCKETS);
  const t0 = now();
  const replies = await Promise.all(
    Array.from({ length: PER_SESSION }, (_, i) => sessions.map((s) => checkIn(s, i))).flat(),
  );
  return { settleMs: msSince(t0), replies };
}

interface Sustained {
  rate: number;
  p50: number;
  p99: number;
  max: number;
  replies: Reply[];
}

/** Answers per second since t0 and their latencies. */
function rateOf(replies: Reply[], t0: bigint): Sustained {
  const seconds = msSince(t0) / 1000;
  const latencies = replies.map((r) => r.ms);
  return {
    rate: replies.length / seconds,
    p50: pct(latencies, 0.5),
    p99: pct(latencies, 0.99),
    max: Math.max(...latencies),
    replies,
  };
}

/** CONNECTIONS clients in a closed loop, taking the next trainee of the sessions in turn. */
async function sustained(sessions: OpenSession[]): Promise<Sustained> {
  await openConnections(CONNECTIONS);
  const queue = Array.from({ length: PER_SESSION }, (_, i) =>
    sessions.map((s) => () => checkIn(s, i)),
  ).flat();
  const replies: Reply[] = [];
  let next = 0;
  const client = async (): Promise<void> => {
    while (next < queue.length) {
      const job = queue[next++];
      replies.push(await job());
    }
  };
  const t0 = now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  return rateOf(replies, t0);
}

/**
 * Check-ins arriving at a fixed rate (open loop), as phones do, whether or not earlier ones have
 * been answered: each latency is counted from the moment the check-in was due, so a stalled
 * server is not hidden by clients that wait for it (coordinated omission).
 */
async function atRate(sessions: OpenSession[], perSecond: number): Promise<Sustained> {
  await openConnections(BURST_SOCKETS);
  const order = Array.from({ length: PER_SESSION }, (_, i) =>
    sessions.map((s) => ({ s, i })),
  ).flat();
  const gapNs = BigInt(Math.round(1e9 / perSecond));
  const pending: Promise<Reply>[] = [];
  const t0 = now();
  for (let j = 0; j < order.length;) {
    const t = now();
    // everything due by now leaves now
    for (; j < order.length && t0 + BigInt(j) * gapNs <= t; j++) {
      const due = t0 + BigInt(j) * gapNs;
      const { s, i } = order[j];
      pending.push(checkIn(s, i).then((r) => ({ ...r, ms: Number(now() - due) / 1e6 })));
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const replies = await Promise.all(pending);
  return rateOf(replies, t0);
}

// -- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const s = await benchStage({ pgPort: 54381, name: 'att', apiPort: PORT });
  let api: ApiProcess | null = null;
  try {
    const org = await anOrgTree(s.ds);
    await aFiledInstitution(s.ds, org.institution.id);
    const tokens = new TokenService(
      new JwtService({ secret: s.env.JWT_SECRET, signOptions: { algorithm: 'HS256' } }),
      appConfig(),
    );
    // the API derives the check-in key from the token secret (AttendanceService)
    checkInKey = createHmac('sha256', s.env.JWT_SECRET).update('peixun:check-in').digest();
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
    api = await startApiProcess(client, s.env, process.env.PROFILE ?? null);

    const t0 = now();
    const sessions: OpenSession[] = [];
    for (let k = 0; k < SESSIONS; k++) {
      sessions.push(await openSession(s.ds, org, tokens, staffToken, PER_SESSION, k));
    }
    const roster = await openSession(s.ds, org, tokens, staffToken, ROSTER, SESSIONS);
    // the planner's statistics, as a database in use has them: planned on tables it still took
    // for empty, the check-in batch's statement once scanned the enrolments (30x its CPU)
    await s.ds.query('analyze');
    console.log(
      `  prepared ${SESSIONS} sessions x ${PER_SESSION} trainees and a ${ROSTER}-trainee roster in ${(msSince(t0) / 1000).toFixed(1)} s`,
    );

    // warm-up: the check-in path once per session, then cleared
    await openConnections(CONNECTIONS);
    const warm = await Promise.all(sessions.map((x) => checkIn(x, 0)));
    if (warm.some((r) => r.status !== 200))
      throw new Error(`warm-up: ${JSON.stringify(warm.find((r) => r.status !== 200))}`);
    await clearMarks(s.ds, sessions);

    const b = await burst(sessions);
    const burstOutcome = await verifyMarks(s.ds, sessions, b.replies);
    const bLat = b.replies.map((r) => r.ms);
    await clearMarks(s.ds, sessions);

    const cpu0 = api.cpuMs();
    const sus = await sustained(sessions);
    const apiCpuPer = (api.cpuMs() - cpu0) / CHECK_INS;
    const susOutcome = await verifyMarks(s.ds, sessions, sus.replies);

    // a retry of the same request gets its first answer (no second record)
    const again = await call('POST', '/api/v1/check-ins', sessions[0].trainees[0].token, {
      sessionId: sessions[0].sessionId,
      token: qrToken(sessions[0].sessionId),
    });
    if (again.status !== 409) throw new Error(`a second check-in answered ${again.status}`);

    const ceiling = await httpCeiling(api);
    // the goal's load: check-ins arriving at half the ceiling just measured
    await clearMarks(s.ds, sessions);
    const cpu1 = api.cpuMs();
    const client1 = process.cpuUsage();
    const pg1 = ticksByCommand(['postgres']).postgres;
    const mainTicks = (): number => ticksOf(`${api!.pid}/task/${api!.pid}`);
    const main1 = mainTicks();
    // this process's own event-loop lag: a late load generator sends in bursts
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    const half = await atRate(sessions, ceiling.rps / 2);
    lag.disable();
    const halfMainBusy = ((mainTicks() - main1) * 10 * 100) / ((CHECK_INS / half.rate) * 1000);
    const halfCpuPer = (api.cpuMs() - cpu1) / CHECK_INS;
    const clientCpu = process.cpuUsage(client1);
    const halfClientPer = (clientCpu.user + clientCpu.system) / 1000 / CHECK_INS;
    const halfPgPer = ((ticksByCommand(['postgres']).postgres - pg1) * 10) / CHECK_INS;
    const halfOutcome = await verifyMarks(s.ds, sessions, half.replies);
    const insert1 = await insertRate(s.ownerUrl, 1);
    const insert10 = await insertRate(s.ownerUrl, 10);

    // marking the 300-trainee roster in one request: first marks, then corrections of all
    const times: number[] = [];
    const statuses = ['present', 'absent'] as const;
    for (let r = 0; r < ROSTER_RUNS; r++) {
      const reply = await expectStatus(
        call('PUT', `/api/v1/sessions/${roster.sessionId}/attendance`, staffToken, {
          marks: roster.trainees.map((t) => ({
            enrollmentId: t.enrollmentId,
            status: statuses[r % 2],
          })),
          ...(r ? { reason: '基准测试更正' } : {}),
        }),
        200,
        'mark roster',
      );
      times.push(reply.ms);
    }
    const [{ marked }] = await s.ds.query<{ marked: number }[]>(
      `select count(*)::int as marked from attendance_mark where session_id = $1 and status = $2`,
      [roster.sessionId, statuses[(ROSTER_RUNS - 1) % 2]],
    );
    if (marked !== ROSTER) throw new Error(`${marked} roster marks, not ${ROSTER}`);

    const [load1] = readFileSync('/proc/loadavg', 'utf8').split(' ');
    const ratio = sus.rate / ceiling.rps;
    const halfRatio = half.rate / ceiling.rps;
    console.log(
      [
        `self check-in: ${SESSIONS} sessions at once x ${PER_SESSION} trainees, API in its own process (${api.copies > 1 ? `${api.copies} processes (API_WORKERS), ` : ''}NODE_ENV=production, LOG_LEVEL=warn), ${cpus().length} cores`,
        `  burst: ${CHECK_INS} check-ins sent at once (${BURST_SOCKETS} connections) settled in ${b.settleMs.toFixed(0)} ms = ${(CHECK_INS / (b.settleMs / 1000)).toFixed(0)}/s, 0 errors; latency incl. client queue p50 ${pct(bLat, 0.5).toFixed(0)} ms, p99 ${pct(bLat, 0.99).toFixed(0)} ms; ${burstOutcome}`,
        `  sustained, saturated: ${CHECK_INS} check-ins, ${CONNECTIONS} clients in a closed loop: ${sus.rate.toFixed(0)} check-ins/s; latency p50 ${sus.p50.toFixed(1)} ms, p99 ${sus.p99.toFixed(1)} ms (${CONNECTIONS} waiting at every moment: latency = ${CONNECTIONS} / rate), max ${sus.max.toFixed(0)} ms; API CPU ${apiCpuPer.toFixed(2)} ms per check-in; ${susOutcome}`,
        `  sustained at half the ceiling: ${CHECK_INS} check-ins arriving at ${(ceiling.rps / 2).toFixed(0)}/s (open loop): ${half.rate.toFixed(0)} check-ins/s answered; latency from the due time p50 ${half.p50.toFixed(1)} ms, p99 ${half.p99.toFixed(1)} ms (goal < 50 ms: ${half.p99 < 50 ? 'met' : 'NOT met'}), max ${half.max.toFixed(0)} ms; API main thread busy ${halfMainBusy.toFixed(0)} %, this client's event-loop lag p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms; CPU per check-in: API ${halfCpuPer.toFixed(2)} ms, PostgreSQL ${halfPgPer.toFixed(2)} ms, this client ${halfClientPer.toFixed(2)} ms; ${halfOutcome}`,
        `  HTTP ceiling (GET /api/health, ${CONNECTIONS} clients, ${CEILING_MS / 1000} s): ${ceiling.rps.toFixed(0)} requests/s, p50 ${ceiling.p50.toFixed(1)} ms, p99 ${ceiling.p99.toFixed(1)} ms; API CPU ${ceiling.apiCpuPer.toFixed(2)} ms per request`,
        `  PostgreSQL single-row INSERT (autocommit): 1 connection ${insert1.toFixed(0)}/s, 10 connections ${insert10.toFixed(0)}/s`,
        `  ratios: check-ins / HTTP ceiling ${ratio.toFixed(2)} saturated, ${halfRatio.toFixed(2)} at half the ceiling (goal >= 0.5: ${Math.max(ratio, halfRatio) >= 0.495 ? 'met' : 'NOT met'}); API CPU per request, health / check-in ${(ceiling.apiCpuPer / apiCpuPer).toFixed(2)} (the ratio the ceiling would give on an idle machine); check-ins / INSERT on 10 connections ${(sus.rate / insert10).toFixed(2)}`,
        `  marking a ${ROSTER}-trainee roster in one request (one transaction): ${times.map((t) => t.toFixed(0)).join(', ')} ms (first marks, then corrections); median ${pct(times, 0.5).toFixed(0)} ms (goal < 300 ms: ${pct(times, 0.5) < 300 ? 'met' : 'NOT met'})`,
        `  machine: load average ${load1} (1 min) at the end`,
      ].join('\n'),
    );
  } finally {
    if (api) await api.stop();
    await s.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
