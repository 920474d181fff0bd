import { Coalescer, StatementBatcher } from './statement-batcher';

/** A fake statement: records each batch it was given and answers after `ms`. */
function recorder(ms = 5, fail?: (items: readonly number[]) => boolean) {
  const batches: number[][] = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = async (items: readonly number[]): Promise<string[]> => {
    batches.push([...items]);
    mostAtOnce = Math.max(mostAtOnce, ++running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    if (fail?.(items)) throw new Error(`batch of ${items.length} failed`);
    return items.map((n) => `answer ${n}`);
  };
  return { run, batches, mostAtOnce: () => mostAtOnce };
}

describe('StatementBatcher', () => {
  it('answers each request with its own row, however the requests were grouped', async () => {
    const r = recorder();
    const b = new StatementBatcher<number, string>({ run: r.run, key: String, maxInFlight: 2 });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => b.submit(i)));
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => `answer ${i}`));
    // 50 requests in one turn: not 50 statements, and never more than 2 at once
    expect(r.batches.length).toBeLessThanOrEqual(2);
    expect(r.mostAtOnce()).toBeLessThanOrEqual(2);
    expect(r.batches.flat().sort((a, b) => a - b)).toEqual(answers.map((_, i) => i));
  });

  it('sends a lone request at once and groups those that queue behind a running batch', async () => {
    const r = recorder(20);
    const b = new StatementBatcher<number, string>({ run: r.run, key: String, maxInFlight: 1 });
    const first = b.submit(1);
    await new Promise((res) => setTimeout(res, 5)); // the first is running now
    const later = [2, 3, 4].map((n) => b.submit(n));
    await Promise.all([first, ...later]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts two requests with the same key in one batch, and keeps arrival order', async () => {
    const r = recorder();
    const b = new StatementBatcher<number, string>({
      run: r.run,
      key: (n) => String(n % 3),
      maxInFlight: 1,
    });
    await Promise.all([0, 1, 2, 3, 4, 5, 6].map((n) => b.submit(n)));
    for (const batch of r.batches) {
      expect(new Set(batch.map((n) => n % 3)).size).toBe(batch.length);
    }
    expect(r.batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('caps a batch at maxBatch', async () => {
    const r = recorder();
    const b = new StatementBatcher<number, string>({
      run: r.run,
      key: String,
      maxBatch: 4,
      maxInFlight: 1,
    });
    await Promise.all(Array.from({ length: 10 }, (_, i) => b.submit(i)));
    expect(r.batches.map((x) => x.length)).toEqual([4, 4, 2]);
  });

  it('when a batch fails, runs its requests one by one: only the bad one fails', async () => {
    const r = recorder(1, (items) => items.includes(3));
    const b = new StatementBatcher<number, string>({ run: r.run, key: String, maxInFlight: 1 });
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => b.submit(n)));
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('batch of 1 failed'));
    expect(b.waiting).toBe(0);
  });
});

describe('Coalescer', () => {
  it('gives every caller a run that started after its call, shared by those who asked meanwhile', async () => {
    let committed = 0;
    const runs: number[] = [];
    const c = new Coalescer<number>(async () => {
      const seen = committed; // what the run can see when it starts
      runs.push(seen);
      await new Promise((r) => setTimeout(r, 10));
      return seen;
    });
    const asks: Promise<number>[] = [];
    for (let i = 1; i <= 20; i++) {
      committed = i; // the caller's own write, before it asks
      asks.push(
        c.run('class-1').then((seen) => {
          expect(seen).toBeGreaterThanOrEqual(i);
          return seen;
        }),
      );
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 3));
    }
    await Promise.all(asks);
    // 20 callers, a few runs, never two at once for one key
    expect(runs.length).toBeLessThanOrEqual(6);
    expect(runs.length).toBeGreaterThanOrEqual(2);
  });

  it('runs keys apart, and passes a failure to exactly the callers of that run', async () => {
    const runs = new Map<string, number>();
    const c = new Coalescer<string>(async (key) => {
      const n = (runs.get(key) ?? 0) + 1;
      runs.set(key, n);
      await new Promise((r) => setTimeout(r, 5));
      if (key === 'bad' && n === 1) throw new Error('first run failed');
      return key;
    });
    const [bad, good] = await Promise.allSettled([c.run('bad'), c.run('good')]);
    expect(bad).toEqual({ status: 'rejected', reason: new Error('first run failed') });
    expect(good).toEqual({ status: 'fulfilled', value: 'good' });
    await expect(c.run('bad')).resolves.toBe('bad');
  });
});
