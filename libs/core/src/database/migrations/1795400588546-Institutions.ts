import { MigrationInterface, QueryRunner } from 'typeorm';

export class Institutions1795400588546 implements MigrationInterface {
  name = 'Institutions1795400588546';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "institution_profile" ("org_unit_id" uuid NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "legal_name" character varying(100), "credit_code" character(18), "kind" character varying(30), "address" character varying(200), "contact_name" character varying(50), "contact_phone" character varying(20), "annual_capacity" integer, "description" text, "filing_number" character varying(40), "filed_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "last_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "institution_profile_status_ck" CHECK (status IN ('draft', 'pending', 'changes_requested', 'rejected', 'approved', 'suspended')), CONSTRAINT "PK_87730d137e1865daed1bd2a32d0" PRIMARY KEY ("org_unit_id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "institution_profile_credit_code_uq" ON "institution_profile"  ("credit_code") WHERE credit_code IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "institution_profile_filing_uq" ON "institution_profile"  ("filing_number") WHERE filing_number IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "institution_profile_queue_idx" ON "institution_profile"  ("status", "submitted_at") `,
    );
    await q.query(
      `CREATE TABLE "institution_document" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "file_name" character varying(200) NOT NULL, "mime_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f4ed87046d933470f21cc80360d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "institution_document_profile_idx" ON "institution_document"  ("institution_id") `,
    );
    await q.query(
      `CREATE TABLE "institution_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "from_status" character varying(20) NOT NULL, "to_status" character varying(20) NOT NULL, "reason" character varying(500), "actor_account_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0c268bcb524fa5f81696fdd0768" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "institution_review_profile_idx" ON "institution_review"  ("institution_id", "at") `,
    );
    await q.query(
      `ALTER TABLE "institution_profile" ADD CONSTRAINT "institution_profile_unit_fk" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "institution_document" ADD CONSTRAINT "institution_document_profile_fk" FOREIGN KEY ("institution_id") REFERENCES "institution_profile"("org_unit_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "institution_review" ADD CONSTRAINT "institution_review_profile_fk" FOREIGN KEY ("institution_id") REFERENCES "institution_profile"("org_unit_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "institution_review" DROP CONSTRAINT "institution_review_profile_fk"`,
    );
    await q.query(
      `ALTER TABLE "institution_document" DROP CONSTRAINT "institution_document_profile_fk"`,
    );
    await q.query(
      `ALTER TABLE "institution_profile" DROP CONSTRAINT "institution_profile_unit_fk"`,
    );
    await q.query(`DROP INDEX "public"."institution_review_profile_idx"`);
    await q.query(`DROP TABLE "institution_review"`);
    await q.query(`DROP INDEX "public"."institution_document_profile_idx"`);
    await q.query(`DROP TABLE "institution_document"`);
    await q.query(`DROP INDEX "public"."institution_profile_queue_idx"`);
    await q.query(`DROP INDEX "public"."institution_profile_filing_uq"`);
    await q.query(`DROP INDEX "public"."institution_profile_credit_code_uq"`);
    await q.query(`DROP TABLE "institution_profile"`);
  }
}
