import { MigrationInterface, QueryRunner } from 'typeorm';

/** Trainee documents of a class (Art. 13) and the class archive (Art. 20): rows keeping FileStore keys. */
export class ClassDocumentsAndArchive1795621217558 implements MigrationInterface {
  name = 'ClassDocumentsAndArchive1795621217558';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "class_archive_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "category" character varying(20) NOT NULL, "file_name" character varying(200) NOT NULL, "file_key" character varying(200) NOT NULL, "sha256" character(64) NOT NULL, "size" integer NOT NULL, "mime" character varying(100) NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "class_archive_file_size_ck" CHECK (size > 0), CONSTRAINT "class_archive_file_category_ck" CHECK (category IN ('teaching_plan', 'material', 'roster', 'photo', 'video', 'other')), CONSTRAINT "PK_c0c102d405f46f40f11d700f7c8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "class_archive_file_key_uq" ON "class_archive_file"  ("file_key") `,
    );
    await q.query(
      `CREATE INDEX "class_archive_file_class_idx" ON "class_archive_file"  ("class_id", "uploaded_at") `,
    );
    await q.query(
      `CREATE TABLE "class_document" ("class_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "status" character varying(10) NOT NULL, "file_key" character varying(200), "file_sha256" character(64), "size" integer, "input_hash" character(64), "rendered_at" TIMESTAMP WITH TIME ZONE, "requested_hash" character(64) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "requested_by" uuid NOT NULL, "job_id" character varying(200) NOT NULL, "error" character varying(300), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "class_document_file_ck" CHECK ((file_key IS NULL) = (file_sha256 IS NULL) AND (file_key IS NULL) = (size IS NULL) AND (file_key IS NULL) = (input_hash IS NULL)), CONSTRAINT "class_document_status_ck" CHECK (status IN ('pending', 'ready', 'failed')), CONSTRAINT "class_document_kind_ck" CHECK (kind IN ('project_list', 'notice', 'timetable', 'attendance_sheet')), CONSTRAINT "PK_30a847cad295586d9a9340a898b" PRIMARY KEY ("class_id", "kind"))`,
    );
    await q.query(
      `ALTER TABLE "class_archive_file" ADD CONSTRAINT "class_archive_file_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_document" ADD CONSTRAINT "class_document_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "class_document" DROP CONSTRAINT "class_document_class_fk"`);
    await q.query(`ALTER TABLE "class_archive_file" DROP CONSTRAINT "class_archive_file_class_fk"`);
    await q.query(`DROP TABLE "class_document"`);
    await q.query(`DROP INDEX "public"."class_archive_file_class_idx"`);
    await q.query(`DROP INDEX "public"."class_archive_file_key_uq"`);
    await q.query(`DROP TABLE "class_archive_file"`);
  }
}
