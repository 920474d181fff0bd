import type { Actor } from '@peixun/core';
import type { TrainingClass } from '../class.entity';
import { mayManageClass } from '../classes.service';

/** What a class archive keeps (Art. 20): kinds of material, each file tagged with one. */
export const ARCHIVE_CATEGORIES = [
  'teaching_plan',
  'material',
  'roster',
  'photo',
  'video',
  'other',
] as const;
export type ArchiveCategory = (typeof ARCHIVE_CATEGORIES)[number];

export const ARCHIVE_CATEGORY_LABELS: Record<ArchiveCategory, string> = {
  teaching_plan: '教学计划',
  material: '培训资料',
  roster: '学员名册',
  photo: '课堂照片',
  video: '课堂视频',
  other: '其他',
};

type ClassRef = Pick<TrainingClass, 'origin' | 'institutionId' | 'streetId' | 'districtId'>;

/**
 * Who oversees a class without running it: the municipal bureau (every class) and the
 * district that commissioned it (a plan class; for a street's own class, its district).
 */
export function overseesClass(actor: Actor, c: Pick<TrainingClass, 'districtId'>): boolean {
  if (actor.role === 'municipal_admin') return true;
  return actor.role === 'district_admin' && !!actor.districtId && actor.districtId === c.districtId;
}

/**
 * The archive of a class: the one who runs it (the institution, or the street for its own
 * class) keeps it; the commissioning district and the bureau read it for audit (Art. 20).
 * Nobody else learns that the class exists (null: 404).
 */
export function archiveAccess(actor: Actor, c: ClassRef): 'manage' | 'read' | null {
  if (mayManageClass(actor, c)) return 'manage';
  if (overseesClass(actor, c)) return 'read';
  return null;
}
