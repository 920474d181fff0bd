import { MigrationInterface, QueryRunner } from 'typeorm';

export class Policies1795400776796 implements MigrationInterface {
  name = 'Policies1795400776796';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "training_policy" ("id" character varying(40) NOT NULL, "region" character varying(40) NOT NULL, "from_year" integer NOT NULL, "data" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_59b566f8d13f2d27345648a12bc" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "training_policy_region_year_uq" ON "training_policy"  ("region", "from_year") `,
    );

    // The shipped policies, frozen as they were when this migration was written.
    await q.query(
      `INSERT INTO training_policy (id, region, from_year, data) VALUES ($1, $2, $3, $4::jsonb)`,
      [
        'beijing-2012',
        'beijing',
        2012,
        JSON.stringify({
          id: 'beijing-2012',
          region: 'beijing',
          title: '北京市社区工作者培训办法（2012）',
          fromYear: 2012,
          types: [
            {
              type: 'induction',
              label: '初任培训',
              mandatoryFor: 'new_workers',
              hours: { default: 20, byChannel: { recruited_citywide: 24 } },
              fundedBy: 'district',
            },
            {
              type: 'post',
              label: '岗位培训',
              mandatoryFor: 'serving_workers',
              hours: { default: 40 },
              fundedBy: 'district',
            },
            {
              type: 'advanced',
              label: '进修培训',
              mandatoryFor: 'nominated',
              hours: { default: 320 },
              fundedBy: 'municipal',
            },
            {
              type: 'continuing',
              label: '继续教育培训',
              mandatoryFor: 'qualified_workers',
              hours: { default: null },
              fundedBy: 'district',
            },
            {
              type: 'elective',
              label: '职称类、学历类培训',
              mandatoryFor: 'nobody',
              hours: { default: null },
              fundedBy: 'worker',
            },
          ],
          advanced: { quotaPerYear: 100, nominationGrades: ['excellent'] },
          assessmentGrades: [
            { code: 'excellent', label: '优秀', rank: 1 },
            { code: 'competent', label: '合格', rank: 2 },
            { code: 'basically_competent', label: '基本合格', rank: 3 },
            { code: 'incompetent', label: '不合格', rank: 4 },
          ],
          gradeCaps: [
            {
              when: 'no_training',
              bestGrade: 'competent',
              source: '海淀区社区工作者管理办法 第六条（三）',
            },
            {
              when: 'failed_exam',
              bestGrade: 'competent',
              source: '海淀区社区工作者管理办法 第六条（三）',
            },
          ],
        }),
      ],
    );
    await q.query(
      `INSERT INTO training_policy (id, region, from_year, data) VALUES ($1, $2, $3, $4::jsonb)`,
      [
        'shenyang-2012',
        'shenyang',
        2012,
        JSON.stringify({
          id: 'shenyang-2012',
          region: 'shenyang',
          title: '沈阳市社区工作者管理办法',
          fromYear: 2012,
          types: [
            {
              type: 'induction',
              label: '初任培训',
              mandatoryFor: 'new_workers',
              hours: { default: 40 },
              fundedBy: 'district',
            },
            {
              type: 'post',
              label: '岗位培训',
              mandatoryFor: 'serving_workers',
              hours: { default: 40 },
              fundedBy: 'district',
            },
            {
              type: 'advanced',
              label: '进修培训',
              mandatoryFor: 'nominated',
              hours: { default: null },
              fundedBy: 'municipal',
            },
            {
              type: 'continuing',
              label: '继续教育培训',
              mandatoryFor: 'qualified_workers',
              hours: { default: null },
              fundedBy: 'district',
            },
            {
              type: 'elective',
              label: '职称类、学历类培训',
              mandatoryFor: 'nobody',
              hours: { default: null },
              fundedBy: 'worker',
            },
          ],
          advanced: { quotaPerYear: 0, nominationGrades: ['excellent'] },
          assessmentGrades: [
            { code: 'excellent', label: '优秀', rank: 1 },
            { code: 'competent', label: '称职', rank: 2 },
            { code: 'warned', label: '告诫', rank: 3 },
            { code: 'incompetent', label: '不称职', rank: 4 },
          ],
          gradeCaps: [
            {
              when: 'hours_below',
              hours: 40,
              bestGrade: 'incompetent',
              source: '沈阳市社区工作者管理办法 第三十五、三十六条',
            },
            {
              when: 'failed_exam',
              bestGrade: 'incompetent',
              source: '沈阳市社区工作者管理办法 第三十五、三十六条',
            },
          ],
        }),
      ],
    );
    // A version is read-only once its first year has begun (region time, Asia/Shanghai).
    await q.query(`CREATE FUNCTION training_policy_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.from_year <= extract(year from (now() at time zone 'Asia/Shanghai'))::int THEN
          RAISE EXCEPTION 'training_policy % is in force since %: it cannot be changed', OLD.id, OLD.from_year
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER training_policy_frozen BEFORE UPDATE OR DELETE ON training_policy FOR EACH ROW EXECUTE FUNCTION training_policy_frozen()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER training_policy_frozen ON training_policy`);
    await q.query(`DROP FUNCTION training_policy_frozen()`);
    await q.query(`DROP INDEX "public"."training_policy_region_year_uq"`);
    await q.query(`DROP TABLE "training_policy"`);
  }
}
