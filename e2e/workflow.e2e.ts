/**
 * Journey (issue 5 item 7, R9, R12, decision 011), each person in their own browser context, signed in as the demo
 * accounts: the 金花街道 editor imports a target table (seed 002 for 2025), sees its findings and submits it; the
 * unit approver sends it on to the finance bureau; the finance reviewer sets the conclusion 中 and returns it with an
 * opinion; the editor fixes a target (a new version) and resubmits (round 2); the approver sends it on again; the
 * reviewer approves it as 良, downloads the 批复 notice of the approved version (decision 034) and publishes it; an
 * anonymous browser finds it on /public. A screenshot at each step
 * in $TMPDIR/jixiao-e2e/; fails on any console error or failed request other than the refusals it expects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocxLayout, tablesOf, tableTexts } from '@jixiao/formats';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, SHOTS_DIR, useJixiao } from './support';

const SEED_002 = new URL('../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url);

const jixiao = useJixiao();

/** Requests the page itself cancelled (superseded by a newer load of the same data, lib/use-api.ts) are not failures. */
const real = (problems: string[]) => problems.filter((p) => !/net::ERR_ABORTED/.test(p));

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS_DIR, `workflow-${name}.png`), fullPage: false });
const status = (page: Page) => page.getByTestId('workflow-status');

async function openReview(page: Page, id: number): Promise<void> {
  await page.goto(`${jixiao.baseUrl}/review/${id}`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: /^审核：/ }).waitFor();
  await status(page).waitFor({ timeout: 30_000 });
}

async function setConclusion(page: Page, conclusion: string, reason: string): Promise<void> {
  await page.getByRole('button', { name: /调整/ }).first().click();
  const dialog = page.getByRole('dialog', { name: '评审结论' });
  await dialog.getByText(conclusion, { exact: true }).click();
  await dialog.getByRole('textbox', { name: '结论理由' }).fill(reason);
  await dialog.getByRole('button', { name: '确定结论' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Answers the confirmation an action that cannot be taken back asks first; returns what it said. */
async function confirmIt(page: Page, title: RegExp, shotName?: string): Promise<string> {
  const dialog = page.locator('.ant-modal-confirm').filter({ hasText: title });
  // Once antd's zoom-in is over: a click during it can be lost, and the picture shows the dialog, not half-faded.
  await settled(dialog);
  const text = await dialog.innerText();
  if (shotName) await shot(page, shotName);
  await dialog.getByRole('button', { name: /^确\s?定$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  return text;
}

describe('targets from import to the public page', () => {
  it('import → submit → unit approval → returned as 中 → fixed and resubmitted → approved as 良 → published → public', async () => {
    // 1. The editor imports the table for 2025 and sees its findings.
    const editor = await jixiao.signedInPage('jinhua-editor');
    await editor.page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
    await editor.page.getByRole('spinbutton').fill('2025');
    await editor.page.locator('input[type=file]').setInputFiles({ name: '金花街道2025年项目绩效目标.txt', mimeType: 'text/plain', buffer: readFileSync(SEED_002) });
    await editor.page.getByRole('button', { name: '确认导入' }).click(); // the import page previews first (issue 10 item 7)
    await editor.page.getByText('导入成功').or(editor.page.getByText(/个项目、\d+ 条绩效指标/)).first().waitFor({ timeout: 60_000 });
    await shot(editor.page, '1-imported');
    const docs = (await (await editor.page.request.get(`${jixiao.baseUrl}/api/documents?year=2025`)).json()) as { items: Array<{ id: number; fileName: string | null }> };
    const id = docs.items.find((d) => d.fileName?.includes('金花街道2025'))!.id;

    await openReview(editor.page, id);
    const findings = editor.page.getByRole('listbox', { name: '问题列表' }).getByRole('option');
    await findings.first().waitFor({ timeout: 30_000 });
    expect(await findings.count()).toBeGreaterThan(0);
    expect(await status(editor.page).innerText()).toBe('草稿');
    await shot(editor.page, '2-findings-draft');
    await editor.page.getByRole('button', { name: '提交单位负责人审批' }).click();
    // Asked first; cancelling changes nothing.
    const asked = editor.page.locator('.ant-modal-confirm').filter({ hasText: /确定提交单位负责人审批/ });
    await settled(asked);
    await asked.getByRole('button', { name: /^取\s?消$/ }).click();
    await asked.waitFor({ state: 'hidden' });
    expect(await status(editor.page).innerText()).toBe('草稿');
    await editor.page.getByRole('button', { name: '提交单位负责人审批' }).click();
    expect(await confirmIt(editor.page, /确定提交单位负责人审批/)).toContain('审批前不能再修改');
    await expect.poll(() => status(editor.page).innerText()).toBe('已提交');
    await shot(editor.page, '3-submitted');

    // 2. The unit approver sends it to the finance bureau.
    const approver = await jixiao.signedInPage('jinhua-approver');
    await openReview(approver.page, id);
    await approver.page.getByRole('button', { name: '单位审批通过，报送财政审核' }).click();
    await confirmIt(approver.page, /报送财政审核/);
    await expect.poll(() => status(approver.page).innerText()).toBe('审核中');
    await shot(approver.page, '4-in-review');

    // 3. The finance reviewer concludes 中 and returns it with an opinion.
    const reviewer = await jixiao.signedInPage('finance-reviewer');
    await openReview(reviewer.page, id);
    await setConclusion(reviewer.page, '中', '社区居民活动费缺少年度指标值');
    await reviewer.page.getByRole('button', { name: '退回修改' }).click();
    const opinion = reviewer.page.getByRole('dialog', { name: /退回修改/ });
    await opinion.getByRole('textbox').fill('请补充社区居民活动费“社区居民幸福指数”的年度指标值。');
    await shot(reviewer.page, '5-return-opinion');
    await opinion.getByRole('button', { name: '退回修改' }).click();
    await expect.poll(() => status(reviewer.page).innerText()).toBe('退回');
    await reviewer.page.getByText('请补充社区居民活动费“社区居民幸福指数”的年度指标值。').first().waitFor();
    await shot(reviewer.page, '6-returned');

    // 4. The editor reads the opinion, fixes the target (version 2) and resubmits as round 2.
    await openReview(editor.page, id);
    await editor.page.getByText('请补充社区居民活动费“社区居民幸福指数”的年度指标值。').first().waitFor();
    const missing = editor.page.getByRole('listbox', { name: '问题列表' }).getByRole('option').filter({ hasText: '缺少年度指标值' }).filter({ hasText: '社区居民活动费' });
    await missing.click();
    await editor.page.locator('.rv-ind.hl').click();
    const form = editor.page.getByRole('group', { name: '修改指标' });
    await form.getByRole('textbox', { name: '年度指标值' }).fill('≥90%');
    await form.getByRole('textbox', { name: '年度指标值' }).press('Enter');
    await editor.page.getByRole('button', { name: '保存修改' }).click();
    await editor.page.getByText('已保存为第 2 版').waitFor();
    await shot(editor.page, '7-fixed-v2');
    await editor.page.getByRole('button', { name: '提交单位负责人审批' }).click();
    await confirmIt(editor.page, /确定提交单位负责人审批/);
    await expect.poll(() => status(editor.page).innerText()).toBe('已提交');
    await editor.page.getByText(/第 2 轮/).first().waitFor();
    await shot(editor.page, '8-resubmitted-round-2');

    // 5. The approver sends it on; the reviewer approves it as 良 and publishes it.
    await openReview(approver.page, id);
    await approver.page.getByRole('button', { name: '单位审批通过，报送财政审核' }).click();
    await confirmIt(approver.page, /报送财政审核/);
    await expect.poll(() => status(approver.page).innerText()).toBe('审核中');
    await openReview(reviewer.page, id);
    await setConclusion(reviewer.page, '良', '已按意见补充年度指标值');
    await shot(reviewer.page, '9-conclusion-good');
    // Before the 批复 there is nothing official to download.
    expect(await reviewer.page.getByRole('button', { name: '下载批复通知' }).count()).toBe(0);
    await reviewer.page.getByRole('button', { name: /^批\s*复$/ }).click();
    // 批复 says how many errors are still open before it goes ahead.
    const approval = await confirmIt(reviewer.page, /确定批复/, '9b-approve-confirm');
    expect(approval).toContain('本版本成为批复版本');
    expect(approval).toMatch(/审核还有 [1-9]\d* 个错误未处理/);
    await expect.poll(() => status(reviewer.page).innerText()).toBe('已批复');
    await shot(reviewer.page, '10-approved');
    // The 批复 notice of version 2 downloads from the panel, its 绩效目标表 attached, signed by the district's 财政局.
    const [download] = await Promise.all([reviewer.page.waitForEvent('download'), reviewer.page.getByRole('button', { name: '下载批复通知' }).click()]);
    expect(download.suggestedFilename()).toMatch(/金花街道办事处2025年度绩效目标批复通知\.docx$/);
    const saved = join(SHOTS_DIR, 'workflow-approval-notice.docx');
    await download.saveAs(saved);
    const notice = readDocxLayout(new Uint8Array(readFileSync(saved)));
    if (!notice.ok) throw new Error(notice.error.message);
    const paragraphs = notice.layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs[0]).toBe('广州市荔湾区财政局文件');
    expect(paragraphs.join('\n')).toContain('批复你单位2025年度项目支出绩效目标（第 2 版）');
    expect(paragraphs.join('\n')).toContain('由区财政局审核人审核批复');
    expect(tableTexts(tablesOf(notice.layout)[0]!)[0]).toContain('三级指标');
    await shot(reviewer.page, '10b-approval-files');
    await reviewer.page.getByRole('button', { name: '公开批复版本' }).click();
    expect(await confirmIt(reviewer.page, /确定公开批复版本（第 2 版）/)).toContain('不用登录');
    await reviewer.page.getByText(/已公开第 2 版/).waitFor();
    await shot(reviewer.page, '11-published');

    // The finance bureau closes the July 2025 monitoring period (a history says who and when).
    await reviewer.page.goto(`${jixiao.baseUrl}/period-locks`, { waitUntil: 'networkidle' });
    await reviewer.page.getByRole('textbox', { name: '期间' }).fill('2025-07');
    await reviewer.page.getByRole('textbox', { name: '理由' }).fill('7月监控已汇总');
    await reviewer.page.getByRole('button', { name: /^锁\s*定$/ }).click();
    await reviewer.page.getByText(/当前锁定：2025-07（区财政局审核人/).waitFor();
    await shot(reviewer.page, '12-period-locked');

    // 6. Anyone, without signing in, finds it on the public page.
    const resident = await jixiao.signedInPage(null);
    await resident.page.goto(`${jixiao.baseUrl}/public`, { waitUntil: 'networkidle' });
    await resident.page.getByRole('heading', { name: '信息公开' }).waitFor();
    await resident.page.getByRole('searchbox', { name: '查找公开信息' }).fill('社区居民活动费');
    await resident.page.getByRole('searchbox', { name: '查找公开信息' }).press('Enter');
    const link = resident.page.getByRole('link', { name: /金花/ });
    await link.first().waitFor();
    await shot(resident.page, '13-public-list');
    await link.first().click();
    await resident.page.getByText('社区居民活动费').first().waitFor();
    await resident.page.getByText('≥90%').first().waitFor();
    // Every project's money says its unit.
    await resident.page.getByText(/· [\d,]+(\.\d+)? 万元$/).first().waitFor();
    await shot(resident.page, '14-public-targets');

    // 7. The reviewer withdraws the publication with a reason; the public page no longer lists it.
    await openReview(reviewer.page, id);
    await reviewer.page.getByRole('button', { name: '撤回公开' }).click();
    const withdrawal = reviewer.page.getByRole('dialog', { name: '撤回公开：理由' });
    await withdrawal.getByRole('textbox').fill('公开的金额需更正，更正后重新公开');
    await shot(reviewer.page, '15-withdraw-reason');
    await withdrawal.getByRole('button', { name: '撤回公开' }).click();
    await expect.poll(async () => (await reviewer.page.getByRole('button', { name: '公开批复版本' }).count()) > 0).toBe(true);
    expect(await status(reviewer.page).innerText()).toBe('已批复');
    await resident.page.goto(`${jixiao.baseUrl}/public`, { waitUntil: 'networkidle' });
    await resident.page.getByRole('heading', { name: '信息公开' }).waitFor();
    await resident.page.getByRole('searchbox', { name: '查找公开信息' }).fill('社区居民活动费');
    await resident.page.getByRole('searchbox', { name: '查找公开信息' }).press('Enter');
    await resident.page.waitForLoadState('networkidle');
    await resident.page.getByRole('table').waitFor();
    expect(await resident.page.getByRole('link', { name: /金花.*2025/ }).count()).toBe(0);

    // Someone signed in who opens (and reloads) 信息公开 is still signed in there: their name, not 「登录」.
    await reviewer.page.goto(`${jixiao.baseUrl}/public`, { waitUntil: 'networkidle' });
    await reviewer.page.reload({ waitUntil: 'networkidle' });
    await reviewer.page.getByRole('banner').getByText('区财政局审核人').first().waitFor();
    expect(await reviewer.page.getByRole('banner').getByRole('link', { name: '登录' }).count()).toBe(0);

    // No failed request: every action was one the person was allowed to take. The anonymous browser's only 401 is
    // the app asking whether anyone is signed in (GET /api/session), which is how it learns that nobody is.
    expect(real([...editor.problems, ...approver.problems, ...reviewer.problems])).toEqual([]);
    expect(real(resident.problems).filter((p) => !/HTTP 401 .*\/api\/session$|status of 401/.test(p))).toEqual([]);
  });
});
