import type { Role } from '@peixun/core';

/**
 * Who sees what of the teacher pool, given a teacher's consent to be listed
 * (seed 002: a shared pool of teachers; PIPL: listing someone for others to
 * select is processing that rests on their consent, which they may withdraw).
 *
 * - A consenting teacher is offered to everyone who plans (search, lookup, join).
 * - Without current consent (never recorded, or withdrawn) a teacher is no
 *   longer offered: only those who already deal with them still see the record
 *   (the teacher, the institutions they teach for, the municipal bureau that
 *   supervises the pool, and a district whose plans already name them), so that
 *   past plans stay readable.
 * - The consent record itself (how, when, reference, withdrawal reason) is seen
 *   by the teacher, the owning institution that keeps the paper evidence, and
 *   the municipal bureau; others see only whether the teacher is listed.
 */
export interface TeacherViewer {
  role: Role;
  accountId: string;
  orgId: string | null;
}

export interface TeacherFacts {
  consenting: boolean;
  ownerInstitutionId: string;
  accountId: string | null;
  /** Institutions the teacher teaches for. */
  institutionIds: readonly string[];
  /** Whether a plan of the viewer's district names the teacher (district viewers only). */
  namedInOwnDistrictPlan?: boolean;
}

const isSelf = (v: TeacherViewer, t: TeacherFacts): boolean =>
  v.role === 'teacher' && !!t.accountId && t.accountId === v.accountId;

export function maySeeTeacher(v: TeacherViewer, t: TeacherFacts): boolean {
  if (t.consenting) return true;
  switch (v.role) {
    case 'municipal_admin':
      return true;
    case 'institution_staff':
      return !!v.orgId && t.institutionIds.includes(v.orgId);
    case 'teacher':
      return isSelf(v, t);
    case 'district_admin':
      return !!t.namedInOwnDistrictPlan;
    default:
      return false;
  }
}

export function maySeeConsent(v: TeacherViewer, t: TeacherFacts): boolean {
  return (
    v.role === 'municipal_admin' ||
    isSelf(v, t) ||
    (v.role === 'institution_staff' && v.orgId === t.ownerInstitutionId)
  );
}

/**
 * Whether an institution may (newly) take the teacher on: only a consenting
 * teacher; the owning institution always re-links its own, and a link that
 * already exists is no new selection.
 */
export function mayJoin(institutionId: string, t: TeacherFacts): boolean {
  return (
    t.consenting ||
    t.ownerInstitutionId === institutionId ||
    t.institutionIds.includes(institutionId)
  );
}
