import { chineseDate, dateSpan, hoursLabel, PdfDocumentBuilder } from '@peixun/core/documents';

/** Everything a certificate shows (as issued). */
export interface CertificateContent {
  serial: string;
  holderName: string;
  idNumberMasked: string;
  projectTitle: string;
  typeLabel: string;
  halfHours: number;
  startDate: string;
  endDate: string;
  institutionName: string;
  issuers: readonly string[];
  issuedOn: string;
  year: number;
  verifyUrl: string;
  /** The PDF's creation date (deterministic bytes for the same input). */
  createdAt: Date;
  /** A reissue names the serial it replaces. */
  supersedesSerial?: string | null;
}

/**
 * The annual training-project qualification certificate (年度培训项目合格证书, Art. 16) as
 * an A4 PDF from the shared building blocks: the issuing authorities at the head, the
 * holder, the project, hours and dates, the serial, the issue date, and a QR code (vector)
 * to the public verification page.
 */
export async function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const issuer = c.issuers.join('  ');
  const b = new PdfDocumentBuilder({
    title: '年度培训项目合格证书',
    issuer,
    headerRight: `证书编号 ${c.serial}`,
    footer: `查验：${c.verifyUrl}`,
    createdAt: c.createdAt,
    subject: `${c.holderName} ${c.projectTitle}`,
    keywords: c.serial,
  });
  b.moveDown(24).title('年度培训项目合格证书', `${c.year} 年度 · 社区工作者培训`);
  b.moveDown(8);
  b.paragraph(
    `${c.holderName}（身份证号 ${c.idNumberMasked}）于${dateSpan(c.startDate, c.endDate)}参加` +
      `“${c.projectTitle}”（${c.typeLabel}），完成 ${hoursLabel(c.halfHours)} 学时，` +
      `经考核合格，特发此证。`,
    { size: 13, firstLineIndent: 26, gap: 14 },
  );
  b.keyValues(
    [
      ['姓名', c.holderName],
      ['身份证号', c.idNumberMasked],
      ['培训项目', c.projectTitle],
      ['培训类型', c.typeLabel],
      ['培训学时', `${hoursLabel(c.halfHours)} 学时`],
      ['培训时间', dateSpan(c.startDate, c.endDate)],
      ['培训机构', c.institutionName],
      ['证书编号', c.serial],
      ['发证日期', chineseDate(c.issuedOn)],
      ...(c.supersedesSerial ? ([['原证书编号', `${c.supersedesSerial}（已作废）`]] as const) : []),
    ],
    { fontSize: 11, labelWidth: 90, minRowHeight: 24 },
  );
  b.moveDown(18);
  const y = b.y;
  const qr = b.qr(c.verifyUrl, { size: 110, x: b.left, y });
  b.font('regular', 9);
  b.doc.text('扫描二维码查验证书真伪', qr.x, qr.y + qr.height + 2, {
    width: qr.width,
    align: 'center',
  });
  const right = b.left + b.width;
  const blockWidth = 260;
  b.font('bold', 13);
  let at = y + 10;
  for (const name of c.issuers) {
    b.doc.text(name, right - blockWidth, at, { width: blockWidth, align: 'right' });
    at += 22;
  }
  b.font('regular', 12);
  b.doc.text(chineseDate(c.issuedOn), right - blockWidth, at + 8, {
    width: blockWidth,
    align: 'right',
  });
  b.y = Math.max(qr.y + qr.height + 18, at + 30);
  return b.end();
}
