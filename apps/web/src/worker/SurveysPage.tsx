import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Skeleton, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError } from '../api/errors';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { when } from '../lib/format';
import { SURVEY_STATUS } from '../lib/records';
import { asGroup, placeAnswerErrors, type Control } from './answer-errors';

type Question = Schemas['QuestionDto'];
type Detail = Schemas['MySurveyDetailDto'];
type Value = string | string[] | undefined;
type Answer = Detail['answers'][number];

/** The form's values → the API's answers (unanswered questions left out). */
function toAnswers(questions: Question[], values: Record<string, Value>): Answer[] {
  const out: Answer[] = [];
  for (const q of questions) {
    const v = values[q.key];
    if (q.type === 'text') {
      if (typeof v === 'string' && v.trim()) out.push({ question: q.key, text: v.trim() });
    } else if (q.type === 'single') {
      if (typeof v === 'string' && v) out.push({ question: q.key, options: [v] });
    } else if (Array.isArray(v) && v.length) out.push({ question: q.key, options: v });
  }
  return out;
}

/** The API's answers → the form's values. */
function toValues(questions: Question[], answers: Answer[]): Record<string, Value> {
  const byKey = new Map(answers.map((a) => [a.question, a]));
  const out: Record<string, Value> = {};
  for (const q of questions) {
    const a = byKey.get(q.key);
    if (!a) continue;
    out[q.key] = q.type === 'text' ? a.text : q.type === 'single' ? a.options?.[0] : a.options;
  }
  return out;
}

function QuestionControl({
  q,
  disabled,
  ...control
}: { q: Question; disabled: boolean } & Control) {
  const options = (q.options ?? []).map((o) => ({ value: o.key, label: o.label }));
  switch (q.type) {
    case 'single':
      return (
        <Radio.Group {...control} aria-label={q.label} disabled={disabled}>
          <Space orientation="vertical">
            {options.map((o) => (
              <Radio key={o.value} value={o.value}>
                {o.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'multi':
      return (
        <Checkbox.Group {...asGroup(control)} aria-label={q.label} disabled={disabled}>
          <Space orientation="vertical">
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value}>
                {o.label}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    case 'rank':
      return (
        <Select
          {...control}
          mode="multiple"
          aria-label={q.label}
          disabled={disabled}
          options={options}
          maxCount={q.maxSelections ?? 3}
          placeholder="按想要的程度依次选择"
        />
      );
    default:
      return (
        <Input.TextArea
          {...control}
          rows={3}
          aria-label={q.label}
          disabled={disabled}
          maxLength={q.maxLength ?? 500}
          showCount
        />
      );
  }
}

const hintOf = (q: Question): string | undefined => {
  const parts = [q.hint];
  if (q.type === 'multi' && q.maxSelections) parts.push(`最多选 ${q.maxSelections} 项`);
  if (q.type === 'rank') parts.push(`按顺序选 ${q.maxSelections ?? 3} 项，第一个最想要`);
  return parts.filter(Boolean).join('；') || undefined;
};

/** One survey: its questions, my answers so far, save a draft, submit, change before the close. */
export function SurveyPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, Value>>();
  const [problems, setProblems] = useState<string[]>([]);
  const survey = useQuery({
    queryKey: ['me', 'surveys', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/my-surveys/{id}', { params: { path: { id } } })),
  });
  const d = survey.data;
  // the saved answers fill the form once per survey: a later copy (the answer to a save, a
  // refetch) must not overwrite what was typed meanwhile
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!d || filledFor.current === id) return;
    form.setFieldsValue(toValues(d.questions, d.answers));
    filledFor.current = id;
  }, [d, id, form]);

  const save = useMutation({
    mutationFn: async (mode: 'draft' | 'submit' | 'replace') => {
      const answers = toAnswers(d!.questions, form.getFieldsValue(true) as Record<string, Value>);
      const body = { answers };
      const params = { path: { id } };
      setProblems([]);
      form.setFields(d!.questions.map((q) => ({ name: q.key, errors: [] })));
      try {
        if (mode === 'draft')
          return unwrap(await api.PUT('/api/v1/my-surveys/{id}/draft', { params, body }));
        if (mode === 'submit')
          return unwrap(await api.POST('/api/v1/my-surveys/{id}/submission', { params, body }));
        return unwrap(await api.PUT('/api/v1/my-surveys/{id}/submission', { params, body }));
      } catch (err) {
        const rest = placeAnswerErrors(
          form,
          err,
          answers.map((a) => a.question),
          d!.questions.map((q) => q.key),
        );
        if (err instanceof ApiError && err.code !== 'VALIDATION_FAILED') setProblems([err.message]);
        else if (rest.length) setProblems(rest);
        else if (err instanceof ApiError) setProblems(['请按提示修改标红的问题']);
        throw err;
      }
    },
    onSuccess: async (data, mode) => {
      message.success(
        mode === 'draft' ? '草稿已保存' : mode === 'submit' ? '问卷已提交，谢谢！' : '修改已提交',
      );
      queryClient.setQueryData(['me', 'surveys', id], data);
      await queryClient.invalidateQueries({ queryKey: ['me', 'surveys'], exact: true });
    },
  });

  if (survey.error)
    return (
      <>
        <PageHead title="问卷" />
        <QueryError error={survey.error} retry={() => void survey.refetch()} />
      </>
    );
  if (!d) return <Skeleton active />;
  const submitted = d.status === 'submitted';
  return (
    <>
      <PageHead title={d.title} extra={<Link to="/w/surveys">返回问卷列表</Link>} />
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <StatusTag map={SURVEY_STATUS} value={d.status} />
        <span className="muted">截止 {when(d.closesAt)}</span>
      </Space>
      {d.questionnaireDescription && <p>{d.questionnaireDescription}</p>}
      {!d.accepting && (
        <Alert
          type="warning"
          showIcon
          title={d.campaignStatus === 'scheduled' ? '调查尚未开始' : '调查已截止，不能再修改'}
          style={{ marginBottom: 12 }}
        />
      )}
      {submitted && d.accepting && (
        <Alert
          type="success"
          showIcon
          title={`已于 ${when(d.submittedAt)} 提交`}
          description="截止前还可以修改，修改后点“提交修改”。"
          style={{ marginBottom: 12 }}
        />
      )}
      <Panel>
        <Form form={form} layout="vertical" aria-label={d.questionnaireTitle}>
          {d.questions.map((q) => (
            <Form.Item
              key={q.key}
              name={q.key}
              label={q.label}
              required={q.required}
              extra={hintOf(q)}
            >
              <QuestionControl q={q} disabled={!d.accepting} />
            </Form.Item>
          ))}
          {problems.length > 0 && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problems.join('；')}
              style={{ marginBottom: 12 }}
            />
          )}
          {d.accepting && (
            <Space wrap>
              {submitted ? (
                <Button
                  type="primary"
                  loading={save.isPending}
                  onClick={() => save.mutate('replace')}
                >
                  提交修改
                </Button>
              ) : (
                <>
                  <Button
                    loading={save.isPending && save.variables === 'draft'}
                    onClick={() => save.mutate('draft')}
                  >
                    保存草稿
                  </Button>
                  <Button
                    type="primary"
                    loading={save.isPending && save.variables === 'submit'}
                    onClick={() => save.mutate('submit')}
                  >
                    提交问卷
                  </Button>
                </>
              )}
            </Space>
          )}
        </Form>
      </Panel>
    </>
  );
}

/** The needs surveys addressed to me. */
export function SurveysPage() {
  const list = useQuery({
    queryKey: ['me', 'surveys'],
    queryFn: async () => unwrap(await api.GET('/api/v1/my-surveys')),
  });
  return (
    <>
      <PageHead title="问卷" />
      {list.error && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.isLoading && <Skeleton active />}
      {list.data?.length === 0 && (
        <EmptyState title="目前没有发给你的问卷。年度培训需求调查开始后，会通知你来这里填写。" />
      )}
      <div className="stack">
        {(list.data ?? []).map((s) => {
          const headingId = `survey-${s.campaignId}`;
          return (
            <Panel key={s.campaignId} className="class-card" labelledBy={headingId}>
              <h2 id={headingId} className="card-title">
                {s.title}
              </h2>
              <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
                <StatusTag map={SURVEY_STATUS} value={s.status} />
              </Space>
              {s.description && <p>{s.description}</p>}
              <p className="muted">
                {when(s.opensAt)} 至 {when(s.closesAt)}
              </p>
              <Link
                to={`/w/surveys/${s.campaignId}`}
                className="ant-btn-like"
                aria-label={`${surveyAction(s)}：${s.title}`}
              >
                {surveyAction(s)}
              </Link>
            </Panel>
          );
        })}
      </div>
    </>
  );
}

function surveyAction(s: Schemas['MySurveyDto']): string {
  if (!s.accepting) return '查看';
  return s.status === 'submitted' ? '查看或修改' : s.status === 'draft' ? '继续填写' : '填写问卷';
}
