import { Alert, Button, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { Panel } from '../components/ui';
import { day, hoursFromHalves, yuan } from '../lib/format';
import { ENROLLMENT_STATUS } from '../lib/labels';
import { useAvailability, type ClassItem, type Enrollment } from './enrolment';

/** What a worker needs to decide on a class, and the enrol button or the rule that refuses them. */
export function ClassCard({
  item,
  mine,
  onEnrol,
  enrolling,
}: {
  item: ClassItem;
  mine: Enrollment | undefined;
  onEnrol: (c: ClassItem) => void;
  enrolling: boolean;
}) {
  const availability = useAvailability(item.id);
  const a = availability.data;
  const headingId = `class-${item.id}`;
  return (
    <Panel className="class-card" labelledBy={headingId}>
      <h2 id={headingId} className="card-title">
        <Link to={`/w/classes/${item.id}`}>{item.title}</Link>
      </h2>
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">{item.typeLabel}</Tag>
        {item.feeFen > 0 && <Tag color="orange">收费 {yuan(item.feeFen)}</Tag>}
        {mine && (
          <Tag color={ENROLLMENT_STATUS[mine.status]?.color}>
            {ENROLLMENT_STATUS[mine.status]?.label ?? mine.status}
            {mine.status === 'waitlisted' && mine.waitlistPosition
              ? ` 第 ${mine.waitlistPosition} 位`
              : ''}
          </Tag>
        )}
      </Space>
      <dl className="facts">
        <dt>时间</dt>
        <dd>
          {day(item.startsAt)} – {day(item.endsAt)}，共 {hoursFromHalves(item.halfHours)}
        </dd>
        <dt>地点</dt>
        <dd>{item.location}</dd>
        {item.institutionName && (
          <>
            <dt>承办</dt>
            <dd>{item.institutionName}</dd>
          </>
        )}
        <dt>名额</dt>
        <dd>
          {a ? `剩余 ${a.placesLeft} / ${item.capacity}` : `${item.capacity}`}
          {a && a.waitlisted > 0 ? `，候补 ${a.waitlisted} 人` : ''}
        </dd>
      </dl>
      {availability.isLoading && <p className="muted">正在查询能否报名…</p>}
      {a && !mine && a.eligible && (
        <Button
          type="primary"
          block
          loading={enrolling}
          onClick={() => onEnrol(item)}
          // the accessible name starts with the visible text (WCAG 2.5.3), then names the class
          aria-label={`${enrolLabel(a.wouldWaitlist)}：${item.title}`}
        >
          {enrolLabel(a.wouldWaitlist)}
        </Button>
      )}
      {a && !mine && !a.eligible && (
        <Alert
          type="warning"
          showIcon
          title="不能报名"
          description={a.message ?? a.code}
          data-code={a.code ?? undefined}
          className="refusal"
        />
      )}
      {mine && (
        <Link to="/w/enrollments" className="ant-btn-like">
          查看我的报名
        </Link>
      )}
    </Panel>
  );
}

/** What the enrol button says: a full class takes the worker onto its waitlist. */
function enrolLabel(wouldWaitlist: boolean): string {
  return wouldWaitlist ? '名额已满，报名候补' : '报名';
}
