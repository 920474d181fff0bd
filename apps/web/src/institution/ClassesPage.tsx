import { useQuery } from '@tanstack/react-query';
import { Progress, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSession } from '../api/hooks';
import { Pager, useCursorPaging } from '../components/paging';
import { EmptyState, PageHead, QueryError, StatusTag } from '../components/ui';
import { day, percent, thisYear } from '../lib/format';
import { CLASS_STATUS, TRAINING_TYPE_LABEL, label } from '../lib/labels';

interface Row {
  id: string;
  title: string;
  type: string;
  status: string;
  capacity: number;
  enrolled: number;
  waiting: number | null;
  fillRate: number;
  startsAt: string | null;
}

/**
 * The classes an institution runs with how full they are (GET /class-fill-rates);
 * a teacher sees the classes they teach (GET /classes, which the fill-rate view
 * does not open to teachers: taken / capacity).
 */
export function ClassesPage() {
  const role = useSession()?.actor.role;
  const [year, setYear] = useState(thisYear());
  const paging = useCursorPaging();
  const staff = role === 'institution_staff';
  const rows = useQuery({
    queryKey: ['institution', 'classes', role, year, paging.cursor],
    queryFn: async (): Promise<{ items: Row[]; nextCursor: string | null }> => {
      if (staff) {
        const page = unwrap(
          await api.GET('/api/v1/class-fill-rates', {
            params: { query: { year, cursor: paging.cursor, limit: 50 } },
          }),
        );
        return {
          nextCursor: page.nextCursor,
          items: page.items.map((c) => ({
            id: c.id,
            title: c.title,
            type: c.type,
            status: c.status,
            capacity: c.capacity,
            enrolled: c.enrolled,
            waiting: c.waitlisted + c.offered,
            fillRate: c.fillRate,
            startsAt: c.firstSessionStartsAt,
          })),
        };
      }
      const page = unwrap(
        await api.GET('/api/v1/classes', {
          params: { query: { year, cursor: paging.cursor, limit: 50 } },
        }),
      );
      return {
        nextCursor: page.nextCursor ?? null,
        items: page.items.map((c) => ({
          id: c.id,
          title: c.title,
          type: c.type,
          status: c.status,
          capacity: c.capacity,
          enrolled: c.taken,
          waiting: null,
          fillRate: c.capacity ? c.taken / c.capacity : 0,
          startsAt: c.startsAt,
        })),
      };
    },
  });
  const years = [thisYear() + 1, thisYear(), thisYear() - 1];

  return (
    <>
      <PageHead
        title={staff ? '本机构班次' : '我授课的班次'}
        extra={
          <Select
            aria-label="年度"
            value={year}
            onChange={(y) => {
              setYear(y);
              paging.reset();
            }}
            options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
          />
        }
      />
      {rows.error && <QueryError error={rows.error} retry={() => void rows.refetch()} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={rows.isLoading}
        dataSource={rows.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{
          emptyText: (
            <EmptyState
              title={`${year} 年度没有班次。班次由项目计划批准后生成，或改选其他年度。`}
            />
          ),
        }}
        columns={[
          {
            title: '班次',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/i/classes/${r.id}`}>{t}</Link>,
          },
          {
            title: '类型',
            dataIndex: 'type',
            render: (t: string) => label(TRAINING_TYPE_LABEL, t),
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <StatusTag map={CLASS_STATUS} value={s} />,
          },
          { title: '开课', dataIndex: 'startsAt', render: (d: string | null) => day(d) },
          {
            title: '报名 / 名额',
            key: 'seats',
            render: (_, r) => `${r.enrolled} / ${r.capacity}`,
          },
          {
            title: '满员率',
            dataIndex: 'fillRate',
            width: 180,
            render: (f: number) => (
              <Progress
                percent={Math.round(f * 1000) / 10}
                size="small"
                format={() => percent(f)}
                aria-label={`满员率 ${percent(f)}`}
              />
            ),
          },
          ...(staff
            ? [{ title: '候补', dataIndex: 'waiting', render: (w: number | null) => w ?? '—' }]
            : []),
        ]}
      />
      <Pager paging={paging} nextCursor={rows.data?.nextCursor} />
    </>
  );
}
