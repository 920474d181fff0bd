import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { percent, thisYear } from '../lib/format';
import { TRAINING_TYPE_LABEL, label } from '../lib/labels';

type ReportRow = Schemas['ReportRowDto'];
/** `missing` is typed as plain objects in the OpenAPI document (see TrainingReportDto). */
interface MissingRow {
  workerId: string;
  name: string;
  streetName: string;
  missing: string[];
}

const rate = (r: ReportRow): string => (r.passRate === null ? '—' : percent(r.passRate));
const compliance = (r: ReportRow): string => (r.workers ? percent(r.compliant / r.workers) : '—');

/** 培训统计: compliance, average hours and exam pass rates of my district (by street) or street. */
export function ReportsPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const [unitId, setUnitId] = useState<string | undefined>();
  const [exporting, setExporting] = useState(false);
  const report = useQuery({
    queryKey: ['training-report', year, unitId ?? null],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/training-reports', { params: { query: { year, unitId } } })),
  });
  const r = report.data;
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const q = new URLSearchParams({ year: String(year), ...(unitId ? { unitId } : {}) });
      await downloadFile(`/api/v1/training-reports/export?${q}`, `training-report-${year}.xlsx`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageHead
        title={`培训统计${r ? ` · ${r.unitName}` : ''}`}
        extra={
          <Space wrap>
            {unitId && <Button onClick={() => setUnitId(undefined)}>返回本单位</Button>}
            <Select
              aria-label="年度"
              value={year}
              onChange={setYear}
              options={[thisYear(), thisYear() - 1, thisYear() - 2].map((y) => ({
                value: y,
                label: `${y} 年度`,
              }))}
            />
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={!r}
              onClick={() => void exportXlsx()}
            >
              导出 Excel
            </Button>
          </Space>
        }
      />
      {report.error && <QueryError error={report.error} retry={() => void report.refetch()} />}
      {r && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="有记录人数" value={r.total.workers} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="必训达标率"
                value={compliance(r.total)}
                suffix={<span className="muted">（{r.total.compliant} 人）</span>}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="人均学时" value={r.total.averageHours} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title="考试合格率"
                value={rate(r.total)}
                suffix={
                  r.total.examsTaken !== null ? (
                    <span className="muted">
                      （{r.total.examsPassed}/{r.total.examsTaken}）
                    </span>
                  ) : undefined
                }
              />
            </Card>
          </Col>
        </Row>
      )}
      <h2 className="card-h2">按{r?.unitKind === 'municipality' ? '区' : '街道'}</h2>
      <Table<ReportRow>
        aria-label="分单位统计"
        rowKey="unitId"
        size="middle"
        loading={report.isLoading}
        pagination={false}
        dataSource={r?.rows ?? []}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <EmptyState title="本年度尚无培训记录：记录每晚生成，或由区主管部门发起重新计算" />
          ),
        }}
        columns={[
          {
            title: '单位',
            dataIndex: 'unitName',
            render: (v: string, row) =>
              r && r.unitKind !== 'street' && row.unitId !== r.unitId ? (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    setUnitId(row.unitId);
                  }}
                >
                  {v}
                </a>
              ) : (
                v
              ),
          },
          { title: '人数', dataIndex: 'workers' },
          { title: '达标', dataIndex: 'compliant' },
          { title: '达标率', render: (_, row) => compliance(row) },
          { title: '缺初任培训', dataIndex: 'missingInduction' },
          { title: '缺岗位培训', dataIndex: 'missingPost' },
          { title: '人均学时', dataIndex: 'averageHours' },
          {
            title: '考试合格/人次',
            render: (_, row) =>
              row.examsTaken === null ? '—' : `${row.examsPassed}/${row.examsTaken}`,
          },
          { title: '合格率', render: (_, row) => rate(row) },
          { title: '考核受限', dataIndex: 'limited' },
        ]}
      />
      <h2 className="card-h2" style={{ marginTop: 24 }}>
        未达标人员{r && r.missing.length >= 500 ? '（前 500 人，完整名单见导出）' : ''}
      </h2>
      <Table<MissingRow>
        aria-label="未达标人员"
        rowKey="workerId"
        size="small"
        loading={report.isLoading}
        dataSource={(r?.missing ?? []) as unknown as MissingRow[]}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <EmptyState title="所有人都已达到必训要求" /> }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (v: string, m) => <Link to={`/d/workers/${m.workerId}`}>{v}</Link>,
          },
          { title: '街道', dataIndex: 'streetName' },
          {
            title: '缺少',
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
    </>
  );
}
