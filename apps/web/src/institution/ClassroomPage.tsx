import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Radio,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { EmptyState, PageHead, Panel, QueryError } from '../components/ui';
import { when } from '../lib/format';
import { ATTENDANCE_STATUS } from '../lib/labels';

type Classroom = Schemas['SessionClassroomDto'];
type Row = Schemas['ClassroomRowDto'];
type TemplateItem = Schemas['TemplateItemDto'];
type Value = number | string | string[];

const WINDOW: Record<string, { label: string; color: string }> = {
  not_yet: { label: '课次结束后开始评价', color: 'default' },
  open: { label: '评价进行中', color: 'green' },
  closed: { label: '评价已截止', color: 'default' },
};
const LIKERT = [1, 2, 3, 4, 5];

/** An answer as the page shows it. */
function shown(it: TemplateItem | undefined, v: Value): string {
  if (Array.isArray(v)) return v.join('、');
  return it?.type === 'likert' ? `${v} 分` : String(v);
}

/**
 * A session's classroom evaluations (教师评学员): the session's teacher assesses
 * each trainee who attended on the classroom form's items, once each, before
 * the deadline (POST /sessions/:id/classroom-evaluations/:enrollmentId); the
 * list shows who is done. The institution reads the same list.
 */
export function ClassroomPage() {
  const { id = '' } = useParams();
  const data = useQuery({
    queryKey: ['sessions', id, 'classroom'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/sessions/{id}/classroom-evaluations', {
          params: { path: { id } },
        }),
      ),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  if (data.error) return <QueryError error={data.error} retry={() => void data.refetch()} />;
  if (!data.data) return <Skeleton active />;
  const d = data.data;
  const items = new Map(d.template.items.map((it) => [it.key, it]));
  const done = d.trainees.filter((t) => t.answers).length;
  const next = d.trainees.find((t) => !t.answers);
  const current =
    d.trainees.find((t) => t.enrollmentId === chosen && !t.answers) ??
    (d.window === 'open' ? next : undefined);
  const w = WINDOW[d.window] ?? { label: d.window, color: 'default' };

  return (
    <>
      <PageHead title="课堂评价" extra={<Link to="/i">返回班次列表</Link>} />
      <p className="muted">
        <Tag color={w.color}>{w.label}</Tag>
        {d.template.title} · 截止 {when(d.closesAt)} · 出勤 {d.trainees.length} 人，已评{' '}
        <strong data-testid="classroom-done">{done}</strong> 人
      </p>
      <Table<Row>
        rowKey="enrollmentId"
        size="middle"
        pagination={false}
        dataSource={d.trainees}
        scroll={{ x: 640 }}
        rowClassName={(t) => (t.enrollmentId === current?.enrollmentId ? 'row-current' : '')}
        locale={{
          emptyText: (
            <EmptyState title="本课次没有出勤的学员。考勤记录后，出勤（含迟到、早退）的学员显示在这里。" />
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '考勤',
            dataIndex: 'attendance',
            render: (s: string) => ATTENDANCE_STATUS[s]?.label ?? s,
          },
          {
            title: '评价',
            key: 'answers',
            render: (_, t) =>
              t.answers ? (
                <span>
                  <Tag color="green">已评</Tag>
                  {t.answers.map((a) => shown(items.get(a.key), a.value)).join(' · ')}
                </span>
              ) : (
                <Tag>未评</Tag>
              ),
          },
          {
            title: '',
            key: 'act',
            render: (_, t) =>
              !t.answers &&
              d.window === 'open' && (
                <Button
                  size="small"
                  type={t.enrollmentId === current?.enrollmentId ? 'primary' : 'default'}
                  onClick={() => setChosen(t.enrollmentId)}
                >
                  评价 {t.name}
                </Button>
              ),
          },
        ]}
      />
      {current && (
        <Assess
          key={current.enrollmentId}
          sessionId={id}
          classroom={d}
          trainee={current}
          onDone={(after) => {
            const n = after.trainees.find((t) => !t.answers);
            setChosen(n?.enrollmentId ?? null);
          }}
        />
      )}
      {d.window === 'open' && d.trainees.length > 0 && !next && (
        <Alert type="success" showIcon title="本课次出勤学员均已评价" style={{ marginTop: 16 }} />
      )}
    </>
  );
}

/** The classroom form for one trainee; the API's problems next to the items they name. */
function Assess({
  sessionId,
  classroom,
  trainee,
  onDone,
}: {
  sessionId: string;
  classroom: Classroom;
  trainee: Row;
  onDone: (after: Classroom) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, Value | undefined>>();
  const [other, setOther] = useState<string | null>(null);
  const items = classroom.template.items;
  const save = useMutation({
    mutationFn: async (answers: { key: string; value: Value }[]) =>
      unwrap(
        await api.POST('/api/v1/sessions/{id}/classroom-evaluations/{enrollmentId}', {
          params: { path: { id: sessionId, enrollmentId: trainee.enrollmentId } },
          body: { answers },
        }),
      ),
    onSuccess: (after) => {
      queryClient.setQueryData(['sessions', sessionId, 'classroom'], after);
      message.success(`已评价 ${trainee.name}`);
      onDone(after);
    },
    onError: (err, answers) => {
      if (!(err instanceof ApiError)) return setOther(errorMessage(err));
      const placed: { name: string; errors: string[] }[] = [];
      for (const f of err.fields) {
        const byKey = /^answers\.(\w+)$/.exec(f.field);
        const byIdx = /^answers\[(\d+)\]/.exec(f.field);
        const key = byKey ? byKey[1] : byIdx ? answers[Number(byIdx[1])]?.key : undefined;
        if (key && items.some((it) => it.key === key))
          placed.push({ name: key, errors: f.messages });
      }
      form.setFields(placed);
      setOther(placed.length ? null : errorMessage(err));
    },
  });
  const submit = (v: Record<string, Value | undefined>) => {
    const answers = items
      .map((it) => ({ key: it.key, value: v[it.key] }))
      .filter(
        (a): a is { key: string; value: Value } =>
          a.value !== undefined &&
          a.value !== null &&
          !(typeof a.value === 'string' && !a.value.trim()) &&
          !(Array.isArray(a.value) && !a.value.length),
      );
    save.mutate(answers);
  };
  return (
    <Panel className="inst-panel" title={`评价 ${trainee.name}`}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={`评价 ${trainee.name}`}>
        {items.map((it) => (
          <Form.Item
            key={it.key}
            name={it.key}
            label={it.label}
            rules={
              it.required !== false ? [{ required: true, message: `请评价“${it.label}”` }] : []
            }
          >
            {it.type === 'likert' ? (
              <Radio.Group
                optionType="button"
                aria-label={it.label}
                options={LIKERT.map((n) => ({ value: n, label: `${n} 分` }))}
              />
            ) : it.type === 'single' ? (
              <Radio.Group
                aria-label={it.label}
                options={(it.options ?? []).map((o) => ({ value: o, label: o }))}
              />
            ) : it.type === 'multiple' ? (
              <Checkbox.Group
                aria-label={it.label}
                options={(it.options ?? []).map((o) => ({ value: o, label: o }))}
              />
            ) : (
              <Input.TextArea aria-label={it.label} rows={2} maxLength={1000} />
            )}
          </Form.Item>
        ))}
        {other && (
          <Alert type="error" showIcon role="alert" title={other} style={{ marginBottom: 12 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            提交评价
          </Button>
          <span className="muted">提交后不能修改</span>
        </Space>
      </Form>
    </Panel>
  );
}
