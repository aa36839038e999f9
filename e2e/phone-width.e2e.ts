/**
 * Every main page at a phone's width (390 × 844, issue 13 item 1): for each role, nothing makes the page scroll
 * sideways — wide tables scroll inside their own box, the menu and the header fit. Screenshots of each page are kept.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true, isMobile: true } as const;

/**
 * What sticks out past the window's right edge and is not inside a box that scrolls sideways on its own (a wide
 * table in its scroll box is fine; a page that scrolls, or a card cut off by a clipping parent, is not).
 */
async function overflow(page: Page): Promise<string[]> {
  // A phone lays out wider than its screen when the content is wider (and zooms out): measure against the screen.
  return page.evaluate((width) => {
    // oxlint-disable-next-line unicorn/consistent-function-scoping -- this function runs in the page, sent as its source
    const scrolls = (e: Element) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
    const out: string[] = [];
    const pageWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (pageWidth > width) out.push(`the page is ${pageWidth} px wide`);
    for (const e of Array.from(document.body.querySelectorAll('*'))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      let inside = false;
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) inside = true;
      if (inside) continue;
      out.push(`${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 2).join('.')} reaches ${Math.round(r.right)} px`);
      if (out.length > 5) break;
    }
    return out;
  }, PHONE.viewport.width);
}

async function visit(page: Page, path: string, name: string): Promise<{ path: string; overflow: string[] }> {
  await page.goto(`${jixiao.baseUrl}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SHOTS_DIR, `phone-${name}.png`), fullPage: false });
  return { path, overflow: await overflow(page) };
}

const PAGES: Record<string, string[]> = {
  'jinhua-editor': ['/', '/dashboard', '/departments', '/projects', '/import', '/review', '/monitoring', '/self-evaluation', '/results-use', '/rectification', '/rectification/1', '/public'],
  'finance-reviewer': ['/', '/dashboard', '/indicator-library', '/review', '/review/1', '/monitoring', '/self-evaluation', '/results-use', '/rectification', '/period-locks', '/audit'],
  admin: ['/', '/users', '/rule-sets', '/audit'],
  anonymous: ['/public', '/login'],
};

describe('phone width', () => {
  for (const [who, paths] of Object.entries(PAGES)) {
    it(`${who}: no page scrolls sideways at 390 px`, async () => {
      const { page } = await jixiao.signedInPage(who === 'anonymous' ? null : who, PHONE);
      const seen = [];
      for (const path of paths) seen.push(await visit(page, path, `${who}${path.replaceAll('/', '-') || '-home'}`));
      expect(seen.filter((s) => s.overflow.length > 0)).toEqual([]);
    });
  }
});
