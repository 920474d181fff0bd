import { MigrationInterface, QueryRunner } from 'typeorm';

export class Workers1795399050648 implements MigrationInterface {
  name = 'Workers1795399050648';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "worker" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(50) NOT NULL, "gender" character varying(6) NOT NULL, "birth_date" date NOT NULL, "id_number" character(18) NOT NULL, "phone" character varying(20), "community_id" uuid NOT NULL, "street_id" uuid NOT NULL, "district_id" uuid NOT NULL, "position_tier" character varying(10) NOT NULL, "post" character varying(40), "entry_channel" character varying(30) NOT NULL, "started_on" date NOT NULL, "qualification" character varying(30) NOT NULL DEFAULT 'none', "qualification_cert_no" character varying(40), "qualification_on" date, "status" character varying(10) NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "worker_gender_ck" CHECK (gender IN ('male', 'female')), CONSTRAINT "worker_status_ck" CHECK (status IN ('active', 'left', 'retired')), CONSTRAINT "worker_qualification_ck" CHECK (qualification IN ('none', 'assistant_social_worker', 'social_worker', 'senior_social_worker')), CONSTRAINT "worker_channel_ck" CHECK (entry_channel IN ('elected', 'recruited_citywide', 'recruited_other')), CONSTRAINT "worker_tier_ck" CHECK (position_tier IN ('head', 'deputy', 'staff')), CONSTRAINT "PK_dc8175fa0e34ce7a39e4ec73b94" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "worker_id_number_uq" ON "worker"  ("id_number") `);
    await q.query(`CREATE INDEX "worker_name_idx" ON "worker"  ("name", "id") `);
    await q.query(
      `CREATE INDEX "worker_community_name_idx" ON "worker"  ("community_id", "name", "id") `,
    );
    await q.query(
      `CREATE INDEX "worker_street_name_idx" ON "worker"  ("street_id", "name", "id") `,
    );
    await q.query(
      `CREATE INDEX "worker_district_name_idx" ON "worker"  ("district_id", "name", "id") `,
    );
    await q.query(
      `CREATE TABLE "worker_post_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "worker_id" uuid NOT NULL, "change_kind" character varying(20) NOT NULL, "community_id" uuid NOT NULL, "position_tier" character varying(10) NOT NULL, "post" character varying(40), "status" character varying(10) NOT NULL, "effective_on" date NOT NULL, "reason" character varying(200), "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "worker_post_history_kind_ck" CHECK (change_kind IN ('initial', 'post_change', 'transfer', 'status_change')), CONSTRAINT "PK_6ce88dbae3a568429f174afd6f4" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "worker_post_history_worker_idx" ON "worker_post_history"  ("worker_id", "effective_on") `,
    );
    await q.query(
      `CREATE TABLE "worker_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "worker_id" uuid NOT NULL, "year" integer NOT NULL, "grade" character varying(30) NOT NULL, "policy_id" character varying(40) NOT NULL, "note" character varying(200), "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_abddc15393ccf7465630b401b25" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "worker_assessment_worker_year_uq" ON "worker_assessment"  ("worker_id", "year") `,
    );
    await q.query(
      `CREATE TABLE "roster_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(10) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "format" character varying(8) NOT NULL, "file_name" character varying(200) NOT NULL, "content" bytea, "size_bytes" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "actor" jsonb NOT NULL, "filters" jsonb, "total_rows" integer, "created_count" integer, "updated_count" integer, "errors" jsonb, "error_count" integer, "failure" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "roster_file_status_ck" CHECK (status IN ('pending', 'processing', 'invalid', 'completed', 'failed')), CONSTRAINT "roster_file_kind_ck" CHECK (kind IN ('import', 'export')), CONSTRAINT "PK_61da9474185fd1aaa6aed4429a1" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "roster_file_owner_idx" ON "roster_file"  ("created_by", "created_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "account_worker_uq" ON "account"  ("worker_id") WHERE worker_id IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "account" ADD CONSTRAINT "account_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "worker" ADD CONSTRAINT "worker_community_fk" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "worker_post_history" ADD CONSTRAINT "worker_post_history_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "worker_post_history" ADD CONSTRAINT "worker_post_history_community_fk" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "worker_assessment" ADD CONSTRAINT "worker_assessment_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "worker_assessment" DROP CONSTRAINT "worker_assessment_worker_fk"`);
    await q.query(
      `ALTER TABLE "worker_post_history" DROP CONSTRAINT "worker_post_history_community_fk"`,
    );
    await q.query(
      `ALTER TABLE "worker_post_history" DROP CONSTRAINT "worker_post_history_worker_fk"`,
    );
    await q.query(`ALTER TABLE "worker" DROP CONSTRAINT "worker_community_fk"`);
    await q.query(`ALTER TABLE "account" DROP CONSTRAINT "account_worker_fk"`);
    await q.query(`DROP INDEX "public"."account_worker_uq"`);
    await q.query(`DROP INDEX "public"."roster_file_owner_idx"`);
    await q.query(`DROP TABLE "roster_file"`);
    await q.query(`DROP INDEX "public"."worker_assessment_worker_year_uq"`);
    await q.query(`DROP TABLE "worker_assessment"`);
    await q.query(`DROP INDEX "public"."worker_post_history_worker_idx"`);
    await q.query(`DROP TABLE "worker_post_history"`);
    await q.query(`DROP INDEX "public"."worker_district_name_idx"`);
    await q.query(`DROP INDEX "public"."worker_street_name_idx"`);
    await q.query(`DROP INDEX "public"."worker_community_name_idx"`);
    await q.query(`DROP INDEX "public"."worker_name_idx"`);
    await q.query(`DROP INDEX "public"."worker_id_number_uq"`);
    await q.query(`DROP TABLE "worker"`);
  }
}
