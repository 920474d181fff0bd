import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { errorMessage } from '../api/errors';
import { downloadFile } from '../components/files';
import { PageHead, QueryError } from '../components/ui';
import { day, dayWithWeekday, hoursFromHalves, yuan } from '../lib/format';
import { ENROLLMENT_STATUS, METHOD_LABEL, label } from '../lib/labels';
import { ACTIVE, useAvailability, useEnrol, useMyEnrollments } from './enrolment';

/** One class as a worker sees it: sessions, eligibility, enrolment, and the trainee documents. */
export function ClassPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const cls = useQuery({
    queryKey: ['classes', id],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}', { params: { path: { id } } })),
  });
  const availability = useAvailability(id);
  const mine = useMyEnrollments();
  const place = mine.data?.find((e) => e.classId === id && ACTIVE.includes(e.status));
  const docs = useQuery({
    queryKey: ['classes', id, 'documents'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/classes/{id}/documents', { params: { path: { id } } })),
    enabled: !!place,
  });
  const { enrol, pending } = useEnrol();

  if (cls.error) return <QueryError error={cls.error} retry={() => void cls.refetch()} />;
  if (!cls.data) return <Skeleton active />;
  const c = cls.data;
  const a = availability.data;
  return (
    <>
      <PageHead title={c.title} extra={<Link to="/w">返回课程列表</Link>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
          <Tag color="blue">{c.typeLabel}</Tag>
          {c.feeFen > 0 && <Tag color="orange">收费 {yuan(c.feeFen)}</Tag>}
          {place && (
            <Tag color={ENROLLMENT_STATUS[place.status]?.color}>
              {ENROLLMENT_STATUS[place.status]?.label}
            </Tag>
          )}
        </Space>
        <dl className="facts">
          <dt>时间</dt>
          <dd>
            {day(c.startsAt)} – {day(c.endsAt)}，共 {hoursFromHalves(c.halfHours)}
          </dd>
          <dt>地点</dt>
          <dd>{c.location}</dd>
          {c.institutionName && (
            <>
              <dt>承办</dt>
              <dd>{c.institutionName}</dd>
            </>
          )}
          <dt>报名截止</dt>
          <dd>{day(c.enrolClosesAt)}</dd>
          <dt>名额</dt>
          <dd>{a ? `剩余 ${a.placesLeft} / ${c.capacity}` : c.capacity}</dd>
        </dl>
        {a && !place && a.eligible && (
          <Button type="primary" block loading={pending} onClick={() => enrol(c)}>
            {a.wouldWaitlist ? '名额已满，报名候补' : '报名'}
          </Button>
        )}
        {a && !place && !a.eligible && (
          <Alert type="warning" showIcon title="不能报名" description={a.message ?? a.code} />
        )}
        {place && (
          <Link to="/w/enrollments">
            <Button block>查看我的报名</Button>
          </Link>
        )}
      </Card>
      <Card size="small" title={<h2 className="card-h2">课程安排（{c.sessions.length} 次课）</h2>}>
        <List
          dataSource={c.sessions}
          renderItem={(s) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span style={s.status === 'cancelled' ? { textDecoration: 'line-through' } : {}}>
                    {dayWithWeekday(s.date)} {s.startTime}–{s.endTime} · {s.topic}
                  </span>
                }
                description={[
                  hoursFromHalves(s.halfHours),
                  label(METHOD_LABEL, s.method),
                  s.teacherName,
                  s.room,
                  s.status === 'cancelled' ? '已取消' : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      </Card>
      {place && docs.data && docs.data.some((d) => d.available) && (
        <Card size="small" title={<h2 className="card-h2">培训文书</h2>} style={{ marginTop: 12 }}>
          <Space wrap>
            {docs.data
              .filter((d) => d.available)
              .map((d) => (
                <Button
                  key={d.kind}
                  icon={<DownloadOutlined />}
                  onClick={() =>
                    downloadFile(
                      `/api/v1/classes/${id}/documents/${d.kind}/file`,
                      d.fileName,
                    ).catch((err: unknown) => message.error(errorMessage(err)))
                  }
                >
                  {d.label}
                </Button>
              ))}
          </Space>
        </Card>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        课程有调整时会发消息通知你；已报名的课次会出现在「我的课表」中。
      </Typography.Paragraph>
    </>
  );
}
