import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { EvaluationReportView } from '../components/EvaluationReport';
import { PageHead, QueryError } from '../components/ui';
import { ClassTabs } from './ClassTabs';
import { useClassOf } from './classQuery';

/**
 * A class's evaluation results (GET /classes/:id/evaluation-report): how many
 * answered, each item's average and distribution as bars, the comments. The
 * institution and the teachers see anonymous aggregates only, from 5 answers up
 * and once the evaluation has closed: below that the page says so (never zeros).
 * The authority (a district, the bureau) exports it as Excel or PDF.
 */
export function EvaluationsPage() {
  const { id = '' } = useParams();
  const cls = useClassOf(id);
  const report = useQuery({
    queryKey: ['classes', id, 'evaluation-report'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}/evaluation-report', { params: { path: { id } } })),
  });
  if (cls.error) return <QueryError error={cls.error} retry={() => void cls.refetch()} />;
  return (
    <>
      <PageHead title={cls.data?.title ?? '评价结果'} extra={<Link to="/i">返回班次列表</Link>} />
      <ClassTabs classId={id} active="evaluations" />
      {report.error ? (
        <QueryError error={report.error} retry={() => void report.refetch()} />
      ) : !report.data ? (
        <Skeleton active />
      ) : (
        <EvaluationReportView report={report.data} />
      )}
    </>
  );
}
