import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { nominationColumns, nominationYears, QuotaBar } from '../components/nominations';
import { EmptyState, PageHead, Panel, QueryError } from '../components/ui';
import { thisYear } from '../lib/format';
import { POSITION_TIER, label } from '../lib/labels';

type Nomination = Schemas['NominationDto'];

/**
 * 进修推荐, the district's side (Art. 9): nominate serving workers rated excellent last year
 * for the year's advanced study, follow the bureau's decisions and the city-wide quota, and
 * withdraw a nomination not yet decided.
 */
export function NominationsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const list = useQuery({
    queryKey: ['nominations', year],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/nominations', { params: { query: { year } } })),
  });
  const withdraw = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/nominations/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success('已撤回推荐');
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  return (
    <>
      <PageHead
        title="进修推荐"
        extra={
          <label className="inline-field">
            <span>进修年度</span>
            <select
              className="native-select"
              aria-label="进修年度"
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
        }
      />
      {list.error && <QueryError error={list.error} retry={() => void list.refetch()} />}
      {list.data && <QuotaBar list={list.data} />}
      <div className="stack">
        <NominateForm year={year} />
        <Panel title={`本区 ${year} 年度推荐`}>
          <Table<Nomination>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={(list.data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
            locale={{
              emptyText: (
                <EmptyState title="本年度还没有推荐：在上方查找上年度考核优秀的社区工作者并推荐" />
              ),
            }}
            columns={[
              { title: '姓名', dataIndex: 'workerName' },
              ...nominationColumns(),
              {
                title: '操作',
                render: (_, n) =>
                  n.status === 'pending' ? (
                    <Button
                      size="small"
                      autoInsertSpace={false}
                      aria-label={`撤回 ${n.workerName}`}
                      loading={withdraw.isPending && withdraw.variables === n.id}
                      onClick={() => withdraw.mutate(n.id)}
                    >
                      撤回
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Panel>
      </div>
    </>
  );
}

/** Find a worker of the district by name (on the server), then nominate with a reason. */
function NominateForm({ year }: { year: number }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [name, setName] = useState<string | null>(null);
  const [picked, setPicked] = useState<Schemas['WorkerDto'] | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ workerId?: string; reason?: string; form?: string }>({});
  const workers = useQuery({
    queryKey: ['workers', 'nominate', name],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers', {
          params: { query: { name: name!, status: 'active', limit: 20 } },
        }),
      ),
    enabled: !!name,
  });
  const nominate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/nominations', {
          body: { workerId: picked!.id, year, ...(reason.trim() ? { reason: reason.trim() } : {}) },
        }),
      ),
    onSuccess: async (n) => {
      message.success(`已推荐 ${n.workerName}`);
      setPicked(null);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: ['nominations'] });
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? err.fields : [];
      const by = (f: string) => fields.find((x) => x.field === f)?.messages.join('；');
      if (by('reason') || by('workerId'))
        setErrors({ reason: by('reason'), workerId: by('workerId') });
      // a refusal about the worker (not excellent, already nominated, quota full) belongs next to the worker
      else setErrors({ workerId: errorMessage(err) });
    },
  });
  return (
    <Panel title={`推荐 ${year} 年度进修人选`}>
      <p className="muted">
        只能推荐本区在职、上一年度考核为“优秀”的社区工作者（第九条）；全市名额由市民政局确认。
      </p>
      <Input.Search
        aria-label="按姓名查找社区工作者"
        placeholder="输入姓名查找"
        allowClear
        enterButton="查找"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => {
          setName(v.trim() || null);
          setPicked(null);
        }}
        style={{ maxWidth: 360 }}
      />
      {workers.error && <QueryError error={workers.error} />}
      {name && workers.data && (
        <Table<Schemas['WorkerDto']>
          rowKey="id"
          size="small"
          style={{ marginTop: 12 }}
          pagination={false}
          dataSource={workers.data.items}
          locale={{ emptyText: <EmptyState title="没有找到在职的社区工作者，请换个姓名查找" /> }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '社区工作起始', dataIndex: 'startedOn' },
            {
              title: '岗位层级',
              dataIndex: 'positionTier',
              render: (t: string) => label(POSITION_TIER, t),
            },
            {
              title: '选择',
              render: (_, w) => (
                <Button
                  size="small"
                  type={picked?.id === w.id ? 'primary' : 'default'}
                  autoInsertSpace={false}
                  aria-label={`${picked?.id === w.id ? '已选择' : '选择'} ${w.name}`}
                  onClick={() => {
                    setPicked(w);
                    setErrors({});
                  }}
                >
                  {picked?.id === w.id ? '已选择' : '选择'}
                </Button>
              ),
            },
          ]}
        />
      )}
      {picked && (
        <div style={{ marginTop: 12 }}>
          <p>
            推荐人选：<strong>{picked.name}</strong>
          </p>
          {errors.workerId && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errors.workerId}
              style={{ marginBottom: 8 }}
            />
          )}
          <label className="field">
            <span>推荐理由（选填）</span>
            <Input.TextArea
              aria-label="推荐理由"
              rows={2}
              value={reason}
              status={errors.reason ? 'error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors({});
              }}
            />
            {errors.reason && (
              <span className="field-error" role="alert">
                {errors.reason}
              </span>
            )}
          </label>
          <Button
            type="primary"
            style={{ marginTop: 12 }}
            autoInsertSpace={false}
            aria-label={`推荐 ${picked.name}`}
            loading={nominate.isPending}
            onClick={() => nominate.mutate()}
          >
            推荐
          </Button>
        </div>
      )}
    </Panel>
  );
}
