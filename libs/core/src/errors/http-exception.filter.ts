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
import { QueryFailedError } from 'typeorm';
import { maskSensitiveText } from '../logging/mask';
import { DomainError, ErrorBody } from './domain-error';
import { ErrorCode } from './error-codes';
import { transportErrorResponse } from './transport-errors';
import { serviceUnavailableResponse } from './unavailable';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN_ROLE,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
};

/** Maps any thrown value to `{ code, message, details? }`. 500s never carry internals. */
export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody } {
  const unavailable = serviceUnavailableResponse(exception);
  if (unavailable) return unavailable;
  if (exception instanceof DomainError) {
    return { status: exception.status, body: exception.toBody() };
  }
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string; constraint?: string } | undefined)
      ?.code;
    const constraint = (exception.driverError as { constraint?: string } | undefined)?.constraint;
    // a race past a service's own check: two requests created the same thing at once
    if (code === '23505') {
      return {
        status: HttpStatus.CONFLICT,
        body: {
          code: ErrorCode.CONFLICT,
          message: '记录已存在 (already exists)',
          details: { constraint },
        },
      };
    }
    if (code === '23503') {
      return {
        status: HttpStatus.CONFLICT,
        body: {
          code: ErrorCode.CONFLICT,
          message: '引用的记录不存在或已被删除 (a referenced record is gone)',
          details: { constraint },
        },
      };
    }
    if (code === '42501') {
      return {
        status: HttpStatus.CONFLICT,
        body: {
          code: ErrorCode.CONFLICT,
          message: '该记录受保护，不能修改 (the record is protected)',
        },
      };
    }
    if (
      code === '23502' ||
      code === '22P02' ||
      code === '22007' ||
      code === '22008' ||
      code === '22003'
    ) {
      return {
        status: HttpStatus.BAD_REQUEST,
        body: {
          code: ErrorCode.VALIDATION_FAILED,
          message: '字段值无效或缺失 (a value is missing or malformed)',
        },
      };
    }
    if (code === '40001' || code === '40P01') {
      return {
        status: HttpStatus.CONFLICT,
        body: {
          code: ErrorCode.CONFLICT,
          message: '并发修改冲突，请重试 (concurrent change; retry)',
        },
      };
    }
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
  const transport = transportErrorResponse(exception);
  if (transport) return transport;
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
    if (status === 503) {
      // an outage of PostgreSQL or Redis: readiness reports it; one short line per request
      this.logger.warn(
        `backing service unavailable: ${maskSensitiveText(exception instanceof Error ? exception.message : String(exception)).slice(0, 200)}`,
      );
      if (!res.headersSent) res.setHeader('Retry-After', '5');
    } else if (status >= 500) {
      this.logger.error(
        {
          err:
            exception instanceof Error
              ? {
                  message: maskSensitiveText(exception.message),
                  stack: maskSensitiveText(exception.stack ?? ''),
                }
              : 'non-error value thrown',
        },
        'unhandled error',
      );
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  }
}
