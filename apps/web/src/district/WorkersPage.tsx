import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { Pager, useCursorPaging } from '../components/paging';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import {
  ENTRY_CHANNEL,
  POSITION_TIER,
  QUALIFICATION,
  WORKER_STATUS,
  label,
  options,
} from '../lib/labels';

type Query = NonNullable<operations['WorkersController_list']['parameters']['query']>;
type Filters = Pick<Query, 'name' | 'positionTier' | 'status' | 'qualification'>;

/** The workers in my district or street, filtered and paged (keyset) on the server. */
export function WorkersPage() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [filters, setFilters] = useState<Filters>({ status: 'active' });
  const paging = useCursorPaging();
  const workers = useQuery({
    queryKey: ['workers', filters, paging.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers', {
          params: { query: { ...filters, cursor: paging.cursor, limit: 50 } },
        }),
      ),
  });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    paging.reset();
  };
  return (
    <>
      <PageHead title="社区工作者" />
      <div className="toolbar">
        <Input.Search
          aria-label="姓名"
          placeholder="姓名包含"
          allowClear
          value={name}
          onChange={(e) => setName(e.target.value)}
          onSearch={(v) => set({ name: v.trim() || undefined })}
          style={{ width: 200 }}
        />
        <Select
          aria-label="岗位层级"
          placeholder="岗位层级"
          allowClear
          style={{ width: 140 }}
          value={filters.positionTier}
          onChange={(v) => set({ positionTier: v })}
          options={options(POSITION_TIER)}
        />
        <Select
          aria-label="社工资格"
          placeholder="社工资格"
          allowClear
          style={{ width: 160 }}
          value={filters.qualification}
          onChange={(v) => set({ qualification: v })}
          options={options(QUALIFICATION)}
        />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          value={filters.status}
          onChange={(v) => set({ status: v })}
          options={options(WORKER_STATUS)}
        />
      </div>
      {workers.error && <QueryError error={workers.error} retry={() => void workers.refetch()} />}
      <Table<Schemas['WorkerDto']>
        rowKey="id"
        size="middle"
        loading={workers.isLoading}
        pagination={false}
        dataSource={workers.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <EmptyState
              title="没有符合条件的社区工作者。名册为空时，先在“名册导入”上传 Excel 名册。"
              action={
                <Button type="primary" onClick={() => void navigate('/d/roster')}>
                  名册导入
                </Button>
              }
            />
          ),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (v: string, w) => <Link to={`/d/workers/${w.id}`}>{v}</Link>,
          },
          { title: '身份证号', dataIndex: 'idNumber' },
          {
            title: '岗位层级',
            dataIndex: 'positionTier',
            render: (v: string) => label(POSITION_TIER, v),
          },
          {
            title: '进入方式',
            dataIndex: 'entryChannel',
            render: (v: string) => label(ENTRY_CHANNEL, v),
          },
          {
            title: '社工资格',
            dataIndex: 'qualification',
            render: (v: string) => label(QUALIFICATION, v),
          },
          { title: '入职', dataIndex: 'startedOn' },
          { title: '状态', dataIndex: 'status', render: (v: string) => label(WORKER_STATUS, v) },
        ]}
      />
      <Pager paging={paging} nextCursor={workers.data?.nextCursor} />
    </>
  );
}
