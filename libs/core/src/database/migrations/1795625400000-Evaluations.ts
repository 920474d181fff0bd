import { MigrationInterface, QueryRunner } from 'typeorm';

/** The standard pair of forms the bureau ships with (version 1 of each direction). */
const STANDARD = [
  {
    direction: 'classroom',
    title: '课堂评价表（教师评价学员）',
    items: [
      {
        key: 'participation',
        type: 'likert',
        label: '课堂参与（发言、讨论、练习）',
        required: true,
      },
      { key: 'mastery', type: 'likert', label: '知识掌握（理解与运用）', required: true },
      {
        key: 'conduct',
        type: 'likert',
        label: '学习纪律（守时、专注、遵守课堂要求）',
        required: true,
      },
      {
        key: 'overall',
        type: 'single',
        label: '总体评价',
        options: ['优秀', '良好', '合格', '需改进'],
        required: true,
      },
      { key: 'remark', type: 'text', label: '评语', required: false },
    ],
  },
  {
    direction: 'post_class',
    title: '课后评价表（学员评价教师与课程）',
    items: [
      { key: 'content', type: 'likert', label: '教学内容（针对性、准确性）', required: true },
      { key: 'method', type: 'likert', label: '教学方法（讲解清楚、互动充分）', required: true },
      { key: 'usefulness', type: 'likert', label: '实用性（对社区工作的帮助）', required: true },
      {
        key: 'pace',
        type: 'single',
        label: '课时安排',
        options: ['偏短', '适中', '偏长'],
        required: true,
      },
      {
        key: 'gains',
        type: 'multiple',
        label: '主要收获（可多选）',
        options: ['政策解读', '案例分析', '实务技能', '交流互动'],
        required: false,
      },
      { key: 'suggestion', type: 'text', label: '意见和建议', required: false },
    ],
  },
];

/**
 * Two-way evaluation (Art. 15): the bureau's versioned forms (never edited: a trigger refuses
 * it) with the standard pair, classes' deadlines and pinned forms, the respondent ledger and
 * the anonymous answers kept apart, teachers' classroom evaluations, report exports.
 */
export class Evaluations1795625400000 implements MigrationInterface {
  name = 'Evaluations1795625400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "evaluation_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "direction" character varying(12) NOT NULL, "version" integer NOT NULL, "title" character varying(100) NOT NULL, "items" jsonb NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'active', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "evaluation_template_status_ck" CHECK (status IN ('active', 'superseded')), CONSTRAINT "evaluation_template_direction_ck" CHECK (direction IN ('classroom', 'post_class')), CONSTRAINT "PK_fbc81aabae5d6874e34a5517ba3" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "evaluation_template_active_uq" ON "evaluation_template"  ("direction") WHERE status = 'active'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "evaluation_template_version_uq" ON "evaluation_template"  ("direction", "version") `,
    );
    await q.query(
      `CREATE TABLE "evaluation_class_setting" ("class_id" uuid NOT NULL, "classroom_template_id" uuid, "post_class_template_id" uuid, "post_class_days" integer, "classroom_days" integer, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evaluation_class_setting_days_ck" CHECK ((post_class_days IS NULL OR post_class_days BETWEEN 1 AND 60) AND (classroom_days IS NULL OR classroom_days BETWEEN 1 AND 60)), CONSTRAINT "PK_439756cebef6e9803e07c40235f" PRIMARY KEY ("class_id"))`,
    );
    await q.query(
      `CREATE TABLE "evaluation_receipt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "class_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3fd8703668aaad2863c711a63e" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "evaluation_receipt_worker_idx" ON "evaluation_receipt"  ("worker_id") `,
    );
    await q.query(
      `CREATE INDEX "evaluation_receipt_class_idx" ON "evaluation_receipt"  ("class_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "evaluation_receipt_once_uq" ON "evaluation_receipt"  ("session_id", "enrollment_id") `,
    );
    await q.query(
      `CREATE TABLE "evaluation_post_class_answer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "class_id" uuid NOT NULL, "teacher_id" uuid, "template_id" uuid NOT NULL, "answers" jsonb NOT NULL, CONSTRAINT "PK_5c0e1277b7cdf96cd36e1189066" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "evaluation_post_class_answer_teacher_idx" ON "evaluation_post_class_answer"  ("teacher_id") `,
    );
    await q.query(
      `CREATE INDEX "evaluation_post_class_answer_class_idx" ON "evaluation_post_class_answer"  ("class_id", "teacher_id") `,
    );
    await q.query(
      `CREATE TABLE "evaluation_classroom" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "class_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "teacher_id" uuid, "template_id" uuid NOT NULL, "answers" jsonb NOT NULL, "evaluated_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee5c343442dc75f9878fa003833" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "evaluation_classroom_class_idx" ON "evaluation_classroom"  ("class_id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "evaluation_classroom_once_uq" ON "evaluation_classroom"  ("session_id", "enrollment_id") `,
    );
    await q.query(
      `CREATE TABLE "evaluation_report_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" character varying(12) NOT NULL, "target_id" uuid NOT NULL, "year" integer, "format" character varying(4) NOT NULL, "district_id" uuid, "status" character varying(10) NOT NULL DEFAULT 'pending', "file_key" character varying(200), "file_sha256" character(64), "size" integer, "error" character varying(300), "requested_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "evaluation_report_file_status_ck" CHECK (status IN ('pending', 'ready', 'failed')), CONSTRAINT "evaluation_report_file_format_ck" CHECK (format IN ('xlsx', 'pdf')), CONSTRAINT "evaluation_report_file_scope_ck" CHECK (scope IN ('class', 'teacher', 'institution')), CONSTRAINT "PK_4a753ea4aaeedff26652fd2484d" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "evaluation_report_file_requester_idx" ON "evaluation_report_file"  ("requested_by", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "evaluation_class_setting" ADD CONSTRAINT "evaluation_class_setting_class_fk" FOREIGN KEY ("class_id") REFERENCES "training_class"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_class_setting" ADD CONSTRAINT "evaluation_class_setting_classroom_fk" FOREIGN KEY ("classroom_template_id") REFERENCES "evaluation_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_class_setting" ADD CONSTRAINT "evaluation_class_setting_post_class_fk" FOREIGN KEY ("post_class_template_id") REFERENCES "evaluation_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_receipt" ADD CONSTRAINT "evaluation_receipt_session_fk" FOREIGN KEY ("session_id") REFERENCES "class_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_receipt" ADD CONSTRAINT "evaluation_receipt_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_post_class_answer" ADD CONSTRAINT "evaluation_post_class_answer_session_fk" FOREIGN KEY ("session_id") REFERENCES "class_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_post_class_answer" ADD CONSTRAINT "evaluation_post_class_answer_template_fk" FOREIGN KEY ("template_id") REFERENCES "evaluation_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_classroom" ADD CONSTRAINT "evaluation_classroom_session_fk" FOREIGN KEY ("session_id") REFERENCES "class_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_classroom" ADD CONSTRAINT "evaluation_classroom_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_classroom" ADD CONSTRAINT "evaluation_classroom_template_fk" FOREIGN KEY ("template_id") REFERENCES "evaluation_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // who was told that a session's evaluation is open
    await q.query(
      `CREATE TABLE "evaluation_invitation" ("session_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "worker_id" uuid NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e12a8df8a14bfee500fb4f032f" PRIMARY KEY ("session_id", "enrollment_id"))`,
    );
    await q.query(
      `ALTER TABLE "evaluation_invitation" ADD CONSTRAINT "evaluation_invitation_session_fk" FOREIGN KEY ("session_id") REFERENCES "class_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "evaluation_invitation" ADD CONSTRAINT "evaluation_invitation_enrollment_fk" FOREIGN KEY ("enrollment_id") REFERENCES "enrollment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // a form in use is never edited, only superseded: only its status may change
    await q.query(`CREATE FUNCTION evaluation_template_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.items IS DISTINCT FROM OLD.items OR NEW.title IS DISTINCT FROM OLD.title
           OR NEW.direction IS DISTINCT FROM OLD.direction OR NEW.version IS DISTINCT FROM OLD.version THEN
          RAISE EXCEPTION 'evaluation_template % is never edited: publish a new version', OLD.id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER evaluation_template_immutable BEFORE UPDATE ON evaluation_template
      FOR EACH ROW EXECUTE FUNCTION evaluation_template_immutable()`);
    for (const t of STANDARD) {
      await q.query(
        `INSERT INTO evaluation_template (direction, version, title, items, status) VALUES ($1, 1, $2, $3, 'active')`,
        [t.direction, t.title, JSON.stringify(t.items)],
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "evaluation_invitation" DROP CONSTRAINT "evaluation_invitation_enrollment_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_invitation" DROP CONSTRAINT "evaluation_invitation_session_fk"`,
    );
    await q.query(`DROP TABLE "evaluation_invitation"`);
    await q.query(`DROP TRIGGER evaluation_template_immutable ON evaluation_template`);
    await q.query(`DROP FUNCTION evaluation_template_immutable()`);
    await q.query(
      `ALTER TABLE "evaluation_classroom" DROP CONSTRAINT "evaluation_classroom_template_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_classroom" DROP CONSTRAINT "evaluation_classroom_enrollment_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_classroom" DROP CONSTRAINT "evaluation_classroom_session_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_post_class_answer" DROP CONSTRAINT "evaluation_post_class_answer_template_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_post_class_answer" DROP CONSTRAINT "evaluation_post_class_answer_session_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_receipt" DROP CONSTRAINT "evaluation_receipt_enrollment_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_receipt" DROP CONSTRAINT "evaluation_receipt_session_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_class_setting" DROP CONSTRAINT "evaluation_class_setting_post_class_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_class_setting" DROP CONSTRAINT "evaluation_class_setting_classroom_fk"`,
    );
    await q.query(
      `ALTER TABLE "evaluation_class_setting" DROP CONSTRAINT "evaluation_class_setting_class_fk"`,
    );
    await q.query(`DROP INDEX "public"."evaluation_report_file_requester_idx"`);
    await q.query(`DROP TABLE "evaluation_report_file"`);
    await q.query(`DROP INDEX "public"."evaluation_classroom_once_uq"`);
    await q.query(`DROP INDEX "public"."evaluation_classroom_class_idx"`);
    await q.query(`DROP TABLE "evaluation_classroom"`);
    await q.query(`DROP INDEX "public"."evaluation_post_class_answer_class_idx"`);
    await q.query(`DROP INDEX "public"."evaluation_post_class_answer_teacher_idx"`);
    await q.query(`DROP TABLE "evaluation_post_class_answer"`);
    await q.query(`DROP INDEX "public"."evaluation_receipt_once_uq"`);
    await q.query(`DROP INDEX "public"."evaluation_receipt_class_idx"`);
    await q.query(`DROP INDEX "public"."evaluation_receipt_worker_idx"`);
    await q.query(`DROP TABLE "evaluation_receipt"`);
    await q.query(`DROP TABLE "evaluation_class_setting"`);
    await q.query(`DROP INDEX "public"."evaluation_template_version_uq"`);
    await q.query(`DROP INDEX "public"."evaluation_template_active_uq"`);
    await q.query(`DROP TABLE "evaluation_template"`);
  }
}
