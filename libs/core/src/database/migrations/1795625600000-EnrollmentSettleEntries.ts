import { MigrationInterface, QueryRunner } from 'typeorm';

/** The body of `enrollment_settle` as the Enrollment migration created it (for `down`). */
const SETTLE_COUNT_V1 = `CREATE OR REPLACE FUNCTION enrollment_settle(p_class uuid) RETURNS integer LANGUAGE plpgsql AS $$
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
      END $$`;

/**
 * Settling a class's pending enrolments also says how each one ended: enrolled, or
 * waitlisted at which position. The API settles once for all the requests that committed
 * meanwhile (a Coalescer) and answers each from this, instead of one settle and one read per
 * request. `enrollment_settle` (the count) becomes a wrapper of it.
 */
export class EnrollmentSettleEntries1795625600000 implements MigrationInterface {
  name = 'EnrollmentSettleEntries1795625600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION enrollment_settle_entries(p_class uuid)
      RETURNS TABLE (entry_id uuid, entry_status varchar, waitlist_position integer, entry_created_at timestamptz)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_free integer;
        v_waiting integer;
        v_ids uuid[];
        v_statuses varchar[];
        v_ranks integer[];
        v_created timestamptz[];
        v_done integer;
      BEGIN
        PERFORM 1 FROM training_class WHERE id = p_class FOR NO KEY UPDATE;
        SELECT greatest(0, capacity - taken) INTO v_free FROM training_class WHERE id = p_class;
        -- the waitlist so far: entries settled now queue after it (their sequence numbers are new)
        SELECT count(*)::int INTO v_waiting FROM enrollment
         WHERE class_id = p_class AND status = 'waitlisted';
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
          RETURNING e.id, e.status, seq.rn, e.created_at
        )
        SELECT coalesce(array_agg(id ORDER BY rn), '{}'), coalesce(array_agg(status ORDER BY rn), '{}'),
               coalesce(array_agg(rn::int ORDER BY rn), '{}'), coalesce(array_agg(created_at ORDER BY rn), '{}')
          INTO v_ids, v_statuses, v_ranks, v_created FROM settled;
        v_done := least(v_free, cardinality(v_ids));
        IF v_done > 0 THEN
          UPDATE training_class SET taken = taken + v_done WHERE id = p_class;
        END IF;
        RETURN QUERY
          SELECT u.id, u.status,
                 CASE WHEN u.status = 'waitlisted' THEN v_waiting + u.rn - v_free END, u.created_at
            FROM unnest(v_ids, v_statuses, v_ranks, v_created) AS u(id, status, rn, created_at);
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION enrollment_settle(p_class uuid) RETURNS integer
      LANGUAGE sql AS $$
        SELECT count(*) FILTER (WHERE entry_status = 'enrolled')::int
          FROM enrollment_settle_entries(p_class)
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION enrollment_settle(uuid)`);
    await q.query(SETTLE_COUNT_V1);
    await q.query(`DROP FUNCTION enrollment_settle_entries(uuid)`);
  }
}
