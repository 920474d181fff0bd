import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './api.module';

/** The global prefix of every route: the API lives under /api, the web app at /. */
export const API_PREFIX = 'api';

/** The OpenAPI document of the HTTP API, built from the controllers and DTOs of `app`. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('peixun 培训 API')
    .setDescription(
      '社区工作者培训管理平台 (community-worker training management). Errors: `{ code, message, details? }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The same document without a database, Redis or any provider: Nest's preview
 * mode reads the modules, controllers and DTO metadata without instantiating
 * anything (the web app's typed client is generated from it: `npm run web:api`).
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ApiModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
