import type { INestApplication } from '@nestjs/common';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * Paths the web app never answers: the API (and its docs), and the certificate verification
 * page that a certificate's QR code holds (`/v/<serial>?c=…`, server-rendered by libs/exams so
 * that it works without script on any phone).
 */
const SERVER_PATH = /^\/(api|v)(\/|$)/;

/**
 * Pages of the web app whose last segment looks like a file name: the check-in
 * URL in a session's QR code, `/c/<session>/<slot>.<mac>`. With a build, the web
 * app owns them (whatever plain page the API would give without one).
 */
const PAGE_PATH = /^\/c\/[^/]+\/[^/]+\/?$/;

/**
 * Serves the built web app (apps/web, `npm run web:build` → WEB_DIST_DIR) at
 * `/`: its files as they are (hashed assets cached for a year, everything else
 * revalidated), and index.html for any other GET of a page path so that the
 * browser app's own routes (`/w/timetable`, `/classes/<id>` from a notice's QR
 * code) load on a reload or a shared link. `/api/**` never reaches it. Without
 * a build (no index.html: `npm run dev`), nothing is served at `/`.
 */
export function serveWebApp(app: INestApplication, dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(dir, {
    index: false,
    redirect: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.includes(`${join(dir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (SERVER_PATH.test(req.path) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    files(req, res, () => {
      // a missing file (an old asset, /favicon.ico) is a 404, not the page
      if (extname(req.path) && !PAGE_PATH.test(req.path)) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, (err) => {
        if (err) next(err);
      });
    });
  });
  return true;
}
