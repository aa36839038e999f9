/**
 * Journey: 金花街道's editor (signed in, decision 010) opens the review of 金花街道's project target table (seed 002), clicks the missing annual
 * target of 社区居民活动费's 4th indicator, clicks it again to edit it in place, types an annual target — the
 * finding disappears while typing, before anything is saved, marked 「未保存的修改」 — saves (version 2), reloads,
 * and the finding is still gone. Fails on any console error or failed request; screenshots in $TMPDIR/jixiao-e2e/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseOption, SHOTS_DIR, signIn, useJixiao, watch } from './support';

const jixiao = useJixiao();

describe('edit a target in place', () => {
  it('the missing annual target of 社区居民活动费 goes away as it is typed, and stays away after saving', async () => {
    const page = await jixiao.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const problems = watch(page);
    await signIn(page, jixiao.baseUrl, 'jinhua-editor');
    const docs = (await (await page.request.get(`${jixiao.baseUrl}/api/documents`)).json()) as { items: Array<{ id: number; fileName: string | null; department: string | null }> };
    const jinhua = docs.items.find((d) => d.fileName?.startsWith('002_') && d.department?.includes('金花'));
    expect(jinhua).toBeDefined();

    await page.goto(`${jixiao.baseUrl}/review/${jinhua!.id}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: /^审核：.*金花/ }).waitFor();
    const list = page.getByRole('listbox', { name: '问题列表' });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    const missing = list.getByRole('option').filter({ hasText: '缺少年度指标值' }).filter({ hasText: '社区居民活动费' });
    await expect.poll(() => missing.count()).toBe(1);
    const totalBefore = Number((await page.getByTestId('score-total').innerText()).split('/')[0]);

    // Jump to the indicator, then click it again to edit it (Enter would do the same).
    await missing.click();
    const row = page.locator('.rv-ind.hl');
    await expect.poll(() => row.innerText()).toMatch(/社区居民幸福指数/);
    await row.click();
    const editor = page.getByRole('group', { name: '修改指标' });
    await editor.waitFor();
    expect(await editor.getByRole('textbox', { name: '年度指标值' }).inputValue()).toBe('');

    // Esc cancels: nothing changes.
    await editor.getByRole('textbox', { name: '年度指标值' }).fill('≥1');
    await editor.getByRole('textbox', { name: '年度指标值' }).press('Escape');
    await editor.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('status', { name: '未保存的修改' }).count()).toBe(0);

    // Enter on the highlighted indicator edits it again; type the annual target: the finding goes before saving.
    await page.locator('.rv-ind.hl').press('Enter');
    await editor.waitFor();
    await editor.getByRole('textbox', { name: '年度指标值' }).pressSequentially('提高5%', { delay: 30 });
    await expect.poll(() => missing.count(), { timeout: 5_000 }).toBe(0);
    await page.getByRole('status', { name: '未保存的修改' }).waitFor();
    expect(await page.getByRole('status', { name: '未保存的修改' }).innerText()).toMatch(/保存后成为第 2 版/);
    await expect.poll(async () => Number((await page.getByTestId('score-total').innerText()).split('/')[0])).toBeGreaterThanOrEqual(totalBefore);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS_DIR, 'edit-1-unsaved.png'), fullPage: false });
    await editor.getByRole('textbox', { name: '年度指标值' }).press('Enter');
    await editor.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.rv-ind.edited').innerText()).toMatch(/社区居民幸福指数[\s\S]*已修改/);

    // Save: version 2.
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存为第 2 版').waitFor();
    await expect.poll(() => page.getByRole('status', { name: '未保存的修改' }).count()).toBe(0);
    await page.getByText(/第 2 版/).first().waitFor();

    // Reload: the stored version 2 has the target, the finding stays gone.
    await page.reload({ waitUntil: 'networkidle' });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    await page.getByText(/第 2 版/).first().waitFor();
    expect(await missing.count()).toBe(0);
    await page.locator('.rv-ind', { hasText: '社区居民幸福指数' }).first().waitFor();
    expect(await page.locator('.rv-ind', { hasText: '社区居民幸福指数' }).first().innerText()).toMatch(/提高5%/);
    await page.screenshot({ path: join(SHOTS_DIR, 'edit-2-saved.png'), fullPage: false });

    // Version 1 is kept as it was imported.
    const v1 = (await (await page.request.get(`${jixiao.baseUrl}/api/documents/${jinhua!.id}?version=1`)).json()) as { units: Array<{ projects: Array<{ name: string; indicators: Array<{ no: number; annualTarget: unknown }> }> }> };
    const project = v1.units.flatMap((u) => u.projects).find((p) => p.name === '社区居民活动费');
    expect(project?.indicators.find((i) => i.no === 4)?.annualTarget).toBeNull();

    await page.close();
    expect(problems).toEqual([]);
  });

  it('a 指标层级不符 is fixed by choosing the right 二级; an indicator is added and another removed; all saved as one version', async () => {
    const { page, problems } = await jixiao.signedInPage('jinhua-editor');
    const docs = (await (await page.request.get(`${jixiao.baseUrl}/api/documents`)).json()) as { items: Array<{ id: number; fileName: string | null; department: string | null; version: number }> };
    const jinhua = docs.items.find((d) => d.fileName?.startsWith('002_') && d.department?.includes('金花'))!;
    await page.goto(`${jixiao.baseUrl}/review/${jinhua.id}`, { waitUntil: 'networkidle' });
    const list = page.getByRole('listbox', { name: '问题列表' });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    const mismatches = list.getByRole('option').filter({ hasText: '指标层级不符' });
    const before = await mismatches.count();
    expect(before).toBeGreaterThan(0);

    // The first mismatch (职工满意度指标, a 满意度 indicator under 产出): open it and pick the 二级 where it belongs.
    await mismatches.first().click();
    const row = page.locator('.rv-ind.hl');
    await row.waitFor();
    await row.click();
    const editor = page.getByRole('group', { name: '修改指标' });
    await editor.waitFor();
    await chooseOption(page, editor.getByRole('combobox', { name: '二级指标' }), '服务对象满意度指标（满意度指标）', '满意度');
    // The browser reviews the edited copy again (debounced; slower on a loaded machine).
    await expect.poll(() => mismatches.count(), { timeout: 20_000 }).toBe(before - 1);
    await page.screenshot({ path: join(SHOTS_DIR, 'edit-3-level.png'), fullPage: false });
    await editor.getByRole('button', { name: /^确\s?定$/ }).click();
    await editor.waitFor({ state: 'hidden' });

    // Add an indicator to the same project, name it and give it a target.
    await page.getByRole('button', { name: '添加指标' }).click();
    await editor.waitFor();
    await editor.getByRole('textbox', { name: '三级指标名称' }).fill('居民参与率');
    await editor.getByRole('textbox', { name: '年度指标值' }).fill('≥60%');
    await editor.getByRole('textbox', { name: '年度指标值' }).press('Enter');
    await page.locator('.rv-ind', { hasText: '居民参与率' }).waitFor();

    // Remove it again (it is still the highlighted one: one click edits it), then add it once more and keep it.
    await page.locator('.rv-ind', { hasText: '居民参与率' }).click();
    await editor.getByRole('button', { name: '删除指标' }).click();
    await expect.poll(() => page.locator('.rv-ind', { hasText: '居民参与率' }).count()).toBe(0);
    await page.getByRole('button', { name: '添加指标' }).click();
    await editor.getByRole('textbox', { name: '三级指标名称' }).fill('居民参与率');
    await editor.getByRole('textbox', { name: '年度指标值' }).fill('≥60%');
    await editor.getByRole('textbox', { name: '年度指标值' }).press('Enter');

    // And move it up one place (its number stays its own).
    await page.locator('.rv-ind', { hasText: '居民参与率' }).click();
    await editor.getByRole('button', { name: '上移指标' }).click();
    await editor.getByRole('textbox', { name: '年度指标值' }).press('Enter');
    await editor.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText(`已保存为第 ${jinhua.version + 1} 版`).waitFor();
    const saved = (await (await page.request.get(`${jixiao.baseUrl}/api/documents/${jinhua.id}`)).json()) as { units: Array<{ projects: Array<{ indicators: Array<{ no: number; name: string }> }> }> };
    const withIt = saved.units.flatMap((u) => u.projects).find((p) => p.indicators.some((i) => i.name === '居民参与率'))!;
    expect(withIt.indicators.findIndex((i) => i.name === '居民参与率')).toBe(withIt.indicators.length - 2);
    await page.reload({ waitUntil: 'networkidle' });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    expect(await mismatches.count()).toBe(before - 1);
    expect(await page.locator('.rv-ind', { hasText: '居民参与率' }).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS_DIR, 'edit-4-added.png'), fullPage: false });
    expect(problems.filter((p) => !/net::ERR_ABORTED/.test(p))).toEqual([]);
  });
});
