/**
 * 目标调整 side by side (issue 14 item 6) in Chromium: 金花街道's editor asks to adjust last year's approved targets
 * with a reason, saves a version with a project's amount cut and an indicator deleted, and the review page shows
 * the adjustment against the approved version — old beside new, the reason, and that the approved version stays in
 * force — at desktop and phone width. Screenshots in $TMPDIR/jixiao-e2e/.
 */
import { join } from 'node:path';
import type { PerformanceDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();

describe('目标调整', () => {
  it('shows what an adjustment changes against the approved version, with the reason', async () => {
    const { page, problems } = await jixiao.signedInPage('jinhua-editor', { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const api = (path: string) => `${jixiao.baseUrl}${path}`;
    const list = (await (await page.request.get(api('/api/documents?search=金花街道2023年度'))).json()) as { items: Array<{ id: number; version: number }> };
    const { id } = list.items[0]!;
    const workflow = (await (await page.request.get(api(`/api/documents/${id}/workflow`))).json()) as { status: string; revision: number };
    expect(workflow.status).toBe('approved');
    const asked = await page.request.post(api(`/api/documents/${id}/workflow/request-adjustment`), { data: { reason: '年中预算调减，社区活动场次相应减少', baseRevision: workflow.revision }, headers: await jixiao.csrf(page) });
    expect(asked.status()).toBe(200);

    // The edit a unit makes: the first project's amount cut, its last indicator deleted.
    const targets = (await (await page.request.get(api(`/api/documents/${id}`))).json()) as PerformanceDocument;
    const project = targets.units[0]!.projects[0]!;
    const removed = project.indicators.at(-1)!.name;
    project.amount = Math.round((project.amount ?? 10) * 50) / 100;
    project.indicators.pop();
    const saved = await page.request.put(api(`/api/documents/${id}/content`), { data: { baseVersion: 1, document: targets }, headers: await jixiao.csrf(page) });
    expect(saved.status()).toBe(200);

    await page.goto(api(`/review/${id}`), { waitUntil: 'networkidle' });
    const panel = page.locator('.wf-changes');
    await panel.getByText(/目标调整：与批复版本（第 1 版）对照 · 新增 0 项、删除 1 项、调整 1 项/).waitFor({ timeout: 30_000 });
    const text = await panel.innerText();
    expect(text).toContain('调整理由：年中预算调减，社区活动场次相应减少');
    expect(text).toContain('批复前，运行监控和绩效自评仍按第 1 版执行');
    expect(text).toMatch(new RegExp(`删除[\\s\\S]*${removed}`));
    expect(text).toMatch(/项目金额（万元）：\s*[\d,.]+\s*→\s*[\d,.]+/);
    await page.screenshot({ path: join(SHOTS_DIR, 'adjustment-1-desktop.png'), fullPage: false });

    await page.setViewportSize({ width: 390, height: 844 });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS_DIR, 'adjustment-2-phone.png'), fullPage: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(problems).toEqual([]);
  });
});
