import { StatementBatcher } from './statement-batcher';

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
