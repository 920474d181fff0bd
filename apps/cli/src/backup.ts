import {
  AppConfig,
  dataSourceOptions,
  FileStore,
  grantAppRole,
  MIGRATIONS,
  resolveDatabaseUrls,
  roleOfUrl,
} from '@peixun/core';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import { DataSource, DataSourceOptions } from 'typeorm';
import { withDatabase } from './cli-data-source';

/**
 * `npm run backup` / `npm run restore FILE`: one archive (.tar.gz) with a
 * consistent copy of the database (every table, read in one REPEATABLE READ
 * snapshot with COPY) and every object of the file store, plus a manifest of
 * row counts and file hashes that the restore checks.
 *
 * Personal data stays sealed in the archive; the keys are NOT in it
 * (PII_KEYS / the development key file must be kept separately).
 */
export const BACKUP_FORMAT = 'peixun-backup';
export const BACKUP_VERSION = 1;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Migrations applied in the dumped database, in order. */
  migrations: string[];
  tables: { name: string; rows: number; sha256: string }[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  files: { key: string; size: number; sha256: string }[];
  /** Key ids the sealed personal data uses (the keys themselves are not in the archive). */
  piiKeyIds: string[];
}

const ident = (n: string): string => `"${n.replace(/"/g, '""')}"`;

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    for (const b of chunk as Buffer) if (b === 10) n++;
  }
  return n;
}

export async function backup(
  config: AppConfig,
  store: FileStore,
  outFile: string | undefined,
  log: (m: string) => void,
): Promise<{ file: string; manifest: BackupManifest }> {
  const started = Date.now();
  const urls = await resolveDatabaseUrls(config);
  const stage = await mkdtemp(join(tmpdir(), 'peixun-backup-'));
  const client = new Client({ connectionString: urls.owner });
  await client.connect();
  try {
    // one snapshot for every table: the dump is consistent even while the platform runs
    await client.query('begin isolation level repeatable read read only');
    const tables = (
      await client.query<{ name: string }>(
        `select tablename as name from pg_tables where schemaname = current_schema() order by 1`,
      )
    ).rows.map((r) => r.name);
    const migrations = (
      await client.query<{ name: string }>(`select name from migrations order by id`)
    ).rows.map((r) => r.name);
    const sequences = (
      await client.query<{ name: string }>(
        `select sequencename as name from pg_sequences where schemaname = current_schema() order by 1`,
      )
    ).rows;
    const seqValues: BackupManifest['sequences'] = [];
    for (const { name } of sequences) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `select last_value::text, is_called from ${ident(name)}`,
      );
      seqValues.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const piiKeyIds = new Set<string>();
    const sealed = await client.query<{ t: string; c: string }>(
      `select table_name as t, column_name as c from information_schema.columns
        where table_schema = current_schema() and data_type = 'bytea' and column_name like '%\\_enc'`,
    );
    for (const { t, c } of sealed.rows) {
      const ids = await client.query<{ k: string }>(
        `select distinct encode(substring(${ident(c)} from 3 for get_byte(${ident(c)}, 1)), 'escape') as k
           from ${ident(t)} where ${ident(c)} is not null`,
      );
      for (const r of ids.rows) piiKeyIds.add(r.k);
    }

    await mkdir(join(stage, 'db'));
    const tableEntries: BackupManifest['tables'] = [];
    for (const name of tables) {
      const path = join(stage, 'db', `${name}.copy`);
      await pipeline(
        client.query(copyTo(`copy ${ident(name)} to stdout`)),
        createWriteStream(path),
      );
      tableEntries.push({ name, rows: await countLines(path), sha256: await sha256File(path) });
    }
    await client.query('commit');
    log(`database: ${tables.length} tables, ${tableEntries.reduce((a, t) => a + t.rows, 0)} rows`);

    const files: BackupManifest['files'] = [];
    for await (const key of store.list('')) {
      if (key.startsWith('probe/')) continue;
      const path = join(stage, 'files', key);
      await mkdir(dirname(path), { recursive: true });
      const h = createHash('sha256');
      let size = 0;
      await pipeline(
        await store.getStored(key), // sealed objects stay sealed in the archive
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            h.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(path),
      );
      files.push({ key, size, sha256: h.digest('hex') });
    }
    log(`file store: ${files.length} files`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables: tableEntries,
      sequences: seqValues,
      files,
      piiKeyIds: [...piiKeyIds].sort(),
    };
    await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\..*/, '');
    const file = resolve(outFile ?? join(config.dataDir, 'backups', `peixun-${stamp}.tar.gz`));
    await mkdir(dirname(file), { recursive: true });
    await tar.c({ gzip: true, file, cwd: stage, portable: true }, [
      'manifest.json',
      'db',
      ...(files.length ? ['files'] : []),
    ]);
    log(`wrote ${file} (${(await stat(file)).size} bytes) in ${Date.now() - started} ms`);
    return { file, manifest };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
    await rm(stage, { recursive: true, force: true });
  }
}

/**
 * Restores an archive into a new database beside the configured one, checks
 * every row count and file hash, then swaps names: the configured database
 * becomes the restored one, and the previous one is kept as
 * `<name>_before_restore_<time>` (drop it once satisfied). Needs an owner role
 * with CREATEDB and the right to set session_replication_role (the embedded
 * server's owner has both).
 */
export async function restore(
  config: AppConfig,
  store: FileStore,
  archive: string,
  log: (m: string) => void,
): Promise<{ database: string; previous: string | null; manifest: BackupManifest }> {
  const started = Date.now();
  const stage = await mkdtemp(join(tmpdir(), 'peixun-restore-'));
  const urls = await resolveDatabaseUrls(config);
  const target = decodeURIComponent(new URL(urls.owner).pathname.slice(1));
  const scratch = `${target}_restoring_${randomBytes(3).toString('hex')}`.slice(0, 63);
  const admin = new Client({ connectionString: withDatabase(urls.owner, 'postgres') });
  await admin.connect();
  let ds: DataSource | undefined;
  let created = false;
  try {
    await tar.x({ file: archive, cwd: stage });
    const manifest = JSON.parse(
      await readFile(join(stage, 'manifest.json'), 'utf8'),
    ) as BackupManifest;
    if (manifest.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION)
      throw new Error(`${archive} is not a peixun backup (version ${BACKUP_VERSION})`);
    const known = MIGRATIONS.map((M) => new M().name ?? M.name);
    const prefix = known.slice(0, manifest.migrations.length);
    if (prefix.join('\n') !== manifest.migrations.join('\n'))
      throw new Error(
        'the backup was made by a version of the platform whose migrations this one does not have: restore with that version',
      );
    for (const f of manifest.files) {
      const got = await sha256File(join(stage, 'files', f.key));
      if (got !== f.sha256)
        throw new Error(`file ${f.key} in the archive is damaged (hash mismatch)`);
    }
    for (const t of manifest.tables) {
      const got = await sha256File(join(stage, 'db', `${t.name}.copy`));
      if (got !== t.sha256)
        throw new Error(`table ${t.name} in the archive is damaged (hash mismatch)`);
    }

    // 1. the schema of the backup's version, in a new database
    await admin.query(`create database ${ident(scratch)}`);
    created = true;
    const scratchUrl = withDatabase(urls.owner, scratch);
    const migrations = MIGRATIONS.slice(0, manifest.migrations.length);
    ds = new DataSource({
      ...dataSourceOptions(config, scratchUrl),
      migrations,
      poolSize: 2,
    } as DataSourceOptions);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });

    // 2. the rows, triggers off (append-only and frozen tables are loaded as they were)
    const runner = ds.createQueryRunner();
    try {
      const raw = (await runner.connect()) as Client;
      await raw.query('begin');
      await raw.query('set local session_replication_role = replica');
      for (const t of manifest.tables) {
        await raw.query(`delete from ${ident(t.name)}`); // rows a migration inserted (policies, the migrations list)
        await pipeline(
          createReadStream(join(stage, 'db', `${t.name}.copy`)),
          raw.query(copyFrom(`copy ${ident(t.name)} from stdin`)),
        );
      }
      for (const s of manifest.sequences) {
        await raw.query(`select setval($1::regclass, $2::bigint, $3)`, [
          ident(s.name),
          s.lastValue,
          s.isCalled,
        ]);
      }
      await raw.query('commit');
    } finally {
      await runner.release();
    }
    for (const t of manifest.tables) {
      const [{ n }] = await ds.query<{ n: string }[]>(
        `select count(*)::text as n from ${ident(t.name)}`,
      );
      if (Number(n) !== t.rows)
        throw new Error(`table ${t.name}: ${n} rows restored, ${t.rows} in the backup`);
    }
    await grantAppRole(ds, roleOfUrl(urls.app));
    await ds.destroy();
    ds = undefined;
    log(`database: ${manifest.tables.length} tables restored into ${scratch}`);

    // 3. the files, under their keys, checked
    for (const f of manifest.files) {
      await store.restore(f.key, createReadStream(join(stage, 'files', f.key)));
      const h = createHash('sha256');
      await pipeline(await store.getStored(f.key), h);
      if (h.digest('hex') !== f.sha256) throw new Error(`file ${f.key}: restored bytes differ`);
    }
    log(`file store: ${manifest.files.length} files restored`);

    // 4. swap: the configured name now holds the restored data
    let previous: string | null = null;
    const exists = await admin.query('select 1 from pg_database where datname = $1', [target]);
    if (exists.rowCount) {
      previous =
        `${target}_before_restore_${manifest.createdAt.replace(/\D/g, '').slice(0, 14)}_${randomBytes(2).toString('hex')}`.slice(
          0,
          63,
        );
      await admin.query(`alter database ${ident(target)} with allow_connections false`);
      for (let attempt = 0; ; attempt++) {
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
          [target],
        );
        try {
          await admin.query(`alter database ${ident(target)} rename to ${ident(previous)}`);
          break;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }
    await admin.query(`alter database ${ident(scratch)} rename to ${ident(target)}`);
    created = false;
    log(
      `restored ${archive} into ${target} in ${Date.now() - started} ms` +
        (previous ? `; the previous database is kept as ${previous}` : ''),
    );
    return { database: target, previous, manifest };
  } finally {
    if (ds?.isInitialized) await ds.destroy();
    if (created)
      await admin
        .query(`drop database if exists ${ident(scratch)} with (force)`)
        .catch(() => undefined);
    await admin.end();
    await rm(stage, { recursive: true, force: true });
  }
}
