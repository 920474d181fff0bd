import { INestApplication, Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AllExceptionsFilter,
  AppConfig,
  RequestContext,
  requestId,
  validationError,
} from '@peixun/core';
import { DemoSeedService, formatDemoAccounts } from '@peixun/org';
import { Logger } from 'nestjs-pino';
import type { NextFunction, Request, Response } from 'express';
import { ApiModule } from './api.module';

export interface ApiAppOptions {
  /** Load the demo organisation when the database has no accounts (first start). */
  seedDemoOnEmpty?: boolean;
}

/** Builds the HTTP application: /api prefix, validation, error shape, OpenAPI. */
export async function createApiApp(opts: ApiAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    RequestContext.run({ requestId: requestId(req, res), ip: req.ip ?? null }, next);
  });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => validationError(errors),
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());

  const doc = new DocumentBuilder()
    .setTitle('peixun 培训 API')
    .setDescription(
      '社区工作者培训管理平台 (community-worker training management). Errors: `{ code, message, details? }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });

  await app.init();
  const config = app.get(AppConfig);
  if (opts.seedDemoOnEmpty ?? config.seedDemoOnEmpty) {
    const seeder = app.get(DemoSeedService);
    if (await seeder.isEmpty()) {
      const result = await seeder.seed();
      if (result.seeded) new NestLogger('DemoSeed').log(`\n${formatDemoAccounts(result)}`);
    }
  }
  return app;
}
