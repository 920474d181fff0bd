import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Skeleton, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { PageHead, QueryError, StatusTag } from '../components/ui';
import { dayWithWeekday, hoursFromHalves, percent } from '../lib/format';
import { CLASS_STATUS, METHOD_LABEL, label } from '../lib/labels';
import { ClassTabs } from './ClassTabs';

type Session = Schemas['ClassSessionDto'];

/** One class: its sessions, each with its attendance and its check-in QR code. */
export function ClassSessionsPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const cls = useQuery({
    queryKey: ['classes', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}', { params: { path: { id } } })),
  });
  if (cls.error) return <QueryError error={cls.error} retry={() => void cls.refetch()} />;
  if (!cls.data) return <Skeleton active />;
  const c = cls.data;
  return (
    <>
      <PageHead title={c.title} extra={<Link to="/i">返回班次列表</Link>} />
      <ClassTabs classId={id} active="sessions" />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="类型">{c.typeLabel}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <StatusTag map={CLASS_STATUS} value={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label="地点">{c.location}</Descriptions.Item>
        <Descriptions.Item label="报名 / 名额">
          {c.taken} / {c.capacity}（{percent(c.capacity ? c.taken / c.capacity : 0)}）
        </Descriptions.Item>
        <Descriptions.Item label="总学时">{hoursFromHalves(c.halfHours)}</Descriptions.Item>
      </Descriptions>
      <h2 className="card-h2">课次</h2>
      <Table<Session>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={c.sessions}
        scroll={{ x: 760 }}
        columns={[
          {
            title: '日期',
            dataIndex: 'date',
            render: (d: string, s) => `${dayWithWeekday(d)} ${s.startTime}–${s.endTime}`,
          },
          { title: '主题', dataIndex: 'topic' },
          { title: '方式', dataIndex: 'method', render: (m: string) => label(METHOD_LABEL, m) },
          { title: '教师', dataIndex: 'teacherName', render: (t: string | null) => t ?? '—' },
          {
            title: '学时',
            dataIndex: 'halfHours',
            render: (h: number) => hoursFromHalves(h),
          },
          {
            title: '',
            key: 'actions',
            render: (_, s) =>
              s.status === 'cancelled' ? (
                <Tag>已取消</Tag>
              ) : (
                <Space wrap>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => void navigate(`/i/sessions/${s.id}`)}
                  >
                    考勤
                  </Button>
                  <Button size="small" href={`/qr/${s.id}`} target="_blank">
                    签到二维码
                  </Button>
                  <Button
                    size="small"
                    onClick={() => void navigate(`/i/sessions/${s.id}/classroom`)}
                  >
                    课堂评价
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
