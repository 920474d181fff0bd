import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { ErrorBody } from './domain-error';
import { ErrorCode } from './error-codes';

/** PostgreSQL SQLSTATEs of a server that is away, starting, stopping or full. */
const PG_UNAVAILABLE = /^(08\d{3}|57P0[1-3]|53300|53400)$/;
/** Socket errors of any client (pg, ioredis). */
const SOCKET = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/;
/** What pg and ioredis say when their connection is gone or cannot be made. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is closed/i,
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /Reached the max retries per request limit/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

function isUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
    name?: unknown;
  };
  if (typeof e.code === 'string' && (PG_UNAVAILABLE.test(e.code) || SOCKET.test(e.code)))
    return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string)))
    return true;
  if (err instanceof QueryFailedError && isUnavailable(e.driverError, depth + 1)) return true;
  return isUnavailable(e.cause, depth + 1);
}

/**
 * While PostgreSQL or Redis is away, a request answers 503 with the error
 * shape (and Retry-After), not 500: the caller can retry, and the process
 * recovers by itself when they are back (pools and clients reconnect).
 */
export function serviceUnavailableResponse(
  exception: unknown,
): { status: number; body: ErrorBody } | null {
  if (!isUnavailable(exception)) return null;
  return {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    body: {
      code: ErrorCode.SERVICE_UNAVAILABLE,
      message: '服务暂时不可用，请稍后重试 (a backing service is unavailable; retry shortly)',
    },
  };
}
