import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { FORBIDDEN_ALL as FORBIDDEN_IN_NAMES } from './control-chars';

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

/**
 * The uploaded file's name as the user sees it. Multer gives the original name
 * as Latin-1; browsers send UTF-8 (Chinese file names). Characters no text may
 * hold (NUL and other controls, lone surrogates; a name sent as
 * `filename*=UTF-8''a%00b.pdf` has them) are dropped: the name is a label, not
 * something the user typed into a field, and PostgreSQL refuses NUL.
 */
export function uploadedFileName(
  file: Pick<Express.Multer.File, 'originalname'>,
  max = 200,
): string {
  const name = Buffer.from(file.originalname, 'latin1').toString('utf8');
  return Array.from(name.replace(FORBIDDEN_IN_NAMES, '').trim()).slice(0, max).join('');
}
