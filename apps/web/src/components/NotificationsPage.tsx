import { CheckOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { errorMessage } from '../api/errors';
import { when } from '../lib/format';
import { EmptyState, PageHead, QueryError } from './ui';

type Notification = Schemas['NotificationDto'];

/** Where a notification's ids lead (a class it is about). */
function linkOf(n: Notification): string | null {
  const data = (n.data ?? {}) as Record<string, unknown>;
  return typeof data.classId === 'string' ? `/classes/${data.classId}` : null;
}

/** Everyone's in-app notifications: newest first, unread marked, read one or all. */
export default function NotificationsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', filter],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/notifications', {
          params: {
            query: {
              unread: filter === 'unread' ? 'true' : undefined,
              cursor: pageParam,
              limit: 20,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const readOne = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
    onError: (err) => message.error(errorMessage(err)),
  });
  const readAll = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/notifications/read-all')),
    onSuccess: async (r) => {
      await refresh();
      void message.success(`已将 ${r.updated} 条标为已读`);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHead
        title="消息"
        extra={
          <Button
            icon={<CheckOutlined />}
            onClick={() => readAll.mutate()}
            loading={readAll.isPending}
          >
            全部标为已读
          </Button>
        }
      />
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: '未读' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.error && <QueryError error={list.error} retry={() => void list.refetch()} />}
      <Card size="small">
        <List
          loading={list.isLoading}
          dataSource={items}
          locale={{
            emptyText: (
              <EmptyState
                title={
                  filter === 'unread'
                    ? '没有未读消息。'
                    : '还没有消息：报名、候补、课程调整和审批结果会在这里通知你。'
                }
              />
            ),
          }}
          renderItem={(n) => {
            const to = linkOf(n);
            return (
              <List.Item
                actions={
                  n.readAt
                    ? []
                    : [
                        <Button
                          key="read"
                          size="small"
                          type="link"
                          onClick={() => readOne.mutate(n.id)}
                        >
                          标为已读
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      {!n.readAt && <span className="unread-dot" aria-label="未读" />}
                      {to ? <Link to={to}>{n.title}</Link> : n.title}
                    </span>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ marginBottom: 4 }}>
                        {n.body}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary">{when(n.createdAt)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
        {list.hasNextPage && (
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            加载更多
          </Button>
        )}
      </Card>
    </>
  );
}
