import { crc32 } from 'node:zlib';

/** Small real files of each type, for the file store's tests (not part of the API). */
export const SAMPLES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
  elf: Buffer.concat([Buffer.from('7f454c46020101', 'hex'), Buffer.alloc(100)]),
  /** An OLE compound file header, as Word and Excel 97-2003 files start. */
  cfb: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
  csvUtf8: Buffer.from('\uFEFF姓名,身份证号\r\n张三,110101199003071234\r\n', 'utf8'),
  /** "姓名,身份证号" and a row in GB18030 (as Excel saves CSV on Chinese Windows). */
  csvGb18030: Buffer.from('d0d5c3fb2cc9edb7ddd6a4bac50d0ad5c5c8fd2c3131303130310d0a', 'hex'),
  utf16: Buffer.from('\uFEFF姓名,身份证号\r\n张三,110101199003071234\r\n', 'utf16le'),
} as const;

/** A zip (stored, no compression) with these entries, central directory and end record. */
export function zipOf(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = (part: string, type: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}.main+xml"/></Types>`;

/** A Word document's skeleton with its content types first (as Word writes it). */
export function docxOf(padding = 0): Buffer {
  return zipOf({
    '[Content_Types].xml': CONTENT_TYPES('word/document.xml', 'wordprocessingml.document'),
    ...(padding ? { 'word/media/filler.bin': Buffer.alloc(padding, 1) } : {}),
    'word/document.xml': '<w:document/>',
  });
}

/** An Excel workbook's skeleton whose parts come after `padding` bytes of filler (as streamed writers do). */
export function xlsxOf(padding = 0): Buffer {
  return zipOf({
    ...(padding ? { 'xl/worksheets/sheet1.xml': Buffer.alloc(padding, 0x20) } : {}),
    'xl/workbook.xml': '<workbook/>',
    '[Content_Types].xml': CONTENT_TYPES('xl/workbook.xml', 'spreadsheetml.sheet'),
  });
}
