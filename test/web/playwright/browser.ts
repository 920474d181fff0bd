import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../factories/org.factory';
import { bootApi, TestApi } from '../../support/app';

const ROOT = resolve(__dirname, '../../..');

/** Debian's `chromium` package (browser downloads are not available here); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds the web app once per test process into a temporary directory (the
 * working tree's dist/ is left alone), or uses WEB_TEST_DIST when it is given.
 */
export function buildWebApp(): string {
  const given = process.env.WEB_TEST_DIST;
  if (given) {
    if (!existsSync(join(given, 'index.html'))) throw new Error(`${given} has no index.html`);
    return given;
  }
  const out = mkdtempSync(join(tmpdir(), 'peixun-web-'));
  execFileSync(
    join(ROOT, 'node_modules/.bin/vite'),
    [
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--outDir',
      out,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  process.env.WEB_TEST_DIST = out;
  return out;
}

export interface WebTestApi extends TestApi {
  /** `http://127.0.0.1:<port>`: the API with the built web app at `/` */
  baseUrl: string;
}

/** The whole API serving the built web app, listening on an ephemeral port. */
export async function bootWebApi(env: Record<string, string> = {}): Promise<WebTestApi> {
  const dist = buildWebApp();
  const api = await bootApi({ WEB_DIST_DIR: dist, ...env });
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return { ...api, baseUrl: `http://127.0.0.1:${port}` };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A phone (375 × 740) or a desktop (1280 × 800) browser context at the test API, in Chinese. */
export function newContext(
  browser: Browser,
  baseUrl: string,
  kind: 'phone' | 'desktop' = 'desktop',
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: kind === 'phone' ? { width: 375, height: 740 } : { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    isMobile: kind === 'phone',
    hasTouch: kind === 'phone',
  });
}

/** Signs in through the login page (which then goes on to `next`, or the role's home). */
export async function signIn(
  page: Page,
  username: string,
  password = TEST_PASSWORD,
): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Where screenshots go: WEB_SCREENSHOTS_DIR (`npm run web:screenshots` → docs/screenshots), else a temp dir. */
export function screenshotDir(): string {
  const dir = process.env.WEB_SCREENSHOTS_DIR
    ? resolve(ROOT, process.env.WEB_SCREENSHOTS_DIR)
    : join(tmpdir(), 'peixun-web-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  // the page as the user sees it once its data is in: no request in flight, no spinner
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached' });
  const path = join(screenshotDir(), `${name}.png`);
  // from the top: a page scrolled by the test would show its sticky header in mid-picture
  const scrolled = await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y;
  });
  await page.screenshot({ path, fullPage: true });
  await page.evaluate((y) => window.scrollTo(0, y), scrolled);
  return path;
}

/** axe-core in the page: the serious and critical violations (none is the goal). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // a settled page: a button or a list still loading names itself 'loading' for a moment
  await page.waitForFunction(
    () => !document.querySelector('.ant-btn-loading, .ant-spin-spinning, .ant-skeleton'),
    null,
    { timeout: 15_000 },
  );
  // ... and no colour still fading (a button's hover or focus transition, a message appearing):
  // axe would measure the contrast of a frame in between
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
        ),
    null,
    { timeout: 15_000 },
  );
  // evaluated through the debugging protocol: the page's Content-Security-Policy allows no inline script
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (o?: unknown) => Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}
