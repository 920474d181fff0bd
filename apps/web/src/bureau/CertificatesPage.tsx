import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Input, Progress, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiError, errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { progressPercent, useJob } from '../components/jobs';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { hoursFromHalves, when } from '../lib/format';
import { CERTIFICATE_STATUS } from '../lib/labels';

type Certificate = Schemas['CertificateDto'];

/** The API's message about the serial (400 names `serial`; 404 is about the serial too). */
const serialProblem = (err: unknown): string => {
  if (err instanceof ApiError) {
    const f = err.fields.find((x) => x.field === 'serial');
    if (f) return f.messages.join('；');
  }
  return errorMessage(err);
};

/**
 * 证书撤销: find a certificate by its serial, see what it says and whether it is valid;
 * revoke it with a reason (the public verification then says revoked), or reissue it
 * (a new serial and PDF, rendered by a job whose progress is shown).
 */
export function CertificatesPage() {
  const [params, setParams] = useSearchParams();
  const serial = params.get('serial') ?? '';
  const cert = useQuery({
    queryKey: ['certificates', 'serial', serial],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/certificates', { params: { query: { serial } } })),
    enabled: !!serial,
    retry: false,
  });
  return (
    <>
      <PageHead title="证书撤销与换发" />
      <Panel>
        <label className="field" style={{ maxWidth: 420 }}>
          <span>证书编号</span>
          <Input.Search
            key={serial}
            aria-label="证书编号"
            placeholder="如 BJPX-2026-000123"
            enterButton="查找"
            defaultValue={serial}
            status={cert.error ? 'error' : undefined}
            onSearch={(v) => {
              const s = v.trim().toUpperCase();
              if (s) setParams({ serial: s });
            }}
          />
          {cert.error && (
            <span className="field-error" role="alert">
              {serialProblem(cert.error)}
            </span>
          )}
        </label>
        {!serial && <EmptyState title="输入证书上的编号查找证书；也可从持证人的证书列表中点开" />}
      </Panel>
      {cert.data && <CertificateDetail key={cert.data.id} cert={cert.data} />}
    </>
  );
}

function CertificateDetail({ cert }: { cert: Certificate }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [, setParams] = useSearchParams();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [reissueJob, setReissueJob] = useState<{ queue: string; jobId: string } | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const job = useJob(reissueJob);
  const others = useQuery({
    queryKey: ['certificates', 'worker', cert.workerId, job.data?.state],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers/{id}/certificates', {
          params: { path: { id: cert.workerId } },
        }),
      ),
  });
  const onError = (err: unknown) => {
    const f = err instanceof ApiError ? err.fields.find((x) => x.field === 'reason') : undefined;
    setReasonError(f ? f.messages.join('；') : errorMessage(err));
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['certificates'] });
  const revoke = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/certificates/{id}/revoke', {
          params: { path: { id: cert.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      message.success('证书已撤销');
      setReason('');
      await refresh();
    },
    onError,
  });
  const reissue = useMutation({
    mutationFn: async () => {
      const res = await api.POST('/api/v1/certificates/{id}/reissue', {
        params: { path: { id: cert.id } },
        body: { reason: reason.trim() },
      });
      return unwrap(res) as unknown as { queue: string; jobId: string; generation: number };
    },
    onSuccess: (r) => {
      message.success(`正在换发第 ${r.generation} 代证书`);
      setReissueJob({ queue: r.queue, jobId: r.jobId });
      setReason('');
    },
    onError,
  });
  const jobDone = job.data && ['completed', 'failed'].includes(job.data.state);
  useEffect(() => {
    // the reissue done: this certificate is now superseded
    if (job.data?.state === 'completed')
      void queryClient.invalidateQueries({ queryKey: ['certificates', 'serial'] });
  }, [job.data?.state, queryClient]);
  const withReason = (run: () => void) => {
    if (reason.trim().length < 2) {
      setReasonError('请填写原因（至少 2 个字）');
      return;
    }
    run();
  };
  const pct = job.data ? progressPercent(job.data.progress) : null;
  const valid = cert.status === 'valid';
  return (
    <div className="stack" style={{ marginTop: 16 }}>
      <Panel
        title={`证书 ${cert.serial}`}
        extra={<StatusTag map={CERTIFICATE_STATUS} value={cert.status} />}
      >
        {cert.status === 'revoked' && (
          <Alert
            type="error"
            showIcon
            role="status"
            title={`该证书已于 ${when(cert.revokedAt)} 撤销`}
            description={cert.revokeReason ? `撤销原因：${cert.revokeReason}` : undefined}
            style={{ marginBottom: 12 }}
          />
        )}
        {cert.status === 'superseded' && (
          <Alert
            type="warning"
            showIcon
            role="status"
            title="该证书已被换发，请查看持证人的最新证书"
            style={{ marginBottom: 12 }}
          />
        )}
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="持证人">{cert.holderName}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{cert.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="培训项目">{cert.projectTitle}</Descriptions.Item>
          <Descriptions.Item label="培训类型">{cert.typeLabel}</Descriptions.Item>
          <Descriptions.Item label="学时">{hoursFromHalves(cert.halfHours)}</Descriptions.Item>
          <Descriptions.Item label="培训时间">
            {cert.startDate} 至 {cert.endDate}
          </Descriptions.Item>
          <Descriptions.Item label="培训机构">{cert.institutionName}</Descriptions.Item>
          <Descriptions.Item label="发证日期">{cert.issuedOn}</Descriptions.Item>
          <Descriptions.Item label="发证单位">{cert.issuers.join('、')}</Descriptions.Item>
          <Descriptions.Item label="第几代">第 {cert.generation} 代</Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 8 }} wrap>
          {cert.ready && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => {
                setDownloadError(null);
                downloadFile(`/api/v1/certificates/${cert.id}/pdf`, `${cert.serial}.pdf`).catch(
                  (err: unknown) => setDownloadError(errorMessage(err)),
                );
              }}
            >
              下载 PDF
            </Button>
          )}
          {cert.verifyUrl && (
            <a href={cert.verifyUrl} target="_blank" rel="noreferrer">
              公开查验页
            </a>
          )}
        </Space>
        {downloadError && <Alert type="error" showIcon role="alert" title={downloadError} />}
        {valid && (
          <div style={{ marginTop: 16 }}>
            <label className="field">
              <span>原因（撤销、换发时必填）</span>
              <Input.TextArea
                aria-label="撤销或换发原因"
                rows={2}
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
              <Button
                danger
                loading={revoke.isPending}
                onClick={() => withReason(() => revoke.mutate())}
              >
                撤销证书
              </Button>
              <Button
                loading={reissue.isPending}
                disabled={!cert.ready || (!!reissueJob && !jobDone)}
                onClick={() => withReason(() => reissue.mutate())}
              >
                换发证书
              </Button>
            </Space>
          </div>
        )}
        {reissueJob && (
          <div role="status" aria-label="换发进度" style={{ marginTop: 12 }}>
            {job.data?.state === 'failed' ? (
              <Alert type="error" showIcon title={`换发失败：${job.data.failedReason ?? ''}`} />
            ) : jobDone ? (
              <Alert type="success" showIcon title="换发完成：新证书见下表" />
            ) : (
              <>
                <span>正在生成新证书…</span>
                <Progress percent={pct ?? 0} status="active" />
              </>
            )}
          </div>
        )}
      </Panel>
      <Panel title={`${cert.holderName} 的全部证书`}>
        {others.error && <QueryError error={others.error} retry={() => void others.refetch()} />}
        <Table<Certificate>
          rowKey="id"
          size="small"
          loading={others.isLoading}
          pagination={false}
          dataSource={others.data ?? []}
          locale={{ emptyText: <EmptyState title="没有其他证书" /> }}
          columns={[
            {
              title: '编号',
              dataIndex: 'serial',
              render: (s: string) =>
                s === cert.serial ? (
                  s
                ) : (
                  <a
                    href={`?serial=${s}`}
                    onClick={(e) => {
                      e.preventDefault();
                      setParams({ serial: s });
                    }}
                  >
                    {s}
                  </a>
                ),
            },
            { title: '培训项目', dataIndex: 'projectTitle' },
            { title: '发证日期', dataIndex: 'issuedOn', width: 110 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 100,
              render: (s: string) => <StatusTag map={CERTIFICATE_STATUS} value={s} />,
            },
          ]}
        />
      </Panel>
    </div>
  );
}
