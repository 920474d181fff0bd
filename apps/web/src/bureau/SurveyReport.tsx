import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Progress, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { progressPercent, useJob } from '../components/jobs';
import { EmptyState, Panel, QueryError, StatusTag } from '../components/ui';
import { percent, when } from '../lib/format';
import { SURVEY_REPORT_STATUS } from '../lib/labels';

type Summary = Schemas['ReportSummaryDto'];

/** The stored counts of a report (libs/surveys/src/reports/report.types.ts), as far as the page draws them. */
interface OptionCount {
  key: string;
  label: string;
  count: number;
  share: number;
}
interface QuestionReport {
  key: string;
  label: string;
  type: 'single' | 'multi' | 'rank' | 'text';
  answered: number;
  options: OptionCount[];
  ranking: (OptionCount & { rank: number; score: number })[];
  terms: { term: string; count: number; share: number }[];
}
interface ReportData {
  respondents: number;
  minGroupSize: number;
  suppressedAll: boolean;
  asOf: string;
  responseRates: { invited: number; submitted: number; rate: number };
  questions: QuestionReport[];
  demand: {
    question: string | null;
    types: { type: string; label: string; count: number; share: number }[];
  };
}

const KIND: Record<string, string> = { interim: '中期报告', final: '最终报告' };
const BUSY = ['pending', 'aggregated'];

/** The campaign's report versions: the newest opened with its charts, its files downloadable. */
export function SurveyReports({
  campaign,
  readOnly = false,
}: {
  campaign: Schemas['CampaignDto'];
  readOnly?: boolean;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reports = useQuery({
    queryKey: ['survey-campaigns', campaign.id, 'reports'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/survey-campaigns/{id}/reports', {
          params: { path: { id: campaign.id } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.some((r) => BUSY.includes(r.status)) ? 1000 : false),
  });
  const interim = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/survey-campaigns/{id}/reports', {
          params: { path: { id: campaign.id } },
        }),
      ),
    onSuccess: async (r) => {
      message.success('正在汇总中期报告');
      setChosen(r.id);
      await queryClient.invalidateQueries({
        queryKey: ['survey-campaigns', campaign.id, 'reports'],
      });
    },
    onError: (err) => setError(errorMessage(err)),
  });
  const list = reports.data ?? [];
  // newest first: the final report once there is one
  const sorted = [...list].sort((a, b) => b.number - a.number);
  const current = sorted.find((r) => r.id === chosen) ?? sorted[0];
  return (
    <Panel
      title="调查报告"
      extra={
        !readOnly &&
        campaign.status === 'open' && (
          <Button
            loading={interim.isPending}
            onClick={() => {
              setError(null);
              interim.mutate();
            }}
          >
            生成中期报告
          </Button>
        )
      }
    >
      {reports.error && <QueryError error={reports.error} retry={() => void reports.refetch()} />}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 8 }} />
      )}
      {!reports.isLoading && list.length === 0 && (
        <EmptyState
          title={
            campaign.status === 'open' && !readOnly
              ? '还没有报告：可生成中期报告，截止后自动生成最终报告'
              : '调查截止后自动生成最终报告'
          }
        />
      )}
      {sorted.length > 1 && (
        <Space wrap style={{ marginBottom: 8 }} aria-label="报告版本">
          {sorted.map((r) => (
            <Button
              key={r.id}
              size="small"
              type={r.id === current?.id ? 'primary' : 'default'}
              onClick={() => setChosen(r.id)}
            >
              第 {r.number} 版 · {KIND[r.kind] ?? r.kind}
            </Button>
          ))}
        </Space>
      )}
      {current && <ReportView key={current.id} summary={current} />}
    </Panel>
  );
}

function ReportView({ summary }: { summary: Summary }) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const busy = BUSY.includes(summary.status);
  const job = useJob(busy ? summary.job : null);
  const report = useQuery({
    queryKey: ['survey-reports', summary.id, summary.status],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/survey-reports/{id}', { params: { path: { id: summary.id } } }),
      ),
    enabled: summary.status === 'aggregated' || summary.status === 'ready',
  });
  const data = (report.data?.data ?? null) as ReportData | null;
  const pct = job.data ? progressPercent(job.data.progress) : null;
  return (
    <section aria-label={`第 ${summary.number} 版${KIND[summary.kind] ?? ''}`}>
      <p>
        <strong>
          第 {summary.number} 版 · {KIND[summary.kind] ?? summary.kind}
        </strong>{' '}
        <StatusTag map={SURVEY_REPORT_STATUS} value={summary.status} />
        {summary.asOf && <span className="muted">统计截至 {when(summary.asOf)}</span>}
      </p>
      {busy && (
        <div role="status" aria-label="报告生成进度">
          <span>{summary.status === 'pending' ? '正在汇总答卷…' : '正在生成 Excel 与 PDF…'}</span>
          <Progress percent={pct ?? (summary.status === 'aggregated' ? 50 : 0)} status="active" />
        </div>
      )}
      {summary.status === 'failed' && (
        <Alert type="error" showIcon role="alert" title={`报告生成失败：${summary.error ?? ''}`} />
      )}
      {summary.status === 'ready' && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              setDownloadError(null);
              downloadFile(
                `/api/v1/survey-reports/${summary.id}/files/xlsx`,
                '需求调查报告.xlsx',
              ).catch((err: unknown) => setDownloadError(errorMessage(err)));
            }}
          >
            下载 Excel
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              setDownloadError(null);
              downloadFile(
                `/api/v1/survey-reports/${summary.id}/files/pdf`,
                '需求调查报告.pdf',
              ).catch((err: unknown) => setDownloadError(errorMessage(err)));
            }}
          >
            下载 PDF
          </Button>
        </Space>
      )}
      {downloadError && <Alert type="error" showIcon role="alert" title={downloadError} />}
      {report.error && <QueryError error={report.error} retry={() => void report.refetch()} />}
      {data && <ReportCharts data={data} />}
    </section>
  );
}

function ReportCharts({ data }: { data: ReportData }) {
  return (
    <div className="stack">
      <p>
        邀请 {data.responseRates.invited} 人，提交 {data.respondents} 人，回收率{' '}
        {percent(data.responseRates.rate)}（匿名阈值 {data.minGroupSize} 人）
      </p>
      {data.suppressedAll ? (
        <Alert
          type="info"
          showIcon
          title={`提交人数少于 ${data.minGroupSize} 人：为保护答卷人，报告不显示任何统计`}
        />
      ) : (
        <>
          {data.demand.types.length > 0 && (
            <figure className="report-figure" aria-label="各类培训需求">
              <figcaption>
                <h3 className="card-h2">各类培训需求</h3>
              </figcaption>
              <BarChart rows={data.demand.types.map((t) => ({ key: t.type, ...t }))} />
            </figure>
          )}
          {data.questions
            .filter((q) => q.type !== 'text' && q.options.length > 0)
            .map((q) => (
              <figure key={q.key} className="report-figure" aria-label={q.label}>
                <figcaption>
                  <h3 className="card-h2">
                    {q.label} <Tag>{q.answered} 人作答</Tag>
                    {q.type === 'rank' && <Tag color="blue">排序题：按得分</Tag>}
                  </h3>
                </figcaption>
                <BarChart rows={q.type === 'rank' ? q.ranking : q.options} />
              </figure>
            ))}
          {data.questions
            .filter((q) => q.type === 'text')
            .map((q) => (
              <div key={q.key}>
                <h3 className="card-h2">{q.label} · 高频词</h3>
                <Table
                  rowKey="term"
                  size="small"
                  pagination={false}
                  dataSource={q.terms}
                  locale={{ emptyText: `没有达到 ${data.minGroupSize} 人使用的词` }}
                  columns={[
                    { title: '词', dataIndex: 'term' },
                    { title: '人数', dataIndex: 'count', width: 80 },
                    {
                      title: '占比',
                      dataIndex: 'share',
                      width: 90,
                      render: (s: number) => percent(s),
                    },
                  ]}
                />
              </div>
            ))}
        </>
      )}
    </div>
  );
}

/** Horizontal bars drawn with CSS: each option's count and its share of those who answered. */
function BarChart({
  rows,
}: {
  rows: { key: string; label: string; count: number; share: number }[];
}) {
  return (
    <ul className="bar-chart">
      {rows.map((r) => (
        <li key={r.key} aria-label={`${r.label}：${r.count} 人，${percent(r.share)}`}>
          <span className="bar-label">{r.label}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${Math.min(100, r.share * 100)}%` }} />
          </span>
          <span className="bar-value">
            {r.count} 人 · {percent(r.share)}
          </span>
        </li>
      ))}
    </ul>
  );
}
