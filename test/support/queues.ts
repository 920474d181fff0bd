import request from 'supertest';
import type { App } from 'supertest/types';
import { bearer, Session } from './app';

export interface JobStatusBody {
  state: string;
  progress: { batches?: number; moved?: number } | number;
  result: Record<string, unknown> | null;
  attemptsMade: number;
  failedReason: string | null;
}

/** Polls a job through the API until `done(status)` holds (no fixed sleeps). */
export async function waitForJob(
  http: App,
  session: Session,
  ref: { queue: string; jobId: string },
  done: (s: JobStatusBody) => boolean = (s) => s.state === 'completed' || s.state === 'failed',
  timeoutMs = 45_000,
): Promise<JobStatusBody> {
  const deadline = Date.now() + timeoutMs;
  let last: JobStatusBody | undefined;
  while (Date.now() < deadline) {
    const res = await request(http)
      .get(`/api/v1/jobs/${ref.queue}/${encodeURIComponent(ref.jobId)}`)
      .set(bearer(session));
    if (res.status === 200) {
      last = res.body as JobStatusBody;
      if (done(last)) return last;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `job ${ref.jobId} did not reach the expected state in ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
  );
}
