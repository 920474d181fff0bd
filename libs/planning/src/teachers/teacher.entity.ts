import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A teacher of the shared pool (师资库, seed 002): subjects and qualifications, maybe an account. */
@Entity({ name: 'teacher' })
export class Teacher {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** 职称 / professional title. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  title: string | null;

  @Column({ type: 'jsonb' })
  subjects: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  qualifications: string | null;

  /** Phone, sealed (AES-256-GCM, field `teacher.phone`); the masked form for display. */
  @Column({ name: 'phone_enc', type: 'bytea', nullable: true })
  phoneEnc: Buffer | null;

  @Column({ name: 'phone_masked', type: 'varchar', length: 20, nullable: true })
  phoneMasked: string | null;

  /** The institution that added the teacher to the pool: only it edits the record. */
  @ForeignKey('OrgUnit', { name: 'teacher_owner_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'owner_institution_id', type: 'uuid' })
  ownerInstitutionId: string;

  @Index('teacher_account_uq', { unique: true, where: 'account_id IS NOT NULL' })
  @ForeignKey('Account', { name: 'teacher_account_fk', onDelete: 'SET NULL' })
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Which institutions a teacher teaches for (one or more). */
@Entity({ name: 'teacher_institution' })
export class TeacherInstitution {
  @PrimaryColumn({ name: 'teacher_id', type: 'uuid' })
  @ForeignKey(() => Teacher, { name: 'teacher_institution_teacher_fk', onDelete: 'CASCADE' })
  teacherId: string;

  @PrimaryColumn({ name: 'institution_id', type: 'uuid' })
  @Index('teacher_institution_institution_idx')
  @ForeignKey('OrgUnit', { name: 'teacher_institution_unit_fk', onDelete: 'RESTRICT' })
  institutionId: string;
}
