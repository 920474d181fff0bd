import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trainee's marks by their enrolment: the hours credited so far (HoursService), eligibility
 * for the exam and the certificate, and the certificate job read them by `enrollment_id`,
 * which no index led with (the unique index leads with the session), so every such read
 * scanned the whole table — a full year of marks, per certificate issued.
 */
export class AttendanceMarkEnrollmentIndex1795625700000 implements MigrationInterface {
  name = 'AttendanceMarkEnrollmentIndex1795625700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "attendance_mark_enrollment_idx" ON "attendance_mark"  ("enrollment_id") `,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."attendance_mark_enrollment_idx"`);
  }
}
