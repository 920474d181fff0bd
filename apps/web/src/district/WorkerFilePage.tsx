import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { EmptyState, PageHead, QueryError, StatusTag } from '../components/ui';
import { percent, thisYear, when } from '../lib/format';
import {
  ENTRY_CHANNEL,
  POSITION_TIER,
  POST_LABEL,
  QUALIFICATION,
  WORKER_STATUS,
  label,
} from '../lib/labels';
import { CERT_STATUS, CHANGE_KIND, half, type TrainingRecord } from './records';

const H3 = { fontSize: 14, margin: '16px 0 8px' } as const;

/** A worker's file (档案): details, post history, the training record year by year, certificates, grades. */
export function WorkerFilePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const file = useQuery({
    queryKey: ['worker-file', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/workers/{id}/file', { params: { path: { id } } })),
  });
  const w = file.data?.worker;
  // `place` is typed as a plain object in the OpenAPI document
  const place = (file.data?.place ?? {}) as {
    community?: string | null;
    street?: string | null;
    district?: string | null;
  };
  return (
    <>
      <PageHead
        title={w ? `${w.name} · 档案` : '社区工作者档案'}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/d')}>
            返回名单
          </Button>
        }
      />
      {file.error && <QueryError error={file.error} retry={() => void file.refetch()} />}
      {file.data && w && (
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Card size="small" title={<h2 className="card-h2">基本情况</h2>}>
              <Descriptions size="small" column={{ xs: 1, md: 2, lg: 3 }}>
                <Descriptions.Item label="姓名">{w.name}</Descriptions.Item>
                <Descriptions.Item label="身份证号">{w.idNumber}</Descriptions.Item>
                <Descriptions.Item label="联系电话">{w.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="性别">
                  {w.gender === 'female' ? '女' : '男'}
                </Descriptions.Item>
                <Descriptions.Item label="出生日期">{w.birthDate}</Descriptions.Item>
                <Descriptions.Item label="所在">
                  {[place.district, place.street, place.community].filter(Boolean).join(' / ')}
                </Descriptions.Item>
                <Descriptions.Item label="岗位">
                  {label(POSITION_TIER, w.positionTier)}
                  {w.post ? ` · ${label(POST_LABEL, w.post)}` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="进入方式">
                  {label(ENTRY_CHANNEL, w.entryChannel)}
                </Descriptions.Item>
                <Descriptions.Item label="社区工作起始">{w.startedOn}</Descriptions.Item>
                <Descriptions.Item label="社工资格">
                  {label(QUALIFICATION, w.qualification)}
                  {w.qualificationCertNo ? `（${w.qualificationCertNo}）` : ''}
                </Descriptions.Item>
                <Descriptions.Item label="状态">{label(WORKER_STATUS, w.status)}</Descriptions.Item>
                <Descriptions.Item label="账号">
                  {file.data.hasAccount ? '已开通' : '未开通'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24}>
            <TrainingRecordCard workerId={id} />
          </Col>
          <Col xs={24}>
            <CertificatesCard workerId={id} />
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 className="card-h2">岗位变化情况</h2>}>
              <Table<Schemas['PostHistoryDto']>
                rowKey={(r) => `${r.recordedAt}-${r.changeKind}`}
                size="small"
                pagination={false}
                dataSource={file.data.postHistory}
                locale={{ emptyText: <EmptyState title="无岗位变化记录" /> }}
                columns={[
                  { title: '生效日期', dataIndex: 'effectiveOn' },
                  {
                    title: '变动',
                    dataIndex: 'changeKind',
                    render: (v: string) => label(CHANGE_KIND, v),
                  },
                  { title: '社区', dataIndex: 'communityName' },
                  {
                    title: '岗位',
                    render: (_, r) =>
                      `${label(POSITION_TIER, r.positionTier)}${r.post ? ` · ${label(POST_LABEL, r.post)}` : ''}`,
                  },
                  {
                    title: '状态',
                    dataIndex: 'status',
                    render: (v: string) => label(WORKER_STATUS, v),
                  },
                  { title: '原因', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={<h2 className="card-h2">年度考核评议</h2>}>
              <Table<Schemas['GradeDto']>
                rowKey="year"
                size="small"
                pagination={false}
                dataSource={file.data.assessments}
                locale={{
                  emptyText: <EmptyState title="尚无考核等次：街道在“年度考核”中评定" />,
                }}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '等次', dataIndex: 'label', render: (v: string) => <Tag>{v}</Tag> },
                  { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
                  { title: '记录时间', dataIndex: 'recordedAt', render: (v: string) => when(v) },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

/** The annual training record of one year (the years with a record, and this year). */
function TrainingRecordCard({ workerId }: { workerId: string }) {
  const [year, setYear] = useState(thisYear());
  const years = useQuery({
    queryKey: ['training-records', workerId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers/{id}/training-records', {
          params: { path: { id: workerId } },
        }),
      ) as unknown as TrainingRecord[],
  });
  const record = useQuery({
    queryKey: ['training-record', workerId, year],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers/{id}/training-records/{year}', {
          params: { path: { id: workerId, year } },
        }),
      ) as unknown as TrainingRecord,
  });
  const choices = [...new Set([thisYear(), ...(years.data ?? []).map((r) => r.year)])].sort(
    (a, b) => b - a,
  );
  const r = record.data;
  return (
    <Card
      size="small"
      title={<h2 className="card-h2">年度培训记录</h2>}
      extra={
        <Select
          aria-label="记录年度"
          value={year}
          onChange={setYear}
          options={choices.map((y) => ({ value: y, label: `${y} 年度` }))}
          style={{ width: 120 }}
        />
      }
    >
      {record.error && <QueryError error={record.error} retry={() => void record.refetch()} />}
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2, lg: 4 }}>
            <Descriptions.Item label="合计学时">{half(r.totalHalfHours)} 学时</Descriptions.Item>
            <Descriptions.Item label="出勤率">
              {`${r.attendance.sessionsHeld ? percent(r.attendance.attendanceRate) : '—'}（${r.attendance.sessionsAttended}/${r.attendance.sessionsHeld} 次课）`}
            </Descriptions.Item>
            <Descriptions.Item label="请假">{r.attendance.leave} 次</Descriptions.Item>
            <Descriptions.Item label="缺勤">{r.attendance.absent} 次</Descriptions.Item>
          </Descriptions>
          <Table
            aria-label="分类学时"
            rowKey="type"
            size="small"
            pagination={false}
            dataSource={r.hours}
            locale={{ emptyText: <EmptyState title="本年度尚无学时：为其报名本年度的必训班次" /> }}
            columns={[
              { title: '培训类型', dataIndex: 'label' },
              { title: '班次数', dataIndex: 'classes' },
              {
                title: '已获学时',
                dataIndex: 'creditedHalfHours',
                render: (v: number) => half(v),
              },
              {
                title: '应修学时',
                dataIndex: 'requiredHalfHours',
                render: (v: number | null) => (v === null ? '—' : half(v)),
              },
            ]}
          />
          <h3 style={H3}>考试</h3>
          {r.exams === null ? (
            <p className="muted">考试情况未知</p>
          ) : (
            <Table
              aria-label="考试"
              rowKey={(e) => `${e.date}-${e.title}`}
              size="small"
              pagination={false}
              dataSource={r.exams}
              locale={{ emptyText: <EmptyState title="本年度未参加考试" /> }}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '班次', dataIndex: 'title' },
                {
                  title: '成绩',
                  dataIndex: 'score',
                  render: (v: number | null) => (v === null ? '—' : `${v} 分`),
                },
                {
                  title: '结果',
                  dataIndex: 'passed',
                  render: (v: boolean) =>
                    v ? <Tag color="green">合格</Tag> : <Tag color="red">不合格</Tag>,
                },
              ]}
            />
          )}
          <h3 style={H3}>必训要求</h3>
          <Space direction="vertical" style={{ width: '100%' }}>
            {r.requirements.length === 0 && <span className="muted">本年度无必训要求</span>}
            {r.requirements.map((q) => (
              <div key={q.code}>
                {q.met ? <Tag color="green">已达标</Tag> : <Tag color="orange">未达标</Tag>}
                <strong>{q.label}</strong>：{q.detail}
              </div>
            ))}
            {r.limits.reasons.map((x) => (
              <div key={x.text}>
                <Tag color="red">考核受限</Tag>
                {x.text}（{x.source}）
              </div>
            ))}
          </Space>
          {r.certificates && r.certificates.length > 0 && (
            <p className="muted" style={{ marginTop: 8 }}>
              本年度取得证书 {r.certificates.length} 本：
              {r.certificates.map((c) => c.serial).join('、')}
            </p>
          )}
        </>
      )}
    </Card>
  );
}

function CertificatesCard({ workerId }: { workerId: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const certs = useQuery({
    queryKey: ['worker-certificates', workerId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/workers/{id}/certificates', {
          params: { path: { id: workerId } },
        }),
      ),
  });
  const download = async (c: Schemas['CertificateDto']) => {
    setBusy(c.id);
    try {
      await downloadFile(`/api/v1/certificates/${c.id}/pdf`, `${c.serial}.pdf`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card size="small" title={<h2 className="card-h2">培训合格证书</h2>}>
      {certs.error && <QueryError error={certs.error} retry={() => void certs.refetch()} />}
      <Table<Schemas['CertificateDto']>
        rowKey="id"
        size="small"
        pagination={false}
        loading={certs.isLoading}
        dataSource={certs.data ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: <EmptyState title="尚无证书：通过培训考试后由培训机构发证" /> }}
        columns={[
          { title: '证书编号', dataIndex: 'serial' },
          { title: '培训项目', dataIndex: 'projectTitle' },
          { title: '类型', dataIndex: 'typeLabel' },
          { title: '学时', dataIndex: 'halfHours', render: (v: number) => half(v) },
          { title: '发证日期', dataIndex: 'issuedOn' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string) => <StatusTag map={CERT_STATUS} value={v} />,
          },
          {
            title: '操作',
            render: (_, c) => (
              <Button
                size="small"
                icon={<DownloadOutlined />}
                disabled={!c.ready}
                loading={busy === c.id}
                aria-label={`下载 PDF ${c.serial}`}
                onClick={() => void download(c)}
              >
                下载 PDF
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
