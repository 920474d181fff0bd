import { Injectable, Optional } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { levels, pino, symbols } from 'pino';
import type { DestinationStream, Level, Logger, LoggerOptions } from 'pino';
import { AppConfig } from '../config/app-config';
import { prettyStream } from './pretty-stream';
import { maskSensitiveText } from './mask';

/** The level a finished request's line is written at, or 'silent' when none is written. */
export type RequestLineLevel = Level | 'silent';

/**
 * The level of a finished request's line: a client error is a warning (the client's fault, not
 * ours), a server error is an error. 'silent' below the configured threshold: the line is then
 * not built at all.
 */
export function requestLineLevel(threshold: string): (status: number) => RequestLineLevel {
  const min = levels.values[threshold] ?? Infinity; // silent
  return (status) => {
    const level: Level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    return levels.values[level] < min ? 'silent' : level;
  };
}

/** Fields whose values never reach a log line: secrets and personal data. */
const REDACTED_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'refreshToken',
  'accessToken',
  'idNumber',
  'phone',
];

/** Routes that probes call every few seconds: their answers are not logged. */
const QUIET = new Set(['/api/health', '/api/ready']);

/** Nest's start-up inventory (one line per module and route): debug, not info. */
const CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

const REQUEST = Symbol('request');
const BUILT = Symbol('built');
const { chindingsSym } = symbols;

/** What a request's line names: taken when it arrives, so that its logger holds no request. */
interface RequestFacts {
  id: unknown;
  method: string | undefined;
  url: string | undefined;
}

type LazyLogger = Logger & { [REQUEST]: RequestFacts; [BUILT]?: Logger };

/**
 * The root logger and each request's logger (nestjs-pino finds it as `req.log`, set by
 * `attach`), with one line per finished request (`GET /api/v1/… 404 3 ms`).
 *
 * In place of pino-http, which builds a child logger for every request before anything is
 * written: the request serialised, redacted and stringified into the child's bindings, two
 * listeners, two arrays. At the production level (warn) almost no request writes a line. Here a
 * request's logger is the root logger seen through an object that holds the request's id, method
 * and URL (not the request: a logger can outlive it in async work the request started); the
 * bindings (`req`: id, method, masked URL) are built by pino's own `child` on the first line
 * written, so the lines are the ones a child would write.
 */
@Injectable()
export class RequestLogs {
  readonly root: Logger;
  private readonly lineLevel: (status: number) => RequestLineLevel;
  /** The prototype of every request's logger: the root, with bindings built on first use. */
  private readonly lazy: object;

  /** `destination`: where the lines go (standard output when not given; tests pass their own). */
  constructor(config: AppConfig, @Optional() destination?: DestinationStream) {
    const options: LoggerOptions = {
      level: config.log.level,
      redact: {
        // a secret or personal field of a line's object, at its top level or one down
        paths: [
          ...REDACTED_FIELDS,
          ...REDACTED_FIELDS.map((field) => `*.${field}`),
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      hooks: { logMethod: demoteStartupChatter },
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
    this.root = destination
      ? pino(options, destination)
      : config.log.format === 'pretty'
        ? pino(options, prettyStream())
        : pino(options);
    this.lineLevel = requestLineLevel(config.log.level);
    const root = this.root;
    this.lazy = Object.create(root, {
      [chindingsSym]: {
        get(this: LazyLogger): string {
          const built = (this[BUILT] ??= root.child({ req: this[REQUEST] }));
          return (built as unknown as Record<symbol, string>)[chindingsSym];
        },
        // pino's setBindings and child write the bindings: they become the object's own
        set(this: LazyLogger, value: string) {
          Object.defineProperty(this, chindingsSym, { value, writable: true, configurable: true });
        },
      },
    }) as object;
  }

  /** The request's logger (a pino logger whose `req` binding is built on its first line). */
  loggerOf(req: IncomingMessage): Logger {
    const log = Object.create(this.lazy) as LazyLogger;
    log[REQUEST] = { id: (req as { id?: unknown }).id, method: req.method, url: req.url };
    return log;
  }

  /**
   * Gives the request its logger and writes its line when the answer is done (at the level that
   * its status gives; none for the health probes). Call after the request has its id.
   */
  attach(req: IncomingMessage & { log?: Logger }, res: ServerResponse): void {
    const log = this.loggerOf(req);
    req.log = log;
    if (QUIET.has(req.url ?? '')) return;
    const start = Date.now();
    // 'close' follows 'finish', and comes alone when the client went away first
    res.on('close', () => this.finished(req, res, log, start));
  }

  private finished(req: IncomingMessage, res: ServerResponse, log: Logger, start: number): void {
    // ended by us (flushed or not) is answered; not ended: the client went away first
    if (!res.writableEnded) {
      if (this.root.isLevelEnabled('info')) {
        const ms = Date.now() - start;
        log.info({ responseTime: ms }, `${lineOf(req)} aborted by the client after ${ms} ms`);
      }
      return;
    }
    const level = this.lineLevel(res.statusCode);
    if (level === 'silent') return;
    const responseTime = Date.now() - start;
    log[level](
      { res, responseTime },
      level === 'error'
        ? `${lineOf(req)} ${res.statusCode} failed`
        : `${lineOf(req)} ${res.statusCode} ${responseTime} ms`,
    );
  }
}

const lineOf = (req: IncomingMessage): string =>
  `${req.method} ${maskSensitiveText(req.url ?? '')}`;

function demoteStartupChatter(
  this: Logger,
  args: Parameters<Logger['info']>,
  method: Logger['info'],
  level: number,
): void {
  const first = args[0] as { context?: unknown } | undefined;
  if (level === 30 && first && typeof first === 'object' && CHATTER.has(String(first.context))) {
    this.debug(...(args as [object, string]));
    return;
  }
  method.apply(this, args);
}
