/**
 * 数据看板 (issue 13 item 3) in Chromium: the finance reviewer chooses the demo year with data (2023: 金花街道's
 * approved targets monitored at July) in the header, opens the dashboard from the menu and sees its five charts
 * drawn; clicks 金花街道's bar to drill down and sees its projects, each linking to its page; downloads the execution chart's data
 * as .xlsx (read back: the budget the page shows) and the lights chart as a PNG. Screenshots at 1440 and 390 px.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();
const WIDE = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' } as const;
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', hasTouch: true, isMobile: true } as const;

/** Every chart card with data has drawn its canvas. */
async function chartsDrawn(page: Page, count: number): Promise<void> {
  await expect.poll(() => page.locator('.dashboard-card canvas').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
}

async function saved(download: Download, name: string): Promise<string> {
  const file = join(SHOTS_DIR, name);
  await download.saveAs(file);
  return file;
}

describe('数据看板', () => {
  it('the finance reviewer sees the year’s charts, drills down to 金花街道, downloads a chart’s data and picture', async () => {
    const { page, problems } = await jixiao.signedInPage('finance-reviewer', WIDE);
    await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    await chooseOption(page, page.getByRole('combobox', { name: '工作年度' }), '2023 年度');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '数据看板' }).click();
    await page.getByRole('heading', { name: '数据看板', exact: true }).waitFor();
    await page.getByText(/^2023 年度 · 全部部门/).waitFor();
    await chartsDrawn(page, 5);
    for (const title of ['各部门预算执行与序时进度', '各部门监控预警灯', '各部门目标审核结论', '各部门绩效自评得分与同比', '高频审核问题']) {
      await page.locator('.dashboard-card').filter({ hasText: title }).locator('canvas').first().waitFor();
    }
    // The district's totals in 万元 with separators, and 序时进度 of July.
    await page.locator('.stat').filter({ hasText: '序时进度' }).getByText('58.33%').waitFor();
    expect(await page.locator('.stat').filter({ hasText: '全年预算数' }).locator('.stat-value').innerText()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(SHOTS_DIR, 'dashboard-1-district-1440.png'), fullPage: true });
    // No English identifiers or internal codes on the page.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b(red|yellow|green|blue|execution|monitoring|undefined|null|NaN)\b/);

    // Drill down: a click on 金花街道's bar (the only department with a report: one bar, centred in the plot).
    const execution = page.locator('.dashboard-card').filter({ hasText: '各部门预算执行与序时进度' });
    await expect.poll(() => execution.getByRole('link', { name: /金花街道/ }).count()).toBe(1);
    const canvas = execution.locator('canvas').first();
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width * 0.45, y: box.height * 0.52 } });
    await page.getByRole('heading', { name: /^数据看板 · 金花街道/ }).waitFor();
    await page.getByText(/^2023 年度 · 金花街道/).waitFor();
    await chartsDrawn(page, 4);
    const projects = page.locator('.dashboard-card').filter({ hasText: '各项目预算执行与序时进度' });
    const projectLinks = projects.locator('a[href^="/projects/"]');
    await expect.poll(() => projectLinks.count()).toBeGreaterThan(3);
    const firstBudget = await projects.locator('.ant-table-row').first().locator('td').nth(1).innerText();
    expect(firstBudget).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(SHOTS_DIR, 'dashboard-2-jinhua-1440.png'), fullPage: true });

    // The chart's data as Excel: the first project's budget, as the page shows it.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), projects.getByRole('link', { name: '导出 Excel' }).or(projects.getByRole('button', { name: '导出 Excel' })).first().click()]);
    expect(xlsx.suggestedFilename()).toMatch(/2023年度.*金花街道.*预算执行与序时进度\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await saved(xlsx, 'dashboard-execution.xlsx'));
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell(2, 2).value).toBe('全年预算数（万元）');
    expect(Number(sheet.getCell(3, 2).value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe(firstBudget);

    // The lights chart as a picture.
    const lights = page.locator('.dashboard-card').filter({ hasText: '各监控报告预警灯' });
    const [png] = await Promise.all([page.waitForEvent('download'), lights.getByRole('button', { name: '下载图片' }).click()]);
    expect(png.suggestedFilename()).toMatch(/监控预警灯\.png$/);
    expect([...(await readFile(await saved(png, 'dashboard-lights.png'))).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // A project opens its own page.
    await projectLinks.first().click();
    await page.waitForURL(/\/projects\/\d+$/);
    expect(problems).toEqual([]);

    // At a phone's width (the latest year with data: no year chosen in this browser) the charts fit the screen.
    const phone = await jixiao.signedInPage('finance-reviewer', PHONE);
    await phone.page.goto(`${jixiao.baseUrl}/dashboard`, { waitUntil: 'networkidle' });
    await chartsDrawn(phone.page, 1);
    await phone.page.waitForTimeout(800);
    const width = await phone.page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: join(SHOTS_DIR, 'dashboard-3-phone-390.png'), fullPage: true });
  });
});
