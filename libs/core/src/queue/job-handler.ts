import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-catalogue';

/** Marks a provider as the handler of one catalogued job (discovered by the worker at boot). */
export const HandlesJob = DiscoveryService.createDecorator<JobName>();

export interface JobHandler<N extends JobName> {
  /**
   * `signal` aborts when the worker shuts down before the job could finish;
   * the job has then been handed back to the queue. Long handlers check it
   * between batches (`signal?.throwIfAborted()`) and stop.
   */
  handle(job: Job<JobPayloads[N]>, signal?: AbortSignal): Promise<unknown>;
}

export class MissingJobHandlerError extends Error {}

/** Checks the handler map against the catalogue: every job of every queue must have exactly one. */
export function checkHandlers(catalogue: readonly JobName[], found: readonly JobName[]): void {
  const missing = catalogue.filter((n) => !found.includes(n));
  const duplicated = found.filter((n, i) => found.indexOf(n) !== i);
  const unknown = found.filter((n) => !catalogue.includes(n));
  const problems = [
    ...missing.map((n) => `job "${n}" has no handler`),
    ...duplicated.map((n) => `job "${n}" has more than one handler`),
    ...unknown.map((n) => `handler for "${n}", which is not in the job catalogue`),
  ];
  if (problems.length)
    throw new MissingJobHandlerError(`Job catalogue check failed: ${problems.join('; ')}`);
}
