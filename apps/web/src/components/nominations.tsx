import { Progress } from 'antd';
import type { Schemas } from '../api/client';

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
