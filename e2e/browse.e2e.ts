/**
 * Journey: a finance officer opens jixiao (started as `jixiao serve`, seeded with the demo documents), finds
 * 金花街道, looks at its projects, opens one and reads its indicators. Runs in Debian's Chromium; fails on any
 * console error or failed request; leaves screenshots in the temp directory to look at.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, signIn, useJixiao, watch } from './support';

export { SHOTS_DIR };

const jixiao = useJixiao();

describe('browse the seeded catalogue', () => {
  it('finds 金花街道, its projects and a project’s indicators', async () => {
    const page = await jixiao.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const problems = watch(page);
    // The finance reviewer sees the whole district (decision 010).
    await signIn(page, jixiao.baseUrl, 'finance-reviewer');

    const home = await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    // The page runs under the Content-Security-Policy (issue 9 item 2): a violation would be a console error below.
    expect(home?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Home is 工作台 (issue 13 item 2); 部门 is one click away in the menu.
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '部门' }).click();
    await page.getByRole('heading', { name: '部门' }).waitFor();
    await page.getByText('预算绩效管理').first().waitFor();
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS_DIR, '1-departments.png'), fullPage: true });

    // 指标库: what approved targets set, with the spread of their values (the demo's published 花地街道 targets).
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '指标库' }).click();
    await page.getByRole('heading', { name: '指标库' }).waitFor();
    await page.getByRole('searchbox', { name: '查找指标' }).fill('率');
    await expect.poll(() => page.locator('.ant-table-row').first().innerText()).toMatch(/^[^\t]*率\t[\s\S]*(中位数|\d)/);
    await page.screenshot({ path: join(SHOTS_DIR, '1b-library.png'), fullPage: true });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '部门' }).click();

    // Prefer 金花街道 (seed 002, a project table); fall back to any department that has projects.
    const departments = (await (await page.request.get(`${jixiao.baseUrl}/api/departments`)).json()) as { items: { id: number; name: string; projectCount: number }[] };
    const target = departments.items.find((d) => d.name.includes('金花') && d.projectCount > 0) ?? departments.items.find((d) => d.projectCount > 0);
    if (!target) throw new Error(`no seeded department has projects; got ${JSON.stringify(departments.items.map((d) => d.name))}`);
    const searchWord = target.name.includes('金花') ? '金花' : target.name.slice(0, 4);

    await page.getByRole('searchbox', { name: '搜索部门' }).fill(searchWord);
    const row = page.locator('.ant-table-row', { hasText: target.name });
    await row.first().waitFor();
    await row.first().getByRole('link').click();

    await page.getByRole('heading', { name: target.name }).waitFor();
    const projectRows = page.locator('.ant-table-row').filter({ has: page.locator('a[href^="/projects/"]') });
    await projectRows.first().waitFor();
    expect(await projectRows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS_DIR, '2-department.png'), fullPage: true });

    // Open a project that has indicators (every 金花街道 project has some); search for it as a person would.
    const projects = (await (await page.request.get(`${jixiao.baseUrl}/api/projects?departmentId=${target.id}&limit=500`)).json()) as {
      items: { id: number; name: string; indicatorCount: number }[];
    };
    const project = projects.items.find((p) => p.indicatorCount > 0);
    if (project) {
      await page.getByRole('searchbox', { name: '搜索本部门项目' }).fill(project.name);
      await page.locator(`.ant-table-row a[href="/projects/${project.id}"]`).click();
      await page.getByRole('heading', { name: project.name }).waitFor();
      await page.getByRole('columnheader', { name: '年度指标值' }).waitFor();
    } else {
      // Only departments whose project lists carry no indicators were seeded (e.g. seed 000's 附表2).
      await projectRows.first().locator('a[href^="/projects/"]').first().click();
      await page.getByText('这个项目没有绩效指标').waitFor();
    }
    const body = await page.locator('body').innerText();
    const indicatorRows = await page.locator('.ant-table-row').count();
    expect(body).toMatch(project ? /实施周期指标值[\s\S]*(产出指标|效益指标|满意度指标)/ : /这个项目没有绩效指标/);
    expect(indicatorRows).toBe(project?.indicatorCount ?? 0);
    await page.screenshot({ path: join(SHOTS_DIR, '3-project.png'), fullPage: true });

    // The header search finds projects from anywhere.
    await page.getByRole('searchbox', { name: '搜索项目' }).fill('项目');
    await page.getByRole('searchbox', { name: '搜索项目' }).press('Enter');
    await page.getByRole('heading', { name: /搜索/ }).waitFor();

    // Chinese renders as Chinese, not tofu: without a CJK font every glyph is the same empty box, so two different
    // characters drawn with the page's font would give identical pixels.
    const distinct = await page.evaluate(() => {
      const font = `32px ${getComputedStyle(document.body).fontFamily}`;
      const [a, b] = ['预', '绩'].map((ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = 40;
        canvas.height = 40;
        const g = canvas.getContext('2d')!;
        g.font = font;
        g.fillText(ch, 2, 32);
        return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
      });
      return a !== b;
    });
    // If this fails, install a CJK font (Debian: fonts-noto-cjk).
    expect(distinct).toBe(true);

    await page.close();
    expect(problems).toEqual([]);
  });

  it('serves deep links, the OpenAPI document and Chinese errors', async () => {
    const page = await jixiao.browser.newPage();
    const problems = watch(page);
    await signIn(page, jixiao.baseUrl, 'admin');
    await page.goto(`${jixiao.baseUrl}/import`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: '导入文档' }).waitFor();
    await page.getByText('已导入的文档').waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: join(SHOTS_DIR, '4-import.png'), fullPage: true });
    expect(problems).toEqual([]);

    const openapi = (await (await fetch(`${jixiao.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/api/projects/{id}');
    expect((await fetch(`${jixiao.baseUrl}/api/projects`)).status).toBe(401); // not signed in
    const bad = await page.request.get(`${jixiao.baseUrl}/api/projects?limit=abc`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/请求参数有误/);
    await page.close();
  });
});
