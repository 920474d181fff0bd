import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  AppConfig,
  cacheValidationMetadata,
  DEMO_SEED_LOCK_KEY,
  DtoValidationPipe,
  RejectControlCharactersPipe,
  RequestContext,
  requestId,
  RequestLogs,
  validationError,
  withAdvisoryLock,
} from '@peixun/core';
import { DataSource } from 'typeorm';
import { CHECK_IN_PAGE_PATH } from '@peixun/attendance';
import { DemoSeedService } from '@peixun/org';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import { ApiModule } from './api.module';
import { PrototypedExpressAdapter } from './express-adapter';
import { applyHttpSecurity, clientAddress } from './http-security';
import { API_PREFIX, createOpenApiDocument } from './openapi';
import { serveWebApp } from './web-app';

export interface ApiAppOptions {
  /** Load the demo organisation when the database has no accounts (first start). */
  seedDemoOnEmpty?: boolean;
}

/** Builds the HTTP application: /api prefix, validation, error shape, OpenAPI. */
export async function createApiApp(opts: ApiAppOptions = {}): Promise<INestApplication> {
  cacheValidationMetadata();
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule,
    new PrototypedExpressAdapter(),
    {
      bufferLogs: true,
      abortOnError: false,
      // JSON / urlencoded bodies are parsed by BodyParserMiddleware (ApiModule), after the request logger
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  applyHttpSecurity(app, app.get(AppConfig));
  // no weak ETag hashed over every JSON answer: API clients ask again rather than revalidate
  // (the web app's static files keep theirs: serve-static sets its own)
  app.set('etag', false);
  // the built web app at `/` (static files, SPA fallback), before the API's routes
  serveWebApp(app, app.get(AppConfig).webDistDir);
  // the request's id, its logger (and its line when done: libs/core/src/logging), its context
  const requestLogs = app.get(RequestLogs);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const id = requestId(req, res);
    requestLogs.attach(req, res);
    RequestContext.run({ requestId: id, ip: clientAddress(req) }, next);
  });
  // short paths outside /api: the check-in QR's page (libs/attendance) and the certificate
  // verification page that the certificate's QR code holds (libs/exams)
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: CHECK_IN_PAGE_PATH, method: RequestMethod.GET },
      { path: 'v/:serial', method: RequestMethod.GET },
      { path: 'v/:serial', method: RequestMethod.POST },
    ],
  });
  app.useGlobalPipes(
    // one rule for every body, query and path parameter: no control characters, lone surrogates
    new RejectControlCharactersPipe(),
    // Nest's ValidationPipe, synchronous for a flat body of plain values (libs/core)
    new DtoValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => validationError(errors),
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  const config = app.get(AppConfig);
  if (opts.seedDemoOnEmpty ?? config.seedDemoOnEmpty) {
    const seeder = app.get(DemoSeedService);
    // the start banner lists the demo accounts (apps/api/src/banner.ts); the copies of an
    // API_WORKERS cluster start together, and one of them seeds
    await withAdvisoryLock(app.get(DataSource), DEMO_SEED_LOCK_KEY, async () => {
      if (await seeder.isEmpty()) await seeder.seed();
    });
  }
  return app;
}
