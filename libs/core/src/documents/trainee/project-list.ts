import { dateSpan, hoursLabel, yuan } from '../format';
import type { ClassDocumentInput } from './class-document.types';
import { classDocument, issuerSignature } from './common';

/** Fee line: mandatory training is free (Art. 23); only an elective class may carry a fee. */
export function feeLabel(feeFen: number | undefined): string {
  return feeFen ? `${yuan(feeFen)} 元（由学员本人负担）` : '免费（不向学员收取任何费用）';
}

/** 培训项目清单 (Art. 13): the class's project, its type, hours, dates, place, institution,
 * teachers and the filing number of its plan, with the courses it consists of. A4 portrait. */
export function renderProjectList(input: ClassDocumentInput): Promise<Buffer> {
  const c = input.class;
  const doc = classDocument(input, '培训项目清单');
  doc.title('培训项目清单', c.name);
  const pairs: Array<[string, string]> = [
    ['培训项目', c.projectTitle],
    ['培训类型', c.typeLabel],
  ];
  if (c.targetGroup) pairs.push(['培训对象', c.targetGroup]);
  pairs.push(
    ['培训班次', c.name],
    ['培训学时', `${hoursLabel(c.totalHalfHours)} 学时（共 ${input.sessions.length} 次课）`],
    ['培训时间', dateSpan(c.startDate, c.endDate)],
    ['培训地点', c.place],
    [
      '承办培训机构',
      input.institution.address
        ? `${input.institution.name}（${input.institution.address}）`
        : input.institution.name,
    ],
  );
  if (input.districtName) pairs.push(['委托单位', input.districtName]);
  pairs.push(['授课教师', c.teachers.join('、')]);
  if (c.capacity) pairs.push(['培训名额', `${c.capacity} 人`]);
  pairs.push(['培训费用', feeLabel(c.feeFen)], ['项目计划书备案号', c.filingNumber ?? '']);
  doc.keyValues(pairs, { labelWidth: 118, minRowHeight: 21 });

  doc.heading('课程一览');
  doc.table(
    input.sessions,
    [
      { header: '序号', width: 34, align: 'center', text: (_s, i) => String(i + 1) },
      { header: '课程内容', flex: 3, text: (s) => s.topic },
      { header: '授课教师', width: 118, text: (s) => s.teacher },
      { header: '授课方式', width: 64, align: 'center', text: (s) => s.method },
      { header: '学时', width: 40, align: 'center', text: (s) => hoursLabel(s.halfHours) },
    ],
    { fontSize: 9.5, minRowHeight: 19 },
  );
  doc.paragraph(
    '本清单依据经备案的培训项目计划书编制；课程的具体时间和地点见课程表，如有调整以培训机构的通知为准。',
    {
      size: 9.5,
      color: '#555555',
      gap: 16,
    },
  );
  issuerSignature(doc, input);
  return doc.end();
}
