import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The needs survey (libs/surveys): questionnaires (read-only once used: a trigger refuses a
 * change), campaigns, invitations, responses, report versions and a plan's survey basis.
 */
export class Surveys1795625200000 implements MigrationInterface {
  name = 'Surveys1795625200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "survey_questionnaire" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region" character varying(40) NOT NULL, "lineage_id" uuid NOT NULL, "version" integer NOT NULL, "supersedes_id" uuid, "title" character varying(100) NOT NULL, "description" character varying(1000), "questions" jsonb NOT NULL, "locked_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_33318263f175663753dbffba0ff" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "survey_questionnaire_lineage_version_uq" ON "survey_questionnaire"  ("lineage_id", "version") `,
    );
    await q.query(
      `CREATE TABLE "survey_campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region" character varying(40) NOT NULL, "municipality_id" uuid NOT NULL, "year" integer NOT NULL, "title" character varying(100) NOT NULL, "description" character varying(1000), "questionnaire_id" uuid NOT NULL, "population" jsonb NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminders" TIMESTAMP WITH TIME ZONE array NOT NULL DEFAULT '{}', "reminders_sent" smallint NOT NULL DEFAULT '0', "min_group_size" smallint NOT NULL DEFAULT '5', "status" character varying(10) NOT NULL DEFAULT 'draft', "invited_count" integer NOT NULL DEFAULT '0', "distributed_at" TIMESTAMP WITH TIME ZONE, "launched_at" TIMESTAMP WITH TIME ZONE, "launched_by" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "row_version" integer NOT NULL DEFAULT '1', CONSTRAINT "survey_campaign_min_group_ck" CHECK (min_group_size BETWEEN 3 AND 100), CONSTRAINT "survey_campaign_window_ck" CHECK (closes_at > opens_at), CONSTRAINT "survey_campaign_status_ck" CHECK (status IN ('draft', 'scheduled', 'open', 'closed')), CONSTRAINT "PK_6d99475e67f5c3818bbda54733e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "survey_campaign_status_idx" ON "survey_campaign"  ("status") `);
    await q.query(
      `CREATE INDEX "survey_campaign_region_year_idx" ON "survey_campaign"  ("region", "year") `,
    );
    await q.query(
      `CREATE TABLE "survey_invitation" ("id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "district_id" uuid NOT NULL, "street_id" uuid NOT NULL, "community_id" uuid NOT NULL, "position_tier" character varying(10) NOT NULL, "entry_channel" character varying(30) NOT NULL, "qualification" character varying(30) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'invited', "invited_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "reminders_sent" smallint NOT NULL DEFAULT '0', CONSTRAINT "survey_invitation_status_ck" CHECK (status IN ('invited', 'draft', 'submitted')), CONSTRAINT "PK_cec5c4bf3e2b8193d2b88f11c22" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "survey_invitation_worker_idx" ON "survey_invitation"  ("worker_id") `,
    );
    await q.query(
      `CREATE INDEX "survey_invitation_rates_idx" ON "survey_invitation"  ("campaign_id", "district_id", "street_id", "status") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "survey_invitation_campaign_worker_uq" ON "survey_invitation"  ("campaign_id", "worker_id") `,
    );
    await q.query(
      `CREATE TABLE "survey_response" ("invitation_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "district_id" uuid NOT NULL, "position_tier" character varying(10) NOT NULL, "entry_channel" character varying(30) NOT NULL, "status" character varying(10) NOT NULL, "answers" jsonb NOT NULL, "choice_codes" integer array NOT NULL DEFAULT '{}', "breakdown_codes" smallint array NOT NULL DEFAULT '{}', "terms" text array NOT NULL DEFAULT '{}', "revision" integer NOT NULL DEFAULT '0', "submitted_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_response_status_ck" CHECK (status IN ('draft', 'submitted')), CONSTRAINT "PK_958fbeb2e69c57480ef1c126962" PRIMARY KEY ("invitation_id"))`,
    );
    await q.query(
      `CREATE INDEX "survey_response_campaign_idx" ON "survey_response"  ("campaign_id", "status") `,
    );
    await q.query(
      `CREATE TABLE "survey_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "number" integer NOT NULL, "kind" character varying(10) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "job_id" character varying(200) NOT NULL, "data" jsonb, "as_of" TIMESTAMP WITH TIME ZONE, "respondents" integer, "invited" integer, "xlsx_key" character varying(200), "xlsx_sha256" character(64), "xlsx_size" integer, "pdf_key" character varying(200), "pdf_sha256" character(64), "pdf_size" integer, "error" character varying(300), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "survey_report_files_ck" CHECK ((xlsx_key IS NULL) = (xlsx_sha256 IS NULL) AND (pdf_key IS NULL) = (pdf_sha256 IS NULL) AND (status <> 'ready' OR (xlsx_key IS NOT NULL AND pdf_key IS NOT NULL AND data IS NOT NULL))), CONSTRAINT "survey_report_status_ck" CHECK (status IN ('pending', 'aggregated', 'ready', 'failed')), CONSTRAINT "survey_report_kind_ck" CHECK (kind IN ('interim', 'final')), CONSTRAINT "PK_3efdc1aaf2eb6610f56ba9e4496" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "survey_report_campaign_number_uq" ON "survey_report"  ("campaign_id", "number") `,
    );
    await q.query(
      `CREATE TABLE "annual_plan_survey_basis" ("plan_id" uuid NOT NULL, "report_id" uuid NOT NULL, "linked_by" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a5c5cdc73c93e3de9446f29d43" PRIMARY KEY ("plan_id"))`,
    );
    await q.query(
      `ALTER TABLE "survey_questionnaire" ADD CONSTRAINT "survey_questionnaire_supersedes_fk" FOREIGN KEY ("supersedes_id") REFERENCES "survey_questionnaire"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "survey_campaign" ADD CONSTRAINT "survey_campaign_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "survey_campaign" ADD CONSTRAINT "survey_campaign_questionnaire_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "survey_questionnaire"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaign"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "survey_invitation" ADD CONSTRAINT "survey_invitation_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_invitation_fk" FOREIGN KEY ("invitation_id") REFERENCES "survey_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "survey_report" ADD CONSTRAINT "survey_report_campaign_fk" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "annual_plan_survey_basis" ADD CONSTRAINT "annual_plan_survey_basis_plan_fk" FOREIGN KEY ("plan_id") REFERENCES "annual_plan"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "annual_plan_survey_basis" ADD CONSTRAINT "annual_plan_survey_basis_report_fk" FOREIGN KEY ("report_id") REFERENCES "survey_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE FUNCTION survey_questionnaire_locked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.locked_at IS NOT NULL AND (NEW.questions IS DISTINCT FROM OLD.questions
            OR NEW.title IS DISTINCT FROM OLD.title OR NEW.description IS DISTINCT FROM OLD.description) THEN
          RAISE EXCEPTION 'survey questionnaire % is in use and read-only', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER survey_questionnaire_locked_trg BEFORE UPDATE ON "survey_questionnaire" FOR EACH ROW EXECUTE FUNCTION survey_questionnaire_locked()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER survey_questionnaire_locked_trg ON "survey_questionnaire"`);
    await q.query(`DROP FUNCTION survey_questionnaire_locked()`);
    await q.query(
      `ALTER TABLE "annual_plan_survey_basis" DROP CONSTRAINT "annual_plan_survey_basis_report_fk"`,
    );
    await q.query(
      `ALTER TABLE "annual_plan_survey_basis" DROP CONSTRAINT "annual_plan_survey_basis_plan_fk"`,
    );
    await q.query(`ALTER TABLE "survey_report" DROP CONSTRAINT "survey_report_campaign_fk"`);
    await q.query(`ALTER TABLE "survey_response" DROP CONSTRAINT "survey_response_invitation_fk"`);
    await q.query(`ALTER TABLE "survey_invitation" DROP CONSTRAINT "survey_invitation_worker_fk"`);
    await q.query(
      `ALTER TABLE "survey_invitation" DROP CONSTRAINT "survey_invitation_campaign_fk"`,
    );
    await q.query(
      `ALTER TABLE "survey_campaign" DROP CONSTRAINT "survey_campaign_questionnaire_fk"`,
    );
    await q.query(
      `ALTER TABLE "survey_campaign" DROP CONSTRAINT "survey_campaign_municipality_fk"`,
    );
    await q.query(
      `ALTER TABLE "survey_questionnaire" DROP CONSTRAINT "survey_questionnaire_supersedes_fk"`,
    );
    await q.query(`DROP TABLE "annual_plan_survey_basis"`);
    await q.query(`DROP INDEX "public"."survey_report_campaign_number_uq"`);
    await q.query(`DROP TABLE "survey_report"`);
    await q.query(`DROP INDEX "public"."survey_response_campaign_idx"`);
    await q.query(`DROP TABLE "survey_response"`);
    await q.query(`DROP INDEX "public"."survey_invitation_campaign_worker_uq"`);
    await q.query(`DROP INDEX "public"."survey_invitation_rates_idx"`);
    await q.query(`DROP INDEX "public"."survey_invitation_worker_idx"`);
    await q.query(`DROP TABLE "survey_invitation"`);
    await q.query(`DROP INDEX "public"."survey_campaign_region_year_idx"`);
    await q.query(`DROP INDEX "public"."survey_campaign_status_idx"`);
    await q.query(`DROP TABLE "survey_campaign"`);
    await q.query(`DROP INDEX "public"."survey_questionnaire_lineage_version_uq"`);
    await q.query(`DROP TABLE "survey_questionnaire"`);
  }
}
