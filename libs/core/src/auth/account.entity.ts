import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from './roles';

@Entity({ name: 'account' })
@Check(
  'account_role_ck',
  `role IN ('municipal_admin', 'district_admin', 'street_admin', 'institution_staff', 'teacher', 'worker')`,
)
@Check('account_username_lower_ck', `username = lower(username)`)
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; unique. */
  @Index('account_username_uq', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Index('account_scope_org_idx')
  @ForeignKey('OrgUnit', { name: 'account_scope_org_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'scope_org_id', type: 'uuid', nullable: true })
  scopeOrgId: string | null;

  /** One account per worker record. */
  @Index('account_worker_uq', { unique: true, where: 'worker_id IS NOT NULL' })
  @ForeignKey('Worker', { name: 'account_worker_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'worker_id', type: 'uuid', nullable: true })
  workerId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
