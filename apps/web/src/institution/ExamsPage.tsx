import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { applyFieldErrors } from '../components/forms';
import { EmptyState, PageHead, Panel, QueryError } from '../components/ui';
import { hoursFromHalves } from '../lib/format';
import { ClassTabs } from './ClassTabs';
import { REFUSAL_TEXT, useClassOf } from './classQuery';

type Trainee = Schemas['ExamRosterEntryDto'];
type Exam = Schemas['ExamDto'];
type Roster = Schemas['ExamRosterDto'];
/** What the screen holds for a trainee: a score, or a verdict (pass/fail exams). */
interface Entry {
  score?: number | null;
  passed?: boolean | null;
}

const MODE_LABEL: Record<string, string> = { score: '记分', pass_fail: '合格/不合格' };
const attemptLabel = (n: number) => (n === 1 ? '首次考核' : `第 ${n - 1} 次补考`);

/** Why a trainee cannot be given a result at this exam (null: they can). */
export function blockedReason(t: Trainee, exam: Exam, maxRetakes: number): string | null {
  if (!t.eligible) {
    return `学时未满：已计 ${hoursFromHalves(t.creditedHalfHours)}，需 ${hoursFromHalves(t.requiredHalfHours)}`;
  }
  if (t.certificateSerial) return `已发证书（${t.certificateSerial}），不能更改成绩`;
  const before = t.results.filter((r) => r.attempt < exam.attempt);
  const passedAt = before.find((r) => r.passed);
  if (passedAt) return `已在${attemptLabel(passedAt.attempt)}中合格`;
  if (before.length > maxRetakes) return REFUSAL_TEXT.no_retakes_left;
  return null;
}

/**
 * A class's exam: who may sit it (the hours met) and who may not, with why;
 * recording an exam or a retake (as many as the policy allows); every trainee's
 * score or verdict entered in one screen and saved once (PUT /exams/:id/results,
 * one transaction: any refusal refuses all, shown on the row it names).
 */
export function ExamsPage() {
  const { id = '' } = useParams();
  const cls = useClassOf(id);
  const roster = useQuery({
    queryKey: ['classes', id, 'exam-roster'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}/exam-roster', { params: { path: { id } } })),
  });
  const [examId, setExamId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  if (cls.error) return <QueryError error={cls.error} retry={() => void cls.refetch()} />;
  if (roster.error) return <QueryError error={roster.error} retry={() => void roster.refetch()} />;
  if (!cls.data || !roster.data) return <Skeleton active />;
  const r = roster.data;
  const exams = r.exams;
  const current = exams.find((e) => e.id === examId) ?? exams[exams.length - 1];
  const nextAttempt = exams.length + 1;
  const mayAdd = nextAttempt <= 1 + r.maxRetakes;
  // a retake follows an exam whose results are in
  const lastOpen = exams.length > 0 && exams[exams.length - 1].results === 0;
  const eligible = r.trainees.filter((t) => t.eligible).length;

  return (
    <>
      <PageHead title={cls.data.title} extra={<Link to="/i">返回班次列表</Link>} />
      <ClassTabs classId={id} active="exams" />
      <p className="muted">
        在册 {r.trainees.length} 人，学时已满可参加考核 {eligible} 人；满分 {r.maxScore}，合格{' '}
        {r.passScore} 分；按政策可补考 {r.maxRetakes} 次。
      </p>
      <Panel
        className="inst-panel"
        title="考核记录"
        extra={
          mayAdd ? (
            !adding && (
              <Button
                type={lastOpen ? 'default' : 'primary'}
                disabled={lastOpen}
                title={lastOpen ? '先录入本次考核的成绩，再登记补考' : undefined}
                onClick={() => setAdding(true)}
              >
                {nextAttempt === 1 ? '登记考核' : '登记补考'}
              </Button>
            )
          ) : (
            <Tag>补考次数已用完</Tag>
          )
        }
      >
        {adding && (
          <NewExam
            classId={id}
            attempt={nextAttempt}
            districtId={cls.data.districtId}
            onDone={(e) => {
              setAdding(false);
              if (e) setExamId(e.id);
            }}
          />
        )}
        <Table<Exam>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={exams}
          scroll={{ x: 640 }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: current ? [current.id] : [],
            onChange: (keys) => setExamId(String(keys[0])),
            columnTitle: '录入',
            columnWidth: 64,
            renderCell: (_c, e, _i, node) => (
              <span aria-label={`录入${attemptLabel(e.attempt)}成绩`}>{node}</span>
            ),
          }}
          locale={{
            emptyText: (
              <EmptyState title="还没有登记考核。考核结束后点击“登记考核”，再录入每位学员的成绩。" />
            ),
          }}
          columns={[
            { title: '次序', dataIndex: 'attempt', render: (a: number) => attemptLabel(a) },
            { title: '考核日期', dataIndex: 'heldOn' },
            { title: '记分方式', dataIndex: 'mode', render: (m: string) => MODE_LABEL[m] ?? m },
            { title: '监督人', dataIndex: 'supervisorName' },
            {
              title: '已录入 / 合格',
              key: 'counts',
              render: (_, e) => `${e.results} / ${e.passed}`,
            },
          ]}
        />
      </Panel>
      {current && <Results key={current.id} exam={current} roster={r} />}
    </>
  );
}

/** Records an exam or a retake: date, way of marking, the authority's supervisor. */
function NewExam({
  classId,
  attempt,
  districtId,
  onDone,
}: {
  classId: string;
  attempt: number;
  districtId: string | null;
  onDone: (e: Exam | null) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{
    heldOn: Dayjs;
    mode: 'score' | 'pass_fail';
    supervisorName: string;
    supervisorOrgId: string;
  }>();
  const [other, setOther] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: async (v: {
      heldOn: Dayjs;
      mode: 'score' | 'pass_fail';
      supervisorName: string;
      supervisorOrgId: string;
    }) =>
      unwrap(
        await api.POST('/api/v1/classes/{id}/exams', {
          params: { path: { id: classId } },
          body: {
            attempt,
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            mode: v.mode,
            supervisorName: v.supervisorName.trim(),
            supervisorOrgId: v.supervisorOrgId,
          },
        }),
      ),
    onSuccess: async (e) => {
      message.success(`${attemptLabel(e.attempt)}已登记，请录入成绩`);
      await queryClient.invalidateQueries({ queryKey: ['classes', classId, 'exam-roster'] });
      onDone(e);
    },
    onError: (err) => {
      const rest = applyFieldErrors(form, err, [
        'heldOn',
        'mode',
        'supervisorName',
        'supervisorOrgId',
      ]);
      setOther(rest.length || !(err instanceof ApiError) ? errorMessage(err) : null);
    },
  });
  return (
    <Form
      form={form}
      layout="inline"
      className="exam-form"
      aria-label={`登记${attemptLabel(attempt)}`}
      initialValues={{ heldOn: dayjs(), mode: 'score', supervisorOrgId: districtId ?? undefined }}
      onFinish={(v) => create.mutate(v)}
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      <Form.Item label="次序">
        <strong>{attemptLabel(attempt)}</strong>
      </Form.Item>
      <Form.Item
        name="heldOn"
        label="考核日期"
        rules={[{ required: true, message: '请选择考核日期' }]}
      >
        <DatePicker format="YYYY-MM-DD" allowClear={false} />
      </Form.Item>
      <Form.Item name="mode" label="记分方式" rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'score', label: '记分' },
            { value: 'pass_fail', label: '合格/不合格' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="supervisorName"
        label="监督人"
        rules={[{ required: true, whitespace: true, message: '请填写民政部门的监督人' }]}
      >
        <Input placeholder="如：东城区民政局 王老师" maxLength={50} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        name="supervisorOrgId"
        label="监督单位"
        rules={[{ required: true, message: '请选择监督单位' }]}
      >
        <Select
          style={{ width: 180 }}
          options={districtId ? [{ value: districtId, label: '委托区民政局' }] : []}
          notFoundContent="本班没有委托区，请联系市民政局"
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            保存考核
          </Button>
          <Button onClick={() => onDone(null)}>取消</Button>
        </Space>
      </Form.Item>
      {other && (
        <Alert type="error" showIcon role="alert" title={other} style={{ width: '100%' }} />
      )}
    </Form>
  );
}

/** The API's refusals by trainee: `details[].enrollmentId`, else `results[i]` of what was sent. */
function rowProblems(err: unknown, sent: string[]): Record<string, string> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as { field?: string; enrollmentId?: string; problems?: string[] }[]) {
    const idx = /^results\[(\d+)\]/.exec(d.field ?? '');
    const who = d.enrollmentId ?? (idx ? sent[Number(idx[1])] : undefined);
    if (!who) continue;
    out[who] = (d.problems ?? []).map((p) => REFUSAL_TEXT[p] ?? p).join('；');
  }
  return out;
}

/** Every trainee's result of one exam, entered in one screen and saved once. */
function Results({ exam, roster }: { exam: Exam; roster: Roster }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const base = useMemo(
    () =>
      Object.fromEntries(
        roster.trainees.map((t) => {
          const mine = t.results.find((x) => x.examId === exam.id);
          return [t.enrollmentId, mine ? { score: mine.score, passed: mine.passed } : {}];
        }),
      ) as Record<string, Entry>,
    [roster, exam.id],
  );
  const [entries, setEntries] = useState<Record<string, Entry>>(base);
  // the roster read again (after a save, or a refusal): what was typed stays
  useEffect(() => setEntries((typed) => ({ ...base, ...typed })), [base]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);

  const filled = (e: Entry | undefined) =>
    exam.mode === 'score' ? typeof e?.score === 'number' : typeof e?.passed === 'boolean';
  const open = roster.trainees.filter((t) => !blockedReason(t, exam, roster.maxRetakes));
  const toSend = open.filter((t) => filled(entries[t.enrollmentId]));

  const save = useMutation({
    mutationFn: async (sent: string[]) =>
      unwrap(
        await api.PUT('/api/v1/exams/{id}/results', {
          params: { path: { id: exam.id } },
          body: {
            results: sent.map((enrollmentId) => {
              const e = entries[enrollmentId];
              return exam.mode === 'score'
                ? { enrollmentId, score: e.score ?? undefined }
                : { enrollmentId, passed: e.passed ?? undefined };
            }),
          },
        }),
      ),
    onSuccess: async (e) => {
      setProblems({});
      setSummary(null);
      message.success(`已保存 ${e.results} 人的成绩，其中合格 ${e.passed} 人`);
      await queryClient.invalidateQueries({ queryKey: ['classes', exam.classId] });
    },
    onError: async (err, sent) => {
      setProblems(rowProblems(err, sent));
      setSummary(errorMessage(err));
      // a refusal may come from a change since the roster was read (hours corrected, a
      // certificate issued): read it again so that the rows show why
      await queryClient.invalidateQueries({ queryKey: ['classes', exam.classId, 'exam-roster'] });
    },
  });
  const set = (enrollmentId: string, e: Entry) => {
    setEntries((all) => ({ ...all, [enrollmentId]: e }));
    setProblems(({ [enrollmentId]: _gone, ...rest }) => rest);
  };

  return (
    <Panel className="inst-panel" title={`${attemptLabel(exam.attempt)}成绩录入（${exam.heldOn}）`}>
      {summary && (
        <Alert type="error" showIcon role="alert" title={summary} style={{ marginBottom: 12 }} />
      )}
      <Table<Trainee>
        rowKey="enrollmentId"
        size="middle"
        pagination={false}
        dataSource={roster.trainees}
        scroll={{ x: 820 }}
        rowClassName={(t) => (blockedReason(t, exam, roster.maxRetakes) ? 'row-blocked' : '')}
        locale={{ emptyText: <EmptyState title="本班还没有在册学员，报名后名单显示在这里" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '学时（已计 / 要求）',
            key: 'hours',
            render: (_, t) =>
              `${hoursFromHalves(t.creditedHalfHours)} / ${hoursFromHalves(t.requiredHalfHours)}`,
          },
          {
            title: '考核资格',
            key: 'eligible',
            render: (_, t) =>
              t.eligible ? <Tag color="green">可参加</Tag> : <Tag color="red">不可参加</Tag>,
          },
          {
            title: '此前结果',
            key: 'before',
            render: (_, t) => {
              const before = t.results.filter((x) => x.attempt < exam.attempt);
              if (!before.length) return '—';
              return before
                .map(
                  (x) =>
                    `${attemptLabel(x.attempt)}：${x.score ?? ''}${x.score !== null ? ' 分 ' : ''}${x.passed ? '合格' : '不合格'}`,
                )
                .join('；');
            },
          },
          {
            title:
              exam.mode === 'score'
                ? `成绩（满分 ${exam.maxScore}，${exam.passScore} 合格）`
                : '结果',
            key: 'entry',
            width: 300,
            render: (_, t) => {
              const why = blockedReason(t, exam, roster.maxRetakes);
              const e = entries[t.enrollmentId] ?? {};
              const problem = problems[t.enrollmentId];
              return (
                <div className="exam-entry" data-testid={`exam-row-${t.enrollmentId}`}>
                  {exam.mode === 'score' ? (
                    <InputNumber
                      aria-label={`${t.name} 的成绩`}
                      min={0}
                      max={exam.maxScore}
                      precision={0}
                      disabled={!!why}
                      status={problem ? 'error' : undefined}
                      value={e.score ?? null}
                      onChange={(n) => set(t.enrollmentId, { score: n })}
                      suffix="分"
                    />
                  ) : (
                    <Radio.Group
                      aria-label={`${t.name} 是否合格`}
                      disabled={!!why}
                      value={e.passed ?? undefined}
                      onChange={(ev) => set(t.enrollmentId, { passed: ev.target.value as boolean })}
                      options={[
                        { value: true, label: '合格' },
                        { value: false, label: '不合格' },
                      ]}
                    />
                  )}
                  {exam.mode === 'score' && typeof e.score === 'number' && !why && (
                    <Tag color={e.score >= exam.passScore ? 'green' : 'orange'}>
                      {e.score >= exam.passScore ? '合格' : '不合格'}
                    </Tag>
                  )}
                  {why && <span className="muted exam-why">{why}</span>}
                  {problem && (
                    <span className="field-error" role="alert">
                      {problem}
                    </span>
                  )}
                </div>
              );
            },
          },
        ]}
      />
      {roster.trainees.length > 0 && (
        <div className="save-bar">
          <span className="muted">
            可录入 {open.length} 人，已填 {toSend.length} 人
            {roster.trainees.length - open.length
              ? `，${roster.trainees.length - open.length} 人不可录入（原因见各行）`
              : ''}
          </span>
          <Button
            type="primary"
            disabled={!toSend.length}
            loading={save.isPending}
            onClick={() => save.mutate(toSend.map((t) => t.enrollmentId))}
          >
            保存成绩
          </Button>
        </div>
      )}
    </Panel>
  );
}
