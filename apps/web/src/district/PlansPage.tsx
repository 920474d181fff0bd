import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, InputNumber, Select, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { EmptyState, PageHead, QueryError, StatusTag } from '../components/ui';
import { PLAN_STATUS, TRAINING_TYPE_LABEL, label } from '../lib/labels';

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'superseded'] as const;
type Status = (typeof STATUSES)[number];

/** The district's project plans (培训项目计划书), filtered by status and year on the server. */
export function PlansPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : undefined;
  const year = Number(params.get('year')) || undefined;
  const plans = useQuery({
    queryKey: ['plans', 'mine', { status, year }],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/project-plans', { params: { query: { status, year } } })),
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <>
      <PageHead
        title="项目计划书"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/d/plans/new')}
          >
            新建计划书
          </Button>
        }
      />
      <div className="toolbar">
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={(v?: string) => set('status', v)}
          options={STATUSES.map((s) => ({ value: s, label: PLAN_STATUS[s].label }))}
        />
        <InputNumber
          aria-label="年度"
          placeholder="年度"
          min={2000}
          max={2100}
          style={{ width: 120 }}
          value={year}
          onChange={(v) => set('year', v ? String(v) : undefined)}
        />
      </div>
      {plans.error && <QueryError error={plans.error} retry={() => void plans.refetch()} />}
      <Table<Schemas['ProjectPlanDto']>
        rowKey="id"
        size="middle"
        loading={plans.isLoading}
        pagination={false}
        dataSource={plans.data ?? []}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <EmptyState
              title={
                status || year
                  ? '没有符合条件的计划书，换个筛选条件试试。'
                  : '还没有计划书。市民政局发布年度计划后，按其中的项目新建计划书并提交审批。'
              }
              action={
                !status && !year ? (
                  <Button type="primary" onClick={() => void navigate('/d/plans/new')}>
                    新建计划书
                  </Button>
                ) : undefined
              }
            />
          ),
        }}
        columns={[
          {
            title: '名称',
            dataIndex: 'title',
            render: (t: string, p) => <Link to={`/d/plans/${p.id}`}>{t}</Link>,
          },
          { title: '年度', dataIndex: 'year', width: 80 },
          {
            title: '类型',
            dataIndex: 'type',
            render: (v: string) => label(TRAINING_TYPE_LABEL, v),
          },
          {
            title: '日期',
            key: 'dates',
            render: (_: unknown, p) => `${p.startDate} 至 ${p.endDate}`,
          },
          { title: '名额', dataIndex: 'places', width: 80 },
          { title: '学时', dataIndex: 'totalHours', width: 80 },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string) => <StatusTag map={PLAN_STATUS} value={v} />,
          },
          {
            title: '备案号',
            dataIndex: 'filingNumber',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}
