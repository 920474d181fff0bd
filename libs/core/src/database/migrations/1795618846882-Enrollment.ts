import { MigrationInterface, QueryRunner } from 'typeorm';

/** Enrolment with its waitlist, advanced-study nominations and their quota counter, calendar feeds. */
export class Enrollment1795618846882 implements MigrationInterface {
  name = 'Enrollment1795618846882';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "enrollment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "source" character varying(12) NOT NULL, "queue_seq" BIGSERIAL NOT NULL, "offered_until" TIMESTAMP WITH TIME ZONE, "enrolled_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(200), "fee_fen" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "enrollment_source_ck" CHECK (source IN ('self', 'bulk', 'nomination')), CONSTRAINT "enrollment_status_ck" CHECK (status IN ('pending', 'enrolled', 'waitlisted', 'offered', 'withdrawn', 'declined', 'expired', 'cancelled')), CONSTRAINT "PK_7e200c699fa93865cdcdd025885" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "enrollment_worker_idx" ON "enrollment"  ("worker_id", "status") `);
    await q.query(
      `CREATE INDEX "enrollment_class_queue_idx" ON "enrollment"  ("class_id", "status", "queue_seq") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "enrollment_active_uq" ON "enrollment"  ("class_id", "worker_id") WHERE status IN ('pending', 'enrolled', 'waitlisted', 'offered')`,
    );
    await q.query(
      `CREATE TABLE "nomination" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "worker_id" uuid NOT NULL, "district_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "grade" character varying(30) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'pending', "nomination_reason" character varying(500), "decision_reason" character varying(500), "class_id" uuid, "nominated_by" uuid NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "nomination_status_ck" CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')), CONSTRAINT "PK_52e10255e966818cbebfc0f1144" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "nomination_queue_idx" ON "nomination"  ("municipality_id", "year", "status") `,
    );
    await q.query(
      `CREATE INDEX "nomination_district_idx" ON "nomination"  ("district_id", "year") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "nomination_active_uq" ON "nomination"  ("year", "worker_id") WHERE status IN ('pending', 'accepted')`,
    );
    await q.query(
      `CREATE TABLE "nomination_quota" ("municipality_id" uuid NOT NULL, "year" integer NOT NULL, "accepted" integer NOT NULL DEFAULT '0', CONSTRAINT "nomination_quota_ck" CHECK (accepted >= 0), CONSTRAINT "PK_04d8f0b243a466a3d87a4c3dc24" PRIMARY KEY ("municipality_id", "year"))`,
    );
    await q.query(
      `CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "worker_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "calendar_feed_worker_idx" ON "calendar_feed"  ("worker_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "calendar_feed_token_uq" ON "calendar_feed"  ("token_hash") `,
    );
    await q.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "nomination" ADD CONSTRAINT "nomination_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "nomination" ADD CONSTRAINT "nomination_district_fk" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "nomination" ADD CONSTRAINT "nomination_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "nomination" ADD CONSTRAINT "nomination_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "nomination_quota" ADD CONSTRAINT "nomination_quota_municipality_fk" FOREIGN KEY ("municipality_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_worker_fk" FOREIGN KEY ("worker_id") REFERENCES "worker"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await this.settleFunction(q);
  }

  /**
   * Settles a class's pending entries in one call: under the class row's lock, in arrival
   * order, a place while places last and the waitlist after, each with its queue position.
   * One call settles whatever is pending (concurrent requests share the work); statements of
   * a plpgsql function each see the latest committed rows, and nothing returns to the
   * application while the lock is held.
   */
  private async settleFunction(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION enrollment_settle(p_class uuid) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        v_free integer;
        v_done integer := 0;
      BEGIN
        PERFORM 1 FROM training_class WHERE id = p_class FOR NO KEY UPDATE;
        SELECT greatest(0, capacity - taken) INTO v_free FROM training_class WHERE id = p_class;
        WITH pend AS (
          SELECT id, queue_seq FROM enrollment
           WHERE class_id = p_class AND status = 'pending'
           ORDER BY queue_seq FOR UPDATE
        ), ranked AS (
          SELECT id, row_number() OVER (ORDER BY queue_seq) AS rn FROM pend
        ), seq AS (
          SELECT id, rn, nextval(pg_get_serial_sequence('enrollment', 'queue_seq')) AS q
            FROM (SELECT id, rn FROM ranked ORDER BY rn) o
        ), settled AS (
          UPDATE enrollment e
             SET status = CASE WHEN seq.rn <= v_free THEN 'enrolled' ELSE 'waitlisted' END,
                 enrolled_at = CASE WHEN seq.rn <= v_free THEN now() ELSE NULL END,
                 queue_seq = seq.q
            FROM seq WHERE e.id = seq.id
          RETURNING e.status
        )
        SELECT count(*) FILTER (WHERE status = 'enrolled')::int INTO v_done FROM settled;
        IF v_done > 0 THEN
          UPDATE training_class SET taken = taken + v_done WHERE id = p_class;
        END IF;
        RETURN v_done;
      END $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION enrollment_settle(uuid)`);
    await q.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "calendar_feed_worker_fk"`);
    await q.query(
      `ALTER TABLE "nomination_quota" DROP CONSTRAINT "nomination_quota_municipality_fk"`,
    );
    await q.query(`ALTER TABLE "nomination" DROP CONSTRAINT "nomination_class_fk"`);
    await q.query(`ALTER TABLE "nomination" DROP CONSTRAINT "nomination_municipality_fk"`);
    await q.query(`ALTER TABLE "nomination" DROP CONSTRAINT "nomination_district_fk"`);
    await q.query(`ALTER TABLE "nomination" DROP CONSTRAINT "nomination_worker_fk"`);
    await q.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "enrollment_worker_fk"`);
    await q.query(`ALTER TABLE "enrollment" DROP CONSTRAINT "enrollment_class_fk"`);
    await q.query(`DROP INDEX "public"."calendar_feed_token_uq"`);
    await q.query(`DROP INDEX "public"."calendar_feed_worker_idx"`);
    await q.query(`DROP TABLE "calendar_feed"`);
    await q.query(`DROP TABLE "nomination_quota"`);
    await q.query(`DROP INDEX "public"."nomination_active_uq"`);
    await q.query(`DROP INDEX "public"."nomination_district_idx"`);
    await q.query(`DROP INDEX "public"."nomination_queue_idx"`);
    await q.query(`DROP TABLE "nomination"`);
    await q.query(`DROP INDEX "public"."enrollment_active_uq"`);
    await q.query(`DROP INDEX "public"."enrollment_class_queue_idx"`);
    await q.query(`DROP INDEX "public"."enrollment_worker_idx"`);
    await q.query(`DROP TABLE "enrollment"`);
  }
}
