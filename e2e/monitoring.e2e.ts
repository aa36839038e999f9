/**
 * Journey: 金花街道's editor opens 监控, opens the demo report of its approved 2023 targets (seed 002) at July, types an amount that
 * turns a green budget line red (the light changes in the browser as it is typed), sees submit refused naming that
 * line, gives its deviation reason, explanation, likelihood and measures, saves, reloads and finds them kept, and
 * downloads the 绩效运行监控表 (.xlsx, read back); the finance bureau then sees the same report read-only with its
 * workflow status. Fails on any console error or failed request other than the
 * refused submit; screenshots in $TMPDIR/jixiao-e2e/.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();
let context: BrowserContext | undefined;

/** Signed in as `username`, the context sending the session's CSRF token (support.ts `signedInContext`). */
async function signedInPage(username: string): Promise<{ page: Page; problems: string[] }> {
  const signed = await jixiao.signedInContext(username, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  context = signed.context;
  return { page: signed.page, problems: signed.problems };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS_DIR, `monitoring-${name}.png`), fullPage: false });

/**
 * Picks `option` in the select labelled `label`, and checks that the select now shows it. A dropdown opened while the
 * page above it is still moving (the refusal alert sliding in) can close under the click, as it would under a
 * person's: then the pick is made once more, as a person would on seeing the select still empty.
 */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  const select = page.locator('.ant-select', { has: box });
  for (let attempt = 0; attempt < 2; attempt++) {
    await box.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
    if ((await select.innerText()).includes(option)) return;
  }
  expect(await select.innerText()).toContain(option);
}

describe('monitoring at July', () => {
  it('a line turns red as it is typed, submit waits for its reasons, they are kept, the table downloads', async () => {
    const { page, problems } = await signedInPage('jinhua-editor');
    await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '监控' }).click();
    await page.getByRole('heading', { name: '运行监控', exact: true }).waitFor();
    const row = page.locator('.ant-table-row', { hasText: '金花街道2023年度项目支出绩效目标表' });
    await row.getByRole('link', { name: /截至 7 月/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, '1-list');
    await row.getByRole('link', { name: /截至 7 月/ }).click();

    await page.getByRole('heading', { name: /^运行监控：/ }).waitFor();
    const rent = 'p-0-1'; // 办公场地租赁费, 60.80 万元, 36.48 spent in the demo: 60% → green
    const light = page.getByTestId(`light-${rent}`);
    await expect.poll(() => light.innerText()).toBe('绿灯');
    await shot(page, '2-report');

    // 20 of 60.80 by July: 32.89% against 58.33% → ratio 56.4 → red, computed in the browser while typing.
    const spent = page.getByRole('spinbutton', { name: '执行数 办公场地租赁费' });
    await spent.fill('20');
    await expect.poll(() => light.innerText()).toBe('红灯');
    expect(await page.locator('.mo-table tr', { has: light }).innerText()).toMatch(/32\.89%[\s\S]*56\.4/);
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(1);
    await shot(page, '3-red');

    // Submit saves first, then is refused: the red line has no reason yet.
    await page.getByRole('button', { name: /^提\s?交$/ }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '未能提交' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/预算执行「办公场地租赁费」：缺偏差原因/);
    await shot(page, '4-refused');

    await choose(page, '偏差原因 办公场地租赁费', '经费保障');
    await page.getByRole('textbox', { name: '原因说明 办公场地租赁费' }).fill('租金按半年支付，下半年一次付清');
    await choose(page, '完成可能性 办公场地租赁费', '确定能');
    await choose(page, '纠偏措施 办公场地租赁费', '调整执行计划');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    // The toast of the save that submit made a moment ago may still be showing beside this one.
    await page.getByText(/已保存（第 \d+ 版）/).last().waitFor();
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(0);

    // Submit again: still refused for the demo's own unexplained lines, but no longer for this one.
    await page.getByRole('button', { name: /^提\s?交$/ }).click();
    // The first refusal may still be on screen for a moment: wait for the new one, which names the demo's line and
    // no longer this one (a refusal still naming it would keep the poll waiting, and fail it).
    await expect.poll(async () => (await refusal.count()) > 0 && (await refusal.innerText())).toMatch(/^(?![\s\S]*办公场地租赁费)[\s\S]*陈家祠广场安全服务管养经费/);
    await shot(page, '5-explained');

    // Reload: what was saved is what the server has.
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: /^运行监控：/ }).waitFor();
    await expect.poll(() => page.getByTestId(`light-${rent}`).innerText()).toBe('红灯');
    expect(await page.getByRole('spinbutton', { name: '执行数 办公场地租赁费' }).inputValue()).toBe('20.00');
    expect(await page.getByRole('textbox', { name: '原因说明 办公场地租赁费' }).inputValue()).toBe('租金按半年支付，下半年一次付清');
    expect(await page.locator('.mo-table tr', { has: page.getByTestId(`light-${rent}`) }).innerText()).toContain('经费保障');
    await shot(page, '6-reloaded');

    // The table as an .xlsx, with the new figures and the reason.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载监控表（.xlsx）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/绩效运行监控表\.xlsx$/);
    const file = join(SHOTS_DIR, 'monitoring-table.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rows: string[][] = [];
    book.getWorksheet('绩效运行监控表')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    const line = rows.find((r) => r[0] === '办公场地租赁费')!;
    expect([line[4], line[5], line[8], line[9]]).toEqual(['20', '32.89%', '红灯', '经费保障：租金按半年支付，下半年一次付清']);

    // The workflow panel: still a draft, the editor's own 提交 is the only submit.
    expect(await page.getByTestId('evaluation-workflow-status').innerText()).toBe('草稿');
    expect(await page.getByRole('button', { name: /^提\s?交$/ }).count()).toBe(1);

    // The refused submits answered 400 on purpose; nothing else may have failed.
    expect(problems.filter((p) => !/HTTP 400 .*\/submit$/.test(p) && !/status of 400/.test(p))).toEqual([]);
    const url = page.url();
    await context?.close();

    // The finance bureau reads the same report: status and history, every input read-only.
    const reviewer = await signedInPage('finance-reviewer');
    await reviewer.page.goto(url, { waitUntil: 'networkidle' });
    await reviewer.page.getByRole('heading', { name: /^运行监控：/ }).waitFor();
    await reviewer.page.getByTestId('read-only').waitFor();
    expect(await reviewer.page.getByTestId('read-only').innerText()).toContain('只能查看');
    expect(await reviewer.page.getByTestId('evaluation-workflow-status').innerText()).toBe('草稿');
    expect(await reviewer.page.getByRole('spinbutton', { name: '执行数 办公场地租赁费' }).isDisabled()).toBe(true);
    expect(await reviewer.page.getByRole('button', { name: /^提\s?交$/ }).isDisabled()).toBe(true);
    await shot(reviewer.page, '7-reviewer');
    expect(reviewer.problems).toEqual([]);
  });
});
