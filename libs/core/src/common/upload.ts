import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** The uploaded file, or a 400 naming the `file` field. */
export function requireFile(
  file: Express.Multer.File | undefined,
  what: string,
): Express.Multer.File {
  if (!file) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `file: 请上传${what} (missing file)`, 400, [
      { field: 'file', problems: ['required'] },
    ]);
  }
  return file;
}

/** Multer gives the original name as Latin-1; browsers send UTF-8 (Chinese file names). */
export function uploadedFileName(file: Express.Multer.File, max = 200): string {
  return Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, max);
}
