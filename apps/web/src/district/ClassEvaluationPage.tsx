import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { EvaluationReportView } from '../components/EvaluationReport';
import { PageHead, QueryError } from '../components/ui';

/**
 * A commissioned class's evaluation report for the district (the authority's
 * whole view), with its Excel / PDF export through the report job.
 */
export function ClassEvaluationPage() {
  const { id = '' } = useParams();
  const report = useQuery({
    queryKey: ['classes', id, 'evaluation-report'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}/evaluation-report', { params: { path: { id } } })),
  });
  if (report.error) return <QueryError error={report.error} retry={() => void report.refetch()} />;
  if (!report.data) return <Skeleton active />;
  return (
    <>
      <PageHead title={`${report.data.targetName} · 教学评价`} />
      <EvaluationReportView report={report.data} />
    </>
  );
}
