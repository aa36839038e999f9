/**
 * Journey (decision 010): someone opens jixiao and is sent to 登录, which says plainly that this is a demo and lists
 * the demo accounts; a wrong password gets a Chinese message; 金花街道's editor signs in and sees only 金花街道, with
 * their name and role in the header and no admin pages; signs out and is signed out for real. Then the admin signs
 * in, creates a user for another 街道 on 用户管理 and finds it on 审计日志. Screenshots in $TMPDIR/jixiao-e2e/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, SHOTS_DIR, useJixiao, watch } from './support';

const jixiao = useJixiao();

/** Before signing in, GET /api/session answers 401 and a wrong password 401: those are expected, nothing else is. */
const unexpected = (problems: string[]) => problems.filter((p) => !/HTTP 401 .*\/api\/session$/.test(p) && !/status of 401/.test(p));

async function signInThroughPage(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('sign in and out', () => {
  it('a 金花街道 editor sees only 金花街道; signing out ends it; the admin creates a user and the audit shows it', async () => {
    const page = await jixiao.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const problems = watch(page);

    // Not signed in: every page leads to 登录, which comes back afterwards.
    await page.goto(`${jixiao.baseUrl}/departments`, { waitUntil: 'networkidle' });
    await page.waitForURL(/\/sign-in\?next=%2Fdepartments$/);
    await page.getByText('演示模式：').waitFor();
    for (const account of ['jinhua-editor', 'finance-reviewer', 'third-party', 'admin']) await page.getByRole('button', { name: account }).waitFor();
    await page.screenshot({ path: join(SHOTS_DIR, 'sign-in-1-demo.png'), fullPage: true });

    await signInThroughPage(page, 'jinhua-editor', 'wrong-password');
    await page.getByText('用户名或密码不正确。').waitFor();

    await page.getByRole('button', { name: 'jinhua-editor' }).click(); // fills the demo account in
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/departments$/);
    await page.getByTestId('current-user').getByText('金花街道填报人').waitFor();
    await page.getByText('单位填报人').first().waitFor();
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('金花');
    const nav = page.getByRole('navigation', { name: '主导航' });
    expect(await nav.getByRole('link', { name: '用户管理' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: '审计日志' }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS_DIR, 'sign-in-2-editor.png'), fullPage: true });

    // The server refuses another 街道's data to this editor whatever the page does.
    const foreign = await page.request.get(`${jixiao.baseUrl}/api/departments?search=${encodeURIComponent('花地')}`);
    expect(((await foreign.json()) as { items: unknown[] }).items).toEqual([]);

    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect((await page.request.get(`${jixiao.baseUrl}/api/documents`)).status()).toBe(401);

    // The admin creates a user for 花地街道.
    await signInThroughPage(page, 'admin', 'jixiao-demo');
    await page.getByTestId('current-user').getByText('系统管理员').waitFor();
    await nav.getByRole('link', { name: '用户管理' }).click();
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名（登录用）').fill('huadi-editor');
    await dialog.getByLabel('姓名').fill('花地街道填报人');
    await dialog.getByLabel('初始密码').fill('huadi-password-1');
    await chooseOption(page, dialog.getByLabel('角色'), '单位填报人');
    await chooseOption(page, dialog.getByLabel('所属部门（街道）'), '花地');
    await expect.poll(() => dialog.locator('.ant-form-item', { hasText: '所属部门（街道）' }).innerText()).toMatch(/花地街道/);
    await page.screenshot({ path: join(SHOTS_DIR, 'sign-in-3-new-user.png'), fullPage: true });
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await page.locator('.ant-table-row', { hasText: 'huadi-editor' }).waitFor();
    expect(await page.locator('.ant-table-row', { hasText: 'huadi-editor' }).innerText()).toMatch(/花地/);
    await page.screenshot({ path: join(SHOTS_DIR, 'sign-in-4-users.png'), fullPage: true });

    await nav.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '新建用户' }).first().waitFor();
    expect(await page.locator('.ant-table-row', { hasText: '新建用户' }).first().innerText()).toContain('系统管理员（admin）');
    await page.screenshot({ path: join(SHOTS_DIR, 'sign-in-5-audit.png'), fullPage: true });

    await page.close();
    expect(unexpected(problems)).toEqual([]);
  });
});
