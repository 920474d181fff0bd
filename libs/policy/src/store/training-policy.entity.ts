import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TrainingPolicy } from '../policy.types';

/**
 * A stored version of a region's policy. Rows are never changed once their
 * first year has begun (a trigger refuses it); a change is a new version for a
 * later year.
 */
@Entity({ name: 'training_policy' })
@Index('training_policy_region_year_uq', ['region', 'fromYear'], { unique: true })
export class TrainingPolicyRow {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  region: string;

  @Column({ name: 'from_year', type: 'int' })
  fromYear: number;

  @Column({ type: 'jsonb' })
  data: TrainingPolicy;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
