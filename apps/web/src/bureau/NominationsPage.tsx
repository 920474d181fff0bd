import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { nominationColumns, nominationYears, QuotaBar } from '../components/nominations';
import { EmptyState, PageHead, Panel, QueryError } from '../components/ui';
import { thisYear } from '../lib/format';
import { NOMINATION_STATUS, options } from '../lib/labels';

type Nomination = Schemas['NominationDto'];
type Status = 'pending' | 'accepted' | 'rejected' | 'withdrawn';
const STATUS_TEXT = Object.fromEntries(
  Object.entries(NOMINATION_STATUS).map(([k, v]) => [k, v.label]),
);

/**
 * 进修推荐 (Art. 9): the districts' nominations of the year, filtered on the server, with the
 * running count against the city-wide quota; the bureau accepts one into an advanced class
 * (one place of the quota) or rejects it with a reason.
 */
export function NominationsPage() {
  const [year, setYear] = useState(thisYear());
  const [status, setStatus] = useState<Status | undefined>('pending');
  const [deciding, setDeciding] = useState<{ n: Nomination; kind: 'accept' | 'reject' } | null>(
    null,
  );
  const districts = useQuery({
    queryKey: ['org-units', 'district'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/org/units', { params: { query: { kind: 'district' } } })),
    staleTime: 5 * 60_000,
  });
  const districtName = new Map((districts.data ?? []).map((d) => [d.id, d.name]));
  const list = useQuery({
    queryKey: ['nominations', year, status],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/nominations', { params: { query: { year, status } } })),
  });
  return (
    <>
      <PageHead title="进修推荐" />
      <div className="toolbar">
        <label className="inline-field">
          <span>年度</span>
          <select
            className="native-select"
            aria-label="年度"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {nominationYears(thisYear()).map((y) => (
              <option key={y} value={y}>
                {y} 年
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>状态</span>
          <select
            className="native-select"
            aria-label="状态"
            value={status ?? ''}
            onChange={(e) => setStatus((e.target.value || undefined) as Status | undefined)}
          >
            <option value="">全部</option>
            {options(STATUS_TEXT).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.data && <QuotaBar list={list.data} />}
      <Panel>
        <Table<Nomination>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={(list.data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
          locale={{
            emptyText: (
              <EmptyState
                title={
                  status === 'pending'
                    ? '没有待确认的推荐：各区推荐进修人选后会出现在这里'
                    : '没有符合条件的推荐，可更换年度或状态查看'
                }
              />
            ),
          }}
          columns={[
            { title: '姓名', dataIndex: 'workerName' },
            {
              title: '推荐区',
              dataIndex: 'districtId',
              render: (d: string) => districtName.get(d) ?? '—',
            },
            ...nominationColumns(),
            {
              title: '操作',
              render: (_, n) =>
                n.status === 'pending' ? (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      autoInsertSpace={false}
                      aria-label={`确认 ${n.workerName}`}
                      onClick={() => setDeciding({ n, kind: 'accept' })}
                    >
                      确认
                    </Button>
                    <Button
                      size="small"
                      danger
                      aria-label={`不予确认 ${n.workerName}`}
                      onClick={() => setDeciding({ n, kind: 'reject' })}
                    >
                      不予确认
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Panel>
      {deciding && (
        <DecideDialog
          key={`${deciding.n.id}-${deciding.kind}`}
          nomination={deciding.n}
          kind={deciding.kind}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}

function DecideDialog({
  nomination,
  kind,
  onClose,
}: {
  nomination: Nomination;
  kind: 'accept' | 'reject';
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [classId, setClassId] = useState('');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const classes = useQuery({
    queryKey: ['classes', 'advanced', nomination.year],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/classes', {
          params: { query: { type: 'advanced', year: nomination.year, limit: 100 } },
        }),
      ),
    enabled: kind === 'accept',
  });
  const decide = useMutation({
    mutationFn: async () =>
      kind === 'accept'
        ? unwrap(
            await api.POST('/api/v1/nominations/{id}/accept', {
              params: { path: { id: nomination.id } },
              body: { classId },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/nominations/{id}/reject', {
              params: { path: { id: nomination.id } },
              body: { reason: reason.trim() },
            }),
          ),
    onSuccess: async () => {
      message.success(kind === 'accept' ? '已确认，已编入进修班' : '已不予确认');
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
      onClose();
    },
    onError: (err) => {
      const field = kind === 'accept' ? 'classId' : 'reason';
      const f = err instanceof ApiError ? err.fields.find((x) => x.field === field) : undefined;
      if (f) setFieldError(f.messages.join('；'));
      else setFormError(errorMessage(err));
    },
  });
  const submit = () => {
    setFormError(null);
    if (kind === 'accept' && !classId) return setFieldError('请选择进修班次');
    if (kind === 'reject' && reason.trim().length < 2)
      return setFieldError('请填写不予确认的原因（至少 2 个字）');
    decide.mutate();
  };
  const open = (classes.data?.items ?? []).filter((c) => c.status !== 'cancelled');
  return (
    <Modal
      open
      title={`${kind === 'accept' ? '确认推荐' : '不予确认'}：${nomination.workerName}`}
      okText={kind === 'accept' ? '确认并编班' : '不予确认'}
      okButtonProps={{ danger: kind === 'reject', loading: decide.isPending }}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
    >
      {formError && (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 12 }} />
      )}
      {kind === 'accept' ? (
        <label className="field">
          <span>进修班次</span>
          <select
            className="native-select"
            aria-label="进修班次"
            value={classId}
            onChange={(e) => {
              setClassId(e.target.value);
              setFieldError(null);
            }}
          >
            <option value="">请选择</option>
            {open.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}（{c.taken}/{c.capacity}）
              </option>
            ))}
          </select>
          {!classes.isLoading && open.length === 0 && (
            <span className="muted">{nomination.year} 年还没有进修班次：请先开设进修班</span>
          )}
          {classes.error && (
            <span className="field-error" role="alert">
              {errorMessage(classes.error)}
            </span>
          )}
          {fieldError && (
            <span className="field-error" role="alert">
              {fieldError}
            </span>
          )}
        </label>
      ) : (
        <label className="field">
          <span>不予确认的原因</span>
          <Input.TextArea
            aria-label="不予确认的原因"
            rows={3}
            value={reason}
            status={fieldError ? 'error' : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setFieldError(null);
            }}
          />
          {fieldError && (
            <span className="field-error" role="alert">
              {fieldError}
            </span>
          )}
        </label>
      )}
    </Modal>
  );
}
