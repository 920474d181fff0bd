import { pdfHasImages, pdfPageTexts } from '@peixun/core/documents/testing/pdf-text';
import { renderCertificate, type CertificateContent } from './certificate-pdf';
import { decodeQrOfPdf } from './testing/pdf-qr';

const content: CertificateContent = {
  serial: 'BJPX-2026-000123',
  holderName: '张三丰',
  idNumberMasked: '1101**********1234',
  projectTitle: '东城区社区工作者岗位培训',
  typeLabel: '岗位培训',
  halfHours: 80,
  startDate: '2026-10-12',
  endDate: '2026-10-16',
  institutionName: '北京社区工作者培训学院',
  issuers: ['北京市民政局', '北京市人力资源和社会保障局'],
  issuedOn: '2026-11-02',
  year: 2026,
  verifyUrl: 'https://px.example.cn/v/BJPX-2026-000123?c=Ab3_x9Qz',
  createdAt: new Date('2026-11-02T02:00:00Z'),
};

describe('certificate PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderCertificate(content);
  });

  it('is one A4 page under 100 KB, with the name, masked ID, serial, issuers and hours as text', async () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(100 * 1024);
    const pages = await pdfPageTexts(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0].replace(/\s+/g, '');
    for (const s of [
      '张三丰',
      '1101**********1234',
      'BJPX-2026-000123',
      '北京市民政局',
      '北京市人力资源和社会保障局',
      '40学时',
      '年度培训项目合格证书',
      '2026年11月2日',
    ])
      expect(text).toContain(s);
    expect(text).not.toMatch(/110101\d{8}1234/);
  });

  it('draws the QR code as vectors, and it decodes to the verification URL', async () => {
    expect(pdfHasImages(pdf)).toBe(false);
    expect(await decodeQrOfPdf(pdf)).toBe(content.verifyUrl);
  });

  it('is deterministic: the same certificate gives the same bytes', async () => {
    expect((await renderCertificate(content)).equals(pdf)).toBe(true);
  });

  it('a reissue names the serial it replaces', async () => {
    const again = await renderCertificate({
      ...content,
      serial: 'BJPX-2026-000200',
      supersedesSerial: 'BJPX-2026-000123',
    });
    const text = (await pdfPageTexts(again))[0].replace(/\s+/g, '');
    expect(text).toContain('BJPX-2026-000123（已作废）');
  });
});
