import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

type Queue = paths['/api/v1/jobs/{queue}/{jobId}']['get']['parameters']['path']['queue'];

/** A queued job's state, polled every second until it has finished. */
export function useJob(job: { queue: string; jobId: string } | null | undefined) {
  return useQuery({
    queryKey: ['job', job?.queue, job?.jobId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/jobs/{queue}/{jobId}', {
          params: { path: { queue: job!.queue as Queue, jobId: job!.jobId } },
        }),
      ),
    enabled: !!job,
    refetchInterval: (q) =>
      q.state.data && ['completed', 'failed'].includes(q.state.data.state) ? false : 1000,
  });
}

/** A job's progress as a percentage, where the job reports one (`{ done, total }` or a number). */
export function progressPercent(progress: unknown): number | null {
  if (typeof progress === 'number') return Math.max(0, Math.min(100, Math.round(progress)));
  if (progress && typeof progress === 'object') {
    const { done, total, percent } = progress as Record<string, unknown>;
    if (typeof percent === 'number') return Math.round(percent);
    if (typeof done === 'number' && typeof total === 'number' && total > 0) {
      return Math.round((done / total) * 100);
    }
  }
  return null;
}
