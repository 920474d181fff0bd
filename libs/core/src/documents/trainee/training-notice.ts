import { dateSpan, hoursLabel } from '../format';
import {
  DEFAULT_NOTICE_BRING,
  DEFAULT_SIGN_IN_RULES,
  type ClassDocumentInput,
} from './class-document.types';
import { classDocument, issuedOn } from './common';
import { feeLabel } from './project-list';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 培训通知单 (Art. 13): to the trainees of a class — what, when, where, reporting, sign-in
 * rules, what to bring, the fee (none for mandatory training), the institution's contact (an
 * office, never a person's own phone) and a QR code to the class's page. A4 portrait, one page
 * for an ordinary class.
 */
export function renderTrainingNotice(input: ClassDocumentInput): Promise<Buffer> {
  const c = input.class;
  const n = input.notice ?? {};
  const inst = input.institution;
  const doc = classDocument(input, '培训通知单');
  doc.title('培训通知单', c.name);

  doc.paragraph('各位学员：', { size: 11.5, bold: true, gap: 4 });
  const commissioned = input.districtName ? `受${input.districtName}委托，` : '';
  const filing = c.filingNumber ? `（项目计划书备案号：${c.filingNumber}）` : '';
  doc.paragraph(
    `${commissioned}${inst.name}承办“${c.projectTitle}”${filing}，本期为${c.name}（${c.typeLabel}，共 ${hoursLabel(c.totalHalfHours)} 学时）。现将有关事项通知如下：`,
    { firstLineIndent: 22, size: 11, gap: 8 },
  );

  // [title, lines, numbered]
  const sections: Array<[string, readonly string[], boolean?]> = [
    [
      '培训时间',
      [
        `${dateSpan(c.startDate, c.endDate)}，共 ${input.sessions.length} 次课，每次课的时间见课程表。`,
      ],
    ],
    ['培训地点', [c.place]],
  ];
  if (n.reportAt) sections.push(['报到', [n.reportAt]]);
  sections.push(
    ['签到与考勤', n.signInRules ?? DEFAULT_SIGN_IN_RULES, true],
    ['携带物品', n.bring ?? DEFAULT_NOTICE_BRING, true],
    ['培训费用', [feeLabel(c.feeFen)]],
  );
  const contact = [
    inst.contactOffice ? `联系部门：${inst.contactOffice}` : '',
    inst.contactPhone ? `电话：${inst.contactPhone}` : '',
    inst.contactEmail ? `邮箱：${inst.contactEmail}` : '',
  ].filter(Boolean);
  const contactLines = [`${inst.name}${contact.length ? `\u3000${contact.join('\u3000')}` : ''}`];
  if (inst.address) contactLines.push(`地址：${inst.address}`);
  sections.push(['联系方式', contactLines]);
  if (n.notes?.length) sections.push(['其他事项', n.notes, true]);

  sections.forEach(([title, lines, numbered], i) => {
    doc.paragraph(`${NUMERALS[i] ?? i + 1}、${title}`, { size: 11, bold: true, gap: 2 });
    lines.forEach((line, k) =>
      doc.paragraph(numbered && lines.length > 1 ? `${k + 1}. ${line}` : line, {
        size: 10.5,
        indent: 22,
        gap: 3,
      }),
    );
    doc.moveDown(3);
  });

  // the QR code to the class's page at the left, the institution's signature at the right
  const qrSize = 92;
  doc.moveDown(6);
  doc.ensureSpace(qrSize + 8);
  const y = doc.y;
  if (n.pageUrl) {
    const box = doc.qr(n.pageUrl, { size: qrSize, x: doc.left, y });
    doc.font('regular', 9).doc.fillColor('#555555');
    doc.doc.text('扫码查看班次详情、课程表和调整通知', box.x + qrSize + 10, y + 24, { width: 200 });
    doc.doc.text(n.pageUrl, box.x + qrSize + 10, doc.doc.y + 3, { width: 200 });
    doc.doc.fillColor('#000000');
  }
  const signWidth = 220;
  const signX = doc.left + doc.width - signWidth;
  doc.font('regular', 11).doc.text(inst.name, signX, y + 30, { width: signWidth, align: 'right' });
  doc.doc.text(issuedOn(input), signX, doc.doc.y + 4, { width: signWidth, align: 'right' });
  doc.y = y + qrSize + 8;
  return doc.end();
}
