import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Input,
  List,
  Row,
  Skeleton,
  Space,
  Table,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { bytes, when } from '../lib/format';
import { INSTITUTION_KIND, INSTITUTION_STATUS, label } from '../lib/labels';

type Institution = Schemas['InstitutionDto'];

const ACTION_LABEL: Record<string, string> = {
  submit: '提交申请',
  approve: '批准备案',
  reject: '驳回',
  request_changes: '退回修改',
  suspend: '暂停',
  reinstate: '恢复',
  edit: '修改',
};

/**
 * 机构审核: the qualification applications waiting for review (oldest first), one opened with
 * its documents to download; approve (files it), return for changes or reject with a reason;
 * and the filed institutions, which the bureau may suspend and reinstate with a reason.
 */
export function InstitutionsPage() {
  const [params, setParams] = useSearchParams();
  const queue = useQuery({
    queryKey: ['institutions', 'queue'],
    queryFn: async () => unwrap(await api.GET('/api/v1/institutions/review-queue')),
  });
  const filed = useQuery({
    queryKey: ['institutions', 'filed'],
    queryFn: async () => unwrap(await api.GET('/api/v1/institutions/filed')),
  });
  const suspended = useQuery({
    queryKey: ['institutions', 'suspended'],
    queryFn: async () => unwrap(await api.GET('/api/v1/institutions/suspended')),
  });
  const items = queue.data?.items ?? [];
  const selected = params.get('id') ?? items[0]?.id ?? null;
  const open = (id: string) => setParams({ id });
  /** A filed (or suspended) institution in the left column, opened on the right. */
  const filedItem = (f: { id: string; name: string }, description: string) => (
    <List.Item className={f.id === selected ? 'selected-item' : undefined}>
      <List.Item.Meta
        title={
          <a
            href={`?id=${f.id}`}
            onClick={(e) => {
              e.preventDefault();
              open(f.id);
            }}
          >
            {f.name}
          </a>
        }
        description={description}
      />
    </List.Item>
  );
  return (
    <>
      <PageHead title={`机构审核${queue.data ? `（${queue.data.count} 件待审）` : ''}`} />
      {queue.error && <QueryError error={queue.error} retry={() => void queue.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} className="stack">
          <Panel title="待审核的资质申请">
            <List
              loading={queue.isLoading}
              dataSource={items}
              locale={{
                emptyText: (
                  <EmptyState title="没有待审核的申请：培训机构提交资质申请后会出现在这里" />
                ),
              }}
              renderItem={(q) => (
                <List.Item className={q.id === selected ? 'selected-item' : undefined}>
                  <List.Item.Meta
                    title={
                      <a
                        href={`?id=${q.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          open(q.id);
                        }}
                        aria-current={q.id === selected ? 'true' : undefined}
                      >
                        {q.name}
                      </a>
                    }
                    description={`提交于 ${when(q.submittedAt)} · 已等待 ${q.daysWaiting} 天`}
                  />
                </List.Item>
              )}
            />
          </Panel>
          <Panel title="已备案机构">
            {filed.error && <QueryError error={filed.error} retry={() => void filed.refetch()} />}
            <List
              loading={filed.isLoading}
              dataSource={filed.data ?? []}
              locale={{ emptyText: <EmptyState title="还没有已备案的培训机构" /> }}
              renderItem={(f) => filedItem(f, f.filingNumber)}
            />
          </Panel>
          {(suspended.data?.length ?? 0) > 0 && (
            <Panel title="已暂停的机构">
              <List
                dataSource={suspended.data ?? []}
                renderItem={(f) => filedItem(f, `${f.filingNumber} · 已暂停委托，可恢复`)}
              />
            </Panel>
          )}
        </Col>
        <Col xs={24} lg={16}>
          {selected ? (
            <InstitutionDetail key={selected} id={selected} />
          ) : (
            !queue.isLoading && (
              <Panel>
                <EmptyState title="请从左侧选择一个申请或已备案机构" />
              </Panel>
            )
          )}
        </Col>
      </Row>
    </>
  );
}

function InstitutionDetail({ id }: { id: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const inst = useQuery({
    queryKey: ['institutions', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/institutions/{id}', { params: { path: { id } } })),
  });
  const fieldError = (err: unknown) => {
    const f = err instanceof ApiError ? err.fields.find((x) => x.field === 'reason') : undefined;
    if (f) setReasonError(f.messages.join('；'));
    else setReasonError(errorMessage(err));
  };
  const after = async (text: string) => {
    message.success(text);
    setReason('');
    await queryClient.invalidateQueries({ queryKey: ['institutions'] });
  };
  const review = useMutation({
    mutationFn: async (decision: 'approve' | 'reject' | 'request_changes') =>
      unwrap(
        await api.POST('/api/v1/institutions/{id}/review', {
          params: { path: { id } },
          body:
            decision === 'approve' && !reason.trim()
              ? { decision }
              : { decision, reason: reason.trim() },
        }),
      ),
    onSuccess: (_, d) =>
      after(d === 'approve' ? '已批准备案' : d === 'reject' ? '已驳回' : '已退回修改'),
    onError: fieldError,
  });
  const suspend = useMutation({
    mutationFn: async (action: 'suspend' | 'reinstate') =>
      unwrap(
        action === 'suspend'
          ? await api.POST('/api/v1/institutions/{id}/suspend', {
              params: { path: { id } },
              body: { reason: reason.trim() },
            })
          : await api.POST('/api/v1/institutions/{id}/reinstate', {
              params: { path: { id } },
              body: { reason: reason.trim() },
            }),
      ),
    onSuccess: (_, a) => after(a === 'suspend' ? '已暂停' : '已恢复'),
    onError: fieldError,
  });
  if (inst.error) return <QueryError error={inst.error} retry={() => void inst.refetch()} />;
  if (!inst.data) return <Skeleton active />;
  const p: Institution = inst.data;
  const needReason = (run: () => void) => {
    if (reason.trim().length < 2) {
      setReasonError('请填写理由（至少 2 个字）');
      return;
    }
    run();
  };
  const pending = p.status === 'pending';
  const canSuspend = p.status === 'approved';
  const canReinstate = p.status === 'suspended';
  const busy = review.isPending || suspend.isPending;
  return (
    <Panel title={p.name} extra={<StatusTag map={INSTITUTION_STATUS} value={p.status} />}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="法人名称">{p.legalName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="统一社会信用代码">{p.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="机构类别">{label(INSTITUTION_KIND, p.kind)}</Descriptions.Item>
        <Descriptions.Item label="年培训能力">
          {p.annualCapacity != null ? `${p.annualCapacity} 人次` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="地址">{p.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系人">
          {p.contactName ?? '—'} {p.contactPhone ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">
          {p.submittedAt ? when(p.submittedAt) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="备案号">{p.filingNumber ?? '—'}</Descriptions.Item>
        {p.description && (
          <Descriptions.Item label="简介" span={2}>
            {p.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      {p.lastReason && (
        <Alert type="warning" title={`最近的理由：${p.lastReason}`} style={{ marginTop: 12 }} />
      )}
      <h3 className="card-h2" style={{ marginTop: 12 }}>
        证明材料
      </h3>
      {downloadError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={downloadError}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<Schemas['DocumentDto']>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.documents}
        locale={{ emptyText: <EmptyState title="该机构未上传证明材料，可退回要求补充" /> }}
        columns={[
          { title: '文件名', dataIndex: 'fileName' },
          { title: '大小', dataIndex: 'sizeBytes', render: (b: number) => bytes(b), width: 100 },
          {
            title: '上传时间',
            dataIndex: 'uploadedAt',
            render: (d: string) => when(d),
            width: 170,
          },
          {
            title: '操作',
            width: 100,
            render: (_, d) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                aria-label={`下载 ${d.fileName}`}
                onClick={() => {
                  setDownloadError(null);
                  downloadFile(`/api/v1/institutions/${p.id}/documents/${d.id}`, d.fileName).catch(
                    (err: unknown) => setDownloadError(errorMessage(err)),
                  );
                }}
              >
                下载
              </Button>
            ),
          },
        ]}
      />
      {(pending || canSuspend || canReinstate) && (
        <div style={{ marginTop: 16 }}>
          <label className="field">
            <span>
              {pending ? '审核意见（退回、驳回时必填）' : canSuspend ? '暂停理由' : '恢复理由'}
            </span>
            <Input.TextArea
              aria-label={pending ? '审核意见' : canSuspend ? '暂停理由' : '恢复理由'}
              rows={3}
              value={reason}
              status={reasonError ? 'error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
            {reasonError && (
              <span className="field-error" role="alert">
                {reasonError}
              </span>
            )}
          </label>
          <Space style={{ marginTop: 12 }} wrap>
            {pending && (
              <>
                <Button type="primary" loading={busy} onClick={() => review.mutate('approve')}>
                  批准备案
                </Button>
                <Button
                  loading={busy}
                  onClick={() => needReason(() => review.mutate('request_changes'))}
                >
                  退回修改
                </Button>
                <Button
                  danger
                  loading={busy}
                  onClick={() => needReason(() => review.mutate('reject'))}
                >
                  驳回
                </Button>
              </>
            )}
            {canSuspend && (
              <Button
                danger
                loading={busy}
                onClick={() => needReason(() => suspend.mutate('suspend'))}
              >
                暂停备案
              </Button>
            )}
            {canReinstate && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => needReason(() => suspend.mutate('reinstate'))}
              >
                恢复备案
              </Button>
            )}
          </Space>
        </div>
      )}
      {p.history.length > 0 && (
        <>
          <h3 className="card-h2" style={{ marginTop: 16 }}>
            审核记录
          </h3>
          <Table<Schemas['ReviewStepDto']>
            rowKey={(h) => `${h.at}-${h.action}`}
            size="small"
            pagination={false}
            dataSource={p.history}
            columns={[
              { title: '时间', dataIndex: 'at', render: (d: string) => when(d), width: 170 },
              { title: '操作', dataIndex: 'action', render: (a: string) => ACTION_LABEL[a] ?? a },
              {
                title: '状态',
                dataIndex: 'toStatus',
                render: (s: string) => <StatusTag map={INSTITUTION_STATUS} value={s} />,
              },
              { title: '理由', dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
            ]}
          />
        </>
      )}
    </Panel>
  );
}
