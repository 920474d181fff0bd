import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exams and their results, certificates with their per-region-and-year counter, certificate
 * bundles (libs/exams); the 2012 policy versions gain their exam figures (Art. 16).
 */
export class ExamsCertificates1795625300000 implements MigrationInterface {
  name = 'ExamsCertificates1795625300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "exam" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "attempt" integer NOT NULL, "held_on" date NOT NULL, "mode" character varying(12) NOT NULL, "max_score" integer NOT NULL, "pass_score" integer NOT NULL, "supervisor_name" character varying(50) NOT NULL, "supervisor_org_id" uuid NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exam_scores_ck" CHECK (max_score >= 1 AND pass_score >= 0 AND pass_score <= max_score), CONSTRAINT "exam_attempt_ck" CHECK (attempt >= 1), CONSTRAINT "exam_mode_ck" CHECK (mode IN ('score', 'pass_fail')), CONSTRAINT "PK_56071ab3a94aeac01f1b5ab74aa" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "exam_class_attempt_uq" ON "exam"  ("class_id", "attempt") `,
    );
    await q.query(
      `CREATE TABLE "exam_result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exam_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "class_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "attempt" integer NOT NULL, "score" integer, "passed" boolean NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "exam_result_score_ck" CHECK (score IS NULL OR score >= 0), CONSTRAINT "PK_9c05af0457cef1ec4ee5f074df7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "exam_result_worker_idx" ON "exam_result"  ("worker_id") `);
    await q.query(
      `CREATE INDEX "exam_result_enrollment_idx" ON "exam_result"  ("enrollment_id", "attempt") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "exam_result_exam_entry_uq" ON "exam_result"  ("exam_id", "enrollment_id") `,
    );
    await q.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "generation" integer NOT NULL DEFAULT '1', "class_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "exam_result_id" uuid NOT NULL, "region" character varying(20) NOT NULL, "year" integer NOT NULL, "seq" integer NOT NULL, "serial" character varying(32) NOT NULL, "verify_code" character varying(16) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'valid', "holder_name" character varying(50) NOT NULL, "id_number_masked" character varying(32) NOT NULL, "project_title" character varying(200) NOT NULL, "type_label" character varying(50) NOT NULL, "half_hours" integer NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "institution_name" character varying(200) NOT NULL, "issuers" jsonb NOT NULL, "issued_on" date NOT NULL, "file_key" character varying(200), "file_sha256" character(64), "file_size" integer, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(500), "supersedes_id" uuid, "superseded_at" TIMESTAMP WITH TIME ZONE, "reissue_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "certificate_generation_ck" CHECK (generation >= 1), CONSTRAINT "certificate_status_ck" CHECK (status IN ('valid', 'revoked', 'superseded')), CONSTRAINT "PK_8daddfc65f59e341c2bbc9c9e43" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "certificate_worker_idx" ON "certificate"  ("worker_id") `);
    await q.query(`CREATE INDEX "certificate_class_idx" ON "certificate"  ("class_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "certificate_region_seq_uq" ON "certificate"  ("region", "year", "seq") `,
    );
    await q.query(`CREATE UNIQUE INDEX "certificate_serial_uq" ON "certificate"  ("serial") `);
    await q.query(
      `CREATE UNIQUE INDEX "certificate_enrollment_generation_uq" ON "certificate"  ("enrollment_id", "generation") `,
    );
    await q.query(
      `CREATE TABLE "certificate_counter" ("region" character varying(20) NOT NULL, "year" integer NOT NULL, "last" integer NOT NULL DEFAULT '0', CONSTRAINT "certificate_counter_last_ck" CHECK (last >= 0), CONSTRAINT "PK_844a9a7a5a10a528f860f2d33c9" PRIMARY KEY ("region", "year"))`,
    );
    await q.query(
      `CREATE TABLE "certificate_bundle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "total" integer NOT NULL DEFAULT '0', "done" integer NOT NULL DEFAULT '0', "file_key" character varying(200), "file_sha256" character(64), "file_size" integer, "error" character varying(300), "requested_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "certificate_bundle_status_ck" CHECK (status IN ('pending', 'ready', 'failed')), CONSTRAINT "PK_ff4ace16d5f9d79b2d1bfcae6fe" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "certificate_bundle_class_idx" ON "certificate_bundle"  ("class_id", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "exam" ADD CONSTRAINT "exam_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "exam" ADD CONSTRAINT "exam_supervisor_org_fk" FOREIGN KEY ("supervisor_org_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "exam_result" ADD CONSTRAINT "exam_result_exam_fk" FOREIGN KEY ("exam_id") REFERENCES "exam"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "exam_result" ADD CONSTRAINT "exam_result_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "certificate_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "certificate_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "certificate_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "certificate_bundle" ADD CONSTRAINT "certificate_bundle_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // the versions in force are frozen by a trigger: their exam figures are added once, here
    await q.query(`ALTER TABLE training_policy DISABLE TRIGGER training_policy_frozen`);
    await q.query(
      `UPDATE training_policy SET data = data || jsonb_build_object('exam', $2::jsonb) WHERE id = $1 AND NOT data ? 'exam'`,
      ['beijing-2012', JSON.stringify({ maxScore: 100, passScore: 60, maxRetakes: 1 })],
    );
    await q.query(
      `UPDATE training_policy SET data = data || jsonb_build_object('exam', $2::jsonb) WHERE id = $1 AND NOT data ? 'exam'`,
      ['shenyang-2012', JSON.stringify({ maxScore: 100, passScore: 60, maxRetakes: 2 })],
    );
    await q.query(`ALTER TABLE training_policy ENABLE TRIGGER training_policy_frozen`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE training_policy DISABLE TRIGGER training_policy_frozen`);
    await q.query(
      `UPDATE training_policy SET data = data - 'exam' WHERE id IN ('beijing-2012', 'shenyang-2012')`,
    );
    await q.query(`ALTER TABLE training_policy ENABLE TRIGGER training_policy_frozen`);
    await q.query(`ALTER TABLE "certificate_bundle" DROP CONSTRAINT "certificate_bundle_class_fk"`);
    await q.query(`ALTER TABLE "certificate" DROP CONSTRAINT "certificate_worker_fk"`);
    await q.query(`ALTER TABLE "certificate" DROP CONSTRAINT "certificate_class_fk"`);
    await q.query(`ALTER TABLE "certificate" DROP CONSTRAINT "certificate_enrollment_fk"`);
    await q.query(`ALTER TABLE "exam_result" DROP CONSTRAINT "exam_result_enrollment_fk"`);
    await q.query(`ALTER TABLE "exam_result" DROP CONSTRAINT "exam_result_exam_fk"`);
    await q.query(`ALTER TABLE "exam" DROP CONSTRAINT "exam_supervisor_org_fk"`);
    await q.query(`ALTER TABLE "exam" DROP CONSTRAINT "exam_class_fk"`);
    await q.query(`DROP INDEX "public"."certificate_bundle_class_idx"`);
    await q.query(`DROP TABLE "certificate_bundle"`);
    await q.query(`DROP TABLE "certificate_counter"`);
    await q.query(`DROP INDEX "public"."certificate_enrollment_generation_uq"`);
    await q.query(`DROP INDEX "public"."certificate_serial_uq"`);
    await q.query(`DROP INDEX "public"."certificate_region_seq_uq"`);
    await q.query(`DROP INDEX "public"."certificate_class_idx"`);
    await q.query(`DROP INDEX "public"."certificate_worker_idx"`);
    await q.query(`DROP TABLE "certificate"`);
    await q.query(`DROP INDEX "public"."exam_result_exam_entry_uq"`);
    await q.query(`DROP INDEX "public"."exam_result_enrollment_idx"`);
    await q.query(`DROP INDEX "public"."exam_result_worker_idx"`);
    await q.query(`DROP TABLE "exam_result"`);
    await q.query(`DROP INDEX "public"."exam_class_attempt_uq"`);
    await q.query(`DROP TABLE "exam"`);
  }
}
