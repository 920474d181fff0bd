import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Tag } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/errors';

/** A page's heading (the one h1) and its actions. */
export function PageHead({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {extra && <div>{extra}</div>}
    </div>
  );
}

/** What went wrong loading something, in the API's words, with a way to try again. */
export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={errorMessage(error)}
      action={
        retry && (
          <Button size="small" icon={<ReloadOutlined />} onClick={retry}>
            重试
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** An empty list says why it is empty and what to do next. */
export function EmptyState({ title, action }: { title: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={title}>
      {action}
    </Empty>
  );
}

/** A status code as a coloured tag with its Chinese name. */
export function StatusTag({
  map,
  value,
}: {
  map: Record<string, { label: string; color: string }>;
  value: string;
}) {
  const s = map[value] ?? { label: value, color: 'default' };
  return <Tag color={s.color}>{s.label}</Tag>;
}

/**
 * A white box with an optional h2: the phone pages use it instead of Ant
 * Design's Card, whose tabs, dropdown and menu the worker's first load can do without.
 */
export function Panel({
  title,
  extra,
  children,
  className,
  labelledBy,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
  labelledBy?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={labelledBy}>
      {(title || extra) && (
        <div className="panel-head">
          {title && <h2 className="card-h2">{title}</h2>}
          {extra}
        </div>
      )}
      {children}
    </section>
  );
}
