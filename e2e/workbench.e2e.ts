/**
 * 工作台 (issue 13 item 2) in Chromium: each role's home shows its 待办 with the counts the document list agrees with;
 * the editor opens a draft from the home, submits it after a confirmation, and the home counts one fewer; the unit
 * head's home then lists it to approve, and once approved the finance reviewer's lists it to review. Screenshots of
 * each home are kept.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, settled, SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();

interface Doc {
  id: number;
  title: string;
  department: string | null;
  targetStatus: string | null;
}

async function documents(page: Page): Promise<Doc[]> {
  return ((await (await page.request.get(`${jixiao.baseUrl}/api/documents`)).json()) as { items: Doc[] }).items;
}

async function openHome(page: Page, shot: string): Promise<void> {
  await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { name: '工作台' }).waitFor();
  await page.getByText('最近操作').waitFor();
  await page.screenshot({ path: join(SHOTS_DIR, `workbench-${shot}.png`), fullPage: true });
}

/** The count on a 待办 card; 0 when the card is not there (nothing of that kind waits). */
async function countOn(page: Page, kind: string): Promise<number> {
  const card = page.getByTestId(`todo-${kind}`);
  if ((await card.count()) === 0) return 0;
  return Number((await card.locator('.ant-badge .ant-scroll-number').first().getAttribute('title')) ?? 'NaN');
}

async function confirmIt(page: Page, title: RegExp): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm').filter({ hasText: title });
  await settled(dialog);
  await dialog.getByRole('button', { name: /^确\s?定$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('工作台', () => {
  it('each role’s 待办, counted as the document list counts them, moving as the workflow moves', async () => {
    const editor = await jixiao.signedInPage('jinhua-editor');
    await openHome(editor.page, '1-editor');
    const drafts = (await documents(editor.page)).filter((d) => d.targetStatus === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(await countOn(editor.page, 'targets-to-submit')).toBe(drafts.length);
    expect(await countOn(editor.page, 'targets-to-review')).toBe(0);

    const reviewer = await jixiao.signedInPage('finance-reviewer');
    await openHome(reviewer.page, '2-reviewer-before');
    const inReview = (await documents(reviewer.page)).filter((d) => d.targetStatus === 'in-review');
    expect(await countOn(reviewer.page, 'targets-to-review')).toBe(inReview.length);

    // The editor opens the first draft from the home and submits it.
    const card = editor.page.getByTestId('todo-targets-to-submit');
    const first = card.locator('.wb-item a').first();
    const title = await first.innerText();
    await first.click();
    await editor.page.getByRole('heading', { name: /^审核：/ }).waitFor();
    await editor.page.getByTestId('workflow-status').waitFor({ timeout: 30_000 });
    await editor.page.getByRole('button', { name: '提交单位负责人审批' }).click();
    await confirmIt(editor.page, /确定提交单位负责人审批/);
    await expect.poll(() => editor.page.getByTestId('workflow-status').innerText()).toBe('已提交');
    await openHome(editor.page, '3-editor-after');
    expect(await countOn(editor.page, 'targets-to-submit')).toBe(drafts.length - 1);
    await editor.page.getByText('绩效目标：提交单位负责人审批').first().waitFor();

    // The unit head finds it on their home and approves it for the unit.
    const approver = await jixiao.signedInPage('jinhua-approver');
    await openHome(approver.page, '4-approver');
    expect(await countOn(approver.page, 'targets-to-approve')).toBe(1);
    await approver.page.getByTestId('todo-targets-to-approve').getByRole('link', { name: title }).click();
    await approver.page.getByRole('button', { name: '单位审批通过，报送财政审核' }).click();
    await confirmIt(approver.page, /报送财政审核/);
    await expect.poll(() => approver.page.getByTestId('workflow-status').innerText()).toBe('审核中');

    // Finance sees one more to review; its 审核 list starts on what awaits review.
    await openHome(reviewer.page, '5-reviewer-after');
    expect(await countOn(reviewer.page, 'targets-to-review')).toBe(inReview.length + 1);
    await reviewer.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核' }).click();
    const row = reviewer.page.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.locator('.ant-tag').innerText()).toBe('审核中');
    await reviewer.page.screenshot({ path: join(SHOTS_DIR, 'workbench-6-review-list.png'), fullPage: true });

    // A firm not engaged for 金花街道 does not see it.
    const firm = await jixiao.signedInPage('third-party');
    await openHome(firm.page, '7-firm');
    expect(await firm.page.getByTestId('todo-targets-to-review').getByRole('link', { name: title }).count()).toBe(0);
    for (const p of [editor, reviewer, approver, firm]) expect(p.problems.filter((x) => !/net::ERR_ABORTED/.test(x))).toEqual([]);
  });

  it('结转: approved targets become next year’s draft from their review page, and the draft waits on 工作台', async () => {
    const admin = await jixiao.signedInPage('admin');
    const approved = (await documents(admin.page)).find((d) => d.targetStatus === 'approved')!;
    await admin.page.goto(`${jixiao.baseUrl}/review/${approved.id}`, { waitUntil: 'networkidle' });
    await admin.page.getByTestId('workflow-status').waitFor({ timeout: 30_000 });
    // The review of approved targets is final: it says so, and offers nothing the server would refuse.
    await admin.page.getByText(/评审意见已定/).first().waitFor();
    await admin.page.getByRole('listbox', { name: '问题列表' }).getByRole('option').first().waitFor();
    expect(await admin.page.getByRole('button', { name: /^(采\s?纳|驳\s?回|补充问题)/ }).count()).toBe(0);
    await admin.page.getByRole('button', { name: '结转到下一年度' }).click();
    const dialog = admin.page.getByRole('dialog', { name: '结转到下一年度' });
    const year = Number(await dialog.getByRole('spinbutton', { name: '结转年度' }).inputValue());
    await dialog.getByText('保留上年金额作为起点').click();
    await admin.page.screenshot({ path: join(SHOTS_DIR, 'workbench-8-rollover.png') });
    await dialog.getByRole('button', { name: '生成草稿' }).click();
    await admin.page.waitForURL((url) => url.pathname.startsWith('/review/') && url.pathname !== `/review/${approved.id}`);
    await expect.poll(() => admin.page.getByTestId('workflow-status').innerText()).toBe('草稿');
    await admin.page.getByRole('heading', { name: new RegExp(`^审核：.*${year}年`) }).waitFor();
    await admin.page.screenshot({ path: join(SHOTS_DIR, 'workbench-9-next-year.png') });
    const draftId = Number(new URL(admin.page.url()).pathname.split('/').pop());

    await openHome(admin.page, '10-admin');
    expect(await admin.page.getByTestId('todo-targets-to-submit').locator(`a[href="/review/${draftId}"]`).count()).toBe(1);

    // The header's working year: the lists show that year only, and say so; the choice is remembered after a reload.
    await chooseOption(admin.page, admin.page.getByRole('combobox', { name: '工作年度' }), `${year} 年度`);
    await admin.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '目标审核' }).click();
    await admin.page.getByText('全部绩效目标', { exact: true }).click();
    await admin.page.getByText(new RegExp(`全部绩效目标（1）.*${year} 年度`)).waitFor();
    await admin.page.reload({ waitUntil: 'networkidle' });
    await admin.page.getByText('全部绩效目标', { exact: true }).click();
    const rows = admin.page.locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(String(year));
    await admin.page.screenshot({ path: join(SHOTS_DIR, 'workbench-11-year.png') });
    expect(admin.problems.filter((x) => !/net::ERR_ABORTED/.test(x))).toEqual([]);
  });
});
