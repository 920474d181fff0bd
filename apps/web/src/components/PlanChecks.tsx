import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { api, unwrap } from '../api/client';
import { Panel, QueryError } from './ui';

/**
 * The policy checks of a project plan as submission and approval apply them
 * (`GET /project-plans/:id/checks`): each passed, or failed with the API's reasons.
 */
export function PlanChecks({ id, title = '政策检查' }: { id: string; title?: string }) {
  const checks = useQuery({
    queryKey: ['plans', id, 'checks'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/project-plans/{id}/checks', { params: { path: { id } } })),
  });
  if (checks.error) return <QueryError error={checks.error} retry={() => void checks.refetch()} />;
  const c = checks.data;
  return (
    <Panel
      title={title}
      extra={
        c && (
          <span style={{ color: c.passed ? '#389e0d' : '#cf1322', fontWeight: 600 }}>
            {c.passed ? '全部通过' : `${c.checks.filter((x) => !x.passed).length} 项未通过`}
          </span>
        )
      }
    >
      {!c ? (
        <Skeleton active />
      ) : (
        <>
          <p style={{ marginTop: 0 }}>
            合计 {c.totalHours} 学时
            {c.minimumHours !== null ? `，政策最低 ${c.minimumHours} 学时` : '，政策未规定最低学时'}
            （{c.policyId}）
          </p>
          <ul aria-label="政策检查结果" style={{ listStyle: 'none', paddingLeft: 0, margin: 0 }}>
            {c.checks.map((x) => (
              <li
                key={x.key}
                data-check={x.key}
                data-passed={x.passed ? 'yes' : 'no'}
                style={{ padding: '4px 0' }}
              >
                {x.passed ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} aria-hidden />
                ) : (
                  <CloseCircleFilled style={{ color: '#cf1322' }} aria-hidden />
                )}{' '}
                <span>
                  {x.label}：{x.passed ? '通过' : '未通过'}
                </span>
                {x.problems.length > 0 && (
                  <ul>
                    {x.problems.map((p, i) => (
                      <li key={i} className="field-error">
                        {p.message}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
