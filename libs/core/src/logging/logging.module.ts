import { Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { levels } from 'pino';
import type { DestinationStream, LogFn, Logger } from 'pino';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';
import { AppConfig } from '../config/app-config';
import { maskSensitiveText } from './mask';

export { maskSensitiveText };

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
 * One readable line per event for people (LOG_FORMAT=pretty, the development
 * default): time, level, context, message, request id. JSON lines otherwise.
 */
export function prettyStream(): DestinationStream {
  return pretty({
    sync: true,
    colorize: process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,reqId,responseTime,err',
    singleLine: true,
    messageFormat: (log, messageKey) => {
      const context = typeof log.context === 'string' ? `[${log.context}] ` : '';
      const req = log.req as { id?: unknown } | undefined;
      const id =
        typeof req?.id === 'string' ? req.id : typeof log.reqId === 'string' ? log.reqId : '';
      const err = log.err as { message?: unknown } | undefined;
      const reason =
        err && typeof err.message === 'string' ? ` — ${maskSensitiveText(err.message)}` : '';
      return `${context}${typeof log[messageKey] === 'string' ? log[messageKey] : JSON.stringify(log[messageKey] ?? '')}${reason}${id ? ` (req ${id.slice(0, 8)})` : ''}`;
    },
  });
}

/** Nest's start-up inventory (one line per module and route): debug, not info. */
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

function demoteStartupChatter(
  this: Logger,
  args: Parameters<LogFn>,
  method: LogFn,
  level: number,
): void {
  const first = args[0] as { context?: unknown } | undefined;
  if (level === 30 && first && typeof first === 'object' && CHATTER.has(String(first.context))) {
    this.debug(...(args as [object, string]));
    return;
  }
  method.apply(this, args);
}

/** Logs with a request id on every line of a request; personal data and secrets redacted. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const threshold = levels.values[config.log.level] ?? Infinity; // silent
        const options: Options = {
          level: config.log.level,
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
              '*.accessToken',
              '*.idNumber',
              '*.phone',
            ],
            censor: '[redacted]',
          },
          autoLogging: {
            ignore: (req: IncomingMessage) => req.url === '/api/health' || req.url === '/api/ready',
          },
          // a client error is a warning (the client's fault, not ours); only a 5xx is an error.
          // A line below the threshold is 'silent': pino-http then builds neither its object
          // nor its message (it builds both before pino would drop the line)
          customLogLevel: (_req, res, err) => {
            const level =
              res.statusCode >= 500 || (err && res.statusCode < 400)
                ? 'error'
                : res.statusCode >= 400
                  ? 'warn'
                  : 'info';
            return levels.values[level] < threshold ? 'silent' : level;
          },
          hooks: { logMethod: demoteStartupChatter },
          customSuccessMessage: (req, res, responseTime) =>
            `${req.method} ${maskSensitiveText(req.url ?? '')} ${res.statusCode} ${Math.round(responseTime)} ms`,
          customErrorMessage: (req, res) =>
            `${req.method} ${maskSensitiveText(req.url ?? '')} ${res.statusCode} failed`,
          // the serializers below take the request and response themselves: pino-http's wrapping
          // first copies every header and the remote address into an object (on each request,
          // for the request's logger) only for them to pick three fields
          wrapSerializers: false,
          serializers: {
            // status only: response headers (CSP, cookies) add nothing to a request line
            res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
            req: (req: { id: unknown; method: unknown; url: unknown }) => ({
              id: req.id,
              method: req.method,
              url: typeof req.url === 'string' ? maskSensitiveText(req.url) : req.url,
            }),
          },
        };
        return {
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: config.log.format === 'pretty' ? [options, prettyStream()] : options,
        };
      },
    }),
  ],
})
export class LoggingModule {}
