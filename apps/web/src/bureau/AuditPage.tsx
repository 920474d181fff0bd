import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Table, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { Pager, useCursorPaging } from '../components/paging';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { when } from '../lib/format';
import { ROLE_LABEL, label } from '../lib/labels';

interface Filters {
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

/** The audit log, newest first, filtered and paged on the server (keyset). */
export function AuditPage() {
  const [draft, setDraft] = useState<{
    action: string;
    entityType: string;
    range: [Dayjs | null, Dayjs | null] | null;
  }>({
    action: '',
    entityType: '',
    range: null,
  });
  const [filters, setFilters] = useState<Filters>({});
  const paging = useCursorPaging();
  const entries = useQuery({
    queryKey: ['audit', filters, paging.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/audit/entries', {
          params: { query: { ...filters, cursor: paging.cursor, limit: 50 } },
        }),
      ),
  });
  const apply = () => {
    const [from, to] = draft.range ?? [null, null];
    setFilters({
      action: draft.action.trim() || undefined,
      entityType: draft.entityType.trim() || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    });
    paging.reset();
  };
  return (
    <>
      <PageHead title="审计日志" />
      <div className="toolbar">
        <Input
          aria-label="动作"
          placeholder="动作，如 auth.login_failed"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          onPressEnter={apply}
          style={{ width: 220 }}
        />
        <Input
          aria-label="对象类型"
          placeholder="对象类型，如 account"
          value={draft.entityType}
          onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
          onPressEnter={apply}
          style={{ width: 180 }}
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          value={draft.range}
          onChange={(r) => setDraft({ ...draft, range: r })}
        />
        <Button type="primary" onClick={apply}>
          查询
        </Button>
      </div>
      {entries.error && <QueryError error={entries.error} retry={() => void entries.refetch()} />}
      <Table<Schemas['AuditEntryDto']>
        rowKey="id"
        size="small"
        loading={entries.isLoading}
        pagination={false}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState title="没有符合条件的日志，放宽筛选条件再试" /> }}
        columns={[
          { title: '时间', dataIndex: 'occurredAt', width: 170, render: (d: string) => when(d) },
          {
            title: '账号',
            key: 'actor',
            render: (_, e) =>
              e.actorUsername ? `${e.actorUsername}（${label(ROLE_LABEL, e.actorRole)}）` : '系统',
          },
          { title: '动作', dataIndex: 'action' },
          {
            title: '对象',
            key: 'entity',
            render: (_, e) => `${e.entityType}${e.entityId ? ` ${e.entityId.slice(0, 8)}` : ''}`,
          },
          { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          {
            title: '详情',
            dataIndex: 'data',
            render: (d: unknown) => {
              if (!d) return '—';
              const text = JSON.stringify(d);
              return (
                <Tooltip title={<pre className="audit-json">{JSON.stringify(d, null, 2)}</pre>}>
                  <span className="audit-data">
                    {text.length > 60 ? `${text.slice(0, 60)}…` : text}
                  </span>
                </Tooltip>
              );
            },
          },
        ]}
      />
      <Pager paging={paging} nextCursor={entries.data?.nextCursor} />
    </>
  );
}
