import { INestApplication, Logger } from '@nestjs/common';
import { AppConfig, textTable } from '@peixun/core';
import { DEMO_PASSWORD, DemoSeedService } from '@peixun/org';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a person starting the platform needs to see: where it answers, where
 * the API docs are, and (in development) the demo accounts to sign in with.
 * Readable text with LOG_FORMAT=pretty; one structured log line with json.
 */
export async function printStartBanner(
  app: INestApplication,
  what: string,
  startedMs: number,
): Promise<void> {
  const config = app.get(AppConfig);
  const base = `http://localhost:${config.http.port}`;
  // the web app, when it is built (`npm start` builds it; `npm run dev` does not)
  const web = existsSync(join(config.webDistDir, 'index.html')) ? `${base}/` : null;
  const urls = {
    ...(web ? { web } : {}),
    api: `${base}/api`,
    docs: `${base}/api/docs`,
    ready: `${base}/api/ready`,
  };
  const demo =
    config.nodeEnv === 'development' ? await app.get(DemoSeedService).presentAccounts() : [];
  if (config.log.format === 'json') {
    new Logger('Peixun').log({ urls, demoAccounts: demo.map((a) => a.username) }, `${what} ready`);
    return;
  }
  const lines = [
    '',
    `  peixun 培训 — ${what} ready in ${Date.now() - startedMs} ms`,
    '',
    textTable(
      ['', 'URL'],
      [
        ...(web ? [['Web app 网页', web]] : []),
        ['API', urls.api],
        ['API docs 接口文档', urls.docs],
        ['Readiness 就绪检查', urls.ready],
      ],
    ),
  ];
  if (demo.length) {
    lines.push(
      '',
      `  演示账号 (demo accounts) — password ${DEMO_PASSWORD}`,
      textTable(
        ['username', 'role', '名称'],
        demo.map((a) => [a.username, a.role, a.displayName]),
      ),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
