import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@peixun/core';
import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
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

/**
 * JSON and urlencoded bodies up to BODY_LIMIT. Nest's own parsers are turned
 * off (`bodyParser: false`) because they run before every module middleware,
 * the request logger included: a body that was too large or malformed was then
 * never logged as a request. Bound in ApiModule, these run after it; their
 * errors reach the global filter (413 PAYLOAD_TOO_LARGE, 415
 * UNSUPPORTED_MEDIA_TYPE, 400 BAD_REQUEST).
 */
@Injectable()
export class BodyParserMiddleware implements NestMiddleware {
  private readonly json: RequestHandler;
  private readonly urlencoded: RequestHandler;

  constructor(config: AppConfig) {
    this.json = express.json({ limit: config.http.bodyLimit });
    this.urlencoded = express.urlencoded({
      extended: true,
      limit: config.http.bodyLimit,
      parameterLimit: 1000,
    });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    // each parser reads only its own media type and passes anything else on untouched: one
    // parser per request, picked by the header, instead of both in a row
    const type = req.headers['content-type'];
    if (typeof type === 'string' && URLENCODED.test(type)) this.urlencoded(req, res, next);
    else this.json(req, res, next);
  }
}
