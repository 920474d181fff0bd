import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Skeleton,
  Space,
  Table,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { applyFieldErrors } from '../components/forms';
import { progressPercent, useJob } from '../components/jobs';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { percent, thisYear, when } from '../lib/format';
import { CAMPAIGN_STATUS } from '../lib/labels';
import { SurveyReports } from './SurveyReport';

type Campaign = Schemas['CampaignDto'];
const SCOPE: Record<string, string> = { city: '全市', district: '本区', street: '本街道' };

/** datetime-local ("2026-12-03T09:00", the browser's clock) → ISO 8601 with its offset (Z). */
const instant = (local: string): string => new Date(local).toISOString();
/** A Date → the value of a datetime-local input, on the browser's clock. */
const localInput = (d: Date): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * 需求调研 (Art. 11): the needs-survey campaigns; a new one drafted from a questionnaire,
 * launched (its invitations distributed by a job, with progress), closed; response rates by
 * district and street; and its reports with charts and their Excel/PDF files. District and
 * street offices see the same read-only (`/d/surveys`): their own response rates and the reports.
 */
export function SurveysPage({ readOnly = false }: { readOnly?: boolean }) {
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const campaigns = useQuery({
    queryKey: ['survey-campaigns'],
    queryFn: async () => unwrap(await api.GET('/api/v1/survey-campaigns')),
  });
  const selected = params.get('id');
  return (
    <>
      <PageHead
        title="需求调研"
        extra={
          !readOnly && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建调查
            </Button>
          )
        }
      />
      {campaigns.error && (
        <QueryError error={campaigns.error} retry={() => void campaigns.refetch()} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Panel title="调查">
            <Table<Campaign>
              rowKey="id"
              size="small"
              loading={campaigns.isLoading}
              dataSource={campaigns.data ?? []}
              pagination={(campaigns.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
              rowClassName={(c) => (c.id === selected ? 'selected-item' : '')}
              locale={{
                emptyText: readOnly ? (
                  <EmptyState title="市民政局发布需求调查后，这里显示本辖区的回收情况与报告" />
                ) : (
                  <EmptyState
                    title="还没有需求调查：点“新建调查”，选一份问卷起草"
                    action={
                      <Button size="small" onClick={() => setCreating(true)}>
                        新建调查
                      </Button>
                    }
                  />
                ),
              }}
              columns={[
                {
                  title: '调查',
                  dataIndex: 'title',
                  render: (t: string, c) => (
                    <a
                      href={`?id=${c.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        setParams({ id: c.id });
                      }}
                      aria-current={c.id === selected ? 'true' : undefined}
                    >
                      {t}
                    </a>
                  ),
                },
                { title: '年度', dataIndex: 'year', width: 64 },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 90,
                  render: (s: string) => <StatusTag map={CAMPAIGN_STATUS} value={s} />,
                },
              ]}
            />
          </Panel>
        </Col>
        <Col xs={24} xl={15}>
          {selected ? (
            <CampaignDetail key={selected} id={selected} readOnly={readOnly} />
          ) : (
            <Panel>
              <EmptyState title="从左侧选择一个调查，查看回收情况与报告" />
            </Panel>
          )}
        </Col>
      </Row>
      {creating && (
        <CreateCampaign
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            setParams({ id: c.id });
          }}
        />
      )}
    </>
  );
}

interface CreateValues {
  title: string;
  year: number;
  questionnaireId: string;
  opensAt: string;
  closesAt: string;
  minGroupSize: number;
  description?: string;
}
const FIELDS = [
  'title',
  'year',
  'questionnaireId',
  'opensAt',
  'closesAt',
  'minGroupSize',
  'description',
];

function CreateCampaign({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (c: Campaign) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const questionnaires = useQuery({
    queryKey: ['survey-questionnaires'],
    queryFn: async () => unwrap(await api.GET('/api/v1/survey-questionnaires')),
  });
  const current = (questionnaires.data ?? []).filter((q) => q.current);
  const fromTemplate = useMutation({
    mutationFn: async () => {
      const tpl = unwrap(await api.GET('/api/v1/survey-questionnaires/template'));
      return unwrap(await api.POST('/api/v1/survey-questionnaires', { body: tpl }));
    },
    onSuccess: async (q) => {
      message.success(`已按标准问卷新建“${q.title}”`);
      await queryClient.invalidateQueries({ queryKey: ['survey-questionnaires'] });
      form.setFieldValue('questionnaireId', q.id);
    },
    onError: (err) => setFormError(errorMessage(err)),
  });
  const create = useMutation({
    mutationFn: async (v: CreateValues) =>
      unwrap(
        await api.POST('/api/v1/survey-campaigns', {
          body: {
            title: v.title.trim(),
            year: v.year,
            questionnaireId: v.questionnaireId,
            opensAt: instant(v.opensAt),
            closesAt: instant(v.closesAt),
            minGroupSize: v.minGroupSize,
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (c) => {
      message.success('调查已起草');
      await queryClient.invalidateQueries({ queryKey: ['survey-campaigns'] });
      onCreated(c);
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, FIELDS);
      const placed = err instanceof ApiError ? err.fields.length - rest.length : 0;
      setFormError(
        rest.length
          ? rest.map((p) => `${p.field}：${p.messages.join('；')}`).join('；')
          : placed
            ? null
            : errorMessage(err),
      );
    },
  });
  const now = new Date();
  return (
    <Modal
      open
      title="新建需求调查"
      okText="起草"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      {formError && (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
      )}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{
          questionnaireId: '',
          year: thisYear(now),
          title: `${thisYear(now)} 年度社区工作者培训需求调查`,
          opensAt: localInput(now),
          closesAt: localInput(new Date(now.getTime() + 14 * 86_400_000)),
          minGroupSize: 5,
        }}
        onFinish={(v) => {
          setFormError(null);
          create.mutate(v);
        }}
      >
        <Form.Item
          name="questionnaireId"
          label="问卷"
          rules={[{ required: true, message: '请选择问卷' }]}
          extra={
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              loading={fromTemplate.isPending}
              onClick={() => fromTemplate.mutate()}
            >
              按标准问卷新建一份
            </Button>
          }
        >
          <select className="native-select" aria-label="问卷">
            <option value="">
              {questionnaires.isLoading
                ? '加载中…'
                : current.length
                  ? '请选择'
                  : '还没有问卷：按标准问卷新建一份'}
            </option>
            {current.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}（第 {q.version} 版）
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item
          name="title"
          label="调查名称"
          rules={[{ required: true, min: 2, message: '请填写调查名称' }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="year"
            label="调查年度"
            rules={[{ required: true, message: '请填写年度' }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="opensAt"
            label="开始时间"
            rules={[{ required: true, message: '请选择开始时间' }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="closesAt"
            label="截止时间"
            rules={[{ required: true, message: '请选择截止时间' }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item
            name="minGroupSize"
            label="匿名阈值（人）"
            tooltip="少于此人数的分组在报告中不单列"
            rules={[{ required: true, message: '请填写匿名阈值' }]}
          >
            <InputNumber min={3} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="致答卷人的说明（选填）">
          <Input.TextArea rows={2} />
        </Form.Item>
        <p className="muted">调查对象：全市各区在职社区工作者。</p>
      </Form>
    </Modal>
  );
}

function CampaignDetail({ id, readOnly }: { id: string; readOnly: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [distribution, setDistribution] = useState<{ queue: string; jobId: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const campaign = useQuery({
    queryKey: ['survey-campaigns', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/survey-campaigns/{id}', { params: { path: { id } } })),
  });
  const started = campaign.data && campaign.data.status !== 'draft';
  const rates = useQuery({
    queryKey: ['survey-campaigns', id, 'rates'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/survey-campaigns/{id}/response-rates', {
          params: { path: { id } },
        }),
      ),
    enabled: !!started,
  });
  const job = useJob(distribution);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['survey-campaigns'] });
  const launch = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/survey-campaigns/{id}/launch', { params: { path: { id } } })),
    onSuccess: async (r) => {
      message.success('调查已发布，正在分发邀请');
      setDistribution(r.distribution);
      await refresh();
    },
    onError: (err) => setActionError(errorMessage(err)),
  });
  const close = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/survey-campaigns/{id}/close', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success('调查已截止，正在生成最终报告');
      await refresh();
    },
    onError: (err) => setActionError(errorMessage(err)),
  });
  const jobDone = job.data && ['completed', 'failed'].includes(job.data.state);
  if (campaign.error)
    return <QueryError error={campaign.error} retry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Skeleton active />;
  const c = campaign.data;
  const pct = job.data ? progressPercent(job.data.progress) : null;
  // the distribution reports how many it has invited so far ({ scanned, added }), without a total
  const progress: { added?: unknown } = job.data?.progress ?? {};
  const added = typeof progress.added === 'number' ? progress.added : undefined;
  return (
    <div className="stack">
      <Panel title={c.title} extra={<StatusTag map={CAMPAIGN_STATUS} value={c.status} />}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="问卷">
            {c.questionnaire.title}（第 {c.questionnaire.version} 版）
          </Descriptions.Item>
          <Descriptions.Item label="调查对象">{c.population.text}</Descriptions.Item>
          <Descriptions.Item label="开始">{when(c.opensAt)}</Descriptions.Item>
          <Descriptions.Item label="截止">{when(c.closesAt)}</Descriptions.Item>
          <Descriptions.Item label="已邀请">{c.invitedCount} 人</Descriptions.Item>
          <Descriptions.Item label="匿名阈值">{c.minGroupSize} 人</Descriptions.Item>
        </Descriptions>
        {actionError && (
          <Alert type="error" showIcon role="alert" title={actionError} style={{ marginTop: 8 }} />
        )}
        {distribution && (
          <div role="status" aria-label="邀请分发进度" style={{ marginTop: 8 }}>
            {job.data?.state === 'failed' ? (
              <Alert type="error" showIcon title={`分发失败：${job.data.failedReason ?? ''}`} />
            ) : jobDone ? (
              <span>邀请分发完成</span>
            ) : (
              <>
                <span>正在分发邀请…{added !== undefined ? `已邀请 ${added} 人` : ''}</span>
                <Progress percent={pct ?? 0} status="active" showInfo={pct !== null} />
              </>
            )}
          </div>
        )}
        <Space style={{ marginTop: 12 }} wrap>
          {!readOnly && c.status === 'draft' && (
            <Button
              type="primary"
              loading={launch.isPending}
              onClick={() => {
                setActionError(null);
                launch.mutate();
              }}
            >
              发布调查
            </Button>
          )}
          {!readOnly && (c.status === 'open' || c.status === 'scheduled') && (
            <Button
              danger
              loading={close.isPending}
              onClick={() => {
                setActionError(null);
                close.mutate();
              }}
            >
              截止调查
            </Button>
          )}
        </Space>
      </Panel>
      {started && (
        <Panel title="回收情况">
          {rates.error && <QueryError error={rates.error} retry={() => void rates.refetch()} />}
          {rates.data && (
            <>
              <p>
                {SCOPE[rates.data.scope] ?? '合计'}：邀请 {rates.data.invited} 人，已提交{' '}
                {rates.data.submitted} 人，回收率 {percent(rates.data.rate)}
              </p>
              <Table<Schemas['DistrictRateDto']>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={rates.data.districts}
                expandable={{
                  rowExpandable: (d) => d.streets.length > 0,
                  expandedRowRender: (d) => (
                    <Table<Schemas['RateRowDto']>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      dataSource={d.streets}
                      columns={rateColumns('街道')}
                    />
                  ),
                }}
                locale={{ emptyText: <EmptyState title="邀请分发后，这里显示各区的回收情况" /> }}
                columns={rateColumns('区')}
              />
            </>
          )}
        </Panel>
      )}
      {started && <SurveyReports campaign={c} readOnly={readOnly} />}
    </div>
  );
}

const rateColumns = (unit: string) => [
  { title: unit, dataIndex: 'name' },
  { title: '邀请', dataIndex: 'invited', width: 70 },
  { title: '已提交', dataIndex: 'submitted', width: 70 },
  { title: '草稿', dataIndex: 'drafts', width: 60 },
  {
    title: '回收率',
    dataIndex: 'rate',
    width: 180,
    render: (r: number) => (
      <Progress
        percent={Math.round(r * 1000) / 10}
        size="small"
        aria-label={`回收率 ${percent(r)}`}
      />
    ),
  },
];
