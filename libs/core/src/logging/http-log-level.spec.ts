import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PARAMS_PROVIDER_TOKEN, Params } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig, loadConfig } from '../config/app-config';
import { LoggingModule } from './logging.module';

/** pino-http's level function of the LoggingModule built with these settings. */
async function levelWith(
  env: Record<string, string>,
): Promise<NonNullable<Options['customLogLevel']>> {
  @Global()
  @Module({
    providers: [{ provide: AppConfig, useValue: loadConfig({ LOG_FORMAT: 'json', ...env }) }],
    exports: [AppConfig],
  })
  class TestConfigModule {}
  const moduleRef = await Test.createTestingModule({
    imports: [TestConfigModule, LoggingModule],
  }).compile();
  const params = moduleRef.get<Params>(PARAMS_PROVIDER_TOKEN);
  const http = Array.isArray(params.pinoHttp) ? params.pinoHttp[0] : params.pinoHttp;
  const level = (http as Options).customLogLevel!;
  expect(level).toEqual(expect.any(Function));
  return level;
}

/** The level pino-http logs a finished request at: a client error is a warning, never an error. */
describe('request log level', () => {
  let level: NonNullable<Options['customLogLevel']>;

  beforeAll(async () => {
    level = await levelWith({ LOG_LEVEL: 'info' });
  });

  it.each<[number, string]>([
    [200, 'info'],
    [201, 'info'],
    [304, 'info'],
    [400, 'warn'],
    [401, 'warn'],
    [403, 'warn'],
    [404, 'warn'],
    [413, 'warn'],
    [415, 'warn'],
    [429, 'warn'],
    [500, 'error'],
    [503, 'error'],
  ])('%i -> %s', (status, expected) => {
    const res = { statusCode: status } as ServerResponse;
    expect(level({} as IncomingMessage, res, undefined)).toBe(expected);
  });

  it('logs a failed 4xx answer (its error attached) as a warning too', () => {
    const res = { statusCode: 413 } as ServerResponse;
    expect(level({} as IncomingMessage, res, new Error('request entity too large'))).toBe('warn');
  });

  it('is silent below the configured level, so that pino-http builds no line it would drop', async () => {
    const warn = await levelWith({ LOG_LEVEL: 'warn' });
    const at = (status: number): unknown =>
      warn({} as IncomingMessage, { statusCode: status } as ServerResponse, undefined);
    expect([200, 201, 304].map(at)).toEqual(['silent', 'silent', 'silent']);
    expect([400, 404, 429].map(at)).toEqual(['warn', 'warn', 'warn']);
    expect(at(500)).toBe('error');
    const error = await levelWith({ LOG_LEVEL: 'error' });
    expect(error({} as IncomingMessage, { statusCode: 404 } as ServerResponse, undefined)).toBe(
      'silent',
    );
  });
});
