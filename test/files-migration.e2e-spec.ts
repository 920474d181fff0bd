import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, FileStore, loadConfig, MIGRATIONS } from '@peixun/core';
import { FilesToStore1795614356863 } from '@peixun/core/database/migrations/1795614356863-FilesToStore';
import { SAMPLES, xlsxOf } from '@peixun/core/files/testing/samples';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/**
 * The migration that moves file contents out of PostgreSQL, on a database of its own:
 * migrated up to the step before, given rows with bytes, then migrated on (and back).
 */
describe('migration FilesToStore: file contents move from bytea columns into the file store', () => {
  const serverUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
  const database = `${new URL(serverUrl).pathname.slice(1)}_files`;
  const url = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
  const config = loadConfig(process.env);
  const files = FileStore.fromConfig(config.files);
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(FilesToStore1795614356863));
  const ids = {
    document: randomUUID(),
    plan: randomUUID(),
    planPdf: randomUUID(),
    rosterImport: randomUUID(),
    rosterExport: randomUUID(),
    pendingExport: randomUUID(),
  };
  const workbook = xlsxOf(50_000);
  const legacy = Buffer.from('bytes accepted by name before the store sniffed types');

  const admin = async (sql: string): Promise<void> => {
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const dataSource = async (migrations: typeof MIGRATIONS): Promise<DataSource> =>
    new DataSource({ ...dataSourceOptions(config, url), migrations }).initialize();

  beforeAll(async () => {
    await admin(`create database ${database}`);
    const ds = await dataSource(before);
    await ds.runMigrations({ transaction: 'each' });
    await ds.transaction(async (em) => {
      // rows as the old code wrote them; the foreign keys are not what this test is about
      await em.query(`SET LOCAL session_replication_role = replica`);
      const someone = randomUUID();
      await em.query(
        `INSERT INTO institution_document (id, institution_id, file_name, mime_type, size_bytes, content, uploaded_by)
         VALUES ($1, $2, '营业执照.pdf', 'application/pdf', $3, $4, $5)`,
        [ids.document, randomUUID(), SAMPLES.pdf.length, SAMPLES.pdf, someone],
      );
      await em.query(
        `INSERT INTO annual_plan (id, region, year, title, survey_report_name, survey_report, created_by)
         VALUES ($1, 'beijing', 2031, '2031 年度计划', '需求调查报告.doc', $2, $3)`,
        [ids.plan, legacy, someone],
      );
      await em.query(
        `INSERT INTO project_plan_document (plan_id, content, size_bytes) VALUES ($1, $2, $3)`,
        [ids.planPdf, SAMPLES.pdf, SAMPLES.pdf.length],
      );
      await em.query(
        `INSERT INTO roster_file (id, kind, status, format, file_name, content, size_bytes, created_by, actor)
         VALUES ($1, 'import', 'completed', 'csv', '名册.csv', $2, $3, $6, '{}'),
                ($4, 'export', 'completed', 'xlsx', 'roster.xlsx', $5, 0, $6, '{}'),
                ($7, 'export', 'pending', 'xlsx', 'roster.xlsx', NULL, 0, $6, '{}')`,
        [
          ids.rosterImport,
          SAMPLES.csvGb18030,
          SAMPLES.csvGb18030.length,
          ids.rosterExport,
          workbook,
          someone,
          ids.pendingExport,
        ],
      );
    });
    await ds.destroy();
  });
  afterAll(async () => {
    await files.onApplicationShutdown();
    await admin(`drop database if exists ${database} with (force)`);
  });

  it('puts every file in the store, keeps key and hash, drops the bytea columns; down() brings the bytes back', async () => {
    // up to FilesToStore only: undoing the last migration then undoes it
    const ds = await dataSource(
      MIGRATIONS.slice(0, MIGRATIONS.indexOf(FilesToStore1795614356863) + 1),
    );
    try {
      await ds.runMigrations({ transaction: 'each' });
      const [doc] = await ds.query(`SELECT * FROM institution_document WHERE id = $1`, [
        ids.document,
      ]);
      expect(doc).not.toHaveProperty('content');
      expect(doc).toMatchObject({ file_sha256: sha256(SAMPLES.pdf), mime_type: 'application/pdf' });
      await expect(files.getBuffer(doc.file_key)).resolves.toEqual(SAMPLES.pdf);

      // bytes the old code took by their name alone are moved as they are, never refused
      const [plan] = await ds.query(`SELECT * FROM annual_plan WHERE id = $1`, [ids.plan]);
      expect(plan).not.toHaveProperty('survey_report');
      expect(plan).toMatchObject({
        survey_report_sha256: sha256(legacy),
        survey_report_size: legacy.length,
        survey_report_mime: 'application/octet-stream',
      });
      expect(plan.survey_report_key).toMatch(/^plan-survey-report\//);
      await expect(files.getBuffer(plan.survey_report_key)).resolves.toEqual(legacy);

      const [pdf] = await ds.query(`SELECT * FROM project_plan_document WHERE plan_id = $1`, [
        ids.planPdf,
      ]);
      expect(pdf.file_key).toMatch(/^plan-pdf\//);
      await expect(files.getBuffer(pdf.file_key)).resolves.toEqual(SAMPLES.pdf);

      const rosters = await ds.query<
        { id: string; file_key: string | null; file_sha256: string | null; size_bytes: number }[]
      >(`SELECT id, file_key, file_sha256, size_bytes FROM roster_file WHERE id = ANY($1)`, [
        [ids.rosterImport, ids.rosterExport, ids.pendingExport],
      ]);
      const byId = new Map(rosters.map((r) => [r.id, r]));
      expect(byId.get(ids.rosterImport)!.file_key).toMatch(/^roster-import\//);
      expect(byId.get(ids.rosterExport)).toMatchObject({
        file_sha256: sha256(workbook),
        size_bytes: workbook.length,
      });
      expect(byId.get(ids.rosterExport)!.file_key).toMatch(/^roster-export\//);
      expect(byId.get(ids.pendingExport)).toMatchObject({ file_key: null, file_sha256: null });

      await ds.undoLastMigration({ transaction: 'each' });
      const [back] = await ds.query(`SELECT content FROM institution_document WHERE id = $1`, [
        ids.document,
      ]);
      expect((back.content as Buffer).equals(SAMPLES.pdf)).toBe(true);
      const [report] = await ds.query(`SELECT survey_report FROM annual_plan WHERE id = $1`, [
        ids.plan,
      ]);
      expect((report.survey_report as Buffer).equals(legacy)).toBe(true);
      const [exported] = await ds.query(`SELECT content FROM roster_file WHERE id = $1`, [
        ids.rosterExport,
      ]);
      expect((exported.content as Buffer).equals(workbook)).toBe(true);
      const columns = await ds.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'roster_file'`,
      );
      expect(columns.map((c) => c.column_name)).not.toContain('file_key');
    } finally {
      await ds.destroy();
    }
  });
});
