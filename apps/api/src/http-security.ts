import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@peixun/core';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AsyncResource } from 'node:async_hooks';
import { isIP } from 'node:net';

/**
 * Headers, CORS and proxy trust of the HTTP process.
 *
 * - Content-Security-Policy for the API, its Swagger UI (/api/docs: scripts
 *   from files, inline styles, data: images) and the coming web app served at
 *   `/` (React + Ant Design, which injects inline styles): scripts only from
 *   this origin, styles from this origin or inline, images from this origin or
 *   data:, requests only to this origin, never framed (frame-ancestors 'none'
 *   and X-Frame-Options DENY), no plugins, no <base> tricks.
 * - X-Content-Type-Options nosniff, Referrer-Policy no-referrer, HSTS in
 *   production only (development runs on plain http://localhost).
 * - CORS only for the exact origins of CORS_ORIGINS; none: no CORS headers.
 * - `trust proxy` from TRUST_PROXY (off by default: X-Forwarded-For is then
 *   ignored, so a client cannot pick the address that rate limits key on).
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', config.http.trustProxy);
  app.disable('x-powered-by');
  const production = config.nodeEnv === 'production';
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      frameguard: { action: 'deny' },
      hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
      credentials: false,
      maxAge: 600,
    });
  }
}

/** The client's address as express sees it under `trust proxy`, when it is an IP address. */
export function clientAddress(req: Request): string | null {
  const ip = req.ip;
  return typeof ip === 'string' && isIP(ip) ? ip : null;
}

const URLENCODED = /^\s*application\/x-www-form-urlencoded\s*(;|$)/i;
/** `application/json`, in UTF-8 (said or implied): the type of nearly every API request. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
const DECIMAL = /^\d{1,9}$/;
/** The largest body read without body-parser: a request of a form or a check-in is far smaller. */
const SMALL_BODY = 64 * 1024;

/** A body-parser error of the kind the global filter maps by its `type` (transport-errors.ts). */
const bodyError = (status: number, type: string, message: string): Error =>
  Object.assign(new Error(message), { status, statusCode: status, expose: true, type });

/**
 * JSON and urlencoded bodies up to BODY_LIMIT. Nest's own parsers are turned
 * off (`bodyParser: false`) because they run before every module middleware,
 * the request logger included: a body that was too large or malformed was then
 * never logged as a request. Bound in ApiModule, these run after it; their
 * errors reach the global filter (413 PAYLOAD_TOO_LARGE, 415
 * UNSUPPORTED_MEDIA_TYPE, 400 BAD_REQUEST).
 *
 * The common request — a small UTF-8 JSON body with its Content-Length, not compressed — is
 * read here, as body-parser would read it (the same `{}` for an empty body, the same strict
 * check that it is an object or an array, the same errors): body-parser's content-type,
 * charset and stream machinery cost a small request a few percent of the API's CPU. Every
 * other body (compressed, chunked, another charset, larger) goes to body-parser.
 */
@Injectable()
export class BodyParserMiddleware implements NestMiddleware {
  private readonly json: RequestHandler;
  private readonly urlencoded: RequestHandler;
  private readonly smallBody: number;

  constructor(config: AppConfig) {
    this.json = express.json({ limit: config.http.bodyLimit });
    this.urlencoded = express.urlencoded({
      extended: true,
      limit: config.http.bodyLimit,
      parameterLimit: 1000,
    });
    this.smallBody = Math.min(SMALL_BODY, config.http.bodyLimitBytes);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    // each parser reads only its own media type and passes anything else on untouched: one
    // parser per request, picked by the header, instead of both in a row
    const type = req.headers['content-type'];
    if (typeof type === 'string') {
      if (URLENCODED.test(type)) {
        this.urlencoded(req, res, next);
        return;
      }
      const length = req.headers['content-length'];
      if (
        PLAIN_JSON.test(type) &&
        length !== undefined &&
        DECIMAL.test(length) &&
        Number(length) > 0 &&
        Number(length) <= this.smallBody &&
        req.headers['content-encoding'] === undefined &&
        req.headers['transfer-encoding'] === undefined
      ) {
        readSmallJson(req, Number(length), next);
        return;
      }
    }
    this.json(req, res, next);
  }
}

/** Reads a JSON body of `length` bytes (its Content-Length) into `req.body`, then `next`. */
function readSmallJson(req: Request, length: number, next: NextFunction): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let settled = false;
  // `next` runs in the request's async context (its RequestContext: the request id and the
  // address that audit entries carry), not in that of the socket's events, as raw-body does
  // (a resource of its own: AsyncResource.bind also builds deprecated accessors on each call)
  const scope = new AsyncResource('PeixunJsonBody');
  const settle = (err?: Error): void => {
    if (settled) return;
    settled = true;
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('close', onClose);
    req.off('error', onError);
    if (err) {
      // read off the rest, so that the answer is not sent to a request still sending
      req.resume();
      req.on('error', () => undefined);
    }
    scope.runInAsyncScope(next, null, err);
  };
  const onData = (chunk: Buffer): void => {
    received += chunk.length;
    if (received > length) {
      settle(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = (): void => {
    if (received !== length) {
      settle(bodyError(400, 'request.size.invalid', 'request size did not match content length'));
      return;
    }
    let text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString();
    // body-parser decodes with iconv-lite, which drops a byte-order mark
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const first = /^[ \t\n\r]*(.|$)/s.exec(text)?.[1];
    if (first !== '{' && first !== '[') {
      settle(bodyError(400, 'entity.parse.failed', 'request body is not a JSON object or array'));
      return;
    }
    try {
      (req as { body?: unknown }).body = JSON.parse(text) as unknown;
    } catch {
      settle(bodyError(400, 'entity.parse.failed', 'malformed JSON body'));
      return;
    }
    settle();
  };
  // closed before its end: the client gave up (raw-body's "request aborted")
  const onClose = (): void => settle(bodyError(400, 'request.aborted', 'request aborted'));
  const onError = (err: Error): void =>
    settle(Object.assign(err, { status: 400, expose: true, type: 'request.aborted' }));
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('close', onClose);
  req.on('error', onError);
}
