import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Progress, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import { useSession } from '../api/hooks';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { hoursFromHalves, thisYear, when } from '../lib/format';
import { LEAVE_STATUS } from '../lib/labels';

/** My hours this year against each requirement, and my leave requests. */
export function HoursPage() {
  const workerId = useSession()?.actor.workerId ?? '';
  const [year, setYear] = useState(thisYear());
  const hours = useQuery({
    queryKey: ['me', 'hours', year],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers/{id}/hours', {
          params: { path: { id: workerId }, query: { year } },
        }),
      ),
    enabled: !!workerId,
  });
  return (
    <>
      <PageHead
        title="我的学时"
        extra={
          <Select
            aria-label="年度"
            value={year}
            onChange={setYear}
            options={[thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({
              value: y,
              label: `${y} 年`,
            }))}
          />
        }
      />
      {hours.error && <QueryError error={hours.error} retry={() => void hours.refetch()} />}
      {hours.isLoading && <Skeleton active />}
      {hours.data && (
        <Panel title={`${year} 年合计 ${hoursFromHalves(hours.data.totalHalfHours)}`}>
          {hours.data.types.length === 0 ? (
            <EmptyState title="本年度还没有计入的学时：报名课程并按时签到后，学时记在这里。" />
          ) : (
            <ul className="plain-list">
              {hours.data.types.map((t) => {
                const req = t.requiredHalfHours;
                const pct = req
                  ? Math.min(100, Math.round((t.creditedHalfHours / req) * 100))
                  : 100;
                return (
                  <li key={t.type}>
                    <div className="item-title">
                      {t.label}{' '}
                      {req !== null && t.creditedHalfHours >= req && (
                        <Tag color="green">已达标</Tag>
                      )}
                    </div>
                    <div className="item-desc">
                      已计 {hoursFromHalves(t.creditedHalfHours)}
                      {req !== null ? ` / 要求 ${hoursFromHalves(req)}` : '（无最低要求）'} ·{' '}
                      {t.classes} 个班次
                    </div>
                    {req !== null && (
                      <Progress percent={pct} size="small" aria-label={`${t.label} 完成 ${pct}%`} />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
      )}
      <MyLeaves />
    </>
  );
}

function MyLeaves() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const leaves = useQuery({
    queryKey: ['me', 'leaves'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/leave-requests')),
  });
  const cancel = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/leave-requests/{id}/cancel', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success('已撤回请假');
      await queryClient.invalidateQueries({ queryKey: ['me', 'leaves'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <Panel title="我的请假" className="mt">
      {leaves.error && <QueryError error={leaves.error} retry={() => void leaves.refetch()} />}
      {leaves.data?.length === 0 && (
        <EmptyState title="没有请假记录。不能参加某次课时，在“课表”里对该课次点“请假”。" />
      )}
      <ul className="plain-list">
        {(leaves.data ?? []).map((l) => (
          <li key={l.id}>
            <div className="item-title">
              {l.reason} <StatusTag map={LEAVE_STATUS} value={l.status} />
            </div>
            <div className="item-desc">
              提交于 {when(l.createdAt)}
              {l.decisionNote && ` · ${l.decisionNote}`}
            </div>
            {l.status === 'pending' && (
              <Button
                size="small"
                loading={cancel.isPending && cancel.variables === l.id}
                onClick={() => cancel.mutate(l.id)}
              >
                撤回
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
