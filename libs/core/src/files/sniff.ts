import { FileKind, FileType, kindAccepts } from './file-kinds';

/** Bytes from the start that the sniffer looks at (file-type's own "reasonable detection size"). */
export const SNIFF_HEAD_BYTES = 4100;
/** Bytes from the end kept for zip containers: the central directory names the parts. */
export const SNIFF_TAIL_BYTES = 256 * 1024;

const OOXML: readonly FileType[] = ['docx', 'xlsx', 'pptx'];
const LEGACY_OFFICE: readonly FileType[] = ['doc', 'xls'];
/** file-type's names that are ours as they are. */
const DIRECT: readonly string[] = ['pdf', 'jpg', 'png', 'webp', 'docx', 'xlsx', 'pptx', 'mp4'];

export type HeadVerdict =
  | { result: 'accepted'; type: FileType }
  /** A zip container: whether it is a docx/xlsx/pptx is told by its central directory, at the end. */
  | { result: 'zip' }
  | { result: 'refused'; detected: string | null };

/**
 * Plain text as CSV files are saved here: no NUL or other control bytes but tab, line
 * breaks and form feed, and valid UTF-8 or GB18030. `complete` says whether `bytes` is
 * the whole file (otherwise a multi-byte character cut at the end is not an error).
 */
export function looksLikeText(bytes: Uint8Array, complete: boolean): boolean {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return false;
  }
  const valid = (encoding: string): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: !complete });
      return true;
    } catch {
      return false;
    }
  };
  return valid('utf-8') || valid('gb18030');
}

/**
 * The Office Open XML type of a zip from the end of the file, or null. Reads the names in
 * the central directory (`PK\1\2` records); the end-of-central-directory record must be
 * there too, so that a cut-off file is not taken for a document.
 */
export function ooxmlTypeOfZipTail(tail: Uint8Array): 'docx' | 'xlsx' | 'pptx' | null {
  const buf = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  if (buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) return null;
  const names = new Set<string>();
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = buf.indexOf(signature); at >= 0; at = buf.indexOf(signature, at + 4)) {
    if (at + 46 > buf.length) break;
    const nameLength = buf.readUInt16LE(at + 28);
    if (at + 46 + nameLength > buf.length) break;
    names.add(buf.toString('latin1', at + 46, at + 46 + nameLength));
  }
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  return null;
}

function extensionOf(fileName: string | undefined): string {
  return /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
}

/**
 * What the first bytes say, judged against what the kind accepts. Uses `file-type` for
 * every format with a magic number; OLE compound files (Word/Excel 97-2003, which
 * file-type reports only as "cfb") are told apart by the file name's extension; text has
 * no magic number and is accepted as CSV by `looksLikeText` where the kind takes CSV.
 */
export async function judgeHead(
  kind: FileKind,
  head: Uint8Array,
  complete: boolean,
  fileName?: string,
): Promise<HeadVerdict> {
  // loaded on first use: file-type is ESM (require()d natively on Node >= 20.19)
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  const accepts = (t: FileType): boolean => kindAccepts(kind, t);
  if (detected && DIRECT.includes(detected.ext)) {
    const type = detected.ext as FileType;
    return accepts(type) ? { result: 'accepted', type } : { result: 'refused', detected: type };
  }
  if (detected?.ext === 'zip') {
    // a kind that takes plain archives takes any zip; the Office kinds look at its end
    if (accepts('zip')) return { result: 'accepted', type: 'zip' };
    return OOXML.some(accepts) ? { result: 'zip' } : { result: 'refused', detected: 'zip' };
  }
  if (detected?.ext === 'cfb') {
    const candidates = LEGACY_OFFICE.filter(accepts);
    if (!candidates.length) return { result: 'refused', detected: 'cfb' };
    const ext = extensionOf(fileName) as FileType;
    return { result: 'accepted', type: candidates.includes(ext) ? ext : candidates[0] };
  }
  const textual = !detected || detected.mime.startsWith('text/') || detected.ext === 'xml';
  if (textual && accepts('csv') && looksLikeText(head, complete)) {
    return { result: 'accepted', type: 'csv' };
  }
  return { result: 'refused', detected: detected?.ext ?? null };
}

/** The verdict on a zip once its end is known. */
export function judgeZipTail(
  kind: FileKind,
  tail: Uint8Array,
): { result: 'accepted'; type: FileType } | { result: 'refused'; detected: string } {
  const type = ooxmlTypeOfZipTail(tail);
  return type && kindAccepts(kind, type)
    ? { result: 'accepted', type }
    : { result: 'refused', detected: type ?? 'zip' };
}
