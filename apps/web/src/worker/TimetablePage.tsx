import { CalendarOutlined, DeleteOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  List,
  Popconfirm,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LeaveButton } from './attendance';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { dayWithWeekday, hoursFromHalves, when } from '../lib/format';
import { METHOD_LABEL, label } from '../lib/labels';

type Entry = Schemas['TimetableEntryDto'];

/** The region's date today, YYYY-MM-DD. */
const today = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function CalendarFeed() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Schemas['CalendarFeedCreatedDto'] | null>(null);
  const status = useQuery({
    queryKey: ['me', 'calendar-feed'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/calendar-feed')),
  });
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/calendar-feed')),
    onSuccess: async (r) => {
      setCreated(r);
      await queryClient.invalidateQueries({ queryKey: ['me', 'calendar-feed'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const revoke = useMutation({
    mutationFn: async () => {
      const r = await api.DELETE('/api/v1/me/calendar-feed');
      if (!r.response.ok) unwrap(r);
    },
    onSuccess: async () => {
      setCreated(null);
      await queryClient.invalidateQueries({ queryKey: ['me', 'calendar-feed'] });
      void message.success('订阅地址已停用');
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const active = status.data?.active;
  return (
    <Card
      size="small"
      title={
        <h2 className="card-h2">
          <CalendarOutlined /> 订阅到手机日历
        </h2>
      }
      style={{ marginBottom: 12 }}
    >
      {created ? (
        <>
          <Alert
            type="success"
            showIcon
            title="订阅地址已生成，只显示这一次"
            description="凭此地址即可读取你的课表，请不要转发给他人。"
            style={{ marginBottom: 8 }}
          />
          <Typography.Paragraph copyable={{ text: created.url }} className="feed-url">
            {created.url}
          </Typography.Paragraph>
          <Space wrap>
            <a href={created.webcalUrl}>
              <Button type="primary" icon={<LinkOutlined />}>
                在手机日历中打开
              </Button>
            </a>
          </Space>
        </>
      ) : (
        <Typography.Paragraph>
          {active
            ? `已于 ${when(status.data?.createdAt)} 生成订阅地址。地址只在生成时显示一次；如果忘记了，可以重新生成（旧地址随即失效）。`
            : '生成一个 .ics 订阅地址，手机日历会自动同步你已报名的课次和调整。'}
        </Typography.Paragraph>
      )}
      <Space wrap>
        <Button onClick={() => create.mutate()} loading={create.isPending}>
          {active ? '重新生成订阅地址' : '生成订阅地址'}
        </Button>
        {active && (
          <Popconfirm
            title="停用后手机日历将不再同步，确定停用？"
            okText="停用"
            cancelText="取消"
            onConfirm={() => revoke.mutateAsync().catch(() => undefined)}
          >
            <Button danger icon={<DeleteOutlined />} loading={revoke.isPending}>
              停用
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

/** My sessions from today on (or all), by day, with the .ics feed for the phone's calendar. */
export function TimetablePage() {
  const [range, setRange] = useState<'upcoming' | 'all'>('upcoming');
  const timetable = useQuery({
    queryKey: ['me', 'timetable', range],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/me/timetable', {
          params: { query: range === 'upcoming' ? { from: today() } : {} },
        }),
      ),
  });
  const items = timetable.data?.items ?? [];
  const byDay = new Map<string, Entry[]>();
  for (const e of items) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);

  return (
    <>
      <PageHead title="我的课表" />
      <CalendarFeed />
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={range}
          onChange={(v) => setRange(v as 'upcoming' | 'all')}
          options={[
            { value: 'upcoming', label: '今后' },
            { value: 'all', label: '全部' },
          ]}
        />
        {timetable.data && (
          <span>已报名课次合计 {hoursFromHalves(timetable.data.enrolledHalfHours)}</span>
        )}
      </Space>
      {timetable.error && (
        <QueryError error={timetable.error} retry={() => void timetable.refetch()} />
      )}
      {!timetable.isLoading && items.length === 0 && (
        <EmptyState
          title="课表是空的：报名成功的班次的课次会出现在这里。"
          action={
            <Link to="/w">
              <Button type="primary">去报名</Button>
            </Link>
          }
        />
      )}
      <div className="stack">
        {[...byDay].map(([date, entries]) => (
          <Card key={date} size="small" title={<h2 className="card-h2">{dayWithWeekday(date)}</h2>}>
            <List
              dataSource={entries}
              renderItem={(e) => (
                <List.Item
                  actions={
                    !e.offered && new Date(e.endsAt).getTime() > Date.now()
                      ? [<LeaveButton key="leave" sessionId={e.sessionId} topic={e.topic} />]
                      : undefined
                  }
                >
                  <List.Item.Meta
                    title={
                      <span>
                        {e.startTime}–{e.endTime}{' '}
                        <Link to={`/w/classes/${e.classId}`}>{e.topic}</Link>
                        {e.offered && (
                          <Tag color="blue" style={{ marginLeft: 6 }}>
                            候补名额待确认
                          </Tag>
                        )}
                      </span>
                    }
                    description={[
                      e.classTitle,
                      hoursFromHalves(e.halfHours),
                      label(METHOD_LABEL, e.method),
                      [e.location, e.room].filter(Boolean).join(' '),
                      e.teacherName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </List.Item>
              )}
            />
          </Card>
        ))}
      </div>
    </>
  );
}
