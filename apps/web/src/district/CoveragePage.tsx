import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { Pager, useCursorPaging } from '../components/paging';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { thisYear } from '../lib/format';
import { TRAINING_TYPE_LABEL, label } from '../lib/labels';

/** Enrolment coverage: who in my district or street still lacks this year's mandatory training. */
export function CoveragePage() {
  const [year, setYear] = useState(thisYear());
  const paging = useCursorPaging();
  const coverage = useQuery({
    queryKey: ['coverage', year, paging.cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/coverage', {
          params: { query: { year, cursor: paging.cursor, limit: 50 } },
        }),
      ),
  });
  const c = coverage.data;
  return (
    <>
      <PageHead
        title={`培训覆盖${c ? ` · ${c.unitName}` : ''}`}
        extra={
          <Select
            aria-label="年度"
            value={year}
            onChange={(y) => {
              setYear(y);
              paging.reset();
            }}
            options={[thisYear() + 1, thisYear(), thisYear() - 1].map((y) => ({
              value: y,
              label: `${y} 年度`,
            }))}
          />
        }
      />
      {coverage.error && (
        <QueryError error={coverage.error} retry={() => void coverage.refetch()} />
      )}
      {c && (
        <>
          <p className="muted">
            在职 {c.activeWorkers} 人（判断日 {c.referenceDate}
            ）。以该年度该类型班次的“已报名”名额视为已参加。
          </p>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {c.summary.map((s) => (
              <Col key={s.type} xs={24} md={12}>
                <Card size="small" title={<h2 className="card-h2">{s.label}</h2>}>
                  <div>
                    应参加 {s.required} 人，已参加 {s.covered} 人，尚缺 <strong>{s.missing}</strong>{' '}
                    人
                  </div>
                  <Progress
                    percent={s.required ? Math.round((s.covered / s.required) * 1000) / 10 : 100}
                    aria-label={`${s.label} 覆盖率`}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
      <h2 className="card-h2">尚缺必训的社区工作者</h2>
      <Table<Schemas['CoverageWorkerDto']>
        rowKey="workerId"
        size="middle"
        loading={coverage.isLoading}
        pagination={false}
        dataSource={c?.items ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState title="每个人都已报名本年度的必训班次" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumberMasked' },
          { title: '街道', dataIndex: 'streetName' },
          { title: '社区', dataIndex: 'communityName' },
          { title: '入职', dataIndex: 'startedOn' },
          {
            title: '尚缺',
            dataIndex: 'missing',
            render: (m: string[]) =>
              m.map((t) => (
                <Tag key={t} color="orange">
                  {label(TRAINING_TYPE_LABEL, t)}
                </Tag>
              )),
          },
        ]}
      />
      <Pager paging={paging} nextCursor={c?.nextCursor} />
    </>
  );
}
