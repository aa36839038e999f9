/**
 * 数据看板 in-process against the demo data on PGlite: 金花街道's approved 2023 targets monitored at July give budget
 * execution against 序时进度 and lights; 2024's approved and draft targets give review conclusions and the checks
 * that fire most; the imported 自评表 give scores. District-wide for finance, one department for the unit roles,
 * another department's id refused; one chart's data as a workbook read back.
 */
import { rmSync } from 'node:fs';
import { dashboardDtoSchema, type DashboardDto } from '@jixiao/contract/dashboard';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';
import { signedIn, type SignedInClient } from '../testing/signed-in';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
const clients: Record<string, SignedInClient> = {};

async function dashboard(role: string, query = ''): Promise<DashboardDto> {
  const res = await clients[role]!.send('GET', `/api/dashboard${query}`);
  expect(res.status).toBe(200);
  return dashboardDtoSchema.parse(res.body);
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-dashboard-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx);
  for (const role of ['unit-editor', 'finance-reviewer', 'admin'] as const) clients[role] = await signedIn(app, role);
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/dashboard', () => {
  it('needs a session', async () => {
    expect((await app.request('/api/dashboard')).status).toBe(401);
    expect((await app.request('/api/dashboard/export.xlsx?chart=lights')).status).toBe(401);
  });

  it('shows 2023 district-wide: 金花街道 monitored at July against 序时进度 58.33%, its lights, conclusion and stated score', async () => {
    const d = await dashboard('finance-reviewer', '?year=2023');
    expect(d.years).toEqual(expect.arrayContaining([2023, 2024]));
    expect(d.department).toBeNull();
    const [jinhua] = d.execution;
    expect(d.execution).toHaveLength(1);
    expect(jinhua!.label).toContain('金花街道');
    expect(jinhua).toMatchObject({ cutoffMonth: 7, timeProgress: 58.33, reports: 1 });
    expect(jinhua!.budgetWan).toBeGreaterThan(0);
    expect(jinhua!.executionRate).toBeCloseTo((jinhua!.spentWan! / jinhua!.budgetWan!) * 100, 1);
    expect(jinhua!.gap).toBeCloseTo(jinhua!.executionRate! - 58.33, 2);
    const lights = d.lights[0]!;
    expect(lights.departmentId).toBe(jinhua!.departmentId);
    expect(lights.red + lights.yellow + lights.green + lights.blue).toBeGreaterThan(10);
    expect(d.conclusions).toMatchObject({ reviewed: 1, of: 1 });
    const row = d.conclusions.rows[0]!;
    expect(row.优 + row.良 + row.中 + row.差).toBe(1);
    expect(d.scores.find((s) => s.departmentId === jinhua!.departmentId)).toMatchObject({ year: 2023, source: '自评表填报' });
    // The checks are named in Chinese and ranked by how often they fire.
    expect(d.checks.length).toBeGreaterThan(3);
    expect(d.checks.every((c) => /[\u4e00-\u9fa5]/.test(c.name) && c.documents >= 1)).toBe(true);
    expect(d.checks.map((c) => c.count)).toEqual(d.checks.map((c) => c.count).sort((a, b) => b - a));
  });

  it('defaults to the latest year with data and counts one conclusion per approved or draft target document', async () => {
    const d = await dashboard('admin');
    expect(d.year).toBe(Math.max(...d.years));
    const documents = (await ctx.store.documents.listDocuments({ year: d.year! })).filter((x) => x.kind.includes('targets'));
    const counted = d.conclusions.rows.reduce((n, r) => n + r.优 + r.良 + r.中 + r.差, 0);
    expect(counted).toBe(documents.length);
    expect(d.conclusions.of).toBe(documents.length);
  });

  it('drills into 金花街道: a row per project with a link to its page, the lights of the report', async () => {
    const district = await dashboard('finance-reviewer', '?year=2023');
    const id = district.execution[0]!.departmentId!;
    const d = await dashboard('finance-reviewer', `?year=2023&departmentId=${id}`);
    expect(d.department).toMatchObject({ id });
    expect(d.execution.length).toBeGreaterThan(3);
    expect(d.execution.every((r) => r.documentId !== null && r.evaluationId !== null)).toBe(true);
    expect(d.execution.filter((r) => r.projectId !== null).length).toBeGreaterThan(0);
    const project = d.execution.find((r) => r.projectId !== null)!;
    expect((await clients['finance-reviewer']!.send('GET', `/api/projects/${project.projectId}`)).status).toBe(200);
    // The projects add up to the department's 合计.
    const sum = d.execution.reduce((n, r) => n + (r.budgetWan ?? 0), 0);
    expect(sum).toBeCloseTo(district.execution[0]!.budgetWan!, 4);
    expect(d.lights).toHaveLength(1);
  });

  it('shows a unit its own department only, and refuses another department as not found', async () => {
    const editor = await dashboard('unit-editor', '?year=2024');
    const own = clients['unit-editor']!.user.departmentId!;
    expect(editor.conclusions.rows.map((r) => r.departmentId)).toEqual([own]);
    const other = (await ctx.store.catalog.listDepartmentNames()).find((x) => x.id !== own)!;
    expect((await clients['unit-editor']!.send('GET', `/api/dashboard?departmentId=${other.id}`)).status).toBe(404);
    expect((await clients['unit-editor']!.send('GET', `/api/dashboard/export.xlsx?chart=execution&departmentId=${other.id}`)).status).toBe(404);
  });

  it('exports one chart as a workbook with the figures of the page, and refuses an unknown chart', async () => {
    const d = await dashboard('finance-reviewer', '?year=2023');
    const res = await clients['finance-reviewer']!.request('/api/dashboard/export.xlsx?year=2023&chart=execution');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toContain('预算执行与序时进度');
    expect(sheet.getCell(2, 2).value).toBe('全年预算数（万元）');
    expect(sheet.getCell(3, 1).value).toBe(d.execution[0]!.label);
    expect(sheet.getCell(3, 2).value).toBe(d.execution[0]!.budgetWan);
    expect(sheet.getCell(3, 2).numFmt).toBe('#,##0.00');
    expect((await clients['finance-reviewer']!.request('/api/dashboard/export.xlsx?chart=pie')).status).toBe(400);
  });
});
