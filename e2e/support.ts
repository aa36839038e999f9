/**
 * What every journey shares: a real `jixiao serve` on a free port with a temp data dir (a copy of the run's
 * demo-seeded one), Debian's Chromium, and a watcher that collects console errors and failed requests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { demoDataDir } from '../apps/server/src/testing/data-dirs';
import { startServeProcess, type ServeProcess } from '../apps/server/src/testing/serve-process';
import { DEMO_PASSWORD } from '@jixiao/services';

const ROOT = new URL('..', import.meta.url).pathname;
export const SHOTS_DIR = join(tmpdir(), 'jixiao-e2e');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Jixiao {
  baseUrl: string;
  browser: Browser;
  /** Stops the browser and the server (by its PID) and removes the data dir. */
  stop(): Promise<void>;
}

/** Builds the web app when it was never built, starts `jixiao serve` with the demo data and opens Chromium. */
export async function startJixiao(): Promise<Jixiao> {
  if (!existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
    const build = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  }
  mkdirSync(SHOTS_DIR, { recursive: true });
  // The run's demo data, as a first demo start leaves it: the server starts on it as a restarted one does.
  const dataDir = await demoDataDir('jixiao-e2e-data-');
  let server: ServeProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServeProcess({ JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '', JIXIAO_DEMO: '1' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  } catch (e) {
    await stop();
    throw e;
  }
  const baseUrl = server.baseUrl;
  return { baseUrl, browser, stop };
}

export interface JixiaoFixture {
  /** The server's address (once the file's beforeAll has started it). */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A browser context of its own, closed after the file's tests (before the server stops). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * A page in a context of its own (1366×900, zh-CN unless `options` say otherwise), signed in with `username`'s
   * demo account (anonymous when null), and the problems `watch` collects from then on.
   */
  signedInPage(username: string | null, options?: BrowserContextOptions): Promise<{ page: Page; problems: string[] }>;
  /**
   * A context signed in with `username`'s demo account through the API (the session cookie set as the sign-in page
   * would), sending the session's CSRF token with every request — for journeys that call the API beside the page —
   * and a page in it with the problems `watch` collects.
   */
  signedInContext(username: string, options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  /** The CSRF header of the page's session, for the API calls a journey makes beside the page (`page.request`). */
  csrf(page: Page): Promise<Record<string, string>>;
}

/**
 * The journey file's jixiao: registers the hooks that start it (`startJixiao`) before the file's tests and stop it
 * after them, and returns accessors to use inside the tests.
 */
export function useJixiao(): JixiaoFixture {
  let jixiao: Jixiao | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    jixiao = await startJixiao();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await jixiao?.stop();
  });
  const started = (): Jixiao => {
    if (!jixiao) throw new Error('useJixiao: jixiao is started in beforeAll; use it inside the tests');
    return jixiao;
  };
  const fixture: JixiaoFixture = {
    get baseUrl() {
      return started().baseUrl;
    },
    get browser() {
      return started().browser;
    },
    async newContext(options) {
      const context = await started().browser.newContext(options);
      contexts.push(context);
      return context;
    },
    async signedInPage(username, options = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' }) {
      const context = await fixture.newContext(options);
      const page = await context.newPage();
      if (username) await signIn(page, fixture.baseUrl, username);
      return { page, problems: watch(page) };
    },
    async signedInContext(username, options = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' }) {
      const context = await fixture.newContext(options);
      const res = await context.request.post(`${fixture.baseUrl}/api/session`, { data: { username, password: DEMO_PASSWORD } });
      if (!res.ok()) throw new Error(`sign-in as ${username} failed: ${res.status()} ${await res.text()}`);
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      await context.setExtraHTTPHeaders({ 'X-CSRF-Token': csrfToken });
      const page = await context.newPage();
      return { context, page, problems: watch(page) };
    },
    async csrf(page) {
      const { csrfToken } = (await (await page.request.get(`${fixture.baseUrl}/api/session`)).json()) as { csrfToken: string };
      return { 'X-CSRF-Token': csrfToken };
    },
  };
  return fixture;
}

/** Collects what the browser complains about; the favicon is the one request allowed to miss. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon/.test(m.text() + (m.location().url ?? ''))) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().includes('favicon')) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A read the page itself cancelled (a query refetched or unmounted after a save or a navigation) is not a failure.
    const cancelledRead = r.method() === 'GET' && r.failure()?.errorText === 'net::ERR_ABORTED';
    if (!r.url().includes('favicon') && !cancelledRead) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return problems;
}

/**
 * Signs the page's browser context in (decision 010) with a demo account (`jinhua-editor`, `finance-reviewer`,
 * `admin` …): the session cookie lands in the context, so the page and `page.request` are signed in from then on.
 */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  const res = await page.context().request.post(`${baseUrl}/api/session`, { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in as ${username} failed: ${res.status()} ${await res.text()}`);
}

/**
 * Chooses `option` in an antd Select the way a person does — open it, click the option once it is shown — and waits
 * until the list has closed, so the next click lands on the page and not on a list still fading out (under load a
 * click during the list's animation was lost, and the form went on without the value).
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  await select.click();
  // A select with a search box narrows its list to what is typed.
  if (search !== undefined) await select.fill(search);
  await settled(page.locator('.ant-select-dropdown:visible').last());
  await page.locator('.ant-select-item-option:visible', { hasText: option }).first().click();
  await expect.poll(() => page.locator('.ant-select-item-option:visible').count()).toBe(0);
}

/**
 * Waits until an antd popup (a list, a dialog) has finished appearing: a click during its zoom or slide animation can
 * be lost on a loaded machine.
 */
export async function settled(popup: Locator): Promise<void> {
  await popup.waitFor();
  await expect.poll(async () => (await popup.getAttribute('class')) ?? '').not.toMatch(/-(appear|enter)(-active)?\b/);
}
