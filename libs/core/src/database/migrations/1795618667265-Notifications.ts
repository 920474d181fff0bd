import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox (libs/core/src/notifications): `notification`, one
 * row per recipient, and `notification_delivery`, its state per channel. The
 * partial indexes serve a recipient's list and unread list (keyset on
 * created_at, id; only delivered in-app rows) and the dispatcher's "pending and
 * due". The application role gets read/write on both (retention deletes).
 */
export class Notifications1795618667265 implements MigrationInterface {
  name = 'Notifications1795618667265';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_kind" character varying(10) NOT NULL, "recipient_id" uuid NOT NULL, "kind" character varying(80) NOT NULL, "title" character varying(100) NOT NULL, "body" character varying(1000) NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "visible_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_recipient_kind_ck" CHECK (recipient_kind IN ('account', 'worker')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "notification_created_at_idx" ON "notification" ("created_at") `);
    await q.query(
      `CREATE INDEX "notification_recipient_unread_idx" ON "notification" ("recipient_kind", "recipient_id", "created_at", "id") WHERE visible_at IS NOT NULL AND read_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX "notification_recipient_idx" ON "notification" ("recipient_kind", "recipient_id", "created_at", "id") WHERE visible_at IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "notification_delivery" ("notification_id" uuid NOT NULL, "channel" character varying(20) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(200), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_delivery_delivered_ck" CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)), CONSTRAINT "notification_delivery_status_ck" CHECK (status IN ('pending', 'delivered', 'failed')), CONSTRAINT "PK_de05a36acd057b1ee2f0c05a2f5" PRIMARY KEY ("notification_id", "channel"))`,
    );
    await q.query(
      `CREATE INDEX "notification_delivery_due_idx" ON "notification_delivery" ("next_attempt_at") WHERE status = 'pending'`,
    );
    await q.query(
      `ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_notification_fk" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "notification_delivery" DROP CONSTRAINT "notification_delivery_notification_fk"`,
    );
    await q.query(`DROP INDEX "public"."notification_delivery_due_idx"`);
    await q.query(`DROP TABLE "notification_delivery"`);
    await q.query(`DROP INDEX "public"."notification_recipient_idx"`);
    await q.query(`DROP INDEX "public"."notification_recipient_unread_idx"`);
    await q.query(`DROP INDEX "public"."notification_created_at_idx"`);
    await q.query(`DROP TABLE "notification"`);
  }
}
