import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, InputNumber, Radio, Skeleton, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { EmptyState, PageHead, QueryError, StatusTag } from '../components/ui';
import { hoursFromHalves, when } from '../lib/format';
import { ATTENDANCE_STATUS, LEAVE_STATUS } from '../lib/labels';

type Mark = Schemas['MarkDto'];
type MarkInput = Schemas['MarkInputDto'];
type Status = MarkInput['status'];

const STATUSES: Status[] = ['present', 'late', 'left_early', 'leave', 'absent'];

/** What the screen starts from: the recorded mark, else present (change only the exceptions). */
function initial(m: Mark): MarkInput {
  const status = (STATUSES as string[]).includes(m.status ?? '') ? (m.status as Status) : 'present';
  return {
    enrollmentId: m.enrollmentId,
    status,
    minutesLate: m.minutesLate ?? 0,
    minutesEarly: m.minutesEarly ?? 0,
  };
}

const same = (a: MarkInput, b: MarkInput) =>
  a.status === b.status && a.minutesLate === b.minutesLate && a.minutesEarly === b.minutesEarly;

/**
 * A session's roster marked in one screen: everyone present by default, change
 * the exceptions, save once (PUT /sessions/:id/attendance, one transaction).
 * Changing marks already recorded needs a reason (the API names the field).
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roster = useQuery({
    queryKey: ['sessions', id, 'attendance'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/sessions/{id}/attendance', { params: { path: { id } } })),
  });
  const [marks, setMarks] = useState<Record<string, MarkInput>>({});
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);

  const base = useMemo(
    () => Object.fromEntries((roster.data?.marks ?? []).map((m) => [m.enrollmentId, initial(m)])),
    [roster.data],
  );
  useEffect(() => setMarks(base), [base]);

  const recorded = (roster.data?.marks ?? []).filter((m) => m.status !== null);
  const changedRecorded = recorded.filter(
    (m) => marks[m.enrollmentId] && !same(marks[m.enrollmentId], base[m.enrollmentId]),
  );
  const needsReason = changedRecorded.length > 0;

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/sessions/{id}/attendance', {
          params: { path: { id } },
          body: {
            marks: Object.values(marks),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
        }),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(['sessions', id, 'attendance'], data);
      setReason('');
      setFieldError(null);
      message.success('考勤已保存');
    },
    onError: (err) => {
      const f = err instanceof ApiError ? err.fields[0] : undefined;
      setFieldError(f ? { field: f.field, message: f.messages.join('；') } : null);
      if (!f) message.error(errorMessage(err));
    },
  });

  if (roster.error) return <QueryError error={roster.error} retry={() => void roster.refetch()} />;
  if (!roster.data) return <Skeleton active />;
  const r = roster.data;
  const set = (enrollmentId: string, patch: Partial<MarkInput>) =>
    setMarks((all) => ({ ...all, [enrollmentId]: { ...all[enrollmentId], ...patch } }));
  const exceptions = Object.values(marks).filter((m) => m.status !== 'present').length;

  return (
    <>
      <PageHead
        title="课次考勤"
        extra={
          <Space wrap>
            <Link to={`/i/classes/${r.classId}`}>返回班次</Link>
            <Button href={`/qr/${id}`} target="_blank">
              投屏签到二维码
            </Button>
          </Space>
        }
      />
      <p className="muted">
        {when(r.startsAt)} – {when(r.endsAt)} · {hoursFromHalves(r.halfHours)} · 共 {r.marks.length}{' '}
        人{recorded.length ? `，已记录 ${recorded.length} 人` : '，尚未记录'}
        {r.missingNow.length ? `，此刻未到 ${r.missingNow.length} 人` : ''}
      </p>
      {fieldError && fieldError.field !== 'reason' && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`${fieldError.field}：${fieldError.message}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Mark>
        rowKey="enrollmentId"
        size="middle"
        pagination={false}
        dataSource={r.marks}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState title="本班还没有学员报名，报名后名单显示在这里" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumberMasked' },
          {
            title: '签到',
            key: 'checkIn',
            render: (_, m) =>
              m.checkInAt ? (
                when(m.checkInAt)
              ) : m.pendingLeaveId ? (
                <Tag color="blue">请假待审批</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: '考勤',
            key: 'status',
            render: (_, m) => {
              const v = marks[m.enrollmentId];
              if (!v) return null;
              return (
                <Space wrap size={4}>
                  <Radio.Group
                    size="small"
                    optionType="button"
                    aria-label={`${m.name} 的考勤`}
                    value={v.status}
                    onChange={(e) => set(m.enrollmentId, { status: e.target.value as Status })}
                    options={STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS[s].label }))}
                  />
                  {v.status === 'late' && (
                    <InputNumber
                      size="small"
                      min={1}
                      max={600}
                      aria-label={`${m.name} 迟到分钟`}
                      suffix="分钟"
                      value={v.minutesLate || undefined}
                      onChange={(n) => set(m.enrollmentId, { minutesLate: n ?? 0 })}
                    />
                  )}
                  {v.status === 'left_early' && (
                    <InputNumber
                      size="small"
                      min={1}
                      max={600}
                      aria-label={`${m.name} 早退分钟`}
                      suffix="分钟"
                      value={v.minutesEarly || undefined}
                      onChange={(n) => set(m.enrollmentId, { minutesEarly: n ?? 0 })}
                    />
                  )}
                </Space>
              );
            },
          },
          {
            title: '计入学时',
            dataIndex: 'creditedHalfHours',
            render: (h: number, m) => (m.status ? hoursFromHalves(h) : '—'),
          },
        ]}
      />
      {r.marks.length > 0 && (
        <div className="save-bar">
          {(needsReason || fieldError?.field === 'reason') && (
            <label className="field" style={{ flex: 1, minWidth: 240 }}>
              <span>更正原因（已记录的 {changedRecorded.length} 人有改动）</span>
              <Input
                aria-label="更正原因"
                value={reason}
                status={fieldError?.field === 'reason' ? 'error' : undefined}
                onChange={(e) => setReason(e.target.value)}
                placeholder="例如：学员出示请假条"
              />
              {fieldError?.field === 'reason' && (
                <span className="field-error" role="alert">
                  {fieldError.message}
                </span>
              )}
            </label>
          )}
          <span className="muted">
            出勤 {r.marks.length - exceptions} 人，其他 {exceptions} 人
          </span>
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
            保存考勤
          </Button>
        </div>
      )}
      <LeaveRequests sessionId={id} />
    </>
  );
}

/** The session's leave requests: approve or refuse those pending. */
function LeaveRequests({ sessionId }: { sessionId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const leaves = useQuery({
    queryKey: ['sessions', sessionId, 'leaves'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/sessions/{id}/leave-requests', {
          params: { path: { id: sessionId } },
        }),
      ),
  });
  const decide = useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) =>
      unwrap(
        approve
          ? await api.POST('/api/v1/leave-requests/{id}/approve', {
              params: { path: { id } },
              body: {},
            })
          : await api.POST('/api/v1/leave-requests/{id}/refuse', {
              params: { path: { id } },
              body: {},
            }),
      ),
    onSuccess: async (_d, v) => {
      message.success(v.approve ? '已批准请假' : '已不予批准');
      await queryClient.invalidateQueries({ queryKey: ['sessions', sessionId] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <section style={{ marginTop: 24 }}>
      <h2 className="card-h2">请假申请</h2>
      {leaves.error && <QueryError error={leaves.error} retry={() => void leaves.refetch()} />}
      <Table<Schemas['LeaveRequestDto']>
        rowKey="id"
        size="small"
        pagination={false}
        loading={leaves.isLoading}
        dataSource={leaves.data ?? []}
        locale={{ emptyText: <EmptyState title="没有请假申请" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '事由', dataIndex: 'reason' },
          { title: '提交', dataIndex: 'createdAt', render: (d: string) => when(d) },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <StatusTag map={LEAVE_STATUS} value={s} />,
          },
          {
            title: '',
            key: 'actions',
            render: (_, l) =>
              l.status === 'pending' && (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    loading={decide.isPending && decide.variables?.id === l.id}
                    onClick={() => decide.mutate({ id: l.id, approve: true })}
                  >
                    批准
                  </Button>
                  <Button
                    size="small"
                    danger
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: l.id, approve: false })}
                  >
                    不予批准
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </section>
  );
}
