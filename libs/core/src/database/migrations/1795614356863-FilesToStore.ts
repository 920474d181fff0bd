import { Logger } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { appConfig } from '../../config/app-config';
import type { FileKind } from '../../files/file-kinds';
import { piiCipher } from '../../crypto/keyring';
import { FileStore } from '../../files/file-store';

interface Moved {
  key: string;
  sha256: string;
  size: number;
  mime: string;
}

/**
 * Moves file contents out of PostgreSQL into the file store (libs/core/src/files):
 * institution documents, the annual plan's survey report, rendered plan PDFs and roster
 * imports/exports. Each row gets the object's key and SHA-256, then the bytea columns go.
 *
 * A run that has files to move builds the store from the process's configuration
 * (FILE_STORE, FILE_STORE_DIR, S3_*): run it with the same settings as the API and the
 * worker. If it fails, the transaction rolls back and the objects already written stay
 * in the store unreferenced (harmless; a re-run writes new ones).
 *
 * down() copies the bytes back into bytea columns and leaves the objects in the store.
 */
export class FilesToStore1795614356863 implements MigrationInterface {
  name = 'FilesToStore1795614356863';

  private store?: FileStore;
  private readonly logger = new Logger('Migration');

  private files(): FileStore {
    this.store ??= FileStore.fromConfig(appConfig().files, piiCipher(appConfig()));
    return this.store;
  }

  private async closeStore(): Promise<void> {
    await this.store?.onApplicationShutdown();
    this.store = undefined;
  }

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "institution_document" ADD "file_key" character varying(200), ADD "file_sha256" character(64)`,
    );
    await q.query(
      `ALTER TABLE "project_plan_document" ADD "file_key" character varying(200), ADD "file_sha256" character(64)`,
    );
    await q.query(
      `ALTER TABLE "annual_plan" ADD "survey_report_key" character varying(200), ADD "survey_report_sha256" character(64), ADD "survey_report_size" integer, ADD "survey_report_mime" character varying(100)`,
    );
    await q.query(
      `ALTER TABLE "roster_file" ADD "file_key" character varying(200), ADD "file_sha256" character(64)`,
    );

    let moved = 0;
    try {
      moved += await this.move(
        q,
        `SELECT id, file_name AS name FROM institution_document ORDER BY id`,
        `SELECT content, mime_type AS mime FROM institution_document WHERE id = $1`,
        () => 'institution-document',
        (f) => [
          `UPDATE institution_document SET file_key = $2, file_sha256 = $3 WHERE id = $1`,
          [f.key, f.sha256],
        ],
      );
      moved += await this.move(
        q,
        `SELECT id, survey_report_name AS name FROM annual_plan WHERE survey_report IS NOT NULL ORDER BY id`,
        `SELECT survey_report AS content FROM annual_plan WHERE id = $1`,
        () => 'plan-survey-report',
        (f) => [
          `UPDATE annual_plan SET survey_report_key = $2, survey_report_sha256 = $3, survey_report_size = $4, survey_report_mime = $5 WHERE id = $1`,
          [f.key, f.sha256, f.size, f.mime],
        ],
      );
      moved += await this.move(
        q,
        `SELECT plan_id AS id FROM project_plan_document ORDER BY plan_id`,
        `SELECT content FROM project_plan_document WHERE plan_id = $1`,
        () => 'plan-pdf',
        (f) => [
          `UPDATE project_plan_document SET file_key = $2, file_sha256 = $3, size_bytes = $4 WHERE plan_id = $1`,
          [f.key, f.sha256, f.size],
        ],
      );
      moved += await this.move(
        q,
        `SELECT id, file_name AS name, kind FROM roster_file WHERE content IS NOT NULL ORDER BY id`,
        `SELECT content FROM roster_file WHERE id = $1`,
        (row) => (row.kind === 'export' ? 'roster-export' : 'roster-import'),
        (f) => [
          `UPDATE roster_file SET file_key = $2, file_sha256 = $3, size_bytes = $4 WHERE id = $1`,
          [f.key, f.sha256, f.size],
        ],
      );
    } finally {
      await this.closeStore();
    }
    if (moved) this.logger.log(`moved ${moved} files from the database into the file store`);

    await q.query(
      `ALTER TABLE "institution_document" ALTER COLUMN "file_key" SET NOT NULL, ALTER COLUMN "file_sha256" SET NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "project_plan_document" ALTER COLUMN "file_key" SET NOT NULL, ALTER COLUMN "file_sha256" SET NOT NULL`,
    );
    await q.query(`ALTER TABLE "institution_document" DROP COLUMN "content"`);
    await q.query(`ALTER TABLE "project_plan_document" DROP COLUMN "content"`);
    await q.query(`ALTER TABLE "annual_plan" DROP COLUMN "survey_report"`);
    await q.query(`ALTER TABLE "roster_file" DROP COLUMN "content"`);
  }

  /** One row at a time, so that memory holds one file, not a table. */
  private async move(
    q: QueryRunner,
    listSql: string,
    contentSql: string,
    kindOf: (row: { kind?: string }) => FileKind,
    update: (f: Moved) => [string, unknown[]],
  ): Promise<number> {
    const rows = (await q.query(listSql)) as { id: string; name?: string | null; kind?: string }[];
    for (const row of rows) {
      const [data] = (await q.query(contentSql, [row.id])) as {
        content: Buffer;
        mime?: string;
      }[];
      const stored = await this.files().putLegacy(data.content, kindOf(row), {
        fileName: row.name ?? undefined,
        mime: data.mime,
      });
      const [sql, params] = update(stored);
      await q.query(sql, [row.id, ...params]);
    }
    return rows.length;
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "institution_document" ADD "content" bytea`);
    await q.query(`ALTER TABLE "project_plan_document" ADD "content" bytea`);
    await q.query(`ALTER TABLE "annual_plan" ADD "survey_report" bytea`);
    await q.query(`ALTER TABLE "roster_file" ADD "content" bytea`);
    try {
      for (const [table, id, key, content] of [
        ['institution_document', 'id', 'file_key', 'content'],
        ['project_plan_document', 'plan_id', 'file_key', 'content'],
        ['annual_plan', 'id', 'survey_report_key', 'survey_report'],
        ['roster_file', 'id', 'file_key', 'content'],
      ]) {
        const rows = (await q.query(
          `SELECT ${id} AS id, ${key} AS key FROM ${table} WHERE ${key} IS NOT NULL`,
        )) as { id: string; key: string }[];
        for (const row of rows) {
          const bytes = await this.files().getBuffer(row.key, 1024 * 1024 * 1024);
          await q.query(`UPDATE ${table} SET ${content} = $2 WHERE ${id} = $1`, [row.id, bytes]);
        }
      }
    } finally {
      await this.closeStore();
    }
    await q.query(`ALTER TABLE "institution_document" ALTER COLUMN "content" SET NOT NULL`);
    await q.query(`ALTER TABLE "project_plan_document" ALTER COLUMN "content" SET NOT NULL`);
    await q.query(
      `ALTER TABLE "institution_document" DROP COLUMN "file_key", DROP COLUMN "file_sha256"`,
    );
    await q.query(
      `ALTER TABLE "project_plan_document" DROP COLUMN "file_key", DROP COLUMN "file_sha256"`,
    );
    await q.query(
      `ALTER TABLE "annual_plan" DROP COLUMN "survey_report_key", DROP COLUMN "survey_report_sha256", DROP COLUMN "survey_report_size", DROP COLUMN "survey_report_mime"`,
    );
    await q.query(`ALTER TABLE "roster_file" DROP COLUMN "file_key", DROP COLUMN "file_sha256"`);
  }
}
