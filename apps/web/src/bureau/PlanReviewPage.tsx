import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Input,
  List,
  Row,
  Skeleton,
  Space,
  Table,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { PlanChecks } from '../components/PlanChecks';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { dayWithWeekday, when, yuan } from '../lib/format';
import { PAYER_LABEL, PLAN_STATUS, TRAINING_TYPE_LABEL, label } from '../lib/labels';

/** The project-plan review queue: the plan with its sessions side by side; approve, or return with comments. */
export function PlanReviewPage() {
  const [params, setParams] = useSearchParams();
  const queue = useQuery({
    queryKey: ['plans', 'queue'],
    queryFn: async () => unwrap(await api.GET('/api/v1/project-plans/review-queue')),
  });
  const items = queue.data?.items ?? [];
  const selected = params.get('id') ?? items[0]?.id ?? null;
  return (
    <>
      <PageHead title={`计划审批${queue.data ? `（${queue.data.count} 件待审）` : ''}`} />
      {queue.error && <QueryError error={queue.error} retry={() => void queue.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Panel title="待审批">
            <List
              loading={queue.isLoading}
              dataSource={items}
              locale={{
                emptyText: <EmptyState title="没有待审批的计划：各区提交后会出现在这里" />,
              }}
              renderItem={(p) => (
                <List.Item
                  className={p.id === selected ? 'selected-item' : undefined}
                  onClick={() => setParams({ id: p.id })}
                  style={{ cursor: 'pointer' }}
                >
                  <List.Item.Meta
                    title={
                      <a
                        href={`?id=${p.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setParams({ id: p.id });
                        }}
                        aria-current={p.id === selected ? 'true' : undefined}
                      >
                        {p.title}
                      </a>
                    }
                    description={`${p.districtName} · ${label(TRAINING_TYPE_LABEL, p.type)}${p.amendment ? ' · 修订' : ''} · ${when(p.submittedAt)}`}
                  />
                </List.Item>
              )}
            />
          </Panel>
        </Col>
        <Col xs={24} lg={16}>
          {selected ? <PlanDetail key={selected} id={selected} /> : null}
        </Col>
      </Row>
    </>
  );
}

function PlanDetail({ id }: { id: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  const [comments, setComments] = useState('');
  const [commentsError, setCommentsError] = useState<string | null>(null);
  const plan = useQuery({
    queryKey: ['plans', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/project-plans/{id}', { params: { path: { id } } })),
  });
  const done = async (text: string) => {
    message.success(text);
    setParams({});
    await queryClient.invalidateQueries({ queryKey: ['plans'] });
  };
  const approve = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/project-plans/{id}/approve', { params: { path: { id } } })),
    onSuccess: () => done('已批准'),
    onError: (err) => message.error(errorMessage(err)),
  });
  const ret = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/project-plans/{id}/return', {
          params: { path: { id } },
          body: { comments: comments.trim() },
        }),
      ),
    onSuccess: () => done('已退回'),
    onError: (err) => {
      const f =
        err instanceof ApiError ? err.fields.find((x) => x.field === 'comments') : undefined;
      if (f) setCommentsError(f.messages.join('；'));
      else message.error(errorMessage(err));
    },
  });
  if (plan.error) return <QueryError error={plan.error} retry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton active />;
  const p: Schemas['ProjectPlanDto'] = plan.data;
  const open = p.status === 'submitted';
  return (
    <Panel title={p.title} extra={<StatusTag map={PLAN_STATUS} value={p.status} />}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="类型">{label(TRAINING_TYPE_LABEL, p.type)}</Descriptions.Item>
        <Descriptions.Item label="年度">{p.year}</Descriptions.Item>
        <Descriptions.Item label="名额">{p.places}</Descriptions.Item>
        <Descriptions.Item label="合计学时">{p.totalHours} 学时</Descriptions.Item>
        <Descriptions.Item label="日期">
          {p.startDate} 至 {p.endDate}
        </Descriptions.Item>
        <Descriptions.Item label="地点">{p.place}</Descriptions.Item>
      </Descriptions>
      <h3 className="card-h2">课次</h3>
      <Table
        rowKey={(s) => `${s.date}-${s.startTime}`}
        size="small"
        pagination={false}
        dataSource={p.sessions}
        columns={[
          { title: '日期', dataIndex: 'date', render: (d: string) => dayWithWeekday(d) },
          { title: '开始', dataIndex: 'startTime' },
          { title: '学时', dataIndex: 'hours' },
          { title: '内容', dataIndex: 'topic' },
        ]}
      />
      {p.costItems.length > 0 && (
        <>
          <h3 className="card-h2" style={{ marginTop: 12 }}>
            经费测算
          </h3>
          <Table
            rowKey="item"
            size="small"
            pagination={false}
            dataSource={p.costItems}
            columns={[
              { title: '项目', dataIndex: 'item' },
              { title: '金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
              { title: '承担方', dataIndex: 'payer', render: (x: string) => label(PAYER_LABEL, x) },
            ]}
          />
        </>
      )}
      {p.comments && (
        <Alert type="warning" title={`上次退回意见：${p.comments}`} style={{ marginTop: 12 }} />
      )}
      <div style={{ marginTop: 16 }}>
        <PlanChecks id={p.id} title="政策检查（提交和批准时适用的规则）" />
      </div>
      {open && (
        <div style={{ marginTop: 16 }}>
          <label className="field">
            <span>退回意见（退回时必填）</span>
            <Input.TextArea
              aria-label="退回意见"
              rows={3}
              value={comments}
              status={commentsError ? 'error' : undefined}
              onChange={(e) => {
                setComments(e.target.value);
                setCommentsError(null);
              }}
            />
            {commentsError && (
              <span className="field-error" role="alert">
                {commentsError}
              </span>
            )}
          </label>
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
              批准
            </Button>
            <Button
              danger
              loading={ret.isPending}
              onClick={() => {
                if (!comments.trim()) {
                  setCommentsError('请填写退回意见');
                  return;
                }
                ret.mutate();
              }}
            >
              退回修改
            </Button>
          </Space>
        </div>
      )}
    </Panel>
  );
}
