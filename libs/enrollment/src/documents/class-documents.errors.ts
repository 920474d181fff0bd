import { DomainError } from '@peixun/core';
import { CLASS_DOCUMENT_LABELS, ClassDocumentKind } from './class-documents.rules';

/** Codes of the trainee documents (stable; clients match on them). */
export const ClassDocumentErrorCode = {
  /** A trainee asked for a document meant for the institution (the attendance sheet). */
  CLASS_DOCUMENT_STAFF_ONLY: 'CLASS_DOCUMENT_STAFF_ONLY',
  /** Asked for, not rendered yet (details: status and the job to poll). */
  CLASS_DOCUMENT_NOT_READY: 'CLASS_DOCUMENT_NOT_READY',
  /** The class has no scheduled session: there is nothing to put in the documents. */
  CLASS_HAS_NO_SESSIONS: 'CLASS_HAS_NO_SESSIONS',
} as const;

export const staffOnly = (kind: ClassDocumentKind): DomainError =>
  new DomainError(
    ClassDocumentErrorCode.CLASS_DOCUMENT_STAFF_ONLY,
    `${CLASS_DOCUMENT_LABELS[kind]}列有其他学员的信息，仅供培训机构和主管部门使用 (staff only: it lists the other trainees)`,
    403,
    { kind },
  );

export const notReady = (
  kind: ClassDocumentKind,
  status: string,
  job: { queue: string; jobId: string } | null,
): DomainError =>
  new DomainError(
    ClassDocumentErrorCode.CLASS_DOCUMENT_NOT_READY,
    `${CLASS_DOCUMENT_LABELS[kind]}正在生成，请稍后再试 (not rendered yet)`,
    409,
    { kind, status, job },
  );
