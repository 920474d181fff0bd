import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application role may only SELECT and INSERT on audit_log (app-role.ts).
 * Retention moves old entries through this function instead, which runs with
 * the owner's rights (security definer), archives what it deletes in the same
 * statement, and refuses to touch entries younger than a day.
 */
export class AuditArchiveFunction1795613937676 implements MigrationInterface {
  name = 'AuditArchiveFunction1795613937676';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_archive_batch(cutoff timestamptz, batch integer, run_id uuid)
      RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE n integer;
      BEGIN
        IF cutoff > now() - interval '1 day' THEN
          RAISE EXCEPTION 'audit entries younger than a day are never archived' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF batch < 1 OR batch > 100000 THEN
          RAISE EXCEPTION 'batch must be 1..100000' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM set_config('peixun.audit_purge', 'on', true);
        WITH picked AS (
          SELECT id FROM audit_log WHERE occurred_at < cutoff ORDER BY id LIMIT batch FOR UPDATE SKIP LOCKED
        ), moved AS (
          DELETE FROM audit_log a USING picked p WHERE a.id = p.id
          RETURNING a.id, a.occurred_at, a.actor_account_id, a.actor_username, a.actor_role, a.action,
                    a.entity_type, a.entity_id, a.request_id, a.ip, a.data
        ), archived AS (
          INSERT INTO audit_log_archive (id, occurred_at, actor_account_id, actor_username, actor_role, action,
                                         entity_type, entity_id, request_id, ip, data, archive_run_id)
          SELECT id, occurred_at, actor_account_id, actor_username, actor_role, action,
                 entity_type, entity_id, request_id, ip, data, run_id FROM moved
          ON CONFLICT (id) DO NOTHING
          RETURNING id
        )
        SELECT count(*)::int INTO n FROM archived;
        PERFORM set_config('peixun.audit_purge', 'off', true);
        RETURN n;
      END $$`);
    await q.query(
      `REVOKE ALL ON FUNCTION audit_archive_batch(timestamptz, integer, uuid) FROM PUBLIC`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_archive_batch(timestamptz, integer, uuid)`);
  }
}
