import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type MaintenanceRunStatus = 'running' | 'completed' | 'failed';

/** One run of a platform job (e.g. audit retention), keyed so that a re-run finds it. */
@Entity({ name: 'maintenance_run' })
@Unique('maintenance_run_kind_key_uq', ['kind', 'runKey'])
export class MaintenanceRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ name: 'run_key', type: 'varchar', length: 120 })
  runKey: string;

  @Column({ type: 'varchar', length: 20, default: 'running' })
  status: MaintenanceRunStatus;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'jsonb' })
  stats: Record<string, number | string>;
}
