/**
 * Journey (issue 4): 金花街道's editor opens 自评, starts the self-evaluation of its approved 2023 targets (seed 002
 * imported again for the year before, see fixtures/seeds/demo-years.json), types an actual
 * (the indicator's score, the total and the grade change in the browser as it is typed), fills the budget, saves,
 * downloads the pre-filled workbook, fills a value in it (exceljs), uploads a broken copy (errors listed by sheet,
 * row and column, nothing changed) and then the good one (the value and its score appear), edits the 自评报告, and
 * downloads the 项目支出绩效自评表 and the 自评报告 (valid files, figures from the data). Fails on any console error
 * or failed request other than the refused upload; screenshots in $TMPDIR/jixiao-e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { budgetSlots, indicatorSlots, type PerformanceDocument, type SelfEvaluationEntries } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { settled, SHOTS_DIR, useJixiao } from './support';

const jixiao = useJixiao();

/** A browser of its own, signed in as `username` with support.ts's `signIn` (the web client sends the CSRF token itself). */
const signedInPage = (username: string) => jixiao.signedInPage(username, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS_DIR, `self-evaluation-${name}.png`), fullPage: true });

/** An entry the page has something in (an actual or a tier). */
const entered = (e: { actual?: string | null; tier?: string | null } | undefined) => Boolean(e?.actual || e?.tier);

async function download(page: Page, link: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: link }).click()]);
  const path = join(SHOTS_DIR, name);
  await file.saveAs(path);
  return path;
}

describe('self-evaluation of 金花街道 2023', () => {
  it('scores live while typing, saves, round-trips the workbook, and writes the 自评表 and 自评报告', async () => {
    const { page, problems } = await signedInPage('jinhua-editor');
    await page.goto(jixiao.baseUrl, { waitUntil: 'networkidle' });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '自评' }).click();
    await page.getByRole('heading', { name: '绩效自评', exact: true }).waitFor();
    // This year's targets are still a draft: nothing to start on them, and the page says why.
    const draft = page.locator('.ant-table-row', { hasText: '002_71a78aaa1661d207' });
    await draft.getByText('目标未批复').waitFor();
    expect(await draft.getByRole('button', { name: /开始自评/ }).count()).toBe(0);
    const row = page.locator('.ant-table-row', { hasText: '金花街道2023年度项目支出绩效目标表' });
    await row.getByRole('button', { name: /开始自评/ }).click();

    await page.getByRole('heading', { name: '2023 年度绩效自评' }).waitFor();
    const rate = page.getByRole('textbox', { name: '实际完成值 补贴发放率' });
    const score = page.getByTestId('score-u0.p0.i0');
    await expect.poll(() => score.innerText()).toMatch(/待填/);
    await shot(page, '1-started');

    // 补贴发放率 100% with its weight: 80% is partly met, 100% is met — the score follows each keystroke.
    await rate.pressSequentially('80%', { delay: 40 });
    await expect.poll(() => score.innerText()).toMatch(/部分达成[\s\S]*部分达成: 80\/100/);
    await rate.fill('100%');
    await expect.poll(() => score.innerText()).toMatch(/达成[\s\S]*实际 100% = 目标 100%/);
    for (const name of ['补贴发放及时率', '职工满意度指标']) await page.getByRole('textbox', { name: `实际完成值 ${name}` }).fill(name === '职工满意度指标' ? '96%' : '100%');
    const social = page.locator('.ant-table-row', { hasText: '社会效益' }).first();
    await social.getByRole('combobox').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: /^达成$/ }).click();
    await page.getByRole('spinbutton', { name: /^全年预算数 / }).fill('16.56');
    await page.getByRole('spinbutton', { name: /^全年执行数 / }).fill('14.9');
    // 14.9 / 16.56 = 89.98% → 9.00 of 10; every indicator met → 99.00, 优.
    await expect.poll(() => page.getByTestId('total').innerText()).toMatch(/^99/);
    expect(await page.getByTestId('grade').innerText()).toBe('优');
    await shot(page, '2-typed');
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    await page.getByText(/已保存（第 2 版）/).first().waitFor();
    // The header names the rule in words and the save time in Beijing time (UTC+8), to the minute just saved.
    const sub = await page.getByText(/保存于/).first().innerText();
    expect(sub).toContain('评分规则：项目支出绩效自评（财预〔2020〕10号）');
    expect(sub).not.toMatch(/[a-z-]+@\d/);
    const saved = /保存于 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/.exec(sub)?.[1] ?? '';
    const beijingNow = Date.now() + 8 * 3600_000;
    expect(Math.abs(Date.parse(`${saved}:00Z`) - beijingNow)).toBeLessThan(5 * 60_000);

    // The workbook: a broken copy is refused whole, listing each error; the good one is imported.
    const workbook = await download(page, '下载填报表', 'self-evaluation-actuals.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const sheet = book.getWorksheet('实际完成值')!;
    expect(sheet.getRow(4).getCell(9).value).toBe('100%');
    expect(sheet.getRow(4).getCell(1).value).toBe('u0.p0.i0');
    const target5 = sheet.getRow(5).getCell(7).value;
    sheet.getRow(4).getCell(9).value = '98%';
    sheet.getRow(5).getCell(7).value = '≥50%';
    const broken = join(SHOTS_DIR, 'self-evaluation-actuals-broken.xlsx');
    await book.xlsx.writeFile(broken);
    await page.locator('input[type=file]').setInputFiles(broken);
    const errors = page.getByRole('list', { name: '填报表错误' });
    await errors.waitFor();
    expect(await errors.innerText()).toMatch(/「实际完成值」工作表第 5 行 G 列：年度指标值被改成了「≥50%」/);
    await shot(page, '3-refused-upload');
    expect(await rate.inputValue()).toBe('100%');

    sheet.getRow(5).getCell(7).value = target5;
    const filled = join(SHOTS_DIR, 'self-evaluation-actuals-filled.xlsx');
    await book.xlsx.writeFile(filled);
    await page.locator('input[type=file]').setInputFiles(filled);
    await page.getByText(/填报表已导入/).first().waitFor();
    await expect.poll(() => rate.inputValue()).toBe('98%');
    await expect.poll(() => score.innerText()).toMatch(/部分达成[\s\S]*部分达成: 98\/100/);
    await expect.poll(() => page.getByTestId('total').innerText()).not.toMatch(/^99/);
    await shot(page, '4-uploaded');

    // The report: drafted from the data (补贴发放率 98% of 100% is a problem), edited, saved with the revision.
    await page.getByRole('tab', { name: '自评报告' }).click();
    const problemsBox = page.getByRole('textbox', { name: '报告 三、存在的主要问题' });
    await expect.poll(() => problemsBox.inputValue()).toMatch(/「补贴发放率」目标 100%、实际完成 98%/);
    await problemsBox.fill('（一）补贴发放率未达 100%：有 1 名人员离职，补贴未发放。');
    await page.getByRole('button', { name: '保存自评报告' }).click();
    await page.getByText('自评报告已保存').first().waitFor();
    await shot(page, '5-report');

    const table = await download(page, '下载自评表', 'self-evaluation-project-table.xlsx');
    const check = new ExcelJS.Workbook();
    await check.xlsx.readFile(table);
    const cells: string[] = [];
    check.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining(['项目支出绩效自评表', '（2023年度）', '98%', '89.98%']));
    const report = await download(page, '下载自评报告', 'self-evaluation-report.docx');
    expect([...readFileSync(report).subarray(0, 2)]).toEqual([0x50, 0x4b]);

    await page.getByRole('tab', { name: /已保存的评分/ }).click();
    await page.getByRole('button', { name: '评分并保存' }).click();
    await page.getByText(/已保存评分：.*按「项目支出绩效自评（财预〔2020〕10号）/).first().waitFor();
    await shot(page, '6-kept-score');

    // The rest of the document filled in (every line the page would ask for), submitted from the page's API, accepted
    // by finance and published: anyone then opens the result on 信息公开, with its score per indicator.
    const evaluationId = Number(new URL(page.url()).pathname.split('/').pop());
    const current = (await (await page.request.get(`${jixiao.baseUrl}/api/self-evaluations/${evaluationId}`)).json()) as { revision: number; target: PerformanceDocument; entries: SelfEvaluationEntries };
    const entries: SelfEvaluationEntries = {
      indicators: Object.fromEntries(indicatorSlots(current.target).map((slot) => [slot.key, entered(current.entries.indicators[slot.key]) ? current.entries.indicators[slot.key]! : { tier: 'achieved' as const }])),
      budgets: Object.fromEntries(
        budgetSlots(current.target).map((slot) => [slot.key, current.entries.budgets[slot.key]?.spent != null ? current.entries.budgets[slot.key]! : { adjusted: slot.planned ?? 100, spent: slot.planned ?? 100 }]),
      ),
    };
    const filledIn = await page.request.put(`${jixiao.baseUrl}/api/self-evaluations/${evaluationId}/entries`, { data: { baseRevision: current.revision, entries }, headers: await jixiao.csrf(page) });
    expect(filledIn.status()).toBe(200);
    const submitted = await page.request.post(`${jixiao.baseUrl}/api/self-evaluations/${evaluationId}/submit`, { data: { baseRevision: ((await filledIn.json()) as { revision: number }).revision }, headers: await jixiao.csrf(page) });
    expect(submitted.status()).toBe(200);
    const kept = ((await (await page.request.get(`${jixiao.baseUrl}/api/self-evaluations/${evaluationId}/scores`)).json()) as { items: Array<{ total: number | null }> }).items.at(-1)!;
    // The unit head signs it off on the page, after a confirmation; then finance accepts it.
    const head = await signedInPage('jinhua-approver');
    await head.page.goto(`${jixiao.baseUrl}/self-evaluation/${evaluationId}`, { waitUntil: 'networkidle' });
    await head.page.getByRole('button', { name: '单位审核通过，报送财政' }).click();
    const confirm = head.page.locator('.ant-modal-confirm');
    await settled(confirm);
    await confirm.getByRole('button', { name: /^确\s?定$/ }).click();
    await expect.poll(() => head.page.getByTestId('evaluation-workflow-status').innerText()).toBe('审核中');
    await shot(head.page, '6b-unit-signed-off');
    expect(head.problems).toEqual([]);
    const reviewer = await signedInPage('finance-reviewer');
    expect((await reviewer.page.request.post(`${jixiao.baseUrl}/api/evaluations/${evaluationId}/workflow/accept`, { data: {}, headers: await jixiao.csrf(reviewer.page) })).status()).toBe(200);
    expect((await reviewer.page.request.post(`${jixiao.baseUrl}/api/evaluations/${evaluationId}/publication`, { headers: await jixiao.csrf(reviewer.page) })).status()).toBe(200);
    const resident = await jixiao.signedInPage(null);
    await resident.page.goto(`${jixiao.baseUrl}/public`, { waitUntil: 'networkidle' });
    await resident.page.getByRole('link', { name: /（2023）$/ }).first().click();
    await resident.page.getByRole('heading', { name: /2023 年度自评结果/ }).waitFor();
    await resident.page.getByText('街消毒站病媒生物防治专职人员补贴').first().waitFor();
    // One total when there is one; several projects are each scored (R7), so the page gives the range of their scores.
    expect(await resident.page.locator('.stat').first().innerText()).toMatch(kept.total === null ? /各项目得分\s*[\d.]+(–[\d.]+)?分/ : new RegExp(`自评总分\\s*${kept.total}`));
    expect(await resident.page.locator('.ant-table-row', { hasText: '补贴发放率' }).first().innerText()).toMatch(/部分达成/);
    await shot(resident.page, '7-public');

    // 撤回公开 from the self-evaluation page, with a reason: the result is no longer on 信息公开.
    await reviewer.page.goto(`${jixiao.baseUrl}/self-evaluation/${evaluationId}`, { waitUntil: 'networkidle' });
    await reviewer.page.getByRole('button', { name: '撤回公开' }).click();
    const dialog = reviewer.page.getByRole('dialog', { name: '撤回公开：理由' });
    await dialog.getByRole('textbox').fill('自评得分需更正');
    await dialog.getByRole('button', { name: '撤回公开' }).click();
    await reviewer.page.getByRole('button', { name: '公开自评结果' }).waitFor();
    await resident.page.goto(`${jixiao.baseUrl}/public/self-evaluations/${evaluationId}`, { waitUntil: 'networkidle' });
    await resident.page.getByText(/找不到/).first().waitFor();
    expect(resident.problems.filter((p) => !/404/.test(p))).toEqual([]);

    // The refused upload answered 400 on purpose; reads the page itself cancelled when it moved on (its AbortController)
    // are not failures. Nothing else may have failed.
    const unexpected = problems.filter((p) => !/HTTP 400 .*actuals\.xlsx$/.test(p) && !/status of 400/.test(p) && !/^request failed: \S+\/api\/\S+ net::ERR_ABORTED$/.test(p));
    expect(unexpected).toEqual([]);
  });
});
