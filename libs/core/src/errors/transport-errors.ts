import type { ErrorBody } from './domain-error';
import { ErrorCode } from './error-codes';

/**
 * The errors that body-parser, raw-body and friends raise through
 * `http-errors`: an Error with a 4xx `status`, `expose: true` and a `type`
 * such as `entity.too.large`. Express hands them to the application's error
 * handler, which Nest routes to the global filter, but they are neither
 * HttpExceptions nor (apart from JSON syntax errors) mapped by Nest: without
 * this they became 500s logged as errors.
 */
interface HttpError extends Error {
  status: number;
  expose?: boolean;
  type?: string;
  limit?: number;
}

function isClientHttpError(e: unknown): e is HttpError {
  if (!(e instanceof Error)) return false;
  const status = (e as Partial<HttpError>).status;
  return (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    (e as Partial<HttpError>).expose === true
  );
}

const BY_TYPE: Record<string, { status: number; code: ErrorCode; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: '请求体过大 (request body too large)',
  },
  'parameters.too.many': {
    status: 413,
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: '表单字段过多 (too many form fields)',
  },
  'charset.unsupported': {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: '不支持的字符集，请使用 UTF-8 (unsupported charset; use UTF-8)',
  },
  'encoding.unsupported': {
    status: 415,
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: '不支持的内容编码 (unsupported content encoding)',
  },
  'entity.parse.failed': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: '请求体无法解析 (malformed request body)',
  },
  'entity.verify.failed': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: '请求体无法解析 (malformed request body)',
  },
  'querystring.parse.rangeError': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: '表单嵌套过深 (form fields nested too deeply)',
  },
  'request.aborted': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: '请求未发送完整 (request aborted)',
  },
  'request.size.invalid': {
    status: 400,
    code: ErrorCode.BAD_REQUEST,
    message: '请求体长度与 Content-Length 不符 (request size did not match content length)',
  },
};

const BY_STATUS: Record<number, ErrorCode> = {
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
};

/**
 * `{status, body}` for a client error raised by the transport layer (body
 * parsing), or undefined when `e` is not one. Never echoes the request body.
 */
export function transportErrorResponse(
  e: unknown,
): { status: number; body: ErrorBody } | undefined {
  if (!isClientHttpError(e)) return undefined;
  const known = e.type ? BY_TYPE[e.type] : undefined;
  if (known) {
    const limit = known.status === 413 && typeof e.limit === 'number' ? e.limit : undefined;
    return {
      status: known.status,
      body: {
        code: known.code,
        message: known.message,
        ...(limit !== undefined ? { details: { limitBytes: limit } } : {}),
      },
    };
  }
  return {
    status: e.status,
    body: {
      code: BY_STATUS[e.status] ?? ErrorCode.BAD_REQUEST,
      message: '请求无法处理 (the request could not be read)',
    },
  };
}
