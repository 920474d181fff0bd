import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { when } from '../lib/format';
import { TRAINING_TYPE_LABEL, label } from '../lib/labels';

/** The bureau's desk: project plans and institution applications waiting for it. */
export function DashboardPage() {
  const plans = useQuery({
    queryKey: ['plans', 'queue'],
    queryFn: async () => unwrap(await api.GET('/api/v1/project-plans/review-queue')),
  });
  const institutions = useQuery({
    queryKey: ['institutions', 'queue'],
    queryFn: async () => unwrap(await api.GET('/api/v1/institutions/review-queue')),
  });
  return (
    <>
      <PageHead title="工作台" />
      {plans.error && <QueryError error={plans.error} retry={() => void plans.refetch()} />}
      {institutions.error && (
        <QueryError error={institutions.error} retry={() => void institutions.refetch()} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card>
            <Statistic title="待审批的项目计划" value={plans.data?.count ?? '—'} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Statistic title="待审核的培训机构" value={institutions.data?.count ?? '—'} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            title={<h2 className="card-h2">待审批的项目计划</h2>}
            extra={<Link to="/b/plans">去审批</Link>}
          >
            <List
              loading={plans.isLoading}
              dataSource={(plans.data?.items ?? []).slice(0, 8)}
              locale={{
                emptyText: <EmptyState title="没有待审批的计划：各区提交后会出现在这里" />,
              }}
              renderItem={(p) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/b/plans?id=${p.id}`}>{p.title}</Link>}
                    description={`${p.districtName} · ${label(TRAINING_TYPE_LABEL, p.type)}${p.amendment ? ' · 修订' : ''} · 提交于 ${when(p.submittedAt)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={<h2 className="card-h2">待审核的培训机构</h2>}>
            <List
              loading={institutions.isLoading}
              dataSource={(institutions.data?.items ?? []).slice(0, 8)}
              locale={{ emptyText: <EmptyState title="没有待审核的机构备案申请" /> }}
              renderItem={(i) => (
                <List.Item>
                  <List.Item.Meta
                    title={i.name}
                    description={`提交于 ${when(i.submittedAt)} · 已等待 ${i.daysWaiting} 天`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
