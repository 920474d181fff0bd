/**
 * Group commit for a hot single-row write: requests that arrive while the database is busy
 * with earlier ones are written together by one statement (one round trip, one plan, one
 * commit) instead of one statement each.
 *
 * A request is sent at once when fewer than `maxInFlight` batches are running (no added
 * latency on a quiet server); otherwise it waits for the next batch, which takes everything
 * that queued meanwhile, up to `maxBatch`. Two requests with the same `key` never share a
 * batch (the later one waits for the next), so a statement never meets its own row twice.
 * When a batch fails, its requests are run again one by one, so that one bad request cannot
 * fail the others; only its own error reaches each caller.
 */
export interface StatementBatcherOptions<I, O> {
  /** Runs one batch; the answer for `items[i]` at index i. */
  run(items: readonly I[]): Promise<O[]>;
  /** Requests with the same key never share a batch. */
  key(item: I): string;
  maxBatch?: number;
  maxInFlight?: number;
}

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(reason: unknown): void;
}

export class StatementBatcher<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly opts: StatementBatcherOptions<I, O>) {
    this.maxBatch = opts.maxBatch ?? 200;
    this.maxInFlight = opts.maxInFlight ?? 2;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // requests parsed in the same turn of the event loop leave together
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.drain();
        });
      }
    });
  }

  /** Requests waiting for a batch (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  private drain(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  /** Up to maxBatch requests in arrival order, no key twice; the rest keep their place. */
  private take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    const rest: Waiting<I, O>[] = [];
    for (const w of this.queue) {
      const key = this.opts.key(w.item);
      if (batch.length < this.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.queue.splice(0, this.queue.length, ...rest);
    return batch;
  }

  private async send(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const answers = await this.opts.run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(answers[i]));
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      for (const w of batch) {
        try {
          const [answer] = await this.opts.run([w.item]);
          w.resolve(answer);
        } catch (own) {
          w.reject(own);
        }
      }
    }
  }
}

/**
 * One run at a time per key, shared by everyone who asked meanwhile: each caller gets the
 * result of a run that started after its call (so it saw what the caller committed before
 * asking), and callers that arrive while a run is going share the next one. For a statement
 * that settles "whatever has been committed so far" — e.g. a class's pending enrolments — a
 * thousand callers make a handful of runs instead of a thousand that queue for the same lock.
 */
export class Coalescer<R> {
  private readonly keys = new Map<string, { resolve(v: R): void; reject(e: unknown): void }[]>();

  constructor(private readonly fn: (key: string) => Promise<R>) {}

  run(key: string): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting = this.keys.get(key);
      if (waiting) {
        waiting.push({ resolve, reject });
        return;
      }
      this.keys.set(key, [{ resolve, reject }]);
      void this.loop(key);
    });
  }

  private async loop(key: string): Promise<void> {
    for (;;) {
      const waiting = this.keys.get(key)!;
      if (waiting.length === 0) {
        this.keys.delete(key);
        return;
      }
      // this run serves exactly those who asked before it started
      const served = waiting.splice(0, waiting.length);
      try {
        const result = await this.fn(key);
        for (const w of served) w.resolve(result);
      } catch (err) {
        for (const w of served) w.reject(err);
      }
    }
  }
}
