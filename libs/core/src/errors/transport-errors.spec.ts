import {
  BadRequestException,
  Logger,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { AllExceptionsFilter, toErrorResponse } from './http-exception.filter';

/** What body-parser / raw-body raise (through http-errors). */
const httpError = (status: number, type: string | undefined, extra: object = {}): Error =>
  Object.assign(new Error(`raised with ${status}`), {
    status,
    statusCode: status,
    expose: status < 500,
    type,
    ...extra,
  });

describe('transport errors -> 4xx', () => {
  it.each<[string, unknown, number, string]>([
    [
      'body over the limit',
      httpError(413, 'entity.too.large', { limit: 1024 }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['too many urlencoded fields', httpError(413, 'parameters.too.many'), 413, 'PAYLOAD_TOO_LARGE'],
    ['unknown charset', httpError(415, 'charset.unsupported'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'unknown content encoding',
      httpError(415, 'encoding.unsupported'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['unparseable body', httpError(400, 'entity.parse.failed'), 400, 'BAD_REQUEST'],
    ['form nested too deep', httpError(400, 'querystring.parse.rangeError'), 400, 'BAD_REQUEST'],
    ['client aborted the upload', httpError(400, 'request.aborted'), 400, 'BAD_REQUEST'],
    ['content-length mismatch', httpError(400, 'request.size.invalid'), 400, 'BAD_REQUEST'],
    ['another exposed 4xx', httpError(415, undefined), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an exposed 408', httpError(408, 'whatever'), 408, 'BAD_REQUEST'],
    ["Nest's 415", new UnsupportedMediaTypeException(), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'multer: file too large',
      new PayloadTooLargeException('File too large'),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'multer: unexpected field',
      new BadRequestException('Unexpected field - upload'),
      400,
      'BAD_REQUEST',
    ],
    // server-side failures stay 500s
    ['stream not readable (500)', httpError(500, 'stream.not.readable'), 500, 'INTERNAL'],
    [
      'a 4xx status that is not exposed',
      Object.assign(new Error('x'), { status: 400 }),
      500,
      'INTERNAL',
    ],
  ])('%s -> %i %s', (_label, err, status, code) => {
    const r = toErrorResponse(err);
    expect(r.status).toBe(status);
    expect(r.body.code).toBe(code);
    expect(r.body.message).toEqual(expect.any(String));
  });

  it('says the limit of a body that is too large, and never echoes the body', () => {
    const err = httpError(400, 'entity.parse.failed', { body: '{"password":"hunter2"' });
    expect(JSON.stringify(toErrorResponse(err).body)).not.toContain('hunter2');
    expect(toErrorResponse(httpError(413, 'entity.too.large', { limit: 1048576 })).body).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
      details: { limitBytes: 1048576 },
    });
  });
});

describe('AllExceptionsFilter logging', () => {
  const host = (): { host: ArgumentsHost; sent: { status?: number; body?: unknown } } => {
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      headersSent: false,
      status(s: number) {
        sent.status = s;
        return this;
      },
      json(b: unknown) {
        sent.body = b;
        return this;
      },
    };
    return {
      sent,
      host: { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost,
    };
  };

  it.each<[string, unknown, number]>([
    ['body over the limit', httpError(413, 'entity.too.large'), 413],
    ['bad charset', httpError(415, 'charset.unsupported'), 415],
    ['malformed JSON', new BadRequestException('Unexpected end of JSON input'), 400],
    ['file too large', new PayloadTooLargeException('File too large'), 413],
  ])('answers %s with %i and never logs it as an error', (_label, err, status) => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { host: h, sent } = host();
      new AllExceptionsFilter().catch(err, h);
      expect(sent.status).toBe(status);
      expect(error).not.toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it('logs a 500 as an error', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const { host: h, sent } = host();
      new AllExceptionsFilter().catch(new Error('boom'), h);
      expect(sent.status).toBe(500);
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      error.mockRestore();
    }
  });
});
