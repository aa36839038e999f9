/**
 * Journey (issue 14 item 1, R11): 金花街道's 2024 targets (seed 002) are approved and self-evaluated through the API
 * as the unit and the finance bureau would — the first project half met and half spent, so its kept score is graded
 * 中 — and rolled over to a 2025 draft. Then in the browser the finance reviewer opens 结果 › 结果应用, finds the
 * project graded 中 with the rule's suggestion 「改进，可适当压减」 and why, confirms it with a reason, downloads the
 * 绩效结果应用情况表 (amounts in 万元 with thousands separators), and opens the review page of the 2025 draft, where
 * last year's grade and the confirmed decision stand beside the project. Screenshots in $TMPDIR/jixiao-e2e/; fails on
 * any console error or failed request.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { budgetSlots, indicatorSlots, type PerformanceDocument, type SelfEvaluationEntries } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { chooseOption, settled, SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();

/** A screenshot with the pointer out of the way (a tooltip would cover the row it shows). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SHOTS_DIR, `results-use-${name}.png`), fullPage });
}

/** Reads the page itself cancelled (a query superseded or unmounted) are not failures. */
const real = (problems: string[]) => problems.filter((p) => !/^request failed: \S+\/api\/\S+ net::ERR_ABORTED$/.test(p));

/** A call the journey makes beside the page, as the signed-in person; fails naming the answer when it is not 2xx. */
async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`${jixiao.baseUrl}${path}`, { method, ...(data === undefined ? {} : { data }), headers: method === 'GET' ? {} : await jixiao.csrf(page) });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('results use (结果应用) of 金花街道 2024', () => {
  it('a self-evaluation graded 中 gives 「改进，可适当压减」, confirmed by finance with a reason, shown beside the project in 2025', async () => {
    const editor = await jixiao.signedInPage('jinhua-editor');
    const approver = await jixiao.signedInPage('jinhua-approver');
    const reviewer = await jixiao.signedInPage('finance-reviewer', { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });

    // The year's work, done through the API as the pages would: targets approved (良), self-evaluated, kept, rolled over.
    const documents = await api<{ items: Array<{ id: number; fileName: string | null; year: number | null }> }>(editor.page, 'GET', '/api/documents?year=2024');
    const documentId = documents.items.find((d) => d.fileName?.startsWith('002_'))!.id;
    await api(editor.page, 'POST', `/api/documents/${documentId}/workflow/submit`, {});
    await api(approver.page, 'POST', `/api/documents/${documentId}/workflow/approve-unit`, {});
    await api(reviewer.page, 'PUT', `/api/documents/${documentId}/review/conclusion`, { conclusion: '良', reason: '目标基本完整、可衡量' });
    await api(reviewer.page, 'POST', `/api/documents/${documentId}/workflow/approve`, {});
    const started = await api<{ id: number; revision: number; target: PerformanceDocument }>(editor.page, 'POST', '/api/self-evaluations', { documentId, year: 2024 });
    const entries: SelfEvaluationEntries = {
      indicators: Object.fromEntries(indicatorSlots(started.target).map((s) => [s.key, { tier: s.budgetKey === 'u0.p0' ? ('partly' as const) : ('achieved' as const) }])),
      budgets: Object.fromEntries(budgetSlots(started.target).map((s) => [s.key, { adjusted: s.planned ?? 100, spent: s.key === 'u0.p0' ? (s.planned ?? 100) * 0.5 : (s.planned ?? 100) }])),
    };
    await api(editor.page, 'PUT', `/api/self-evaluations/${started.id}/entries`, { baseRevision: started.revision, entries });
    const kept = await api<{ grade: string | null; total: number | null }>(editor.page, 'POST', `/api/self-evaluations/${started.id}/scores`, {});
    expect(kept.grade).toBeNull(); // several projects: each is graded on its own (R7); the first one is 中 below.
    const next = await api<{ documentId: number; year: number }>(editor.page, 'POST', `/api/documents/${documentId}/rollover`, { keepAmounts: true });
    expect(next.year).toBe(2025);
    const project = started.target.units[0]!.projects[0]!.name;

    // 结果 › 结果应用: the project graded 中, the rule's suggestion and why.
    const { page, problems } = reviewer;
    await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByText('结果', { exact: true }).waitFor();
    await nav.getByRole('link', { name: '结果应用' }).click();
    await page.getByRole('heading', { name: '结果应用', exact: true }).waitFor();
    await chooseOption(page, page.getByRole('combobox', { name: '结果年度' }), '2024 年度');
    await chooseOption(page, page.getByRole('combobox', { name: '部门' }), /金花/, '金花');
    const row = page.locator('.ant-table-row', { hasText: project });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toMatch(/· 中/);
    expect(await row.innerText()).toMatch(/改进，可适当压减[\s\S]*各项结果的建议不同，取其中最严格的「改进，可适当压减」。[\s\S]*建\s?议/);
    await expect.poll(() => page.getByText(/建议依据：绩效结果应用（依据中发〔2018〕34号、财预〔2020〕10号）/).count()).toBeGreaterThan(0);
    await shot(page, '1-suggested');

    // Confirmed with a reason (the dialog says why first); the row then says who and when.
    await row.getByRole('button', { name: '确认/调整' }).click();
    const dialog = page.getByRole('dialog', { name: `下年度预算建议：${project}` });
    await settled(dialog);
    expect(await dialog.innerText()).toMatch(/系统建议：改进，可适当压减[\s\S]*绩效自评等级为「中」：按规则，「中」建议「改进，可适当压减」。[\s\S]*绩效目标审核结论为「良」：按规则，「良」建议「保持」。/);
    const ok = dialog.getByRole('button', { name: '确认建议' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: '理由' }).fill('执行率仅 50%，部分指标未达成，同意下年度适当压减');
    await page.screenshot({ path: join(SHOTS_DIR, 'results-use-2-confirming.png'), fullPage: false });
    await ok.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => row.innerText()).toMatch(/已确认[\s\S]*改进，可适当压减[\s\S]*理由：执行率仅 50%[\s\S]*区财政局审核人 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await page.getByText(/个项目，预算合计 [\d,]+\.\d{2} 万元；已确认 1 · 已调整 0 · 待确认 \d+/).waitFor();
    await shot(page, '3-confirmed');

    // The 绩效结果应用情况表: the row with its decision, amounts as numbers shown with thousands separators (万元).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).or(page.getByRole('button', { name: /导出 Excel/ })).first().click()]);
    const path = join(SHOTS_DIR, 'results-use-table.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('2024年度绩效结果应用情况表');
    expect(sheet.getRow(3).values).toEqual(expect.arrayContaining(['预算金额（万元）', '下年度预算建议', '财政决定', '理由']));
    const line = sheet.getRow(4);
    expect([line.getCell(4).value, line.getCell(7).value, line.getCell(10).value, line.getCell(11).value, line.getCell(12).value]).toEqual([project, '中', '改进，可适当压减', '已确认', '改进，可适当压减']);
    expect(typeof line.getCell(5).value).toBe('number');
    expect(line.getCell(5).numFmt).toBe('#,##0.00');
    let totalRow = 0;
    sheet.eachRow((r, n) => {
      if (String(r.getCell(1).value).startsWith('合计')) totalRow = n;
    });
    expect(String(sheet.getRow(totalRow).getCell(6).value)).toMatch(/^已决定 1 项，待财政确认 \d+ 项$/);

    // Next year's draft: last year's grade and the confirmed decision beside the project while it is reviewed.
    await page.goto(`${jixiao.baseUrl}/review/${next.documentId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: /^审核：/ }).waitFor();
    const note = page.locator('.rv-project', { hasText: project }).first().getByLabel('上年度结果');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/^2024 年度 自评 [\d.]+ 分 · 中，审核结论 良 · 财政已确认：改进，可适当压减$/);
    await note.scrollIntoViewIfNeeded();
    await shot(page, '4-beside-next-year', false);

    // Changed later with a reason: the confirmation stays in the history, the adjustment counts, also beside 2025.
    await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    await nav.getByRole('link', { name: '结果应用' }).click();
    await chooseOption(page, page.getByRole('combobox', { name: '结果年度' }), '2024 年度');
    await row.getByRole('button', { name: '重新决定' }).click();
    const again = page.getByRole('dialog', { name: `下年度预算建议：${project}` });
    await settled(again);
    expect(await again.getByLabel('此前的决定').innerText()).toMatch(/确认「改进，可适当压减」：执行率仅 50%/);
    await again.getByText('调整为其他建议').click();
    await chooseOption(page, again.getByRole('combobox', { name: '调整后的建议' }), /^压减（/);
    await again.getByRole('textbox', { name: '理由' }).fill('整改报告尚未报送，整改到位前压减');
    await page.screenshot({ path: join(SHOTS_DIR, 'results-use-5-adjusting.png'), fullPage: false });
    await again.getByRole('button', { name: '保存调整' }).click();
    await again.waitFor({ state: 'hidden' });
    await expect.poll(() => row.innerText()).toMatch(/已调整[\s\S]*压减[\s\S]*理由：整改报告尚未报送/);
    await shot(page, '6-adjusted');
    await page.goto(`${jixiao.baseUrl}/review/${next.documentId}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.rv-project', { hasText: project }).first().getByLabel('上年度结果').innerText()).toMatch(/财政已调整：压减$/);

    // The unit sees the same decision beside its own draft.
    await editor.page.goto(`${jixiao.baseUrl}/review/${next.documentId}`, { waitUntil: 'networkidle' });
    await editor.page.locator('.rv-project', { hasText: project }).first().getByLabel('上年度结果').waitFor();

    expect(real(problems)).toEqual([]);
    expect(real(editor.problems)).toEqual([]);
  });
});
