import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyState, PageHead, QueryError, StatusTag } from '../components/ui';
import { when } from '../lib/format';
import { ENROLLMENT_SOURCE, ENROLLMENT_STATUS, label } from '../lib/labels';
import { ACTIVE, useMyEnrollments, usePlaceActions, type Enrollment } from './enrolment';

function PlaceCard({ e }: { e: Enrollment }) {
  const act = usePlaceActions();
  const busy = act.isPending && act.variables?.id === e.id;
  return (
    <Card size="small" aria-label={e.classTitle}>
      <Typography.Title level={2} className="card-title">
        <Link to={`/w/classes/${e.classId}`}>{e.classTitle}</Link>
      </Typography.Title>
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <StatusTag map={ENROLLMENT_STATUS} value={e.status} />
        <span>{label(ENROLLMENT_SOURCE, e.source)}</span>
      </Space>
      {e.status === 'waitlisted' && (
        <Typography.Paragraph>
          候补第 <strong>{e.waitlistPosition}</strong>{' '}
          位：有人退出时按顺序递补，递补时会通知你确认。
        </Typography.Paragraph>
      )}
      {e.status === 'offered' && (
        <Alert
          type="info"
          showIcon
          title="候补名额已为你保留"
          description={`请在 ${when(e.offeredUntil)} 前确认，逾期名额将让给下一位。`}
          style={{ marginBottom: 8 }}
        />
      )}
      {!ACTIVE.includes(e.status) && (
        <Typography.Paragraph type="secondary">
          {when(e.endedAt)} {e.endReason ?? ''}
        </Typography.Paragraph>
      )}
      <Space wrap>
        {e.status === 'offered' && (
          <>
            <Button
              type="primary"
              loading={busy && act.variables?.action === 'accept'}
              onClick={() => act.mutate({ id: e.id, action: 'accept' })}
            >
              接受名额
            </Button>
            <Button
              loading={busy && act.variables?.action === 'decline'}
              onClick={() => act.mutate({ id: e.id, action: 'decline' })}
            >
              放弃
            </Button>
          </>
        )}
        {(e.status === 'enrolled' || e.status === 'waitlisted') && (
          <Popconfirm
            title={
              e.status === 'enrolled' ? '退出后名额将让给候补的人，确定退出？' : '确定不再候补？'
            }
            okText="确定退出"
            cancelText="再想想"
            onConfirm={() =>
              act.mutateAsync({ id: e.id, action: 'withdraw' }).catch(() => undefined)
            }
          >
            <Button danger loading={busy}>
              {e.status === 'enrolled' ? '退出' : '取消候补'}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

/** My places: enrolled, waiting (with my position), offered (accept / decline), and history. */
export function EnrollmentsPage() {
  const mine = useMyEnrollments();
  const all = mine.data ?? [];
  const active = all.filter((e) => ACTIVE.includes(e.status));
  const past = all.filter((e) => !ACTIVE.includes(e.status));
  return (
    <>
      <PageHead title="我的报名" />
      {mine.error && <QueryError error={mine.error} retry={() => void mine.refetch()} />}
      {!mine.isLoading && all.length === 0 && (
        <EmptyState
          title="还没有报名任何班次。"
          action={
            <Link to="/w">
              <Button type="primary">去看看可报名的课程</Button>
            </Link>
          }
        />
      )}
      <div className="stack">
        {active.map((e) => (
          <PlaceCard key={e.id} e={e} />
        ))}
      </div>
      {past.length > 0 && (
        <>
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
            历史记录
          </Typography.Title>
          <div className="stack">
            {past.map((e) => (
              <PlaceCard key={e.id} e={e} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
