import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

const MiB = 1024 * 1024;

/** The file types the platform accepts anywhere, with the MIME type it records for each. */
export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  jpg: { mime: 'image/jpeg', label: 'JPG' },
  png: { mime: 'image/png', label: 'PNG' },
  webp: { mime: 'image/webp', label: 'WebP' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel',
  },
  pptx: {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint',
  },
  /** Word 97-2003 and Excel 97-2003: both are OLE compound files (see sniffFileType). */
  doc: { mime: 'application/msword', label: 'Word 97-2003' },
  xls: { mime: 'application/vnd.ms-excel', label: 'Excel 97-2003' },
  /** Text without a magic number: accepted by a text heuristic (UTF-8 or GB18030, no control bytes). */
  csv: { mime: 'text/csv', label: 'CSV' },
  mp4: { mime: 'video/mp4', label: 'MP4' },
  /** A plain zip archive (not an Office document): bundles the platform builds. */
  zip: { mime: 'application/zip', label: 'ZIP' },
} as const;
export type FileType = keyof typeof FILE_TYPES;

export interface FileKindSpec {
  /** For messages: what the file is, in Chinese with English in parentheses. */
  label: string;
  types: readonly FileType[];
  maxBytes: number;
  /**
   * The bytes hold personal data in the clear (ID and phone numbers of a roster): the
   * object is stored sealed (AES-256-GCM with the personal-data keys, bound to its key)
   * and opened only when read through the store.
   */
  sealed?: boolean;
}

/**
 * Every kind of file the platform stores, with the types it accepts and its size limit.
 * The kind is also the first segment of the file's key. Adding a feature that keeps files
 * means adding its kind here, so that its limits are decided in one place.
 */
export const FILE_KINDS = {
  'institution-document': {
    label: '机构证明材料 (institution document)',
    types: ['pdf', 'jpg', 'png'],
    maxBytes: 10 * MiB,
  },
  'roster-import': {
    label: '名册文件 (roster upload)',
    types: ['xlsx', 'csv'],
    maxBytes: 20 * MiB,
    sealed: true,
  },
  'roster-export': {
    label: '名册导出 (roster export)',
    types: ['xlsx', 'csv'],
    maxBytes: 200 * MiB,
    sealed: true,
  },
  'plan-survey-report': {
    label: '需求调查报告 (needs-survey report)',
    types: ['pdf', 'docx', 'xlsx', 'doc', 'xls'],
    maxBytes: 20 * MiB,
  },
  'plan-pdf': {
    label: '培训项目计划书 (project plan PDF)',
    types: ['pdf'],
    maxBytes: 20 * MiB,
  },
  // kinds for features still to come: their limits live here from the start
  certificate: {
    label: '合格证书 (certificate)',
    types: ['pdf'],
    maxBytes: 5 * MiB,
  },
  'attendance-sheet': {
    label: '签到表 (attendance sheet)',
    types: ['pdf', 'xlsx', 'jpg', 'png'],
    maxBytes: 20 * MiB,
  },
  'class-archive': {
    label: '班次档案材料 (class archive material)',
    types: ['pdf', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'jpg', 'png', 'webp', 'mp4'],
    maxBytes: 500 * MiB,
  },
  /** A class's certificates in one ZIP (libs/exams, built by the worker). */
  'certificate-bundle': {
    label: '证书压缩包 (certificate bundle)',
    types: ['zip'],
    maxBytes: 500 * MiB,
  },
  /** Art. 13 documents of a class rendered by the worker (project list, notice, timetable, attendance sheet). */
  'trainee-document': {
    label: '学员培训文书 (trainee document PDF)',
    types: ['pdf'],
    maxBytes: 5 * MiB,
  },
  /** A class's attendance report (trainees × sessions) rendered by the worker (libs/attendance). */
  'attendance-report': {
    label: '考勤汇总表 (attendance report PDF)',
    types: ['pdf'],
    maxBytes: 20 * MiB,
  },
  /** Two-way evaluation reports for the authority (Art. 15), rendered by the worker. */
  'evaluation-report': {
    label: '评价报告 (evaluation report)',
    types: ['pdf', 'xlsx'],
    maxBytes: 20 * MiB,
  },
  /** A needs-survey report version rendered by the worker: the Excel workbook and the PDF (libs/surveys). */
  'survey-report': {
    label: '需求调查统计报告 (needs-survey report)',
    types: ['xlsx', 'pdf'],
    maxBytes: 50 * MiB,
  },
} as const satisfies Record<string, FileKindSpec>;
export type FileKind = keyof typeof FILE_KINDS;

export function isFileKind(value: string): value is FileKind {
  return Object.prototype.hasOwnProperty.call(FILE_KINDS, value);
}

export function fileKind(kind: FileKind): FileKindSpec {
  return FILE_KINDS[kind];
}

/** Whether objects of the kind are stored sealed (personal data inside). */
export function isSealedKind(kind: string): boolean {
  return isFileKind(kind) && (FILE_KINDS[kind] as FileKindSpec).sealed === true;
}

export function kindAccepts(kind: FileKind, type: FileType): boolean {
  return (FILE_KINDS[kind].types as readonly FileType[]).includes(type);
}

/** 10485760 -> "10 MB"; 1536 -> "1.5 KB" (binary units, as file managers show them). */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${Number.isInteger(v) ? v : Number(v.toFixed(1))} ${units[u]}`;
}

/** 413 PAYLOAD_TOO_LARGE naming the kind's limit. */
export function fileTooLarge(kind: FileKind): DomainError {
  const spec = FILE_KINDS[kind];
  const limit = formatBytes(spec.maxBytes);
  return new DomainError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `file: ${spec.label}不能超过 ${limit} (larger than the ${limit} limit)`,
    413,
    { field: 'file', kind, maxBytes: spec.maxBytes },
  );
}

/** 415 UNSUPPORTED_MEDIA_TYPE: the bytes are not of a type the kind accepts. */
export function fileTypeRefused(kind: FileKind, detected: string | null): DomainError {
  const spec = FILE_KINDS[kind];
  const allowed = spec.types.map((t) => FILE_TYPES[t].label);
  const uniqueAllowed = [...new Set(allowed)].join('、');
  return new DomainError(
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `file: 文件内容不是${spec.label}允许的类型（${uniqueAllowed}）` +
      ` (the content is ${detected ?? 'of an unknown type'}; allowed: ${spec.types.join(', ')})`,
    415,
    { field: 'file', kind, detected, allowed: spec.types },
  );
}

/** 400 for an empty upload: no type can be told, and no kind wants one. */
export function fileEmpty(kind: FileKind): DomainError {
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    `file: ${FILE_KINDS[kind].label}是空文件 (the file is empty)`,
    400,
    [{ field: 'file', problems: ['empty'] }],
  );
}
