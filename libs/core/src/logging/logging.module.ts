import { Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { maskSensitiveText } from './mask';
import { RequestLogs } from './request-logs';

export { maskSensitiveText };
export { prettyStream } from './pretty-stream';
export { RequestLogs, requestLineLevel } from './request-logs';

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

/**
 * Logs with a request id on every line of a request; personal data and secrets redacted.
 * RequestLogs holds the root logger and gives each request its logger (`req.log`, attached by
 * the HTTP application's first middleware); nestjs-pino's middleware then makes it the logger
 * of everything that the request runs (`useExisting`).
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [RequestLogs],
      inject: [RequestLogs],
      useFactory: (logs: RequestLogs) => ({
        pinoHttp: { logger: logs.root },
        useExisting: true,
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
      }),
    }),
  ],
})
export class LoggingModule {}
