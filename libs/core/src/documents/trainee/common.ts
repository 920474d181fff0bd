import { maskIdNumber } from '../../crypto/masking';
import { chineseDate, dateIn } from '../format';
import { PdfDocumentBuilder, type PageLayout } from '../pdf-document';
import type { ClassDocumentInput } from './class-document.types';

/** A trainee document: the authority at the head of each page, the institution in the footer. */
export function classDocument(
  input: ClassDocumentInput,
  title: string,
  opts: { layout?: PageLayout; margin?: number } = {},
): PdfDocumentBuilder {
  const c = input.class;
  const footer = [
    input.institution.name,
    c.filingNumber ? `项目计划书备案号 ${c.filingNumber}` : '',
  ]
    .filter(Boolean)
    .join('\u3000');
  return new PdfDocumentBuilder({
    title: `${title}\u3000${c.name}`,
    issuer: input.authority,
    headerRight: `${c.name}\u3000${title}`,
    footer,
    createdAt: input.issuedAt,
    author: input.institution.name,
    subject: `${c.projectTitle}（${c.typeLabel}）`,
    layout: opts.layout,
    margin: opts.margin,
  });
}

/** The date of issue on the region's calendar: `2026年11月20日`. */
export const issuedOn = (input: ClassDocumentInput): string =>
  chineseDate(dateIn(input.issuedAt, input.timeZone));

/**
 * The ID number as printed: masked. A value that still holds a run of digits longer than a
 * masked number keeps (4), also when spaced or hyphenated, is masked here, so that no sheet
 * ever carries a full ID number.
 */
export function printableIdNumber(value: string): string {
  const compact = value.replace(/[\s-]+/g, '');
  return /\d{5,}/.test(compact) ? maskIdNumber(compact) : value.trim();
}

/** The signature line of a document: institution and date, right-aligned. */
export function issuerSignature(doc: PdfDocumentBuilder, input: ClassDocumentInput): void {
  doc.ensureSpace(48);
  doc.paragraph(input.institution.name, { align: 'right', gap: 2 });
  doc.paragraph(issuedOn(input), { align: 'right' });
}
