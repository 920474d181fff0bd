import { useInfiniteQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { EmptyState, PageHead, QueryError } from '../components/ui';
import { TRAINING_TYPE_LABEL } from '../lib/labels';
import { ClassCard } from './ClassCard';
import { ACTIVE, useEnrol, useMyEnrollments } from './enrolment';

type TypeFilter = 'induction' | 'post' | 'advanced' | 'continuing' | 'elective';

/** The worker's home: classes open for enrolment, each with whether I may enrol. */
export function ClassesPage() {
  const [type, setType] = useState<TypeFilter | undefined>();
  const classes = useInfiniteQuery({
    queryKey: ['classes', 'open', type],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/classes', {
          params: { query: { status: 'open', type, cursor: pageParam, limit: 20 } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const mine = useMyEnrollments();
  const { enrol, pending, variables } = useEnrol();
  const items = classes.data?.pages.flatMap((p) => p.items) ?? [];
  const mineByClass = new Map(
    (mine.data ?? []).filter((e) => ACTIVE.includes(e.status)).map((e) => [e.classId, e]),
  );

  return (
    <>
      <PageHead title="可报名课程" />
      <div className="toolbar">
        <label className="field">
          <span>培训类型</span>
          <select
            className="native-select"
            value={type ?? ''}
            onChange={(e) => setType((e.target.value || undefined) as TypeFilter | undefined)}
          >
            <option value="">全部类型</option>
            {Object.entries(TRAINING_TYPE_LABEL)
              .filter(([k]) => k !== 'street')
              .map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
          </select>
        </label>
      </div>
      {classes.error && <QueryError error={classes.error} retry={() => void classes.refetch()} />}
      {classes.isLoading && <p className="muted">加载中…</p>}
      {!classes.isLoading && items.length === 0 && !classes.error && (
        <EmptyState
          title={
            type
              ? '这一类型目前没有开放报名的班次，可以看看其他类型。'
              : '目前没有开放报名的班次。新班次发布后会通知你，也可以先看看「我的课表」。'
          }
        />
      )}
      <div className="stack">
        {items.map((c) => (
          <ClassCard
            key={c.id}
            item={c}
            mine={mineByClass.get(c.id)}
            onEnrol={enrol}
            enrolling={pending && variables?.id === c.id}
          />
        ))}
      </div>
      {classes.hasNextPage && (
        <Button
          block
          style={{ marginTop: 12 }}
          onClick={() => void classes.fetchNextPage()}
          loading={classes.isFetchingNextPage}
        >
          加载更多
        </Button>
      )}
    </>
  );
}
