/**
 * Journey: a reviewer opens 审核, picks the 金花街道 project target table (seed 002), sees the automated findings
 * (level-mismatch, missing-annual-target), jumps to the indicator of one, dismisses it with a reason using the
 * keyboard, sets the conclusion with a reason, and downloads the opinion (.docx). Fails on any console error or
 * failed request; leaves screenshots in $TMPDIR/jixiao-e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, signIn, useJixiao, watch } from './support';

const jixiao = useJixiao();

describe('review a stored document', () => {
  it('reviews 金花街道: findings, a dismissal, the conclusion and the opinion .docx', async () => {
    const page = await jixiao.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const problems = watch(page);
    // The demo finance reviewer (区财政局审核人): every decision carries the signed-in name (decision 010).
    await signIn(page, jixiao.baseUrl, 'finance-reviewer');

    // Pick the document from the list, as a reviewer would: filter by the street's name.
    await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核' }).click();
    await page.getByRole('heading', { name: '审核', exact: true }).waitFor();
    // A reviewer starts on what awaits review (审核中); 金花街道's targets are still a draft, listed under all targets.
    await page.getByText('暂无待审核的绩效目标').waitFor();
    await page.getByText('全部绩效目标', { exact: true }).click();
    await page.getByRole('searchbox', { name: '筛选文档' }).fill('金花');
    const row = page.locator('.ant-table-row', { hasText: '002_71a78aaa1661d207' });
    await row.waitFor();
    // The server filters (issue 12 item 1): the list settles on 金花街道's two target documents, this year's draft
    // and last year's approved targets (the demo's, decision 035).
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(2);
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await row.locator('.ant-tag').innerText()).toBe('草稿');
    await page.screenshot({ path: join(SHOTS_DIR, 'review-1-list.png'), fullPage: true });
    await row.getByRole('button', { name: /^打\s?开$/ }).click();

    await page.getByRole('heading', { name: /^审核：.*金花/ }).waitFor();
    const list = page.getByRole('listbox', { name: '问题列表' });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => list.innerText()).toMatch(/指标层级不符/);
    const text = await list.innerText();
    expect(text).toMatch(/缺少年度指标值/);
    for (const label of ['完整性', '相关性', '适当性', '可行性', '总分', '评审结论', '量化指标']) expect(await page.locator('.rv-score').innerText()).toContain(label);
    const totalBefore = Number((await page.getByTestId('score-total').innerText()).split('/')[0]);

    await expect.poll(() => page.locator('.review-reviewer').innerText()).toContain('区财政局审核人');

    // Filter to errors, click the missing annual target: its indicator is highlighted in the document pane.
    await page.getByRole('radiogroup', { name: '严重程度' }).getByText(/^错误/).click();
    const missing = list.getByRole('option').filter({ hasText: '缺少年度指标值' });
    await missing.click();
    await expect.poll(() => page.locator('.rv-ind.hl').innerText()).toMatch(/社区居民幸福指数/);

    // Dismiss it from the keyboard: D, a reason, Ctrl+Enter.
    await page.locator('body').press('d');
    const dialog = page.getByRole('dialog', { name: '驳回这条问题' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: '驳回理由' }).fill('原文第5页已填写年度指标值，为读取误差');
    await dialog.getByRole('textbox', { name: '驳回理由' }).press('Control+Enter');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => missing.innerText()).toMatch(/已驳回[\s\S]*区财政局审核人[\s\S]*原文第5页已填写年度指标值/);
    await expect.poll(async () => Number((await page.getByTestId('score-total').innerText()).split('/')[0])).toBeGreaterThan(totalBefore);
    await page.screenshot({ path: join(SHOTS_DIR, 'review-2-dismissed.png'), fullPage: true });

    // The conclusion, with a reason.
    await page.locator('.rv-score').getByRole('button', { name: /调整/ }).click();
    const conclusion = page.getByRole('dialog', { name: '评审结论' });
    await conclusion.waitFor();
    await conclusion.getByText('良', { exact: true }).click();
    await conclusion.getByRole('textbox', { name: '结论理由' }).fill('问题集中在指标表述，单位已承诺按意见修改');
    await conclusion.getByRole('button', { name: '确定结论' }).click();
    await conclusion.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('conclusion').innerText()).toBe('良');
    await page.getByText(/区财政局审核人 将结论由「.」调整为「良」/).waitFor();

    // The opinion, as a .docx (a zip: PK header).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载评审意见/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/评审意见\.docx$/);
    const saved = join(SHOTS_DIR, 'review-opinion.docx');
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);

    await page.getByRole('radiogroup', { name: '严重程度' }).getByText('全部').click();
    await page.screenshot({ path: join(SHOTS_DIR, 'review-3-concluded.png'), fullPage: false });
    await page.close();
    expect(problems).toEqual([]);
  });
});
