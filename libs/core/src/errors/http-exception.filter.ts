import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { DomainError, ErrorBody } from './domain-error';
import { ErrorCode } from './error-codes';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN_ROLE,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.RATE_LIMITED,
};

/** Maps any thrown value to `{ code, message, details? }`. 500s never carry internals. */
export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody } {
  if (exception instanceof DomainError) {
    return { status: exception.status, body: exception.toBody() };
  }
  if (exception instanceof ThrottlerException) {
    return {
      status: HttpStatus.TOO_MANY_REQUESTS,
      body: {
        code: ErrorCode.RATE_LIMITED,
        message: '请求过于频繁，请稍后再试 (too many requests)',
      },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    let message = exception.message;
    if (typeof res === 'object' && res !== null && 'message' in res) {
      const m = res.message;
      message = Array.isArray(m) ? m.join('; ') : String(m);
    }
    if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)/.test(message)) {
      return {
        status,
        body: {
          code: ErrorCode.ROUTE_NOT_FOUND,
          message: `接口不存在 (no such route): ${message.slice(7)}`,
        },
      };
    }
    if (status === 400 && /JSON/i.test(message)) {
      return {
        status,
        body: {
          code: ErrorCode.BAD_REQUEST,
          message: `请求体不是有效的 JSON (malformed JSON body)`,
        },
      };
    }
    if (status >= 500) {
      return {
        status,
        body: { code: ErrorCode.INTERNAL, message: '服务器内部错误 (internal error)' },
      };
    }
    return { status, body: { code: STATUS_CODES[status] ?? ErrorCode.BAD_REQUEST, message } };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: ErrorCode.INTERNAL, message: '服务器内部错误 (internal error)' },
  };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception);
    if (status >= 500) {
      this.logger.error(
        {
          err:
            exception instanceof Error
              ? { message: exception.message, stack: exception.stack }
              : exception,
        },
        'unhandled error',
      );
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  }
}
