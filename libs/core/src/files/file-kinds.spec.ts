import {
  FILE_KINDS,
  FILE_TYPES,
  fileKind,
  FileKind,
  fileTooLarge,
  FileType,
  fileTypeRefused,
  formatBytes,
  isFileKind,
  kindAccepts,
} from './file-kinds';

const MiB = 1024 * 1024;

describe('file kinds', () => {
  it.each<[FileKind, FileType[], number]>([
    ['institution-document', ['pdf', 'jpg', 'png'], 10 * MiB],
    ['roster-import', ['xlsx', 'csv'], 20 * MiB],
    ['roster-export', ['xlsx', 'csv'], 200 * MiB],
    // what the annual plan's survey-report upload has taken since it existed: PDF, Word, Excel
    ['plan-survey-report', ['pdf', 'docx', 'xlsx', 'doc', 'xls'], 20 * MiB],
    ['plan-pdf', ['pdf'], 20 * MiB],
    ['certificate', ['pdf'], 5 * MiB],
    ['trainee-document', ['pdf'], 5 * MiB],
    ['certificate-bundle', ['zip'], 500 * MiB],
  ])('%s takes %j up to %i bytes', (kind, types, maxBytes) => {
    expect(fileKind(kind).types).toEqual(types);
    expect(fileKind(kind).maxBytes).toBe(maxBytes);
  });

  it.each<[FileKind, FileType, boolean]>([
    ['institution-document', 'pdf', true],
    ['institution-document', 'docx', false],
    ['roster-import', 'csv', true],
    ['roster-import', 'pdf', false],
    ['plan-survey-report', 'xls', true],
    ['plan-survey-report', 'csv', false],
    ['plan-pdf', 'png', false],
    ['class-archive', 'mp4', true],
    ['class-archive', 'csv', false],
  ])('%s accepts %s: %s', (kind, type, accepted) => {
    expect(kindAccepts(kind, type)).toBe(accepted);
  });

  it('only names types it has a MIME type for, and kinds that make valid key segments', () => {
    for (const [kind, spec] of Object.entries(FILE_KINDS)) {
      expect(kind).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
      expect(isFileKind(kind)).toBe(true);
      for (const t of spec.types) expect(FILE_TYPES[t].mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
    }
    expect(isFileKind('../etc')).toBe(false);
    expect(isFileKind('constructor')).toBe(false);
  });

  it.each([
    [0, '0 B'],
    [1536, '1.5 KB'],
    [10 * MiB, '10 MB'],
    [200 * MiB, '200 MB'],
    [1.25 * 1024 * MiB, '1.3 GB'],
  ])('formats %i bytes as %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it('names the kind and its limit in 413 and the allowed types in 415', () => {
    const big = fileTooLarge('institution-document');
    expect(big).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(big.message).toContain('10 MB');
    expect(big.details).toMatchObject({ kind: 'institution-document', maxBytes: 10 * MiB });
    const refused = fileTypeRefused('institution-document', 'exe');
    expect(refused).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    expect(refused.message).toMatch(/PDF、JPG、PNG.*exe/);
    expect(refused.details).toMatchObject({ detected: 'exe', allowed: ['pdf', 'jpg', 'png'] });
  });
});
