import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Progress, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from './files';
import { progressPercent, useJob } from './jobs';
import { EmptyState, Panel } from './ui';
import { when } from '../lib/format';

type Report = Schemas['EvaluationReportDto'];
type Group = Schemas['GroupStatsDto'];
type Item = Schemas['ItemStatsDto'];

/*
 * An evaluation report (class, teacher or institution) as the API gives it to its reader:
 * the institution and the teachers see anonymous aggregates from 5 answers up (below that
 * the page says so, never zeros); the authority (a district, the bureau) sees it whole and
 * exports it as Excel or PDF through the report job.
 */

/** Why a group's figures are not shown to an anonymous reader. */
function hiddenText(r: Report): string {
  const notYet = r.releasesAt && new Date(r.releasesAt).getTime() > Date.now();
  return notYet
    ? `评价尚未截止，${when(r.releasesAt)} 截止后公布（不足 ${r.threshold} 份的不公布）`
    : `不足 ${r.threshold} 份评价（或可由合计推算），为保护学员匿名不予显示`;
}

/** A report: the post-class totals and groups, the classroom summary, the export. */
export function EvaluationReportView({ report: r }: { report: Report }) {
  return (
    <>
      {r.view === 'anonymous' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`学员评价匿名：只显示不少于 ${r.threshold} 份评价的汇总，且在评价截止后公布。`}
        />
      )}
      <Panel className="inst-panel" title="课后评价（学员评教师）">
        <GroupView group={r.total} report={r} />
        {r.groups.map((g) => (
          <section key={g.key} className="eval-group" aria-label={`${g.label} 的评价`}>
            <h3>{g.label}</h3>
            <GroupView group={g} report={r} />
          </section>
        ))}
      </Panel>
      {r.classroom && (
        <Panel className="inst-panel" title="课堂评价（教师评学员）">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="应评人次">{r.classroom.expected}</Descriptions.Item>
            <Descriptions.Item label="已评人次">{r.classroom.done}</Descriptions.Item>
            <Descriptions.Item label="完成率">
              {r.classroom.rate === null ? '—' : `${r.classroom.rate}%`}
            </Descriptions.Item>
          </Descriptions>
          {r.classroom.done ? (
            <Items items={r.classroom.items} />
          ) : (
            <EmptyState title="教师还没有进行课堂评价。课次结束后，授课教师在课次的“课堂评价”中评价学员。" />
          )}
        </Panel>
      )}
      {r.view === 'authority' ? (
        <ExportPanel report={r} />
      ) : (
        <p className="muted">评价报告的 Excel / PDF 导出由委托区或市民政局办理。</p>
      )}
    </>
  );
}

function GroupView({ group: g, report }: { group: Group; report: Report }) {
  if (!g.visible) {
    return (
      <p className="eval-hidden" data-testid={`eval-hidden-${g.key}`}>
        <Tag>未公布</Tag>
        {hiddenText(report)}
      </p>
    );
  }
  return (
    <div data-testid={`eval-group-${g.key}`}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="应评人次">{g.expected ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="已评份数">{g.answered ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="回收率">{g.rate === null ? '—' : `${g.rate}%`}</Descriptions.Item>
      </Descriptions>
      {g.items && <Items items={g.items} />}
      {g.comments && g.comments.length > 0 && (
        <div className="eval-comments">
          <h4>意见和建议（{g.comments.length} 条）</h4>
          <ul>
            {g.comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Each item: the likert mean as a bar out of 5, and the count of each answer as bars. */
function Items({ items }: { items: Item[] }) {
  return (
    <div className="eval-items">
      {items
        .filter((it) => it.type !== 'text')
        .map((it) => {
          // the document types each bar as an object: { option, count }
          const dist = it.distribution as unknown as { option: string; count: number }[];
          const most = Math.max(1, ...dist.map((d) => d.count));
          return (
            <div key={it.key} className="eval-item">
              <div className="eval-item-head">
                <strong>{it.label}</strong>
                <span className="muted">{it.answered} 份</span>
              </div>
              {typeof it.average === 'number' && (
                <Progress
                  percent={Math.round((it.average / 5) * 100)}
                  format={() => `${it.average!.toFixed(2)} / 5`}
                  aria-label={`${it.label} 平均分 ${it.average.toFixed(2)}`}
                />
              )}
              <ul className="eval-dist" aria-label={`${it.label} 的分布`}>
                {dist.map((d) => (
                  <li key={d.option}>
                    <span className="eval-dist-label">
                      {it.type === 'likert' ? `${d.option} 分` : d.option}
                    </span>
                    <span className="eval-dist-bar">
                      <span style={{ width: `${(d.count / most) * 100}%` }} />
                    </span>
                    <span className="eval-dist-count">{d.count}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
    </div>
  );
}

/** Excel / PDF through the report job (POST /evaluation-reports): its progress, then the file. */
function ExportPanel({ report }: { report: Report }) {
  const { message } = App.useApp();
  const [exportId, setExportId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async (format: 'xlsx' | 'pdf') =>
      unwrap(
        await api.POST('/api/v1/evaluation-reports', {
          body: {
            scope: report.scope,
            targetId: report.targetId,
            ...(report.year ? { year: report.year } : {}),
            format,
          },
        }),
      ),
    onSuccess: (x) => setExportId(x.id),
  });
  const status = useQuery({
    queryKey: ['evaluation-reports', exportId],
    enabled: !!exportId,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/evaluation-reports/{id}', {
          params: { path: { id: exportId! } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.status === 'pending' ? 1000 : false),
  });
  const x = status.data ?? start.data;
  const job = useJob(x && x.status === 'pending' ? { queue: x.queue, jobId: x.jobId } : null);
  const pct = x?.status === 'ready' ? 100 : (progressPercent(job.data?.progress) ?? 0);
  const pending = start.isPending || x?.status === 'pending';
  return (
    <Panel className="inst-panel" title="导出评价报告">
      <Space wrap>
        <Button loading={pending} disabled={pending} onClick={() => start.mutate('xlsx')}>
          导出 Excel
        </Button>
        <Button loading={pending} disabled={pending} onClick={() => start.mutate('pdf')}>
          导出 PDF
        </Button>
        {x && x.status !== 'failed' && (
          <Progress
            percent={pct}
            size="small"
            style={{ width: 180 }}
            status={x.status === 'ready' ? 'success' : 'active'}
            aria-label="导出进度"
          />
        )}
        {x?.status === 'ready' && (
          <Button
            type="primary"
            onClick={() =>
              void downloadFile(
                `/api/v1/evaluation-reports/${x.id}/file`,
                `evaluation-report.${x.format}`,
              ).catch((e: unknown) => message.error(errorMessage(e)))
            }
          >
            下载{x.format === 'pdf' ? ' PDF' : ' Excel'}
          </Button>
        )}
      </Space>
      {(start.error || x?.status === 'failed') && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={start.error ? errorMessage(start.error) : `导出失败：${x?.error ?? ''}`}
        />
      )}
    </Panel>
  );
}
