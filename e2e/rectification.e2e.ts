/**
 * Journey (issue 14 items 2 and 3): the finance reviewer registers a rectification item for 金花街道 from an outside
 * inspection and issues it; 金花's editor finds it on 工作台, tries to attach a PDF renamed .png (refused, naming the file),
 * then feeds back with the real PDF; the reviewer opens the evidence, verifies (销号, confirmed) and sees the whole
 * history. Fails on any console error or failed request other than the refused upload; screenshots in
 * $TMPDIR/jixiao-e2e/rectification-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocxLayout } from '@jixiao/formats';
import { demoPdf } from '@jixiao/services';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, settled, SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS_DIR, `rectification-${name}.png`), fullPage: true });
const PROBLEM = '政府采购合同未按规定公开（e2e）';

describe('整改 from an inspection to 销号', () => {
  it('reviewer registers and issues → unit feeds back with a PDF (a lying file refused) → reviewer verifies', async () => {
    // 1. The reviewer registers the item and issues it at once.
    const reviewer = await jixiao.signedInPage('finance-reviewer', { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    await reviewer.page.goto(`${jixiao.baseUrl}/`, { waitUntil: 'networkidle' });
    await reviewer.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '整改' }).click();
    await reviewer.page.getByRole('heading', { name: '整改', exact: true }).waitFor();
    await reviewer.page.getByRole('button', { name: '登记整改' }).click();
    const dialog = reviewer.page.getByRole('dialog', { name: '登记整改事项' });
    await settled(dialog);
    await chooseOption(reviewer.page, dialog.getByRole('combobox', { name: '责任部门' }), /金花/, '金花');
    await dialog.getByRole('textbox', { name: '责任单位' }).fill('金花街道办事处');
    await dialog.getByRole('textbox', { name: '责任人' }).fill('综合办');
    await dialog.getByRole('textbox', { name: '问题', exact: true }).fill(PROBLEM);
    await dialog.getByRole('textbox', { name: '依据' }).fill('区委巡察组巡察反馈意见');
    await dialog.getByRole('textbox', { name: '整改措施' }).fill('补充公开合同，完善采购合同公开流程');
    await dialog.getByLabel('整改期限').fill('2099-06-30');
    await dialog.getByLabel('整改期限').press('Enter');
    await dialog.getByRole('textbox', { name: '来源文号' }).fill('荔巡反〔2024〕3号');
    await shot(reviewer.page, '1-register');
    await dialog.getByRole('button', { name: /^登\s?记$/ }).click();
    await reviewer.page.getByRole('heading', { name: /^整改：/ }).waitFor();
    await expect.poll(() => reviewer.page.locator('.ant-card-head').first().innerText()).toContain('整改中');
    const itemUrl = reviewer.page.url();
    await shot(reviewer.page, '2-issued');

    // 2. The unit's editor finds it on 工作台 (整改待反馈, with its days left) and feeds back: first with a PDF named
    // .png — refused, naming it.
    const editor = await jixiao.signedInPage('jinhua-editor');
    await editor.page.goto(`${jixiao.baseUrl}/`, { waitUntil: 'networkidle' });
    const todo = editor.page.getByTestId('todo-rectification-to-feed-back');
    await todo.getByRole('link', { name: PROBLEM }).waitFor();
    expect(await todo.innerText()).toMatch(/剩 \d+ 天/);
    await shot(editor.page, '2b-workbench');
    await todo.getByRole('link', { name: PROBLEM }).click();
    await editor.page.getByRole('heading', { name: /^整改：/ }).waitFor();
    const pdf = Buffer.from(demoPdf('Contract published (e2e)'));
    await editor.page.getByRole('textbox', { name: '整改情况' }).fill('已在政府采购网补充公开合同，并修订公开流程。');
    await editor.page.locator('input[type=file]').setInputFiles({ name: '公开截图.png', mimeType: 'image/png', buffer: pdf });
    await editor.page.getByRole('button', { name: /^提交反馈$/ }).click();
    const confirm = editor.page.locator('.ant-popover').filter({ hasText: '确定提交反馈？' });
    await settled(confirm);
    await confirm.getByRole('button', { name: /^提\s?交$/ }).click();
    const refusal = editor.page.getByRole('alert').filter({ hasText: '公开截图.png' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('实际是PDF');
    await shot(editor.page, '3-lying-file-refused');
    const refusedRequests = editor.problems.filter((p) => /feedback/.test(p));
    expect(refusedRequests).toHaveLength(1);

    // Then with the real PDF (the wrong one taken off the list first).
    const wrong = editor.page.locator('.ant-upload-list-item', { hasText: '公开截图.png' });
    await wrong.hover();
    await wrong.getByTitle('删除文件').click();
    await wrong.waitFor({ state: 'detached' });
    await editor.page.locator('input[type=file]').setInputFiles({ name: '合同公开页面.pdf', mimeType: 'application/pdf', buffer: pdf });
    await editor.page.locator('.ant-upload-list-item', { hasText: '合同公开页面.pdf' }).waitFor();
    await shot(editor.page, '3b-real-file-chosen');
    // The button by its place: while the refusal's alert and the file list animate, its accessible name can lag.
    const send = editor.page.locator('.rc-feedback button.ant-btn-primary', { hasText: '提交反馈' });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();
    await settled(confirm);
    await confirm.getByRole('button', { name: /^提\s?交$/ }).click();
    await expect.poll(() => editor.page.locator('.ant-card-head').first().innerText()).toContain('已反馈');
    await editor.page.getByRole('link', { name: /合同公开页面\.pdf/ }).waitFor();
    await shot(editor.page, '4-fed-back');
    // The refused upload is the one failure: its 400 and the browser's console line about it.
    expect(editor.problems.filter((p) => !/feedback|status of 400/.test(p))).toEqual([]);

    // 3. The reviewer opens the evidence (the same bytes), verifies with a confirmation, and sees the whole history.
    await reviewer.page.goto(itemUrl, { waitUntil: 'networkidle' });
    const link = reviewer.page.getByRole('link', { name: /合同公开页面\.pdf/ });
    const got = await reviewer.page.request.get(`${jixiao.baseUrl}${await link.getAttribute('href')}`);
    expect(got.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await got.body()).equals(pdf)).toBe(true);
    await reviewer.page.getByRole('button', { name: '核实销号' }).click();
    const verify = reviewer.page.getByRole('dialog', { name: '确定销号？' });
    await settled(verify);
    await verify.getByRole('textbox', { name: '销号意见' }).fill('合同已公开，同意销号。');
    await shot(reviewer.page, '5-confirm-verify');
    await verify.getByRole('button', { name: /^销\s?号$/ }).click();
    await verify.waitFor({ state: 'hidden' });
    await expect.poll(() => reviewer.page.locator('.ant-card-head').first().innerText()).toContain('已销号');
    const history = await reviewer.page.locator('.ant-timeline').innerText();
    expect(history).toMatch(/销号[\s\S]*反馈整改情况[\s\S]*下发整改通知/);
    expect(history).toContain('金花街道填报人');
    await shot(reviewer.page, '6-verified');

    // The 整改通知书 is made as an output job and downloaded: a Word file addressed to the unit, naming the problem.
    const [file] = await Promise.all([reviewer.page.waitForEvent('download'), reviewer.page.getByRole('button', { name: '下载整改通知书' }).click()]);
    const saved = join(SHOTS_DIR, 'rectification-notice.docx');
    await file.saveAs(saved);
    const layout = readDocxLayout(new Uint8Array(readFileSync(saved)));
    expect(layout.ok).toBe(true);
    const text = layout.ok ? layout.layout.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n') : '';
    expect(text).toContain('整改通知书');
    expect(text).toContain(PROBLEM);
    expect(text).toContain('请于二〇九九年六月三十日前完成整改');
    expect(reviewer.problems).toEqual([]);
  }, 240_000);

  it('a review finding becomes an item with its wording (生成整改项)', async () => {
    const reviewer = await jixiao.signedInPage('finance-reviewer');
    await reviewer.page.goto(`${jixiao.baseUrl}/review/1`, { waitUntil: 'networkidle' });
    await reviewer.page.getByRole('heading', { name: /^审核：/ }).waitFor();
    const finding = reviewer.page.locator('[data-key]').filter({ has: reviewer.page.getByRole('button', { name: /^整\s?改$/ }) }).first();
    const findingText = await finding.innerText();
    await finding.getByRole('button', { name: /^整\s?改$/ }).click();
    const dialog = reviewer.page.getByRole('dialog', { name: '生成整改项' });
    await settled(dialog);
    await dialog.getByRole('textbox', { name: '责任人' }).fill('财务办');
    await dialog.getByRole('textbox', { name: '整改措施' }).fill('按审核意见修改指标后重新报送');
    await dialog.getByLabel('整改期限').fill('2099-03-31');
    await dialog.getByLabel('整改期限').press('Enter');
    await shot(reviewer.page, '7-from-finding');
    await dialog.getByRole('button', { name: /^生\s?成$/ }).click();
    await reviewer.page.getByRole('heading', { name: /^整改：/ }).waitFor();
    const details = await reviewer.page.locator('.ant-descriptions').innerText();
    expect(details).toContain('目标审核发现');
    // 问题 is the finding's own message (after where it was found).
    const problem = await reviewer.page.locator('.ant-descriptions-row', { hasText: '问题' }).locator('td').first().innerText();
    const message = problem.split('：').at(-1)!.trim();
    expect(message.length).toBeGreaterThan(5);
    expect(findingText).toContain(message);
    await shot(reviewer.page, '8-from-finding-item');
    expect(reviewer.problems).toEqual([]);
  }, 120_000);
});
