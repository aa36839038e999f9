/**
 * Journey (issue 10 item 7): 金花街道's editor imports files in the web app. Choosing a file shows what was read —
 * kind, units, year, the projects with amounts in 万元, indicator counts, the problems with their places — and
 * nothing is stored until 「确认导入」; 「取消」 stores nothing. Seed 002 as .txt first; then the layout fixtures as
 * PDF and .docx (井研县马踏镇, 2023, amounts in 元); a text of unrelated prose is refused with the reader's reason,
 * never 「导入成功」; a draft is withdrawn after the 「撤回后不可恢复」 confirmation; and the page works at phone width.
 * Screenshots in $TMPDIR/jixiao-e2e/import-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();
const ROOT = new URL('..', import.meta.url).pathname;
const SEED_002 = join(ROOT, 'fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt');
const LAYOUT = (name: string) => join(ROOT, 'fixtures/layout', name);

interface Listed {
  id: number;
  fileName: string | null;
  projectCount: number;
  importedBy: string | null;
}

async function listed(page: Page): Promise<Listed[]> {
  return ((await (await page.request.get(`${jixiao.baseUrl}/api/documents`)).json()) as { items: Listed[] }).items;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS_DIR, `import-${name}.png`), fullPage: true });

async function choose(page: Page, name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<void> {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType, buffer });
}

/** The preview card of `fileName`, once read. */
async function previewOf(page: Page, fileName: string) {
  const card = page.locator('.import-preview', { hasText: `读取结果：${fileName}` });
  await card.waitFor({ timeout: 60_000 });
  return card;
}

/** Text with no Latin word in it: no English, no internal code (file names and 万元 figures aside). */
function latinWords(text: string, allowed: string[]): string[] {
  let rest = text;
  for (const a of allowed) rest = rest.split(a).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('import with a preview, and withdrawing a draft', () => {
  it('previews seed 002, cancels (nothing stored), previews again and confirms; the projects are there', async () => {
    const { page, problems } = await jixiao.signedInPage('jinhua-editor');
    await page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
    const accept = await page.locator('input[type=file]').getAttribute('accept');
    expect(accept?.split(',').sort()).toEqual(['.doc', '.docx', '.et', '.json', '.pdf', '.txt', '.wps', '.xls', '.xlsx']);
    await page.getByText('PDF（.pdf）、Word（.docx、.doc）').waitFor();

    const before = await listed(page);
    await page.getByRole('spinbutton', { name: '预算年度' }).fill('2025');
    await choose(page, '金花街道2025年预览.txt', readFileSync(SEED_002), 'text/plain');
    let card = await previewOf(page, '金花街道2025年预览.txt');
    await shot(page, '1-preview-txt');
    const text = await card.innerText();
    expect(text).toContain('项目支出绩效目标表');
    expect(text).toMatch(/金花街道/);
    expect(text).toContain('2025 年');
    // The first project of the printed table with its amount as printed, in 万元 with two decimals.
    await card.locator('tr', { hasText: '病媒生物防治' }).filter({ hasText: '16.56' }).first().waitFor();
    expect(text).toMatch(/3,\d{3}\.\d{2} 万元/); // a total over a thousand 万元, with its thousands separator
    expect(latinWords(text, ['金花街道2025年预览.txt'])).toEqual([]);

    await card.getByRole('button', { name: /^取\s?消$/ }).click();
    await card.waitFor({ state: 'hidden' });
    expect((await listed(page)).length).toBe(before.length);

    await choose(page, '金花街道2025年预览.txt', readFileSync(SEED_002), 'text/plain');
    card = await previewOf(page, '金花街道2025年预览.txt');
    expect((await listed(page)).length).toBe(before.length); // still nothing stored
    await card.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.import-outcome').getByText('导入成功').waitFor({ timeout: 60_000 });
    // The import ran as a job (issue 12 item 5): its id is in the address, so a reload shows the same outcome, and
    // 「最近的导入」 lists it as finished.
    expect(new URL(page.url()).searchParams.get('job')).toMatch(/^\d+$/);
    await page.reload();
    await page.locator('.import-outcome').getByText('导入成功').waitFor({ timeout: 30_000 });
    await page.getByText('最近的导入').waitFor();
    await expect.poll(() => page.locator('.ant-list-item', { hasText: '金花街道2025年预览.txt' }).innerText()).toContain('已完成');
    await shot(page, '2-job-after-reload');
    const after = await listed(page);
    const mine = after.find((d) => d.fileName === '金花街道2025年预览.txt');
    expect(mine).toMatchObject({ importedBy: '金花街道填报人' });
    expect(mine!.projectCount).toBeGreaterThan(5);
    // The list row tells it apart: file name, who imported, Beijing time.
    const row = page.locator('.ant-table-row', { hasText: '金花街道2025年预览.txt' });
    await expect.poll(() => row.innerText()).toMatch(/金花街道填报人[\s\S]*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    // Find the projects: the department page lists them.
    await page.locator('.import-outcome').getByRole('button', { name: /的项目$/ }).click();
    await page.getByText('病媒生物防治', { exact: false }).first().waitFor({ timeout: 30_000 });
    await shot(page, '2-confirmed-txt');
    expect(problems).toEqual([]);
  });

  it('refuses a text of unrelated prose with the reason in Chinese, never 「导入成功」, and stores nothing', async () => {
    const { page, problems } = await jixiao.signedInPage('jinhua-editor');
    await page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
    const before = await listed(page);
    await choose(page, '春游随笔.txt', Buffer.from('今天天气很好，我们去公园散步。\n春天来了，花开了，小鸟在树上唱歌。\n', 'utf8'), 'text/plain');
    const alert = page.getByRole('alert').filter({ hasText: '春游随笔.txt' });
    await alert.waitFor({ timeout: 60_000 });
    const said = await alert.innerText();
    expect(said).toMatch(/无法识别/);
    expect(latinWords(said, ['春游随笔.txt', 'jixiao', 'Excel', 'JSON', 'PDF', 'Word'])).toEqual([]);
    expect(await page.getByText('导入成功').count()).toBe(0);
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
    expect((await listed(page)).length).toBe(before.length);
    await shot(page, '3-refused');
    // The one failed request is the refusal itself.
    expect(problems.filter((p) => !/HTTP 400 .*\/api\/documents\/preview$|status of 400/.test(p))).toEqual([]);
  });

  for (const [file, mime] of [
    ['project-targets.pdf', 'application/pdf'],
    ['project-targets.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ] as const) {
    it(`previews and imports ${file} (马踏镇, 2023, amounts in 元 shown in 万元)`, async () => {
      const { page, problems } = await jixiao.signedInPage('admin');
      await page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
      await choose(page, file, readFileSync(LAYOUT(file)), mime);
      const card = await previewOf(page, file);
      await shot(page, `4-preview-${file}`);
      const text = await card.innerText();
      expect(text).toContain('2023 年');
      expect(text).toMatch(/马踏镇/);
      expect(latinWords(text, [file])).toEqual([]);
      // 村组干部报酬 3,309,840.00 元 = 330.98 万元, as printed. Soft: the rest of the journey still runs and reports.
      expect.soft(await card.locator('tr', { hasText: '村组干部报酬' }).first().innerText()).toContain('330.98');
      await card.getByRole('button', { name: '确认导入' }).click();
      await page.locator('.import-outcome').getByText(/导入成功|已导入为新版本/).waitFor({ timeout: 60_000 });
      const mine = (await listed(page)).find((d) => d.fileName === file);
      expect(mine?.projectCount).toBeGreaterThan(1);
      const projects = (await (await page.request.get(`${jixiao.baseUrl}/api/projects?search=${encodeURIComponent('村组干部报酬')}`)).json()) as { total: number };
      expect(projects.total).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  }

  it('withdraws a draft after the 「撤回后不可恢复」 confirmation; a submitted one is refused with the reason', async () => {
    const { page, problems } = await jixiao.signedInPage('jinhua-editor');
    await page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
    await page.getByRole('spinbutton', { name: '预算年度' }).fill('2026');
    await choose(page, '金花街道误传.txt', readFileSync(SEED_002), 'text/plain');
    await (await previewOf(page, '金花街道误传.txt')).getByRole('button', { name: '确认导入' }).click();
    await page.locator('.import-outcome').getByText('导入成功').waitFor({ timeout: 60_000 });
    const id = (await listed(page)).find((d) => d.fileName === '金花街道误传.txt')!.id;

    const row = page.locator('.ant-table-row', { hasText: '金花街道误传.txt' });
    await row.getByRole('button', { name: /撤回/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('撤回后不可恢复').waitFor();
    await shot(page, '5-withdraw-confirm');
    // 取消 keeps it.
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await listed(page)).some((d) => d.id === id)).toBe(true);

    await row.getByRole('button', { name: /撤回/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^撤\s?回$/ }).click();
    await page.getByText(/已撤回/).first().waitFor();
    await row.waitFor({ state: 'detached' });
    expect((await listed(page)).some((d) => d.id === id)).toBe(false);
    expect((await page.request.get(`${jixiao.baseUrl}/api/documents/${id}`)).status()).toBe(404);

    // Seed 002 of the demo data was submitted? Submit a fresh one, then try to withdraw it: refused, kept.
    await choose(page, '金花街道已提交.txt', readFileSync(SEED_002), 'text/plain');
    await (await previewOf(page, '金花街道已提交.txt')).getByRole('button', { name: '确认导入' }).click();
    await page.locator('.import-outcome').getByText('导入成功').waitFor({ timeout: 60_000 });
    const submitted = (await listed(page)).find((d) => d.fileName === '金花街道已提交.txt')!.id;
    const submit = await page.request.post(`${jixiao.baseUrl}/api/documents/${submitted}/workflow/submit`, { data: {}, headers: await jixiao.csrf(page) });
    expect(submit.status()).toBe(200);
    await page.reload({ waitUntil: 'networkidle' });
    const submittedRow = page.locator('.ant-table-row', { hasText: '金花街道已提交.txt' });
    await submittedRow.getByRole('button', { name: /撤回/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /^撤\s?回$/ }).click();
    await page.getByText('已提交过的文档不能撤回', { exact: false }).first().waitFor();
    expect((await listed(page)).some((d) => d.id === submitted)).toBe(true);
    await shot(page, '6-withdraw-refused');
    expect(problems.filter((p) => !new RegExp(`HTTP 409 .*/api/documents/${submitted}$|status of 409`).test(p))).toEqual([]);
  });

  it('works at phone width: the preview and its buttons fit, nothing scrolls the page sideways', async () => {
    const { page, problems } = await jixiao.signedInPage('jinhua-editor', { viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true });
    await page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
    await page.getByRole('spinbutton', { name: '预算年度' }).fill('2025');
    await choose(page, '金花街道手机预览.txt', readFileSync(SEED_002), 'text/plain');
    const card = await previewOf(page, '金花街道手机预览.txt');
    // The amount of each project is on screen next to its name, not scrolled away.
    const amount = card.locator('tr', { hasText: '病媒生物防治' }).getByText('16.56');
    const amountBox = await amount.boundingBox();
    expect(amountBox && amountBox.x + amountBox.width <= 390).toBe(true);
    const confirm = card.getByRole('button', { name: '确认导入' });
    await confirm.scrollIntoViewIfNeeded();
    const box = await confirm.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await shot(page, '7-phone');
    // Whatever on the page is wider than the screen (tables scroll inside themselves; the header is the shell's),
    // named by its class, so a failure says what to fix.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.app-main *')]
        .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.ant-table-content, .ant-table-body, .ant-table-header'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 8),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('.app-main')!.scrollWidth)).toBeLessThanOrEqual(390);
    await card.getByRole('button', { name: /^取\s?消$/ }).click();
    expect(problems).toEqual([]);
  });
});
