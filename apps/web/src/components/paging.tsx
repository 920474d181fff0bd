import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useState } from 'react';

/**
 * Keyset paging as the API does it (`cursor` → `nextCursor`): the cursors of
 * the pages before are kept, so that "上一页" goes back without offsets.
 */
export function useCursorPaging() {
  const [stack, setStack] = useState<string[]>([]);
  const cursor = stack.length ? stack[stack.length - 1] : undefined;
  const next = useCallback((c: string) => setStack((s) => [...s, c]), []);
  const prev = useCallback(() => setStack((s) => s.slice(0, -1)), []);
  const reset = useCallback(() => setStack([]), []);
  return { cursor, page: stack.length + 1, next, prev, reset };
}

export function Pager({
  paging,
  nextCursor,
}: {
  paging: ReturnType<typeof useCursorPaging>;
  nextCursor: string | null | undefined;
}) {
  if (paging.page === 1 && !nextCursor) return null;
  return (
    <div className="pager">
      <Button icon={<LeftOutlined />} disabled={paging.page === 1} onClick={paging.prev}>
        上一页
      </Button>
      <span style={{ alignSelf: 'center' }}>第 {paging.page} 页</span>
      <Button disabled={!nextCursor} onClick={() => nextCursor && paging.next(nextCursor)}>
        下一页 <RightOutlined />
      </Button>
    </div>
  );
}
