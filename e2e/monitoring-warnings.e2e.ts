/**
 * Journey (issue 14 item 8, decision 038): 金花街道's editor completes the demo report of its approved 2023 targets at
 * July (the two lines the demo leaves unexplained are explained through the API, as a save would), submits it on the
 * page, and the 预警 panel lists the warnings the rule set cn-monitoring@2 raised — 社区居民活动费 at 33.38% below
 * June's floor of 40% — each with its deadline in working days; the editor answers one (调剂, with a reason) and it
 * shows as answered; the home's 待办 shows 「监控预警待反馈」 for the rest; the finance reviewer reads the same panel
 * without the form. The escalation after the deadline needs a later "now" than the server's: it is shown in the
 * services test (monitoring/warnings.test.ts). Screenshots in $TMPDIR/jixiao-e2e/monitoring-warnings-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();

/** Signed in as `username`, the context sending the session's CSRF token. */
const signedInPage = (username: string, width = 1366) => jixiao.signedInContext(username, { viewport: { width, height: 900 }, locale: 'zh-CN' });

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS_DIR, `monitoring-warnings-${name}.png`), fullPage: true });

interface Line {
  key: string;
  kind: 'budget' | 'indicator';
  missing: string[];
}
interface Report {
  id: number;
  revision: number;
  entries: { budget: Record<string, object>; indicators: Record<string, object> };
  result: { budgetLines: Line[]; indicatorLines: Line[] };
}

/** Gives every line the demo leaves unexplained its reason, explanation, likelihood and measures (one save). */
async function completeDemoReport(page: Page, id: number): Promise<void> {
  const report = (await (await page.request.get(`${jixiao.baseUrl}/api/monitoring/${id}`)).json()) as Report;
  const deviation = { reason: '其他', explanation: '下半年集中实施', likelihood: '有可能', measures: ['调整执行计划'] };
  const budget = { ...report.entries.budget };
  const indicators = { ...report.entries.indicators };
  for (const l of report.result.budgetLines.filter((x) => x.missing.length > 0)) budget[l.key] = { ...budget[l.key], deviation };
  for (const l of report.result.indicatorLines.filter((x) => x.missing.length > 0)) indicators[l.key] = { ...indicators[l.key], deviation };
  const saved = await page.request.put(`${jixiao.baseUrl}/api/monitoring/${id}/entries`, { data: { baseRevision: report.revision, entries: { budget, indicators } } });
  expect(saved.status()).toBe(200);
}

describe('monitoring warnings', () => {
  it('submitting a report below the month’s floor raises warnings with a deadline; the unit answers one; 待办 shows the rest', async () => {
    const editor = await signedInPage('jinhua-editor');
    const list = (await (await editor.page.request.get(`${jixiao.baseUrl}/api/monitoring`)).json()) as { items: Array<{ id: number; period: string }> };
    const july = list.items.find((r) => r.period === '2023-07')!;
    await completeDemoReport(editor.page, july.id);

    await editor.page.goto(`${jixiao.baseUrl}/monitoring/${july.id}`, { waitUntil: 'networkidle' });
    await editor.page.getByRole('heading', { name: /^运行监控：/ }).waitFor();
    expect(await editor.page.getByTestId('monitoring-warnings').count()).toBe(0);
    await editor.page.getByRole('button', { name: /^提\s?交$/ }).click();
    await editor.page.getByText('已提交', { exact: true }).first().waitFor();

    const panel = editor.page.getByTestId('monitoring-warnings');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/预警（\d+ 条，待反馈 \d+ 条）/);
    const floor = panel.locator('.mo-warning', { hasText: '社区居民活动费' }).filter({ hasText: '累计执行率低于当月预警线' });
    expect(await floor.innerText()).toContain('1–7月累计执行率 33.38%，低于 6 月底应达到的 40%');
    expect(await floor.innerText()).toMatch(/待反馈[\s\S]*反馈期限：\d{4}-\d{2}-\d{2}/);
    await shot(editor.page, '1-raised');
    await panel.screenshot({ path: join(SHOTS_DIR, 'monitoring-warnings-1b-panel.png') });

    await chooseOption(editor.page, floor.getByRole('combobox', { name: '处理意见 社区居民活动费（累计执行率低于当月预警线）' }), '调剂');
    await floor.getByRole('textbox', { name: '理由 社区居民活动费（累计执行率低于当月预警线）' }).fill('调剂 5 万元至家庭综合服务中心，其余下半年活动支付');
    await floor.getByRole('button', { name: '提交反馈' }).click();
    await expect.poll(() => floor.innerText()).toMatch(/已反馈[\s\S]*单位反馈：调剂——调剂 5 万元至家庭综合服务中心/);
    await shot(editor.page, '2-answered');

    // The home: the rest wait for the unit's answer.
    await editor.page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    const card = editor.page.getByTestId('todo-monitoring-warning-to-respond');
    await card.waitFor();
    expect(await card.innerText()).toContain('监控预警待反馈');
    await shot(editor.page, '3-editor-home');
    expect(editor.problems).toEqual([]);

    // The finance reviewer sees the same warnings and answers, without the form.
    const reviewer = await signedInPage('finance-reviewer');
    await reviewer.page.goto(`${jixiao.baseUrl}/monitoring/${july.id}`, { waitUntil: 'networkidle' });
    const seen = reviewer.page.getByTestId('monitoring-warnings');
    await seen.waitFor();
    expect(await seen.innerText()).toContain('单位反馈：调剂');
    expect(await seen.getByRole('button', { name: '提交反馈' }).count()).toBe(0);
    await shot(reviewer.page, '4-reviewer');
    await seen.screenshot({ path: join(SHOTS_DIR, 'monitoring-warnings-4b-reviewer-panel.png') });
    expect(reviewer.problems).toEqual([]);

    // At a phone's width the panel stacks and stays readable.
    const phone = await signedInPage('jinhua-editor', 390);
    await phone.page.goto(`${jixiao.baseUrl}/monitoring/${july.id}`, { waitUntil: 'networkidle' });
    await phone.page.getByTestId('monitoring-warnings').waitFor();
    await phone.page.getByTestId('monitoring-warnings').screenshot({ path: join(SHOTS_DIR, 'monitoring-warnings-5-phone.png') });
  });
});
