import { MigrationInterface, QueryRunner } from 'typeorm';

export class Planning1795401871546 implements MigrationInterface {
  name = 'Planning1795401871546';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "annual_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region" character varying(40) NOT NULL, "year" integer NOT NULL, "title" character varying(100) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "survey_report_name" character varying(200), "survey_report" bytea, "published_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "annual_plan_status_ck" CHECK (status IN ('draft', 'published')), CONSTRAINT "PK_d39dd5f70470bf2a692f72ea12c" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "annual_plan_region_year_uq" ON "annual_plan"  ("region", "year") `,
    );
    await q.query(
      `CREATE TABLE "plan_project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "type" character varying(20) NOT NULL, "title" character varying(100) NOT NULL, "target_tiers" jsonb NOT NULL, "target_channels" jsonb NOT NULL, "planned_places" integer NOT NULL, "budget_fen" bigint NOT NULL, "funding_level" character varying(12) NOT NULL, CONSTRAINT "PK_e2c3a0fbbdd1bb503151afb5a71" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "plan_project_plan_idx" ON "plan_project"  ("plan_id") `);
    await q.query(
      `CREATE TABLE "project_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "district_id" uuid NOT NULL, "plan_project_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "title" character varying(100) NOT NULL, "places" integer NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "place" character varying(200) NOT NULL, "methods" jsonb NOT NULL, "teacher_ids" jsonb NOT NULL, "materials" text, "sessions" jsonb NOT NULL, "cost_items" jsonb NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'draft', "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "comments" character varying(1000), "amendment_of" uuid, "filing_number" character varying(40), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "project_plan_status_ck" CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'superseded')), CONSTRAINT "PK_759d33fce71c95de832df935841" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "project_plan_institution_idx" ON "project_plan"  ("institution_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "project_plan_filing_uq" ON "project_plan"  ("filing_number") WHERE filing_number IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "project_plan_district_idx" ON "project_plan"  ("district_id", "year") `,
    );
    await q.query(
      `CREATE INDEX "project_plan_queue_idx" ON "project_plan"  ("status", "submitted_at") `,
    );
    await q.query(
      `CREATE TABLE "project_plan_document" ("plan_id" uuid NOT NULL, "content" bytea NOT NULL, "size_bytes" integer NOT NULL, "rendered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4655f559e76ab39fde6d0054950" PRIMARY KEY ("plan_id"))`,
    );
    await q.query(
      `CREATE TABLE "teacher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(50) NOT NULL, "title" character varying(50), "subjects" jsonb NOT NULL, "qualifications" character varying(500), "phone" character varying(20), "owner_institution_id" uuid NOT NULL, "account_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2f807294148612a9751dacf1026" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "teacher_account_uq" ON "teacher"  ("account_id") WHERE account_id IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "teacher_institution" ("teacher_id" uuid NOT NULL, "institution_id" uuid NOT NULL, CONSTRAINT "PK_96971d6316b6b35aafd24b5445a" PRIMARY KEY ("teacher_id", "institution_id"))`,
    );
    await q.query(
      `CREATE INDEX "teacher_institution_institution_idx" ON "teacher_institution"  ("institution_id") `,
    );
    await q.query(
      `ALTER TABLE "plan_project" ADD CONSTRAINT "plan_project_plan_fk" FOREIGN KEY ("plan_id") REFERENCES "annual_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_plan" ADD CONSTRAINT "project_plan_district_fk" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_plan" ADD CONSTRAINT "project_plan_project_fk" FOREIGN KEY ("plan_project_id") REFERENCES "plan_project"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_plan" ADD CONSTRAINT "project_plan_institution_fk" FOREIGN KEY ("institution_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_plan" ADD CONSTRAINT "project_plan_amends_fk" FOREIGN KEY ("amendment_of") REFERENCES "project_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "project_plan_document" ADD CONSTRAINT "project_plan_document_plan_fk" FOREIGN KEY ("plan_id") REFERENCES "project_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "teacher" ADD CONSTRAINT "teacher_owner_fk" FOREIGN KEY ("owner_institution_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "teacher" ADD CONSTRAINT "teacher_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "teacher_institution" ADD CONSTRAINT "teacher_institution_teacher_fk" FOREIGN KEY ("teacher_id") REFERENCES "teacher"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "teacher_institution" ADD CONSTRAINT "teacher_institution_unit_fk" FOREIGN KEY ("institution_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "teacher_institution" DROP CONSTRAINT "teacher_institution_unit_fk"`,
    );
    await q.query(
      `ALTER TABLE "teacher_institution" DROP CONSTRAINT "teacher_institution_teacher_fk"`,
    );
    await q.query(`ALTER TABLE "teacher" DROP CONSTRAINT "teacher_account_fk"`);
    await q.query(`ALTER TABLE "teacher" DROP CONSTRAINT "teacher_owner_fk"`);
    await q.query(
      `ALTER TABLE "project_plan_document" DROP CONSTRAINT "project_plan_document_plan_fk"`,
    );
    await q.query(`ALTER TABLE "project_plan" DROP CONSTRAINT "project_plan_amends_fk"`);
    await q.query(`ALTER TABLE "project_plan" DROP CONSTRAINT "project_plan_institution_fk"`);
    await q.query(`ALTER TABLE "project_plan" DROP CONSTRAINT "project_plan_project_fk"`);
    await q.query(`ALTER TABLE "project_plan" DROP CONSTRAINT "project_plan_district_fk"`);
    await q.query(`ALTER TABLE "plan_project" DROP CONSTRAINT "plan_project_plan_fk"`);
    await q.query(`DROP INDEX "public"."teacher_institution_institution_idx"`);
    await q.query(`DROP TABLE "teacher_institution"`);
    await q.query(`DROP INDEX "public"."teacher_account_uq"`);
    await q.query(`DROP TABLE "teacher"`);
    await q.query(`DROP TABLE "project_plan_document"`);
    await q.query(`DROP INDEX "public"."project_plan_queue_idx"`);
    await q.query(`DROP INDEX "public"."project_plan_district_idx"`);
    await q.query(`DROP INDEX "public"."project_plan_filing_uq"`);
    await q.query(`DROP INDEX "public"."project_plan_institution_idx"`);
    await q.query(`DROP TABLE "project_plan"`);
    await q.query(`DROP INDEX "public"."plan_project_plan_idx"`);
    await q.query(`DROP TABLE "plan_project"`);
    await q.query(`DROP INDEX "public"."annual_plan_region_year_uq"`);
    await q.query(`DROP TABLE "annual_plan"`);
  }
}
