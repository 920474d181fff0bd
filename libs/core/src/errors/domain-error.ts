import { ErrorCode } from './error-codes';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

/**
 * A failure the caller can act on. Services throw these; the global filter maps
 * them to HTTP with the stable `code`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super(
      ErrorCode.NOT_FOUND,
      id ? `${what} ${id} 不存在 (not found)` : `${what} 不存在 (not found)`,
      404,
    );
  }
}

export class ForbiddenScopeError extends DomainError {
  constructor(message = '无权访问该范围的数据 (outside your scope)') {
    super(ErrorCode.FORBIDDEN_SCOPE, message, 403);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(ErrorCode.CONFLICT, message, 409, details);
  }
}

/** A workflow step that the current status does not allow (409 ILLEGAL_TRANSITION). */
export function illegalTransition(action: string, status: string): DomainError {
  return new DomainError(
    ErrorCode.ILLEGAL_TRANSITION,
    `当前状态 ${status} 下不能执行 ${action} (not allowed from ${status})`,
    409,
    { action, status },
  );
}
