import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Account } from './account.entity';

/**
 * One refresh token. Only its SHA-256 is stored. Tokens of one login form a
 * family; presenting a token that was already rotated revokes the family.
 */
@Entity({ name: 'refresh_token' })
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('refresh_token_account_idx')
  @ForeignKey(() => Account, { name: 'refresh_token_account_fk', onDelete: 'CASCADE' })
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Index('refresh_token_family_idx')
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Index('refresh_token_hash_uq', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'replaced_by_id', type: 'uuid', nullable: true })
  replacedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
