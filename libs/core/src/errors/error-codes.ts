/**
 * Stable machine codes. Clients and tests match on these; never rename one,
 * add a new one instead.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  TOKEN_INVALID: 'TOKEN_INVALID',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  FORBIDDEN_ROLE: 'FORBIDDEN_ROLE',
  FORBIDDEN_SCOPE: 'FORBIDDEN_SCOPE',
  ROUTE_ACCESS_UNDECLARED: 'ROUTE_ACCESS_UNDECLARED',
  RATE_LIMITED: 'RATE_LIMITED',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  /** A body in a charset or content encoding the API does not read (415). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  JOB_NOT_FOUND: 'JOB_NOT_FOUND',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  /** A unit's municipality is not in the region table (libs/policy regions.ts). */
  REGION_UNSUPPORTED: 'REGION_UNSUPPORTED',
  /** A pool teacher without current consent to be listed cannot be newly selected. */
  TEACHER_NOT_CONSENTING: 'TEACHER_NOT_CONSENTING',
  /** PostgreSQL or Redis is unreachable for now (503, with Retry-After). */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
