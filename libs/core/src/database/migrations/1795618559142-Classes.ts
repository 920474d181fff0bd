import { MigrationInterface, QueryRunner } from 'typeorm';

/** Classes (班次) and sessions (课次); a teacher or a room is never booked twice at once. */
export class Classes1795618559142 implements MigrationInterface {
  name = 'Classes1795618559142';

  public async up(q: QueryRunner): Promise<void> {
    // uuid/text equality inside the GiST exclusion constraints (a trusted extension: the owner may create it)
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(
      `CREATE TABLE "training_class" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "origin" character varying(12) NOT NULL, "project_plan_id" uuid, "institution_id" uuid, "district_id" uuid, "street_id" uuid, "municipality_id" uuid NOT NULL, "year" integer NOT NULL, "type" character varying(20) NOT NULL, "title" character varying(100) NOT NULL, "target_tiers" jsonb NOT NULL DEFAULT '[]', "target_channels" jsonb NOT NULL DEFAULT '[]', "capacity" integer NOT NULL, "taken" integer NOT NULL DEFAULT '0', "location" character varying(200) NOT NULL, "enrol_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "enrol_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "fee_fen" integer NOT NULL DEFAULT '0', "status" character varying(12) NOT NULL DEFAULT 'draft', "cancel_reason" character varying(500), "opened_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "training_class_origin_refs_ck" CHECK ((origin = 'plan' AND project_plan_id IS NOT NULL AND institution_id IS NOT NULL) OR (origin = 'municipal' AND institution_id IS NOT NULL) OR (origin = 'street' AND street_id IS NOT NULL)), CONSTRAINT "training_class_fee_ck" CHECK (fee_fen >= 0), CONSTRAINT "training_class_capacity_ck" CHECK (capacity >= 1 AND taken >= 0 AND taken <= capacity), CONSTRAINT "training_class_status_ck" CHECK (status IN ('draft', 'open', 'cancelled')), CONSTRAINT "training_class_origin_ck" CHECK (origin IN ('plan', 'municipal', 'street')), CONSTRAINT "PK_ef887023f3056dca57af280ba25" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "training_class_plan_idx" ON "training_class"  ("project_plan_id") `,
    );
    await q.query(
      `CREATE INDEX "training_class_status_idx" ON "training_class"  ("status", "enrol_closes_at") `,
    );
    await q.query(
      `CREATE INDEX "training_class_street_idx" ON "training_class"  ("street_id", "year") `,
    );
    await q.query(
      `CREATE INDEX "training_class_district_idx" ON "training_class"  ("district_id", "year") `,
    );
    await q.query(
      `CREATE INDEX "training_class_institution_idx" ON "training_class"  ("institution_id", "year") `,
    );
    await q.query(
      `CREATE TABLE "class_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "half_hours" integer NOT NULL, "topic" character varying(200) NOT NULL, "method" character varying(20) NOT NULL, "teacher_id" uuid, "speaker_name" character varying(50), "room" character varying(100), "room_key" character varying(200), "status" character varying(12) NOT NULL DEFAULT 'scheduled', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "class_session_status_ck" CHECK (status IN ('scheduled', 'cancelled')), CONSTRAINT "class_session_hours_ck" CHECK (half_hours >= 1 AND half_hours <= 48), CONSTRAINT "class_session_time_ck" CHECK (ends_at > starts_at), CONSTRAINT "class_session_room_excl" EXCLUDE USING gist ("room_key" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (((status)::text = 'scheduled'::text) AND (room_key IS NOT NULL)), CONSTRAINT "class_session_teacher_excl" EXCLUDE USING gist ("teacher_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (((status)::text = 'scheduled'::text) AND (teacher_id IS NOT NULL)), CONSTRAINT "PK_a3d6e3f59db21b19a3b6eb908d9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "class_session_class_idx" ON "class_session"  ("class_id", "starts_at") `,
    );
    await q.query(
      `ALTER TABLE "training_class" ADD CONSTRAINT "training_class_plan_fk" FOREIGN KEY ("project_plan_id") REFERENCES "project_plan"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_class" ADD CONSTRAINT "training_class_institution_fk" FOREIGN KEY ("institution_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_class" ADD CONSTRAINT "training_class_district_fk" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_class" ADD CONSTRAINT "training_class_street_fk" FOREIGN KEY ("street_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "training_class" ADD CONSTRAINT "training_class_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_session" ADD CONSTRAINT "class_session_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "class_session" ADD CONSTRAINT "class_session_teacher_fk" FOREIGN KEY ("teacher_id") REFERENCES "teacher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "class_session" DROP CONSTRAINT "class_session_teacher_fk"`);
    await q.query(`ALTER TABLE "class_session" DROP CONSTRAINT "class_session_class_fk"`);
    await q.query(`ALTER TABLE "training_class" DROP CONSTRAINT "training_class_municipality_fk"`);
    await q.query(`ALTER TABLE "training_class" DROP CONSTRAINT "training_class_street_fk"`);
    await q.query(`ALTER TABLE "training_class" DROP CONSTRAINT "training_class_district_fk"`);
    await q.query(`ALTER TABLE "training_class" DROP CONSTRAINT "training_class_institution_fk"`);
    await q.query(`ALTER TABLE "training_class" DROP CONSTRAINT "training_class_plan_fk"`);
    await q.query(`DROP INDEX "public"."class_session_class_idx"`);
    await q.query(`DROP TABLE "class_session"`);
    await q.query(`DROP INDEX "public"."training_class_institution_idx"`);
    await q.query(`DROP INDEX "public"."training_class_district_idx"`);
    await q.query(`DROP INDEX "public"."training_class_street_idx"`);
    await q.query(`DROP INDEX "public"."training_class_status_idx"`);
    await q.query(`DROP INDEX "public"."training_class_plan_idx"`);
    await q.query(`DROP TABLE "training_class"`);
  }
}
