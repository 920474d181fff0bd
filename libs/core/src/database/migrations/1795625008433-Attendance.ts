import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attendance marks and leave requests; a class's own (stricter) attendance thresholds. */
export class Attendance1795625008433 implements MigrationInterface {
  name = 'Attendance1795625008433';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "attendance_mark" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "class_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "minutes_late" integer NOT NULL DEFAULT '0', "minutes_early" integer NOT NULL DEFAULT '0', "check_in_at" TIMESTAMP WITH TIME ZONE, "check_out_at" TIMESTAMP WITH TIME ZONE, "source" character varying(10) NOT NULL, "client_ref" character varying(64), "note" character varying(200), "marked_by" uuid, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', CONSTRAINT "attendance_mark_minutes_ck" CHECK (minutes_late >= 0 AND minutes_early >= 0), CONSTRAINT "attendance_mark_source_ck" CHECK (source IN ('staff', 'self', 'code', 'offline', 'paper', 'leave')), CONSTRAINT "attendance_mark_status_ck" CHECK (status IN ('present', 'late', 'left_early', 'leave', 'absent')), CONSTRAINT "PK_ec9eadd143775f2b4f80436cce6" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "attendance_mark_worker_idx" ON "attendance_mark"  ("worker_id") `);
    await q.query(
      `CREATE INDEX "attendance_mark_class_idx" ON "attendance_mark"  ("class_id", "session_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "attendance_mark_session_entry_uq" ON "attendance_mark"  ("session_id", "enrollment_id") `,
    );
    await q.query(
      `CREATE TABLE "leave_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "class_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "reason" character varying(500) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "leave_request_status_ck" CHECK (status IN ('pending', 'approved', 'refused', 'cancelled')), CONSTRAINT "PK_6f6ed3822203a4e10a5753368db" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "leave_request_worker_idx" ON "leave_request"  ("worker_id", "created_at") `,
    );
    await q.query(
      `CREATE INDEX "leave_request_class_idx" ON "leave_request"  ("class_id", "status") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "leave_request_open_uq" ON "leave_request"  ("session_id", "enrollment_id") WHERE status IN ('pending', 'approved')`,
    );
    await q.query(`ALTER TABLE "training_class" ADD "late_threshold_minutes" integer`);
    await q.query(`ALTER TABLE "training_class" ADD "early_threshold_minutes" integer`);
    await q.query(
      `ALTER TABLE "attendance_mark" ADD CONSTRAINT "attendance_mark_session_fk" FOREIGN KEY ("session_id") REFERENCES "class_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "attendance_mark" ADD CONSTRAINT "attendance_mark_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "leave_request" ADD CONSTRAINT "leave_request_session_fk" FOREIGN KEY ("session_id") REFERENCES "class_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "leave_request" ADD CONSTRAINT "leave_request_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "leave_request" DROP CONSTRAINT "leave_request_enrollment_fk"`);
    await q.query(`ALTER TABLE "leave_request" DROP CONSTRAINT "leave_request_session_fk"`);
    await q.query(`ALTER TABLE "attendance_mark" DROP CONSTRAINT "attendance_mark_enrollment_fk"`);
    await q.query(`ALTER TABLE "attendance_mark" DROP CONSTRAINT "attendance_mark_session_fk"`);
    await q.query(`ALTER TABLE "training_class" DROP COLUMN "early_threshold_minutes"`);
    await q.query(`ALTER TABLE "training_class" DROP COLUMN "late_threshold_minutes"`);
    await q.query(`DROP INDEX "public"."leave_request_open_uq"`);
    await q.query(`DROP INDEX "public"."leave_request_class_idx"`);
    await q.query(`DROP INDEX "public"."leave_request_worker_idx"`);
    await q.query(`DROP TABLE "leave_request"`);
    await q.query(`DROP INDEX "public"."attendance_mark_session_entry_uq"`);
    await q.query(`DROP INDEX "public"."attendance_mark_class_idx"`);
    await q.query(`DROP INDEX "public"."attendance_mark_worker_idx"`);
    await q.query(`DROP TABLE "attendance_mark"`);
  }
}
