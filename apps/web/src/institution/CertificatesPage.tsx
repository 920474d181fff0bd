import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Progress, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { bytes, hoursFromHalves } from '../lib/format';
import { ClassTabs } from './ClassTabs';
import { useClassOf } from './classQuery';

type Certificate = Schemas['CertificateDto'];
type Bundle = Schemas['BundleDto'];

const CERT_STATUS: Record<string, { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  revoked: { label: '已撤销', color: 'red' },
  superseded: { label: '已被换发', color: 'default' },
};
const NOT_ELIGIBLE: Record<string, string> = {
  not_enrolled: '不在册',
  hours_not_met: '学时未满',
  not_passed: '考核未合格',
};

/**
 * A class's certificates: one button issues them for every trainee who met the
 * hours and passed (one queue job each), a progress bar fed by the jobs'
 * progress (GET …/certificates/progress), the certificates listed with their
 * PDF; and the whole class's certificates as one ZIP built in the background.
 */
export function CertificatesPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const cls = useClassOf(id);
  const [request, setRequest] = useState<Schemas['IssueRequestDto'] | null>(null);
  const progress = useQuery({
    queryKey: ['classes', id, 'certificates', 'progress'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/classes/{id}/certificates/progress', {
          params: { path: { id } },
        }),
      ),
    refetchInterval: (q) => (q.state.data && q.state.data.queued > 0 ? 1000 : false),
  });
  const queued = progress.data?.queued ?? 0;
  const certs = useQuery({
    queryKey: ['classes', id, 'certificates', 'list', progress.data?.issued],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}/certificates', { params: { path: { id } } })),
  });
  const issue = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/classes/{id}/certificates/issue', { params: { path: { id } } }),
      ),
    onSuccess: async (r) => {
      setRequest(r);
      message.success(
        r.queued ? `已开始生成 ${r.queued} 张证书` : '没有需要新发的证书（符合条件的都已发证）',
      );
      await queryClient.invalidateQueries({ queryKey: ['classes', id, 'certificates'] });
    },
  });

  if (cls.error) return <QueryError error={cls.error} retry={() => void cls.refetch()} />;
  if (!cls.data) return <Skeleton active />;
  const p = progress.data;
  // what this run makes: those eligible when the button was pressed, else the jobs under way
  const target = request ? request.eligible : p ? p.issued + p.queued + p.failed : 0;
  const pct = p && target ? Math.min(100, Math.round((p.issued / target) * 100)) : 0;
  const running = queued > 0 || issue.isPending;

  return (
    <>
      <PageHead title={cls.data.title} extra={<Link to="/i">返回班次列表</Link>} />
      <ClassTabs classId={id} active="certificates" />
      {progress.error && (
        <QueryError error={progress.error} retry={() => void progress.refetch()} />
      )}
      <Panel
        className="inst-panel"
        title="批量发证"
        extra={
          <Button
            type="primary"
            loading={running}
            disabled={running}
            onClick={() => issue.mutate()}
          >
            为本班发放证书
          </Button>
        }
      >
        <p className="muted">
          学时已满且考核合格的学员各发一张证书；已发证的不会重复发放。证书编号连续，PDF 在后台生成。
        </p>
        {issue.error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorMessage(issue.error)}
            style={{ marginBottom: 12 }}
          />
        )}
        {request && (
          <p>
            符合条件 {request.eligible} 人（已发证 {request.alreadyIssued} 人，本次生成{' '}
            {request.queued} 张）
            {Object.entries(request.notEligible as Record<string, number>)
              .filter(([, n]) => n > 0)
              .map(([k, n]) => `；${NOT_ELIGIBLE[k] ?? k} ${n} 人`)
              .join('')}
          </p>
        )}
        {p && (
          <>
            <Progress
              percent={pct}
              status={p.failed ? 'exception' : pct >= 100 ? 'success' : 'active'}
              aria-label="发证进度"
              data-testid="issue-progress"
            />
            <p className="muted" data-testid="issue-counts">
              考核合格 {p.passed} 人 · 已分配编号 {p.allocated} · 已生成 {p.issued} · 排队中{' '}
              {p.queued}
              {p.failed ? ` · 失败 ${p.failed}（再点一次“为本班发放证书”重试）` : ''}
            </p>
          </>
        )}
      </Panel>
      <Panel
        className="inst-panel"
        title="本班证书"
        extra={<BundleButton classId={id} count={certs.data?.length ?? 0} />}
      >
        {certs.error && <QueryError error={certs.error} retry={() => void certs.refetch()} />}
        <Table<Certificate>
          rowKey="id"
          size="middle"
          pagination={false}
          loading={certs.isLoading}
          dataSource={certs.data ?? []}
          scroll={{ x: 760 }}
          locale={{
            emptyText: <EmptyState title="还没有证书。录入考核成绩后点击“为本班发放证书”。" />,
          }}
          columns={[
            { title: '证书编号', dataIndex: 'serial' },
            { title: '持证人', dataIndex: 'holderName' },
            { title: '身份证号', dataIndex: 'idNumberMasked' },
            { title: '学时', dataIndex: 'halfHours', render: (h: number) => hoursFromHalves(h) },
            { title: '发证日期', dataIndex: 'issuedOn' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <StatusTag map={CERT_STATUS} value={s} />,
            },
            {
              title: 'PDF',
              key: 'pdf',
              render: (_, c) =>
                c.ready ? <PdfButton cert={c} /> : <Tag color="processing">生成中</Tag>,
            },
          ]}
        />
      </Panel>
    </>
  );
}

function PdfButton({ cert }: { cert: Certificate }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="small"
      loading={busy}
      aria-label={`下载 PDF：${cert.holderName} 的证书`}
      onClick={() => {
        setBusy(true);
        downloadFile(`/api/v1/certificates/${cert.id}/pdf`, `${cert.serial}.pdf`)
          .catch((e: unknown) => message.error(errorMessage(e)))
          .finally(() => setBusy(false));
      }}
    >
      下载 PDF
    </Button>
  );
}

/** The class's certificates as one ZIP: built in the background, its progress, then the link. */
function BundleButton({ classId, count }: { classId: string; count: number }) {
  const { message } = App.useApp();
  const [bundleId, setBundleId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/classes/{id}/certificates/bundle', {
          params: { path: { id: classId } },
        }),
      ),
    onSuccess: (b) => setBundleId(b.id),
    onError: (e) => message.error(errorMessage(e)),
  });
  const bundle = useQuery({
    queryKey: ['certificate-bundles', bundleId],
    enabled: !!bundleId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/certificate-bundles/{id}', {
          params: { path: { id: bundleId! } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 1000 : false),
  });
  const [downloading, setDownloading] = useState(false);
  const b: Bundle | undefined = bundle.data;
  const pct = b
    ? b.total
      ? Math.round((b.done / b.total) * 100)
      : b.status === 'ready'
        ? 100
        : 0
    : 0;
  return (
    <Space wrap>
      {b && b.status !== 'failed' && (
        <Progress
          percent={pct}
          size="small"
          style={{ width: 160 }}
          status={b.status === 'ready' ? 'success' : 'active'}
          aria-label="压缩包进度"
          data-testid="bundle-progress"
        />
      )}
      {b?.status === 'failed' && <Tag color="red">压缩包生成失败，请重试</Tag>}
      {bundle.error && <Tag color="red">{errorMessage(bundle.error)}</Tag>}
      {b?.status === 'ready' ? (
        <Button
          type="primary"
          loading={downloading}
          onClick={() => {
            setDownloading(true);
            downloadFile(`/api/v1/certificate-bundles/${b.id}/file`, 'certificates.zip')
              .catch((e: unknown) => message.error(errorMessage(e)))
              .finally(() => setDownloading(false));
          }}
        >
          下载压缩包（{b.total} 张，{bytes(b.size)}）
        </Button>
      ) : (
        <Button
          disabled={!count || b?.status === 'pending'}
          loading={start.isPending || b?.status === 'pending'}
          onClick={() => start.mutate()}
        >
          {b?.status === 'pending' ? '正在打包…' : '打包下载全部证书'}
        </Button>
      )}
    </Space>
  );
}
