import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Teacher } from './teacher.entity';

export const CONSENT_METHODS = ['account', 'paper'] as const;
/** account: the teacher through their own account; paper: the owning institution records a signed form. */
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * A teacher's consent to be listed in the shared pool (师资库, seed 002), and
 * its withdrawal. A teacher is offered for selection only while a consent is
 * current (not withdrawn); at most one is. Rows are evidence: a trigger
 * refuses deletes and every change but the one-time withdrawal.
 */
@Entity({ name: 'teacher_consent' })
@Check('teacher_consent_method_ck', `method IN ('account', 'paper')`)
@Check(
  'teacher_consent_paper_ck',
  `method <> 'paper' OR (signed_on IS NOT NULL AND reference IS NOT NULL)`,
)
@Check(
  'teacher_consent_withdrawal_ck',
  `(withdrawn_at IS NULL) = (withdrawn_by IS NULL) AND (withdrawn_at IS NULL) = (withdrawal_method IS NULL) AND (withdrawal_method IS NULL OR withdrawal_method IN ('account', 'paper'))`,
)
@Index('teacher_consent_current_uq', ['teacherId'], {
  unique: true,
  where: 'withdrawn_at IS NULL',
})
@Index('teacher_consent_teacher_idx', ['teacherId', 'givenAt'])
export class TeacherConsent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Teacher, { name: 'teacher_consent_teacher_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'teacher_id', type: 'uuid' })
  teacherId: string;

  @Column({ type: 'varchar', length: 12 })
  method: ConsentMethod;

  /** When the consent took effect here (for paper: when the institution recorded it). */
  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;

  /** Paper: the date on the signed form. */
  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn: string | null;

  /** Paper: where the signed form is kept (file number, archive reference). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  reference: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** The account that gave (the teacher) or recorded (institution staff) it. */
  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawal_method', type: 'varchar', length: 12, nullable: true })
  withdrawalMethod: ConsentMethod | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 500, nullable: true })
  withdrawalReason: string | null;
}
