import { Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { maskIdNumbersInText } from './mask';

export { maskIdNumbersInText };

const REQUEST_ID = /^[\w.:-]{1,80}$/;

/**
 * The request's id: the caller's X-Request-Id when it is sane, otherwise a new
 * UUID. Set once on the request and echoed in the response header.
 */
export function requestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string' && req.id) return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('x-request-id', id);
  return id;
}

/** Structured JSON logs (pino) with a request id on every line of a request. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.log.level,
          transport: config.log.pretty
            ? { target: 'pino/file', options: { destination: 1 } }
            : undefined,
          genReqId: requestId,
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'res.headers["set-cookie"]',
              '*.password',
              '*.currentPassword',
              '*.newPassword',
              '*.refreshToken',
              '*.idNumber',
            ],
            censor: '[redacted]',
          },
          autoLogging: {
            ignore: (req: IncomingMessage) => req.url === '/api/health' || req.url === '/api/ready',
          },
          serializers: {
            req: (req: { id: unknown; method: unknown; url: unknown }) => ({
              id: req.id,
              method: req.method,
              url: typeof req.url === 'string' ? maskIdNumbersInText(req.url) : req.url,
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
