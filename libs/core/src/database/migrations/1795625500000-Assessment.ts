import { MigrationInterface, QueryRunner } from 'typeorm';

const HAIDIAN_SOURCE = '海淀区社区工作者管理办法 第六条（三）1';
const SHENYANG_CAPS = '沈阳市社区工作者管理办法 第三十五、三十六条';

/**
 * Annual training records and district grade overrides (issue 13); the shipped policies'
 * grade rules put in layers.
 *
 * Correction of the shipped data: beijing-2012 carried Haidian's cap (no training / failed
 * exam → not excellent) as a rule of all of Beijing. It is moved into a Haidian district
 * layer; Shenyang's version gains its exam rule (Art. 35), the 20 % excellent share per street
 * (Art. 28) and the special training after a warning (Art. 32). Versions are frozen once in
 * force, so the trigger is suspended for this one correction, inside the migration's
 * transaction.
 */
export class Assessment1795625500000 implements MigrationInterface {
  name = 'Assessment1795625500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "training_record" ("worker_id" uuid NOT NULL, "year" integer NOT NULL, "municipality_id" uuid NOT NULL, "district_id" uuid NOT NULL, "street_id" uuid NOT NULL, "policy_id" character varying(40) NOT NULL, "total_half_hours" integer NOT NULL, "compliant" boolean NOT NULL, "induction_required" boolean NOT NULL, "induction_met" boolean NOT NULL, "post_required" boolean NOT NULL, "post_met" boolean NOT NULL, "exams_taken" integer, "exams_passed" integer, "best_grade" character varying(30), "record" jsonb NOT NULL, "record_hash" character(64) NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_training_record" PRIMARY KEY ("worker_id", "year"))`,
    );
    await q.query(
      `CREATE INDEX "training_record_district_idx" ON "training_record"  ("year", "district_id") `,
    );
    await q.query(
      `CREATE INDEX "training_record_street_idx" ON "training_record"  ("year", "street_id") `,
    );
    await q.query(
      `CREATE TABLE "grade_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "worker_id" uuid NOT NULL, "year" integer NOT NULL, "grade" character varying(30) NOT NULL, "reason" character varying(500) NOT NULL, "granted_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_grade_override" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "grade_override_worker_year_uq" ON "grade_override"  ("worker_id", "year") `,
    );

    await q.query(`ALTER TABLE training_policy DISABLE TRIGGER training_policy_frozen`);
    await q.query(`UPDATE training_policy SET data = data || $2::jsonb WHERE id = $1`, [
      'beijing-2012',
      JSON.stringify({
        gradeCaps: [],
        layers: [
          {
            level: 'district',
            districtCode: '110108',
            name: '海淀区',
            gradeCaps: ['no_training', 'no_exam', 'failed_exam'].map((when) => ({
              when,
              bestGrade: 'competent',
              source: HAIDIAN_SOURCE,
            })),
          },
        ],
      }),
    ]);
    await q.query(`UPDATE training_policy SET data = data || $2::jsonb WHERE id = $1`, [
      'shenyang-2012',
      JSON.stringify({
        gradeCaps: [
          { when: 'hours_below', hours: 40, bestGrade: 'incompetent', source: SHENYANG_CAPS },
          { when: 'no_exam', bestGrade: 'incompetent', source: SHENYANG_CAPS },
          { when: 'failed_exam', bestGrade: 'incompetent', source: SHENYANG_CAPS },
        ],
        shareLimits: [
          {
            grade: 'excellent',
            maxPercent: 20,
            per: 'street',
            source: '沈阳市社区工作者管理办法 第二十八条',
          },
        ],
        remedial: [
          {
            afterGrade: 'warned',
            type: 'post',
            label: '专门培训',
            source: '沈阳市社区工作者管理办法 第三十二条',
          },
        ],
      }),
    ]);
    await q.query(`ALTER TABLE training_policy ENABLE TRIGGER training_policy_frozen`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."grade_override_worker_year_uq"`);
    await q.query(`DROP TABLE "grade_override"`);
    await q.query(`DROP INDEX "public"."training_record_street_idx"`);
    await q.query(`DROP INDEX "public"."training_record_district_idx"`);
    await q.query(`DROP TABLE "training_record"`);
    // the policy correction is not undone: the Haidian cap was never Beijing-wide
  }
}
