import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  type FormInstance,
} from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage, namePath, type FieldProblem } from '../api/errors';
import { downloadFile } from '../components/files';
import { PlanChecks } from '../components/PlanChecks';
import { PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { hoursVerdict, toFen, totalHours } from '../lib/format';
import { METHOD_LABEL, PAYER_LABEL, PLAN_STATUS, TRAINING_TYPE_LABEL, label } from '../lib/labels';

type Plan = Schemas['ProjectPlanDto'];
type Input = Schemas['ProjectPlanInputDto'];

interface SessionRow {
  date?: string;
  startTime?: string;
  hours?: number | null;
  topic?: string;
  teacherId?: string;
}
interface CostRow {
  item?: string;
  amountYuan?: number | null;
  payer?: Input['costItems'][number]['payer'];
}
interface Values {
  planProjectId?: string;
  institutionId?: string;
  title?: string;
  places?: number | null;
  startDate?: string;
  endDate?: string;
  place?: string;
  methods?: Input['methods'];
  teacherIds?: string[];
  materials?: string;
  sessions?: SessionRow[];
  costItems?: CostRow[];
}

/** The fields of the form, as the API names them (`sessions[2].date` goes to row 3's date). */
const FIELDS = [
  'planProjectId',
  'institutionId',
  'title',
  'places',
  'startDate',
  'endDate',
  'place',
  'methods',
  'teacherIds',
  'materials',
  'sessions',
  'costItems',
];

const toValues = (p: Plan): Values => ({
  planProjectId: p.planProjectId,
  institutionId: p.institutionId,
  title: p.title,
  places: p.places,
  startDate: p.startDate,
  endDate: p.endDate,
  place: p.place,
  methods: p.methods as Input['methods'],
  teacherIds: p.teacherIds,
  materials: p.materials ?? '',
  sessions: p.sessions.map((s) => ({ ...s })),
  costItems: p.costItems.map((c) => ({
    item: c.item,
    amountYuan: c.amountFen / 100,
    payer: c.payer,
  })),
});

const toBody = (v: Values): Input => ({
  planProjectId: v.planProjectId ?? '',
  institutionId: v.institutionId ?? '',
  title: (v.title ?? '').trim(),
  places: v.places ?? 0,
  startDate: v.startDate ?? '',
  endDate: v.endDate ?? '',
  place: (v.place ?? '').trim(),
  methods: v.methods ?? [],
  teacherIds: v.teacherIds ?? [],
  materials: v.materials?.trim() ? v.materials.trim() : undefined,
  sessions: (v.sessions ?? []).map((s) => ({
    date: s.date ?? '',
    startTime: s.startTime ?? '',
    hours: s.hours ?? 0,
    topic: (s.topic ?? '').trim(),
    teacherId: s.teacherId || undefined,
  })),
  costItems: (v.costItems ?? []).map((c) => ({
    item: (c.item ?? '').trim(),
    amountFen: toFen(c.amountYuan ?? 0),
    payer: c.payer ?? 'district',
  })),
});

/**
 * Where an API problem goes on the form: a session or cost row's own field,
 * the teacher list for `teacherIds[i]`; `sessions` as a whole is shown above
 * the session rows; the rest (a version conflict …) above the form.
 */
function placeProblems(
  form: FormInstance,
  problems: FieldProblem[],
): { placed: (string | number)[][]; sessions: string[]; rest: FieldProblem[] } {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const sessions: string[] = [];
  const rest: FieldProblem[] = [];
  for (const p of problems) {
    let path = namePath(p.field);
    const root = String(path[0]);
    if (!FIELDS.includes(root)) {
      rest.push(p);
      continue;
    }
    if (root === 'sessions' && path.length === 1) {
      sessions.push(...p.messages);
      continue;
    }
    if (root === 'teacherIds') path = ['teacherIds'];
    else if (root === 'sessions' && path.length === 2) path = [...path, 'date'];
    else if (root === 'costItems' && path.length === 2) path = [...path, 'payer'];
    else if (root === 'costItems' && path[2] === 'amountFen')
      path = [...path.slice(0, 2), 'amountYuan'];
    const key = JSON.stringify(path);
    const entry = byPath.get(key) ?? { name: path, errors: [] };
    entry.errors.push(...p.messages);
    byPath.set(key, entry);
  }
  const placed = [...byPath.values()];
  form.setFields(placed);
  return { placed: placed.map((x) => x.name), sessions, rest };
}

/** The district's project plan (培训项目计划书): new, or a draft/returned one to edit; submitted and approved ones read-only. */
export function PlanEditorPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  // the editor that created a plan stays as it is (with the API's refusals on their rows)
  // when the address moves on to the new plan's own
  const created = useRef<string | null>(null);
  const plan = useQuery({
    queryKey: ['plans', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/project-plans/{id}', { params: { path: { id } } })),
    enabled: !isNew,
  });
  if (!isNew && plan.error)
    return <QueryError error={plan.error} retry={() => void plan.refetch()} />;
  if (!isNew && !plan.data) return <Skeleton active />;
  return (
    <PlanEditor
      key={isNew || created.current === id ? 'new' : id}
      plan={isNew ? null : (plan.data ?? null)}
      onCreated={(newId) => {
        created.current = newId;
      }}
    />
  );
}

function PlanEditor({ plan, onCreated }: { plan: Plan | null; onCreated: (id: string) => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [sessionsErrors, setSessionsErrors] = useState<string[]>([]);
  const [formError, setFormError] = useState<{ message: string; rest: FieldProblem[] } | null>(
    null,
  );
  const placedRef = useRef<(string | number)[][]>([]);
  const editable = !plan || plan.status === 'draft' || plan.status === 'returned';

  const annual = useQuery({
    queryKey: ['annual-plans'],
    queryFn: async () => unwrap(await api.GET('/api/v1/annual-plans')),
  });
  const institutions = useQuery({
    queryKey: ['institutions', 'filed'],
    queryFn: async () => unwrap(await api.GET('/api/v1/institutions/filed')),
  });
  const institutionId = Form.useWatch('institutionId', form);
  const teachers = useQuery({
    queryKey: ['teachers', institutionId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/teachers', { params: { query: { institutionId } } })),
    enabled: !!institutionId,
  });
  const projectId = Form.useWatch('planProjectId', form);
  const sessions = Form.useWatch('sessions', form);
  const chosenTeachers = Form.useWatch('teacherIds', form);

  const published = (annual.data ?? []).filter((a) => a.status === 'published');
  const project = published.flatMap((a) => a.projects).find((p) => p.id === projectId);
  const projectYear = published.find((a) => a.projects.some((p) => p.id === projectId))?.year;
  const total = totalHours(sessions ?? []);
  const minimum = project?.minimumHours;
  const verdict = hoursVerdict(total, minimum);
  const teacherName = new Map((teachers.data ?? []).map((t) => [t.id, t.name]));

  const clearServerErrors = () => {
    (form as FormInstance).setFields(placedRef.current.map((name) => ({ name, errors: [] })));
    placedRef.current = [];
    setSessionsErrors([]);
    setFormError(null);
  };
  const showError = (err: unknown) => {
    const fields = err instanceof ApiError ? err.fields : [];
    const { placed, sessions: s, rest } = placeProblems(form, fields);
    placedRef.current = placed;
    setSessionsErrors(s);
    setFormError({
      message:
        fields.length > 0
          ? `${err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? '有内容不符合要求' : '计划书不符合政策，不能提交'}：共 ${fields.length} 处问题，已在对应位置标出。`
          : errorMessage(err),
      rest,
    });
  };

  // what this editor last saved: a new plan is created once, whatever is clicked before the page moves on
  const savedRef = useRef<Plan | null>(null);
  const persist = async (values: Values): Promise<Plan> => {
    const body = toBody(values);
    const base = [plan, savedRef.current]
      .filter((x): x is Plan => !!x)
      .sort((a, b) => b.version - a.version)[0];
    const saved = base
      ? unwrap(
          await api.PATCH('/api/v1/project-plans/{id}', {
            params: { path: { id: base.id } },
            body: { ...body, version: base.version },
          }),
        )
      : unwrap(await api.POST('/api/v1/project-plans', { body }));
    savedRef.current = saved;
    queryClient.setQueryData(['plans', saved.id], saved);
    return saved;
  };
  const afterSave = async (saved: Plan) => {
    await queryClient.invalidateQueries({ queryKey: ['plans', 'mine'] });
    await queryClient.invalidateQueries({ queryKey: ['plans', saved.id, 'checks'] });
    if (!plan) {
      onCreated(saved.id);
      void navigate(`/d/plans/${saved.id}`, { replace: true });
    }
  };
  const save = useMutation({
    mutationFn: persist,
    onMutate: clearServerErrors,
    onSuccess: async (saved) => {
      message.success('草稿已保存');
      await afterSave(saved);
    },
    onError: showError,
  });
  const submit = useMutation({
    mutationFn: async (values: Values) => {
      const saved = await persist(values);
      try {
        return unwrap(
          await api.POST('/api/v1/project-plans/{id}/submit', {
            params: { path: { id: saved.id } },
          }),
        );
      } catch (err) {
        await afterSave(saved);
        throw err;
      }
    },
    onMutate: clearServerErrors,
    onSuccess: async (submitted) => {
      message.success('已提交市民政局审批');
      queryClient.setQueryData(['plans', submitted.id], submitted);
      await afterSave(submitted);
    },
    onError: showError,
  });
  const pdf = useMutation({
    // a plan approved a moment ago may still be rendering (the worker's job): the button keeps
    // spinning and asks again until the file is there, for up to a minute
    mutationFn: async () => {
      const until = Date.now() + 60_000;
      for (;;) {
        try {
          return await downloadFile(`/api/v1/project-plans/${plan!.id}/pdf`, '培训项目计划书.pdf');
        } catch (err) {
          if (!(err instanceof ApiError && err.code === 'PDF_NOT_READY') || Date.now() > until)
            throw err;
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    },
    onError: (err) =>
      message.error(
        err instanceof ApiError && err.code === 'PDF_NOT_READY'
          ? '计划书 PDF 仍在生成，请稍后再下载'
          : errorMessage(err),
      ),
  });

  const busy = save.isPending || submit.isPending;
  const title = plan ? plan.title : '新建项目计划书';

  return (
    <>
      <PageHead
        title={
          <>
            {title} {plan && <StatusTag map={PLAN_STATUS} value={plan.status} />}
          </>
        }
        extra={<Link to="/d/plans">返回计划书列表</Link>}
      />
      {annual.error && <QueryError error={annual.error} retry={() => void annual.refetch()} />}
      {plan?.status === 'returned' && plan.comments && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`市民政局退回意见：${plan.comments}`}
          description="按意见修改后保存，再次提交审批。"
        />
      )}
      {plan?.status === 'submitted' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="已提交，等待市民政局审批；审批前不能修改。"
        />
      )}
      {plan?.status === 'approved' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已批准备案：${plan.filingNumber ?? ''}。已备案的计划书只读。`}
          action={
            <Button
              icon={<DownloadOutlined />}
              loading={pdf.isPending}
              onClick={() => pdf.mutate()}
            >
              下载 PDF
            </Button>
          }
        />
      )}
      {plan?.status === 'superseded' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="该计划书已被修订后的版本取代，只读。"
        />
      )}
      {!plan && !annual.isLoading && published.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="市民政局尚未发布年度培训计划：发布后才能按其中的项目编制计划书。"
        />
      )}
      {formError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={formError.message}
          description={
            formError.rest.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {formError.rest.map((p, i) => (
                  <li key={i}>
                    {p.field}：{p.messages.join('；')}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={
          plan
            ? toValues(plan)
            : {
                methods: ['lecture'],
                sessions: [{ startTime: '09:00' }],
                costItems: [],
                teacherIds: [],
              }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Panel title="基本信息">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="planProjectId"
                label="市计划项目"
                rules={[{ required: true, message: '请选择年度计划中的项目' }]}
              >
                <Select
                  aria-label="市计划项目"
                  placeholder="选择已发布年度计划中的项目"
                  loading={annual.isLoading}
                  options={published.map((a) => ({
                    label: a.title,
                    options: a.projects
                      .filter((p) => p.type !== 'advanced')
                      .map((p) => ({
                        value: p.id,
                        label: `${p.title}（${label(TRAINING_TYPE_LABEL, p.type)}${p.minimumHours !== null ? `，最低 ${p.minimumHours} 学时` : ''}）`,
                      })),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="institutionId"
                label="受委托培训机构"
                rules={[{ required: true, message: '请选择已备案的培训机构' }]}
              >
                <Select
                  aria-label="受委托培训机构"
                  placeholder="已备案的培训机构"
                  loading={institutions.isLoading}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(institutions.data ?? []).map((i) => ({
                    value: i.id,
                    label: `${i.name}（${i.filingNumber}）`,
                  }))}
                  onChange={() => form.setFieldValue('teacherIds', [])}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item
                name="title"
                label="计划书名称"
                rules={[{ required: true, message: '请填写名称' }]}
              >
                <Input aria-label="计划书名称" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="places"
                label="名额"
                rules={[{ required: true, message: '请填写名额' }]}
              >
                <InputNumber aria-label="名额" min={1} max={100000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="startDate"
                label="开始日期"
                rules={[{ required: true, message: '请填写开始日期' }]}
              >
                <Input
                  type="date"
                  aria-label="开始日期"
                  min={projectYear ? `${projectYear}-01-01` : undefined}
                  max={projectYear ? `${projectYear}-12-31` : undefined}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="endDate"
                label="结束日期"
                rules={[{ required: true, message: '请填写结束日期' }]}
              >
                <Input type="date" aria-label="结束日期" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="place"
                label="培训地点"
                rules={[{ required: true, message: '请填写地点' }]}
              >
                <Input aria-label="培训地点" maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="methods"
                label="培训方式"
                rules={[{ required: true, message: '至少选择一种培训方式' }]}
              >
                <Checkbox.Group
                  aria-label="培训方式"
                  options={Object.entries(METHOD_LABEL).map(([value, l]) => ({ value, label: l }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="teacherIds"
                label="师资（受委托机构师资库中同意列入的教师）"
                extra={!institutionId ? '先选择培训机构' : undefined}
              >
                <Select
                  mode="multiple"
                  aria-label="师资"
                  placeholder="选择教师"
                  loading={teachers.isLoading && !!institutionId}
                  options={(teachers.data ?? []).map((t) => ({
                    value: t.id,
                    label: `${t.name}${t.title ? `（${t.title}）` : ''}`,
                    disabled: !t.consenting && !plan?.teacherIds.includes(t.id),
                  }))}
                  optionFilterProp="label"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="materials" label="教材与资料">
                <Input.TextArea aria-label="教材与资料" rows={2} maxLength={5000} />
              </Form.Item>
            </Col>
          </Row>
        </Panel>

        <Panel title="课次安排">
          <div
            role="status"
            aria-live="polite"
            className="hours-total"
            data-verdict={verdict}
            style={{
              marginBottom: 12,
              fontWeight: 600,
              color: verdict === 'below' ? '#cf1322' : verdict === 'met' ? '#389e0d' : undefined,
            }}
          >
            合计 {total} 学时
            {verdict === 'none'
              ? project
                ? '（政策未规定最低学时）'
                : '（选择市计划项目后显示政策最低学时）'
              : verdict === 'met'
                ? ` / 政策最低 ${minimum} 学时：已达到`
                : ` / 政策最低 ${minimum} 学时：还差 ${(minimum ?? 0) - total} 学时`}
          </div>
          {sessionsErrors.length > 0 && (
            <div className="field-error" role="alert" style={{ marginBottom: 8 }}>
              {sessionsErrors.join('；')}
            </div>
          )}
          <Form.List name="sessions">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Row key={row.key} gutter={8} align="top" data-session-row={i}>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[row.name, 'date']}
                        label={i === 0 ? '日期' : undefined}
                        rules={[{ required: true, message: '请填写日期' }]}
                      >
                        <Input type="date" aria-label={`第 ${i + 1} 课次 日期`} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={3}>
                      <Form.Item
                        name={[row.name, 'startTime']}
                        label={i === 0 ? '开始时间' : undefined}
                        rules={[{ required: true, message: '请填写开始时间' }]}
                      >
                        <Input type="time" aria-label={`第 ${i + 1} 课次 开始时间`} />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={3}>
                      <Form.Item
                        name={[row.name, 'hours']}
                        label={i === 0 ? '学时' : undefined}
                        rules={[{ required: true, message: '请填写学时' }]}
                      >
                        <InputNumber
                          aria-label={`第 ${i + 1} 课次 学时`}
                          min={0.5}
                          max={12}
                          step={0.5}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={7}>
                      <Form.Item
                        name={[row.name, 'topic']}
                        label={i === 0 ? '内容' : undefined}
                        rules={[{ required: true, message: '请填写内容' }]}
                      >
                        <Input aria-label={`第 ${i + 1} 课次 内容`} maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={5}>
                      <Form.Item
                        name={[row.name, 'teacherId']}
                        label={i === 0 ? '授课教师' : undefined}
                      >
                        <Select
                          aria-label={`第 ${i + 1} 课次 授课教师`}
                          allowClear
                          placeholder="从师资中选"
                          options={(chosenTeachers ?? []).map((t) => ({
                            value: t,
                            label: teacherName.get(t) ?? t.slice(0, 8),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      {editable && (
                        <Form.Item label={i === 0 ? ' ' : undefined}>
                          <Button
                            icon={<DeleteOutlined />}
                            aria-label={`删除第 ${i + 1} 课次`}
                            onClick={() => remove(row.name)}
                          />
                        </Form.Item>
                      )}
                    </Col>
                  </Row>
                ))}
                {editable && (
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => {
                      const last = (form.getFieldValue('sessions') as SessionRow[] | undefined)?.at(
                        -1,
                      );
                      add({ startTime: last?.startTime ?? '09:00', teacherId: last?.teacherId });
                    }}
                  >
                    添加课次
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Panel>

        <Panel title="经费测算">
          <Form.List name="costItems">
            {(rows, { add, remove }) => (
              <>
                {rows.length === 0 && (
                  <p>尚无经费项目。岗位、初任、继续教育培训不得向社区工作者收费。</p>
                )}
                {rows.map((row, i) => (
                  <Row key={row.key} gutter={8} align="top">
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[row.name, 'item']}
                        rules={[{ required: true, message: '请填写费用项目' }]}
                      >
                        <Input aria-label={`第 ${i + 1} 项 费用项目`} placeholder="费用项目" />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={6}>
                      <Form.Item
                        name={[row.name, 'amountYuan']}
                        rules={[{ required: true, message: '请填写金额' }]}
                      >
                        <InputNumber
                          aria-label={`第 ${i + 1} 项 金额（元）`}
                          placeholder="金额（元）"
                          min={0}
                          step={100}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={6}>
                      <Form.Item name={[row.name, 'payer']} initialValue="district">
                        <Select
                          aria-label={`第 ${i + 1} 项 承担方`}
                          options={Object.entries(PAYER_LABEL).map(([value, l]) => ({
                            value,
                            label: l,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      {editable && (
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={`删除第 ${i + 1} 项费用`}
                          onClick={() => remove(row.name)}
                        />
                      )}
                    </Col>
                  </Row>
                ))}
                {editable && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ payer: 'district' })}>
                    添加费用项目
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Panel>

        {editable && (
          <div className="save-bar">
            <Space>
              <Button htmlType="submit" loading={save.isPending} disabled={busy}>
                保存草稿
              </Button>
              <Button
                type="primary"
                loading={submit.isPending}
                disabled={busy}
                onClick={() => {
                  void form
                    .validateFields()
                    .then((v) => submit.mutate(v))
                    .catch(() => undefined);
                }}
              >
                提交审批
              </Button>
            </Space>
          </div>
        )}
      </Form>
      {plan && (plan.status === 'draft' || plan.status === 'returned') && (
        <div style={{ marginTop: 16 }}>
          <PlanChecks id={plan.id} title="提交前检查（按上次保存的内容）" />
        </div>
      )}
    </>
  );
}
