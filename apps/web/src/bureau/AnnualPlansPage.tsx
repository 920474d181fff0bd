import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
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
  List,
  Popconfirm,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
} from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, authFetch, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { applyFieldErrors } from '../components/forms';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { thisYear, toFen, when, yuan } from '../lib/format';
import {
  ENTRY_CHANNEL,
  PAYER_LABEL,
  POSITION_TIER,
  TRAINING_TYPE_LABEL,
  label,
  options,
} from '../lib/labels';

type Annual = Schemas['AnnualPlanDto'];

const ANNUAL_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: '草稿', color: 'default' },
  published: { label: '已发布', color: 'green' },
};

/** The annual city plan (年度培训计划, Art. 11): drafted here, based on the needs survey, then published to the districts. */
export function AnnualPlansPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ year: number; title: string }>();
  const plans = useQuery({
    queryKey: ['annual-plans'],
    queryFn: async () => unwrap(await api.GET('/api/v1/annual-plans')),
  });
  const items = plans.data ?? [];
  const selected = params.get('id') ?? items[0]?.id ?? null;
  const create = useMutation({
    mutationFn: async (v: { year: number; title: string }) =>
      unwrap(await api.POST('/api/v1/annual-plans', { body: { ...v, title: v.title.trim() } })),
    onSuccess: async (p) => {
      message.success('年度计划已创建');
      form.resetFields();
      queryClient.setQueryData(['annual-plans', p.id], p);
      await queryClient.invalidateQueries({ queryKey: ['annual-plans'], exact: true });
      setParams({ id: p.id });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, ['year', 'title']).length && err instanceof ApiError) {
        if (!err.fields.length) {
          // a plan for that year exists: the API names the year in its message
          const m = /^(\w+):\s*(.*)$/.exec(err.message);
          if (m && (m[1] === 'year' || m[1] === 'title')) {
            form.setFields([{ name: m[1], errors: [m[2]] }]);
            return;
          }
        }
      }
      if (!(err instanceof ApiError) || !err.fields.length) message.error(errorMessage(err));
    },
  });
  return (
    <>
      <PageHead title="年度培训计划" />
      {plans.error && <QueryError error={plans.error} retry={() => void plans.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Panel title="新建年度计划">
            <Form
              form={form}
              layout="vertical"
              initialValues={{ year: thisYear() + 1 }}
              onFinish={(v) => create.mutate(v)}
            >
              <Form.Item
                name="year"
                label="年度"
                rules={[{ required: true, message: '请填写年度' }]}
              >
                <InputNumber aria-label="年度" min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="title"
                label="标题"
                rules={[{ required: true, min: 2, message: '请填写标题（至少 2 个字）' }]}
              >
                <Input
                  aria-label="标题"
                  maxLength={100}
                  placeholder="如：2027 年度社区工作者培训计划"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<PlusOutlined />}
                loading={create.isPending}
              >
                创建
              </Button>
            </Form>
          </Panel>
          <Panel title="各年度计划">
            <List
              loading={plans.isLoading}
              dataSource={items}
              locale={{
                emptyText: <EmptyState title="还没有年度计划：在上方填写年度和标题创建。" />,
              }}
              renderItem={(p) => (
                <List.Item className={p.id === selected ? 'selected-item' : undefined}>
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
                    description={
                      <>
                        {p.year} 年 · {p.projects.length} 个项目 ·{' '}
                        <StatusTag map={ANNUAL_STATUS} value={p.status} />
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Panel>
        </Col>
        <Col xs={24} lg={16}>
          {selected ? <AnnualPlanDetail key={selected} id={selected} /> : null}
        </Col>
      </Row>
    </>
  );
}

interface ProjectValues {
  type: Schemas['PlanProjectInputDto']['type'];
  title: string;
  targetTiers?: string[];
  targetChannels?: string[];
  plannedPlaces: number;
  budgetYuan: number;
}

function AnnualPlanDetail({ id }: { id: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [projectForm] = Form.useForm<ProjectValues>();
  const [publishError, setPublishError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const plan = useQuery({
    queryKey: ['annual-plans', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/annual-plans/{id}', { params: { path: { id } } })),
  });
  const updated = async (p: Annual, text: string) => {
    message.success(text);
    queryClient.setQueryData(['annual-plans', id], p);
    await queryClient.invalidateQueries({ queryKey: ['annual-plans'], exact: true });
  };
  const addProject = useMutation({
    mutationFn: async (v: ProjectValues) =>
      unwrap(
        await api.POST('/api/v1/annual-plans/{id}/projects', {
          params: { path: { id } },
          body: {
            type: v.type,
            title: v.title.trim(),
            targetTiers: v.targetTiers ?? [],
            targetChannels: v.targetChannels ?? [],
            plannedPlaces: v.plannedPlaces,
            budgetFen: toFen(v.budgetYuan),
          },
        }),
      ),
    onSuccess: async (p) => {
      projectForm.resetFields();
      setPublishError(null);
      await updated(p, '已添加项目');
    },
    onError: (err) => {
      const rest = applyFieldErrors(projectForm, err, [
        'type',
        'title',
        'targetTiers',
        'targetChannels',
        'plannedPlaces',
        'budgetFen',
      ]);
      const budget = rest.find((r) => r.field === 'budgetFen');
      if (budget) projectForm.setFields([{ name: 'budgetYuan', errors: budget.messages }]);
      if (!(err instanceof ApiError) || !err.fields.length) message.error(errorMessage(err));
    },
  });
  const removeProject = useMutation({
    mutationFn: async (projectId: string) =>
      unwrap(
        await api.DELETE('/api/v1/annual-plans/{id}/projects/{projectId}', {
          params: { path: { id, projectId } },
        }),
      ),
    onSuccess: (p) => updated(p, '已移除项目'),
    onError: (err) => message.error(errorMessage(err)),
  });
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const body = new FormData();
      body.append('file', file);
      const res = await authFetch(
        new Request(`/api/v1/annual-plans/${id}/survey-report`, { method: 'PUT', body }),
      );
      const json = (await res.json().catch(() => null)) as unknown;
      if (!res.ok) throw ApiError.from(res.status, json);
      return json as Annual;
    },
    onMutate: () => setFileError(null),
    onSuccess: (p) => updated(p, '已上传需求调查报告'),
    // the API's message names the field and says what it takes (in Chinese)
    onError: (err) => setFileError(errorMessage(err)),
    onSettled: () => {
      if (fileInput.current) fileInput.current.value = '';
    },
  });
  const publish = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/annual-plans/{id}/publish', { params: { path: { id } } })),
    onMutate: () => setPublishError(null),
    onSuccess: (p) => updated(p, '年度计划已发布，各区可据此编制项目计划书'),
    onError: (err) => {
      const f =
        err instanceof ApiError ? err.fields.find((x) => x.field === 'projects') : undefined;
      setPublishError(f ? `${errorMessage(err)}：请先添加项目` : errorMessage(err));
    },
  });

  if (plan.error) return <QueryError error={plan.error} retry={() => void plan.refetch()} />;
  if (!plan.data) return <Skeleton active />;
  const p = plan.data;
  const draft = p.status === 'draft';
  return (
    <Panel
      title={p.title}
      extra={
        <Space>
          <StatusTag map={ANNUAL_STATUS} value={p.status} />
          {draft && (
            <Popconfirm
              title="发布后不能再修改，各区将按此编制计划书。确定发布？"
              okText="发布"
              cancelText="取消"
              onConfirm={() => publish.mutate()}
            >
              <Button type="primary" loading={publish.isPending}>
                发布
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {publishError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={publishError}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="年度">{p.year}</Descriptions.Item>
        <Descriptions.Item label="发布时间">{when(p.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="预算合计">
          {Object.keys(p.budgetByFunding).length
            ? Object.entries(p.budgetByFunding)
                .map(([k, v]) => `${label(PAYER_LABEL, k)} ${yuan(Number(v))}`)
                .join('；')
            : '—'}
        </Descriptions.Item>
      </Descriptions>

      <h3 className="card-h2" style={{ marginTop: 12 }}>
        培训项目
      </h3>
      <Table<Schemas['PlanProjectDto']>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.projects}
        scroll={{ x: 720 }}
        locale={{
          emptyText: (
            <EmptyState
              title={
                draft ? '还没有项目：在下方添加本年度的培训项目，再发布。' : '该计划没有项目。'
              }
            />
          ),
        }}
        columns={[
          { title: '项目', dataIndex: 'title' },
          {
            title: '类型',
            dataIndex: 'type',
            render: (v: string) => label(TRAINING_TYPE_LABEL, v),
          },
          {
            title: '对象',
            key: 'target',
            render: (_: unknown, x) =>
              [
                ...x.targetTiers.map((t) => label(POSITION_TIER, t)),
                ...x.targetChannels.map((c) => label(ENTRY_CHANNEL, c)),
              ].join('、') || '全部',
          },
          { title: '名额', dataIndex: 'plannedPlaces' },
          { title: '预算', dataIndex: 'budgetFen', render: (f: number) => yuan(f) },
          {
            title: '最低学时',
            dataIndex: 'minimumHours',
            render: (h: number | null) => (h === null ? '—' : `${h} 学时`),
          },
          ...(draft
            ? [
                {
                  title: '操作',
                  key: 'remove',
                  render: (_: unknown, x: Schemas['PlanProjectDto']) => (
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`移除项目 ${x.title}`}
                      loading={removeProject.isPending && removeProject.variables === x.id}
                      onClick={() => removeProject.mutate(x.id)}
                    >
                      移除
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />

      {draft && (
        <Form<ProjectValues>
          form={projectForm}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ type: 'post' }}
          onFinish={(v) => addProject.mutate(v)}
        >
          <h3 className="card-h2">添加项目</h3>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="type" label="培训类型" rules={[{ required: true }]}>
                <Select
                  aria-label="培训类型"
                  options={['induction', 'post', 'advanced', 'continuing', 'elective'].map((t) => ({
                    value: t,
                    label: label(TRAINING_TYPE_LABEL, t),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label="项目名称"
                rules={[{ required: true, min: 2, message: '请填写项目名称（至少 2 个字）' }]}
              >
                <Input aria-label="项目名称" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="targetTiers" label="面向岗位层级（不选为全部）">
                <Select
                  mode="multiple"
                  aria-label="面向岗位层级"
                  options={options(POSITION_TIER)}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="targetChannels" label="面向进入方式（不选为全部）">
                <Select
                  mode="multiple"
                  aria-label="面向进入方式"
                  options={options(ENTRY_CHANNEL)}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="plannedPlaces"
                label="计划名额"
                rules={[{ required: true, message: '请填写名额' }]}
              >
                <InputNumber aria-label="计划名额" min={1} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="budgetYuan"
                label="预算（元）"
                rules={[{ required: true, message: '请填写预算' }]}
              >
                <InputNumber
                  aria-label="预算（元）"
                  min={0}
                  step={1000}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label=" ">
                <Button htmlType="submit" icon={<PlusOutlined />} loading={addProject.isPending}>
                  添加项目
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}

      <h3 className="card-h2" style={{ marginTop: 16 }}>
        需求调查依据（第十一条）
      </h3>
      <SurveyBasis id={id} draft={draft} />
      <div style={{ marginTop: 12 }}>
        <span>调查报告文件：</span>
        {p.surveyReportName ? (
          <Button
            type="link"
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(
                `/api/v1/annual-plans/${id}/survey-report`,
                p.surveyReportName!,
              ).catch((err: unknown) => message.error(errorMessage(err)))
            }
          >
            {p.surveyReportName}
          </Button>
        ) : (
          <span>未上传</span>
        )}
        {draft && (
          <label className="field" style={{ marginTop: 8, maxWidth: 420 }}>
            <span>
              <UploadOutlined /> 上传需求调查报告（PDF、Word 或 Excel）
            </span>
            <input
              ref={fileInput}
              type="file"
              aria-label="需求调查报告文件"
              accept=".pdf,.doc,.docx,.xls,.xlsx"
              disabled={upload.isPending}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) upload.mutate(f);
              }}
            />
            {fileError && (
              <span className="field-error" role="alert">
                {fileError}
              </span>
            )}
          </label>
        )}
      </div>
    </Panel>
  );
}

/** The survey report version the plan is based on: shown, and (while a draft) chosen from the campaigns' reports. */
function SurveyBasis({ id, draft }: { id: string; draft: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [reportId, setReportId] = useState<string | undefined>();
  const basis = useQuery({
    queryKey: ['annual-plans', id, 'basis'],
    queryFn: async () => {
      const r = await api.GET('/api/v1/annual-plans/{id}/survey-basis', {
        params: { path: { id } },
      });
      if (r.response.status === 404) return null;
      return unwrap(r);
    },
  });
  const campaigns = useQuery({
    queryKey: ['survey-campaigns'],
    queryFn: async () => unwrap(await api.GET('/api/v1/survey-campaigns')),
    enabled: draft,
  });
  const reports = useQuery({
    queryKey: ['survey-campaigns', campaignId, 'reports'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/survey-campaigns/{id}/reports', {
          params: { path: { id: campaignId! } },
        }),
      ),
    enabled: !!campaignId,
  });
  const link = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/annual-plans/{id}/survey-basis', {
          params: { path: { id } },
          body: { reportId: reportId! },
        }),
      ),
    onSuccess: (b) => {
      message.success('已关联需求调查报告');
      queryClient.setQueryData(['annual-plans', id, 'basis'], b);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const b = basis.data;
  // the API documents `demand` as an object: its rows are the report's DemandRow
  const demand: unknown = b?.demand;
  const top = (demand as { types?: { label: string; count: number }[] } | undefined)?.types?.slice(
    0,
    3,
  );
  return (
    <>
      {basis.error && <QueryError error={basis.error} retry={() => void basis.refetch()} />}
      <p>
        {b
          ? `依据：${b.campaignTitle} 第 ${b.report.number} 版报告（${when(b.linkedAt)} 关联）${
              top?.length
                ? `；需求最多：${top.map((t) => `${t.label} ${t.count} 人`).join('、')}`
                : ''
            }`
          : basis.isLoading
            ? '读取中…'
            : '尚未关联需求调查报告。'}
      </p>
      {draft && (
        <Space wrap>
          <Select
            aria-label="需求调查"
            placeholder={campaigns.data?.length === 0 ? '还没有需求调查' : '选择需求调查'}
            style={{ width: 240 }}
            loading={campaigns.isLoading}
            value={campaignId}
            onChange={(v: string) => {
              setCampaignId(v);
              setReportId(undefined);
            }}
            options={(campaigns.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.year} ${c.title}`,
            }))}
          />
          <Select
            aria-label="报告版本"
            placeholder="选择报告版本"
            style={{ width: 200 }}
            disabled={!campaignId}
            loading={reports.isLoading && !!campaignId}
            value={reportId}
            onChange={(v: string) => setReportId(v)}
            options={(reports.data ?? []).map((r) => ({
              value: r.id,
              label: `第 ${r.number} 版（${r.kind === 'final' ? '最终' : '中期'}）`,
              disabled: r.status === 'pending' || r.status === 'failed',
            }))}
          />
          <Button disabled={!reportId} loading={link.isPending} onClick={() => link.mutate()}>
            关联为依据
          </Button>
        </Space>
      )}
    </>
  );
}
