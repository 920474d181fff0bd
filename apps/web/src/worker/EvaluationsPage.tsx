import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError } from '../api/errors';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { when } from '../lib/format';
import { EVALUATION_STATUS } from '../lib/records';
import { asGroup, placeAnswerErrors, type Control } from './answer-errors';

type Evaluation = Schemas['OpenEvaluationDto'];
type Item = Schemas['TemplateItemDto'];
type Value = number | string | string[] | undefined;

const LIKERT = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

/** One item of the form as its control: a 1–5 scale, one or several options, or text. */
function ItemControl({ item, ...control }: { item: Item } & Control) {
  switch (item.type) {
    case 'likert':
      return (
        <Radio.Group {...control} optionType="button" options={LIKERT} aria-label={item.label} />
      );
    case 'single':
      return (
        <Radio.Group {...control} aria-label={item.label}>
          <Space orientation="vertical">
            {(item.options ?? []).map((o) => (
              <Radio key={o} value={o}>
                {o}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group {...asGroup(control)} aria-label={item.label}>
          <Space orientation="vertical">
            {(item.options ?? []).map((o) => (
              <Checkbox key={o} value={o}>
                {o}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    default:
      return (
        <Input.TextArea {...control} rows={3} maxLength={1000} showCount aria-label={item.label} />
      );
  }
}

const answered = (v: Value): boolean =>
  v !== undefined && v !== null && (Array.isArray(v) ? v.length > 0 : String(v).trim() !== '');

/** The post-class form of one session, built from its template's items. */
function EvaluationForm({ e, onDone }: { e: Evaluation; onDone: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, Value>>();
  const [problems, setProblems] = useState<string[]>([]);
  const template = useQuery({
    queryKey: ['evaluation-template', e.templateId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/evaluation-templates/{id}', {
          params: { path: { id: e.templateId } },
        }),
      ),
    staleTime: Infinity,
  });
  const items = template.data?.items ?? [];
  const submit = useMutation({
    mutationFn: async (values: Record<string, Value>) => {
      const answers = items
        .filter((it) => answered(values[it.key]))
        .map((it) => {
          const v = values[it.key]!;
          return { key: it.key, value: typeof v === 'string' ? v.trim() : v };
        });
      setProblems([]);
      try {
        return unwrap(
          await api.POST('/api/v1/sessions/{id}/evaluations', {
            params: { path: { id: e.sessionId } },
            body: { answers },
          }),
        );
      } catch (err) {
        const rest = placeAnswerErrors(
          form,
          err,
          answers.map((a) => a.key),
          items.map((it) => it.key),
        );
        if (err instanceof ApiError && err.code !== 'VALIDATION_FAILED') setProblems([err.message]);
        else if (rest.length) setProblems(rest);
        throw err;
      }
    },
    onSuccess: async () => {
      message.success('评价已提交，谢谢！');
      await queryClient.invalidateQueries({ queryKey: ['me', 'evaluations'] });
      onDone();
    },
  });
  if (template.error)
    return <QueryError error={template.error} retry={() => void template.refetch()} />;
  if (template.isLoading) return <Skeleton active />;
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => submit.mutate(v)}
      aria-label={`评价：${e.topic}`}
      requiredMark
    >
      {items.map((it) => (
        <Form.Item
          key={it.key}
          name={it.key}
          label={it.label}
          rules={it.required === false ? [] : [{ required: true, message: `请回答：${it.label}` }]}
          extra={it.type === 'likert' ? '1 为很不满意，5 为很满意' : undefined}
        >
          <ItemControl item={it} />
        </Form.Item>
      ))}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problems.join('；')}
          style={{ marginBottom: 12 }}
          action={
            // refused for the deadline or a second answer: the list then shows the state as it is
            submit.error instanceof ApiError && submit.error.status === 409 ? (
              <Button
                size="small"
                onClick={() =>
                  void queryClient.invalidateQueries({ queryKey: ['me', 'evaluations'] })
                }
              >
                刷新
              </Button>
            ) : undefined
          }
        />
      )}
      <Button type="primary" htmlType="submit" block loading={submit.isPending}>
        提交评价
      </Button>
    </Form>
  );
}

function EvaluationCard({ e }: { e: Evaluation }) {
  const [open, setOpen] = useState(false);
  const headingId = `eval-${e.sessionId}`;
  return (
    <Panel className="class-card" labelledBy={headingId}>
      <h2 id={headingId} className="card-title">
        {e.topic}
      </h2>
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <StatusTag map={EVALUATION_STATUS} value={e.status} />
      </Space>
      <dl className="facts">
        <dt>班次</dt>
        <dd>{e.classTitle}</dd>
        <dt>授课</dt>
        <dd>{e.teacherName ?? '—'}</dd>
        <dt>上课结束</dt>
        <dd>{when(e.sessionEndsAt)}</dd>
        <dt>评价截止</dt>
        <dd>{when(e.closesAt)}</dd>
      </dl>
      {e.status === 'open' &&
        (open ? (
          <EvaluationForm e={e} onDone={() => setOpen(false)} />
        ) : (
          <Button
            type="primary"
            block
            onClick={() => setOpen(true)}
            aria-label={`去评价：${e.topic}`}
          >
            去评价
          </Button>
        ))}
    </Panel>
  );
}

/** Post-class evaluations: every session I attended, open ones answered here before the deadline. */
export function EvaluationsPage() {
  const list = useQuery({
    queryKey: ['me', 'evaluations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/evaluations')),
  });
  const all = list.data ?? [];
  const open = all.filter((e) => e.status === 'open');
  const past = all.filter((e) => e.status !== 'open');
  return (
    <>
      <PageHead title="待评价" />
      <Alert
        type="info"
        showIcon
        title="评价匿名"
        description="你对授课教师和课程的评价是匿名的：教师和培训机构只看到多人汇总的结果，看不到是谁填写的。每次课只能评价一次，请在截止时间前提交。"
        style={{ marginBottom: 12 }}
      />
      {list.error && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.isLoading && <Skeleton active />}
      {!list.isLoading && !list.error && open.length === 0 && (
        <EmptyState title="没有待评价的课。参加的课结束后，可以在这里评价授课教师和课程。" />
      )}
      <div className="stack">
        {open.map((e) => (
          <EvaluationCard key={e.sessionId} e={e} />
        ))}
      </div>
      {past.length > 0 && (
        <>
          <h2 className="card-h2" style={{ margin: '24px 0 8px' }}>
            已评价或已截止
          </h2>
          <div className="stack">
            {past.map((e) => (
              <EvaluationCard key={e.sessionId} e={e} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
