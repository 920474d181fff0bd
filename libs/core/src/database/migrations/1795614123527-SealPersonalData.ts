import { MigrationInterface, QueryRunner } from 'typeorm';
import { appConfig } from '../../config/app-config';
import { piiCipher } from '../../crypto/keyring';
import { maskIdNumber, maskPhone, normalisePhone } from '../../crypto/masking';
import type { PiiCipher } from '../../crypto/pii-cipher';

/**
 * Resident ID numbers and phone numbers (PIPL: sensitive personal information)
 * move from plain columns to sealed ones (AES-256-GCM with a key id), a keyed
 * blind index for uniqueness and exact look-up, and a masked form for display.
 * Existing rows are converted in batches with the configured keys (PII_KEYS,
 * or the development key file), so run migrations with the same keys as the
 * application. The plain columns are dropped.
 */
export class SealPersonalData1795614123527 implements MigrationInterface {
  name = 'SealPersonalData1795614123527';

  public async up(q: QueryRunner): Promise<void> {
    let cipher: PiiCipher | undefined;
    // built only when there are rows: an empty database needs no keys
    const c = (): PiiCipher => (cipher ??= piiCipher(appConfig()));
    const b64 = (b: Buffer | null): string | null => (b ? b.toString('base64') : null);

    // -- worker: id_number, phone ------------------------------------------
    await q.query(`ALTER TABLE "worker" ADD "id_number_enc" bytea`);
    await q.query(`ALTER TABLE "worker" ADD "id_number_hash" bytea`);
    await q.query(`ALTER TABLE "worker" ADD "id_number_masked" character varying(18)`);
    await q.query(`ALTER TABLE "worker" ADD "phone_enc" bytea`);
    await q.query(`ALTER TABLE "worker" ADD "phone_hash" bytea`);
    await q.query(`ALTER TABLE "worker" ADD "phone_masked" character varying(20)`);
    for (;;) {
      const rows = (await q.query(
        `SELECT id, id_number, phone FROM worker WHERE id_number_enc IS NULL ORDER BY id LIMIT 5000`,
      )) as { id: string; id_number: string; phone: string | null }[];
      if (!rows.length) break;
      const values = rows.map((r) => {
        const id = r.id_number.trim().toUpperCase();
        const phone = r.phone?.trim() || null;
        return {
          id: r.id,
          id_enc: b64(c().seal('worker.id_number', id)),
          id_hash: b64(c().blindIndex('id_number', id)),
          id_masked: maskIdNumber(id),
          phone_enc: phone ? b64(c().seal('worker.phone', phone)) : null,
          phone_hash: phone ? b64(c().blindIndex('phone', normalisePhone(phone))) : null,
          phone_masked: phone ? maskPhone(phone) : null,
        };
      });
      await q.query(
        `UPDATE worker w SET id_number_enc = decode(v.id_enc, 'base64'), id_number_hash = decode(v.id_hash, 'base64'),
                id_number_masked = v.id_masked, phone_enc = decode(v.phone_enc, 'base64'),
                phone_hash = decode(v.phone_hash, 'base64'), phone_masked = v.phone_masked
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, id_enc text, id_hash text, id_masked text,
                                                  phone_enc text, phone_hash text, phone_masked text)
          WHERE w.id = v.id`,
        [JSON.stringify(values)],
      );
    }
    await q.query(`ALTER TABLE "worker" ALTER COLUMN "id_number_enc" SET NOT NULL`);
    await q.query(`ALTER TABLE "worker" ALTER COLUMN "id_number_hash" SET NOT NULL`);
    await q.query(`ALTER TABLE "worker" ALTER COLUMN "id_number_masked" SET NOT NULL`);
    await q.query(`DROP INDEX "public"."worker_id_number_uq"`);
    await q.query(`ALTER TABLE "worker" DROP COLUMN "id_number"`);
    await q.query(`ALTER TABLE "worker" DROP COLUMN "phone"`);
    await q.query(`CREATE UNIQUE INDEX "worker_id_number_hash_uq" ON "worker" ("id_number_hash") `);
    await q.query(`CREATE INDEX "worker_phone_hash_idx" ON "worker" ("phone_hash") `);

    // -- teacher.phone and institution_profile.contact_phone ----------------
    for (const [table, column, field] of [
      ['teacher', 'phone', 'teacher.phone'],
      ['institution_profile', 'contact_phone', 'institution_profile.contact_phone'],
    ] as const) {
      const key = table === 'teacher' ? 'id' : 'org_unit_id';
      await q.query(`ALTER TABLE "${table}" ADD "${column}_enc" bytea`);
      await q.query(`ALTER TABLE "${table}" ADD "${column}_masked" character varying(20)`);
      const rows = (await q.query(
        `SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL AND ${column} <> ''`,
      )) as { k: string; v: string }[];
      for (let i = 0; i < rows.length; i += 5000) {
        const values = rows.slice(i, i + 5000).map((r) => ({
          k: r.k,
          enc: b64(c().seal(field, r.v.trim())),
          masked: maskPhone(r.v),
        }));
        await q.query(
          `UPDATE ${table} t SET ${column}_enc = decode(v.enc, 'base64'), ${column}_masked = v.masked
             FROM jsonb_to_recordset($1::jsonb) AS v(k uuid, enc text, masked text) WHERE t.${key} = v.k`,
          [JSON.stringify(values)],
        );
      }
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    const cipher = piiCipher(appConfig());
    await q.query(`ALTER TABLE "worker" ADD "id_number" character(18)`);
    await q.query(`ALTER TABLE "worker" ADD "phone" character varying(20)`);
    const rows = (await q.query(`SELECT id, id_number_enc, phone_enc FROM worker`)) as {
      id: string;
      id_number_enc: Buffer;
      phone_enc: Buffer | null;
    }[];
    for (const r of rows) {
      await q.query(`UPDATE worker SET id_number = $2, phone = $3 WHERE id = $1`, [
        r.id,
        cipher.open('worker.id_number', r.id_number_enc),
        r.phone_enc ? cipher.open('worker.phone', r.phone_enc) : null,
      ]);
    }
    await q.query(`ALTER TABLE "worker" ALTER COLUMN "id_number" SET NOT NULL`);
    await q.query(`DROP INDEX "public"."worker_phone_hash_idx"`);
    await q.query(`DROP INDEX "public"."worker_id_number_hash_uq"`);
    for (const col of [
      'id_number_enc',
      'id_number_hash',
      'id_number_masked',
      'phone_enc',
      'phone_hash',
      'phone_masked',
    ]) {
      await q.query(`ALTER TABLE "worker" DROP COLUMN "${col}"`);
    }
    await q.query(`CREATE UNIQUE INDEX "worker_id_number_uq" ON "worker" ("id_number") `);
    for (const [table, column, field, key] of [
      ['teacher', 'phone', 'teacher.phone', 'id'],
      ['institution_profile', 'contact_phone', 'institution_profile.contact_phone', 'org_unit_id'],
    ] as const) {
      await q.query(`ALTER TABLE "${table}" ADD "${column}" character varying(20)`);
      const sealed = (await q.query(
        `SELECT ${key} AS k, ${column}_enc AS enc FROM ${table} WHERE ${column}_enc IS NOT NULL`,
      )) as { k: string; enc: Buffer }[];
      for (const r of sealed) {
        await q.query(`UPDATE ${table} SET ${column} = $2 WHERE ${key} = $1`, [
          r.k,
          cipher.open(field, r.enc),
        ]);
      }
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "${column}_enc"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "${column}_masked"`);
    }
  }
}
