import { Progress, type TableColumnsType } from 'antd';
import type { Schemas } from '../api/client';
import { when } from '../lib/format';
import { GRADE_LABEL, label, NOMINATION_STATUS } from '../lib/labels';
import { StatusTag } from './ui';

/** The year's accepted advanced-study places against the city-wide quota (the policy's, as the API reports it). */
export function QuotaBar({ list }: { list: Schemas['NominationListDto'] }) {
  const full = list.accepted >= list.quota;
  return (
    <div className="quota-bar" role="status" aria-label="进修名额">
      <strong>
        全市进修名额：已确认 {list.accepted} / {list.quota} 人
      </strong>
      <Progress
        percent={list.quota > 0 ? Math.round((list.accepted / list.quota) * 100) : 0}
        status={full ? 'exception' : 'normal'}
        format={() => (full ? '名额已满' : `尚余 ${list.quota - list.accepted} 人`)}
        aria-label="已确认人数占名额的比例"
      />
    </div>
  );
}

/** The nomination years offered: this year and the next (nominations are made ahead). */
export const nominationYears = (thisYear: number): number[] => [
  thisYear + 1,
  thisYear,
  thisYear - 1,
];

/** The columns the bureau's and the district's nomination lists share (grade, reason, time, status). */
export function nominationColumns(): TableColumnsType<Schemas['NominationDto']> {
  return [
    { title: '上年度考核', dataIndex: 'grade', render: (g: string) => label(GRADE_LABEL, g) },
    {
      title: '推荐理由',
      dataIndex: 'nominationReason',
      render: (r: string | null) => r ?? '—',
    },
    { title: '推荐时间', dataIndex: 'createdAt', render: (d: string) => when(d) },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string, n) => (
        <>
          <StatusTag map={NOMINATION_STATUS} value={s} />
          {n.decisionReason && <div className="muted">原因：{n.decisionReason}</div>}
        </>
      ),
    },
  ];
}
