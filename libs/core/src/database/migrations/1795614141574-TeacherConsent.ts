import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teachers' consent to be listed in the shared pool (teacher_consent), and its
 * withdrawal.
 *
 * Existing teachers get no consent row: they count as "consent not recorded"
 * and are no longer offered to other institutions or for new plans until they
 * consent through their account or their institution records the signed form.
 * Listing a person for others to select rests on their consent (PIPL Art. 13,
 * 14: specific, informed, and the processor must be able to show it), and
 * nothing in the database shows that any existing teacher gave it; assuming
 * consent would be a record we cannot back. Plans that already name them are
 * untouched (approved plans stay valid and readable; the check applies to new
 * selections only). The demo seed records consent for its own demo teachers.
 */
export class TeacherConsent1795614141574 implements MigrationInterface {
  name = 'TeacherConsent1795614141574';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "teacher_consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "teacher_id" uuid NOT NULL, "method" character varying(12) NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signed_on" date, "reference" character varying(100), "note" character varying(500), "recorded_by" uuid NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, "withdrawal_method" character varying(12), "withdrawal_reason" character varying(500), CONSTRAINT "teacher_consent_method_ck" CHECK (method IN ('account', 'paper')), CONSTRAINT "teacher_consent_paper_ck" CHECK (method <> 'paper' OR (signed_on IS NOT NULL AND reference IS NOT NULL)), CONSTRAINT "teacher_consent_withdrawal_ck" CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_method IS NULL) AND (withdrawal_method IS NULL OR withdrawal_method IN ('account', 'paper'))), CONSTRAINT "PK_edf300a45b072da28d9d3a749ee" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "teacher_consent_current_uq" ON "teacher_consent"  ("teacher_id") WHERE withdrawn_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "teacher_consent_teacher_idx" ON "teacher_consent"  ("teacher_id", "given_at") `,
    );
    await q.query(
      `ALTER TABLE "teacher_consent" ADD CONSTRAINT "teacher_consent_teacher_fk" FOREIGN KEY ("teacher_id") REFERENCES "teacher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Consent rows are evidence: never deleted; the only change is the one-time withdrawal.
    await q.query(`CREATE FUNCTION teacher_consent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
          RAISE EXCEPTION 'teacher_consent rows are evidence: they cannot be deleted'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
           OR (NEW.id, NEW.teacher_id, NEW.method, NEW.given_at, NEW.signed_on, NEW.reference,
               NEW.note, NEW.recorded_by)
              IS DISTINCT FROM
              (OLD.id, OLD.teacher_id, OLD.method, OLD.given_at, OLD.signed_on, OLD.reference,
               OLD.note, OLD.recorded_by) THEN
          RAISE EXCEPTION 'teacher_consent % can only be withdrawn, once', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER teacher_consent_guard BEFORE UPDATE OR DELETE ON teacher_consent FOR EACH ROW EXECUTE FUNCTION teacher_consent_guard()`,
    );
    await q.query(
      `CREATE TRIGGER teacher_consent_no_truncate BEFORE TRUNCATE ON teacher_consent FOR EACH STATEMENT EXECUTE FUNCTION teacher_consent_guard()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER teacher_consent_no_truncate ON teacher_consent`);
    await q.query(`DROP TRIGGER teacher_consent_guard ON teacher_consent`);
    await q.query(`DROP FUNCTION teacher_consent_guard()`);
    await q.query(`ALTER TABLE "teacher_consent" DROP CONSTRAINT "teacher_consent_teacher_fk"`);
    await q.query(`DROP INDEX "public"."teacher_consent_teacher_idx"`);
    await q.query(`DROP INDEX "public"."teacher_consent_current_uq"`);
    await q.query(`DROP TABLE "teacher_consent"`);
  }
}
