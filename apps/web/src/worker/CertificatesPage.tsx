import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Skeleton, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { EmptyState, PageHead, Panel, QueryError, StatusTag } from '../components/ui';
import { day, hoursFromHalves } from '../lib/format';
import { CERTIFICATE_STATUS } from '../lib/records';

type Certificate = Schemas['CertificateDto'];

/** `/verify?s=<serial>&c=<code>`: the web app's public verification page, filled in. */
export function verifyLink(c: Pick<Certificate, 'serial' | 'verifyUrl'>): string | null {
  if (!c.verifyUrl) return null;
  const code = new URL(c.verifyUrl, window.location.origin).searchParams.get('c');
  return code ? `/verify?${new URLSearchParams({ s: c.serial, c: code }).toString()}` : null;
}

function CertificateCard({ c }: { c: Certificate }) {
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: () => downloadFile(`/api/v1/certificates/${c.id}/pdf`, `${c.serial}.pdf`),
    onError: (err) => message.error(errorMessage(err)),
  });
  const headingId = `cert-${c.id}`;
  const link = verifyLink(c);
  return (
    <Panel className="class-card" labelledBy={headingId}>
      <h2 id={headingId} className="card-title">
        {c.projectTitle}
      </h2>
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <StatusTag map={CERTIFICATE_STATUS} value={c.status} />
        <Tag color="blue">{c.typeLabel}</Tag>
        {c.generation > 1 && <Tag>换发（第 {c.generation} 版）</Tag>}
      </Space>
      <dl className="facts">
        <dt>证书编号</dt>
        <dd>{c.serial}</dd>
        <dt>学时</dt>
        <dd>{hoursFromHalves(c.halfHours)}</dd>
        <dt>培训时间</dt>
        <dd>
          {c.startDate} 至 {c.endDate}
        </dd>
        <dt>培训机构</dt>
        <dd>{c.institutionName}</dd>
        <dt>发证日期</dt>
        <dd>{c.issuedOn}</dd>
        {c.status === 'revoked' && (
          <>
            <dt>撤销日期</dt>
            <dd>
              {day(c.revokedAt)}
              {c.revokeReason ? `（${c.revokeReason}）` : ''}
            </dd>
          </>
        )}
      </dl>
      {!c.ready && <p className="muted">证书 PDF 正在生成，稍后刷新即可下载。</p>}
      <Space wrap>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          disabled={!c.ready}
          loading={download.isPending}
          onClick={() => download.mutate()}
          aria-label={`下载 PDF：${c.serial}`}
        >
          下载 PDF
        </Button>
        {link && (
          <Link to={link} className="ant-btn-like" aria-label={`核验证书：${c.serial}`}>
            <SafetyCertificateOutlined aria-hidden /> 核验证书
          </Link>
        )}
      </Space>
    </Panel>
  );
}

/** My certificates (with their PDF and the public verification) and my exam results. */
export function CertificatesPage() {
  const certs = useQuery({
    queryKey: ['me', 'certificates'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/certificates')),
  });
  const exams = useQuery({
    queryKey: ['me', 'exam-results'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/exam-results')),
  });
  return (
    <>
      <PageHead title="我的证书" />
      {certs.error && <QueryError error={certs.error} retry={() => void certs.refetch()} />}
      {certs.isLoading && <Skeleton active />}
      {certs.data?.length === 0 && (
        <EmptyState title="还没有证书。学时达标并通过考核后，培训机构发证，证书会出现在这里。" />
      )}
      <div className="stack">
        {(certs.data ?? []).map((c) => (
          <CertificateCard key={c.id} c={c} />
        ))}
      </div>
      <Panel title="考核成绩" className="mt">
        {exams.error && <QueryError error={exams.error} retry={() => void exams.refetch()} />}
        {exams.isLoading && <Skeleton active />}
        {exams.data?.length === 0 && (
          <EmptyState title="还没有考核成绩。班次学时修满后，培训机构组织考核，成绩记在这里。" />
        )}
        <ul className="plain-list">
          {(exams.data ?? []).map((r) => (
            <li key={`${r.examId}-${r.attempt}`}>
              <div className="item-title">
                {r.classTitle}{' '}
                <Tag color={r.passed ? 'green' : 'red'}>{r.passed ? '合格' : '不合格'}</Tag>
              </div>
              <div className="item-desc">
                {r.heldOn} · {r.attempt > 1 ? `第 ${r.attempt - 1} 次补考` : '首次考核'}
                {r.score !== null ? ` · ${r.score} 分` : ''}
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
