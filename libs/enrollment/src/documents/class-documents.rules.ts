import { mayManageClass, overseesClass, TrainingClass } from '@peixun/classes';
import { Actor, ClassDocumentInput, safeFileName } from '@peixun/core';
import { createHash } from 'node:crypto';

/** The trainee documents of a class (Art. 13). */
export const CLASS_DOCUMENT_KINDS = [
  'project_list',
  'notice',
  'timetable',
  'attendance_sheet',
] as const;
export type ClassDocumentKind = (typeof CLASS_DOCUMENT_KINDS)[number];
export type ClassDocumentStatus = 'pending' | 'ready' | 'failed';

export const CLASS_DOCUMENT_LABELS: Record<ClassDocumentKind, string> = {
  project_list: '培训项目清单',
  notice: '培训通知单',
  timetable: '课程表',
  attendance_sheet: '考勤表',
};

/**
 * What trainees receive. The attendance sheet lists the other trainees (names, streets,
 * masked ID numbers): it is for the institution, the district and the bureau only.
 */
export const TRAINEE_DOCUMENT_KINDS: readonly ClassDocumentKind[] = [
  'project_list',
  'notice',
  'timetable',
];

/** Bumped when a renderer changes what it draws: every document is then "changed". */
export const DOCUMENT_RENDERING_VERSION = 1;

/**
 * How an actor stands to a class's documents:
 * - `manage`: runs the class (its institution's staff, or the street for its own class) —
 *   publishes and reads all four;
 * - `oversee`: the commissioning district, the municipal bureau — reads all four;
 * - `trainee`: a worker holding a place (enrolled, or offered one) — reads the three
 *   documents meant for trainees;
 * - null: nothing, not even that the class exists (404).
 */
export type DocumentAccess = 'manage' | 'oversee' | 'trainee' | null;

export function documentAccess(
  actor: Actor,
  c: Pick<TrainingClass, 'origin' | 'institutionId' | 'streetId' | 'districtId'>,
  holdsPlace: boolean,
): DocumentAccess {
  if (mayManageClass(actor, c)) return 'manage';
  if (overseesClass(actor, c)) return 'oversee';
  if (actor.role === 'worker' && !!actor.workerId && holdsPlace) return 'trainee';
  return null;
}

/** Which kinds an access may read (the list shows only these). */
export function readableKinds(access: DocumentAccess): readonly ClassDocumentKind[] {
  if (access === 'trainee') return TRAINEE_DOCUMENT_KINDS;
  return access ? CLASS_DOCUMENT_KINDS : [];
}

/** The download's file name: `<class title>-<document>.pdf`. */
export function documentFileName(kind: ClassDocumentKind, classTitle: string): string {
  const title = safeFileName(classTitle, 80);
  return `${title ? `${title}-` : ''}${CLASS_DOCUMENT_LABELS[kind]}.pdf`;
}

/** SHA-256 of what a rendering depends on: the kind, the renderer's version and its input. */
export function documentInputHash(kind: ClassDocumentKind, input: ClassDocumentInput): string {
  // the input is built in a fixed key order; dates become ISO strings
  return createHash('sha256')
    .update(JSON.stringify({ kind, version: DOCUMENT_RENDERING_VERSION, input }))
    .digest('hex');
}

export interface StoredRendering {
  fileSha256: string | null;
  inputHash: string | null;
  /** When the input of the stored file was read. */
  renderedAt: Date | null;
}

export interface NewRendering {
  sha256: string;
  inputHash: string;
  readAt: Date;
}

/**
 * What a finished rendering does with the row it would go into:
 * - `identical`: another run already stored the same bytes: drop ours;
 * - `older`: the stored file shows the class as read later than ours: drop ours;
 * - `replace`: store ours (and drop the previous file after the commit).
 */
export function renderingOutcome(
  row: StoredRendering,
  ours: NewRendering,
): 'identical' | 'older' | 'replace' {
  if (row.fileSha256 && (row.fileSha256 === ours.sha256 || row.inputHash === ours.inputHash))
    return 'identical';
  if (row.renderedAt && row.renderedAt.getTime() > ours.readAt.getTime()) return 'older';
  return 'replace';
}

/**
 * Whether the stored file answers the latest request: it shows what the request saw, or the
 * class as read after the request was made (a later state than the request's).
 */
export function answersRequest(
  request: { requestedHash: string; requestedAt: Date },
  stored: { inputHash: string | null; renderedAt: Date | null },
): boolean {
  if (!stored.inputHash || !stored.renderedAt) return false;
  return (
    stored.inputHash === request.requestedHash ||
    stored.renderedAt.getTime() >= request.requestedAt.getTime()
  );
}
