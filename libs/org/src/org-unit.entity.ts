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

export const ORG_KINDS = [
  'municipality',
  'district',
  'street',
  'community',
  'institution',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** The kind of node that may sit directly under a parent of each kind. */
export const CHILD_KIND: Partial<Record<OrgKind, OrgKind>> = {
  municipality: 'district',
  district: 'street',
  street: 'community',
};

/**
 * A node of the organisation tree (市 → 区 → 街道 → 社区), or a training
 * institution (filed at municipal level, parent = the municipality).
 */
@Entity({ name: 'org_unit' })
@Check(
  'org_unit_kind_ck',
  `kind IN ('municipality', 'district', 'street', 'community', 'institution')`,
)
@Index('org_unit_parent_idx', ['parentId'])
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrgKind;

  @ForeignKey(() => OrgUnit, { name: 'org_unit_parent_fk', onDelete: 'RESTRICT' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Administrative division code (行政区划代码) or a registration number; optional. */
  @Index('org_unit_code_uq', { unique: true, where: 'code IS NOT NULL' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  code: string | null;

  /** Denormalised ancestors, so that scope filters are one indexed comparison. */
  @Index('org_unit_district_idx')
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId: string | null;

  @Index('org_unit_street_idx')
  @Column({ name: 'street_id', type: 'uuid', nullable: true })
  streetId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
