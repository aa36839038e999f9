/**
 * The self-evaluation API in-process (`app.request`) against a real PGlite store seeded with the demo documents,
 * signed in as a demo account: start on 金花街道's targets (seed 002), save, a stale save (409 naming who saved),
 * keep a score, the workbook down and up — an upload with errors is 400 listing sheet/row/column and changes
 * nothing —, the 项目自评表 and the 自评报告; seed 003 imported scores its key-indicator table as stated (49.5); the
 * workflow: submit refused with what is missing, then in the history and the audit trail, saves refused once
 * submitted or in a locked year, signed off by the unit head, returned by the finance bureau and saved again, accepted.
 */
import { rmSync } from 'node:fs';
import {
  actualsUploadDtoSchema,
  auditEntryDtoSchema,
  documentSummaryDtoSchema,
  errorDtoSchema,
  evaluationWorkflowDtoSchema,
  keptScoreDtoSchema,
  listOf,
  pageOf,
  selfEvaluationDtoSchema,
  type SelfEvaluationDto,
} from '@jixiao/contract';
import { budgetSlots, indicatorSlots, type PerformanceDocument } from '@jixiao/core';
import { DEMO_PASSWORD } from '@jixiao/services';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let headers: Record<string, string> = {};
/** 金花街道's approved 2023 targets (the demo's last year). */
let jinhua: number;
/** 金花街道's 2024 targets: a draft never approved. */
let jinhuaDraft: number;
let seed003: number;

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  return app.request(path, init);
}

async function evaluation(method: string, path: string, body?: unknown, status = 200): Promise<SelfEvaluationDto> {
  const res = await send(method, path, body);
  const json = await res.json();
  expect({ status: res.status, json }).toMatchObject({ status });
  return selfEvaluationDtoSchema.parse(json);
}

async function failure(method: string, path: string, body: unknown, status: number) {
  const res = await send(method, path, body);
  expect(res.status).toBe(status);
  return errorDtoSchema.parse(await res.json()).error;
}

/** The headers of a demo account's session (cookie and CSRF token), as the sign-in page would get them. */
async function signIn(username: string): Promise<Record<string, string>> {
  const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { Cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, 'X-CSRF-Token': csrfToken };
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-self-eval-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  headers = await signIn('admin');
  const docs = listOf(documentSummaryDtoSchema).parse(await (await send('GET', '/api/documents')).json());
  jinhua = docs.items.find((d) => d.fileName === '金花街道2023年度项目支出绩效目标表.txt')!.id;
  jinhuaDraft = docs.items.find((d) => d.fileName?.startsWith('002_'))!.id;
  seed003 = docs.items.find((d) => d.fileName?.startsWith('003_'))!.id;
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the self-evaluation API', () => {
  let id: number;

  it('refuses to start on targets never approved (409), saying what to do', async () => {
    const refused = await failure('POST', '/api/self-evaluations', { documentId: jinhuaDraft, year: 2024 }, 409);
    expect(refused.message).toContain('这份绩效目标尚未批复（当前为「草稿」），不能开始绩效自评');
    expect(listOf(documentSummaryDtoSchema.pick({ id: true })).parse(await (await send('GET', `/api/self-evaluations?documentId=${jinhuaDraft}`)).json()).items).toEqual([]);
  });

  it('starts a self-evaluation on the approved targets, lists it, and saves entries on the revision', async () => {
    const started = await evaluation('POST', '/api/self-evaluations', { documentId: jinhua, year: 2023 }, 201);
    id = started.id;
    expect(started).toMatchObject({ documentId: jinhua, period: '2023', revision: 1, scope: 'project', createdBy: '系统管理员' });
    expect(started.ruleSet.ref).toBe('cn-project-self-evaluation@1');
    const list = listOf(documentSummaryDtoSchema.pick({ id: true })).parse(await (await send('GET', `/api/self-evaluations?documentId=${jinhua}`)).json());
    expect(list.items.map((x) => x.id)).toEqual([id]);
    const again = await failure('POST', '/api/self-evaluations', { documentId: jinhua, year: 2023 }, 409);
    expect(again.message).toMatch(/已经存在/);

    const saved = await evaluation('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: 1, entries: { indicators: { 'u0.p0.i0': { actual: '100%' } }, budgets: { 'u0.p0': { adjusted: 10, spent: 9 } } } });
    expect(saved.revision).toBe(2);
    expect(saved.updatedBy).toBe('系统管理员');
    const stale = await failure('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: 1, entries: { indicators: {}, budgets: {} } }, 409);
    expect(stale.message).toMatch(/已由 系统管理员 于 .* 修改（第 2 版）/);
    const bad = await failure('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: 2, entries: { indicators: { 'u0.p0.i0': { actual: '100%', score: -1 } }, budgets: {} } }, 400);
    expect(bad.message).toMatch(/u0\.p0\.i0\.score太小/);
  });

  it('keeps a score with its rule set and lists the kept scores', async () => {
    const res = await send('POST', `/api/self-evaluations/${id}/scores`, {});
    expect(res.status).toBe(201);
    expect(keptScoreDtoSchema.parse(await res.json())).toMatchObject({ ruleSet: 'cn-project-self-evaluation@1', evaluationRevision: 2, scoredBy: '系统管理员' });
    const old = await send('POST', `/api/self-evaluations/${id}/scores`, { ruleSet: 'cn-department-self-evaluation@1' });
    expect(old.status).toBe(400);
    const kept = listOf(keptScoreDtoSchema).parse(await (await send('GET', `/api/self-evaluations/${id}/scores`)).json());
    expect(kept.items).toHaveLength(1);
  });

  it('downloads the workbook; an upload with errors is 400 listing sheet, row and column and changes nothing; a good one saves', async () => {
    const res = await send('GET', `/api/self-evaluations/${id}/actuals.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''.*\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const ws = book.getWorksheet('实际完成值')!;
    expect(ws.getRow(4).getCell(9).value).toBe('100%');
    ws.getRow(4).getCell(7).value = '≥0次';
    ws.getRow(5).getCell(9).value = '好多';
    const upload = async (): Promise<Response> => {
      const form = new FormData();
      form.set('file', new File([await book.xlsx.writeBuffer()], '填报表.xlsx'));
      return send('POST', `/api/self-evaluations/${id}/actuals.xlsx`, form);
    };
    const refused = await upload();
    expect(refused.status).toBe(400);
    const error = errorDtoSchema.parse(await refused.json()).error;
    expect(error.message).toMatch(/填报表\.xlsx 未导入（共 2 处错误/);
    const details = error.details as { errors: Array<{ sheet: string; row: number; column: string }> };
    expect(details.errors.map((e) => `${e.sheet}!${e.column}${e.row}`)).toEqual(['实际完成值!G4', '实际完成值!I5']);
    expect((await evaluation('GET', `/api/self-evaluations/${id}`)).revision).toBe(2);

    const original = await new ExcelJS.Workbook().xlsx.load(await (await send('GET', `/api/self-evaluations/${id}/actuals.xlsx`)).arrayBuffer());
    ws.getRow(4).getCell(7).value = original.getWorksheet('实际完成值')!.getRow(4).getCell(7).value;
    ws.getRow(5).getCell(9).value = '';
    ws.getRow(4).getCell(9).value = '98%';
    const ok = await upload();
    expect(ok.status).toBe(200);
    const uploaded = actualsUploadDtoSchema.parse(await ok.json());
    expect(uploaded.evaluation.revision).toBe(3);
    expect(uploaded.evaluation.entries.indicators['u0.p0.i0']?.actual).toBe('98%');
  });

  it('downloads the 项目支出绩效自评表 and the 自评报告; the 部门 table is refused for a project evaluation', async () => {
    const table = await send('GET', `/api/self-evaluations/${id}/project-table.xlsx`);
    expect(table.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await table.arrayBuffer());
    expect(book.worksheets.length).toBeGreaterThan(1);
    const first = book.worksheets[0]!;
    const texts: string[] = [];
    first.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('项目支出绩效自评表');
    expect(texts).toContain('90.00%');
    const report = await send('GET', `/api/self-evaluations/${id}/report.docx`);
    expect(report.status).toBe(200);
    expect(new Uint8Array(await report.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const wrong = await failure('GET', `/api/self-evaluations/${id}/department-table.xlsx`, undefined, 400);
    expect(wrong.message).toMatch(/项目支出绩效自评，不能导出部门整体支出绩效自评表/);
  });

  it('saves the edited report on the revision; a stale report save is 409', async () => {
    const current = await evaluation('GET', `/api/self-evaluations/${id}`);
    const heading = current.report.sections.find((s) => s.heading.includes('存在的主要问题'))!.heading;
    const edited = await evaluation('PUT', `/api/self-evaluations/${id}/report`, { baseRevision: current.revision, report: { sections: { [heading]: '（一）项目推进偏慢。' } } });
    expect(edited.report.sections.find((s) => s.heading === heading)).toMatchObject({ edited: true, text: '（一）项目推进偏慢。' });
    await failure('PUT', `/api/self-evaluations/${id}/report`, { baseRevision: current.revision, report: { sections: {} } }, 409);
  });

  it('seed 003 imported as a self-evaluation: key-indicator table 49.5 of 50', async () => {
    const started = await evaluation('POST', '/api/self-evaluations', { documentId: seed003, year: 2021 }, 201);
    expect(started.scope).toBe('department');
    expect((started.score as { department: { keyTasksScore: number } }).department.keyTasksScore).toBe(49.5);
  });

  it('a person outside 金花街道 neither lists nor opens its self-evaluation; a reviewer may not edit one', async () => {
    const admin = headers;
    try {
      headers = await signIn('third-party');
      const list = listOf(documentSummaryDtoSchema.pick({ id: true })).parse(await (await send('GET', '/api/self-evaluations')).json());
      expect(list.items.map((x) => x.id)).not.toContain(id);
      expect(list.items.length).toBeGreaterThan(0);
      await failure('GET', `/api/self-evaluations/${id}`, undefined, 404);
      headers = await signIn('finance-reviewer');
      expect((await evaluation('GET', `/api/self-evaluations/${id}`)).id).toBe(id);
      await failure('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: 1, entries: { indicators: {}, budgets: {} } }, 403);
    } finally {
      headers = admin;
    }
  });

  it('submits through the workflow: refused with what is missing; then no saves; returned with a reason and saved again; a locked year refuses naming who locked it; accepted', async () => {
    const admin = headers;
    try {
      headers = await signIn('jinhua-editor');
      let current = await evaluation('GET', `/api/self-evaluations/${id}`);
      const missing = await failure('POST', `/api/self-evaluations/${id}/submit`, { baseRevision: current.revision }, 400);
      expect(missing.code).toBe('BAD_INPUT');
      expect(missing.message).toMatch(/^还不能提交：\d+ 项尚未填完——「.+」/);
      expect((missing.details as { incomplete: unknown[] }).incomplete.length).toBeGreaterThan(5);

      // Fill every line: a tier for each indicator, the figures of each budget line.
      const target = current.target as unknown as PerformanceDocument;
      const indicators = Object.fromEntries(indicatorSlots(target).map((slot) => [slot.key, { ...current.entries.indicators[slot.key], tier: 'achieved' as const }]));
      const budgets = Object.fromEntries(budgetSlots(target).map((slot) => [slot.key, { adjusted: slot.planned ?? 100, spent: Math.round((slot.planned ?? 100) * 95) / 100 }]));
      current = await evaluation('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: current.revision, entries: { indicators, budgets } });
      expect(current.updatedBy).toBe('金花街道填报人');
      const scoresBefore = current.scores.length;
      const submitted = await evaluation('POST', `/api/self-evaluations/${id}/submit`, { baseRevision: current.revision });
      expect(submitted).toMatchObject({ status: 'submitted', revision: current.revision + 1 });
      expect(submitted.scores).toHaveLength(scoresBefore + 1);
      expect(submitted.scores.at(-1)).toMatchObject({ evaluationRevision: submitted.revision, ruleSet: 'cn-project-self-evaluation@1', scoredBy: '金花街道填报人' });

      const workflow = async () => evaluationWorkflowDtoSchema.parse(await (await send('GET', `/api/evaluations/${id}/workflow`)).json());
      expect((await workflow()).history).toMatchObject([{ action: 'submit', from: 'draft', to: 'submitted', by: { displayName: '金花街道填报人' } }]);
      const reviewer = await signIn('finance-reviewer');
      const audit = async () => {
        const res = await app.request(`/api/audit?objectType=evaluation&objectId=${id}`, { headers: reviewer });
        return pageOf(auditEntryDtoSchema).parse(await res.json()).items;
      };
      expect((await audit()).find((e) => e.action === 'workflow.self-evaluation.submit')).toMatchObject({ actor: { username: 'jinhua-editor' }, before: { status: 'draft' }, after: { status: 'submitted' } });

      // Submitted: entries, report and workbook are all refused (409) and nothing changes.
      const afterSubmit = await failure('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: submitted.revision, entries: { indicators: {}, budgets: {} } }, 409);
      expect(afterSubmit.message).toMatch(/当前为「已提交」/);
      await failure('PUT', `/api/self-evaluations/${id}/report`, { baseRevision: submitted.revision, report: { sections: {} } }, 409);
      const workbook = await send('GET', `/api/self-evaluations/${id}/actuals.xlsx`);
      const form = new FormData();
      form.set('file', new File([await workbook.arrayBuffer()], '填报表.xlsx'));
      await failure('POST', `/api/self-evaluations/${id}/actuals.xlsx`, form, 409);
      expect(await evaluation('GET', `/api/self-evaluations/${id}`)).toMatchObject({ revision: submitted.revision, status: 'submitted', entries: submitted.entries });

      // The unit head signs it off to the finance bureau (the bureau cannot accept it before), which returns it with a
      // reason: the unit can save again.
      const asReviewer = (method: string, path: string, body: unknown) => app.request(path, { method, headers: { ...reviewer, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      const approver = await signIn('jinhua-approver');
      const asApprover = (path: string) => app.request(path, { method: 'POST', headers: { ...approver, 'Content-Type': 'application/json' }, body: '{}' });
      expect((await asReviewer('POST', `/api/evaluations/${id}/workflow/accept`, {})).status).toBe(409);
      const signedOff = evaluationWorkflowDtoSchema.parse(await (await asApprover(`/api/evaluations/${id}/workflow/approve-unit`)).json());
      expect(signedOff).toMatchObject({ status: 'in-review', statusLabel: '审核中', revision: submitted.revision + 1 });
      const returned = evaluationWorkflowDtoSchema.parse(await (await asReviewer('POST', `/api/evaluations/${id}/workflow/return`, { reason: '第一个项目的完成值缺少佐证' })).json());
      expect(returned).toMatchObject({ status: 'returned', revision: submitted.revision + 2 });
      const heading = submitted.report.sections[0]!.heading;
      const resaved = await evaluation('PUT', `/api/self-evaluations/${id}/report`, { baseRevision: returned.revision, report: { sections: { [heading]: '已补充佐证材料。' } } });
      expect(resaved).toMatchObject({ status: 'returned', revision: returned.revision + 1 });

      // A locked year: saves are refused naming who locked it, and nothing changes.
      expect((await asReviewer('PUT', '/api/period-locks', { period: '2023', locked: true, reason: '年度决算' })).status).toBe(200);
      const locked = await failure('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: resaved.revision, entries: { indicators: {}, budgets: {} } }, 409);
      expect(locked.message).toMatch(/2023 已由 区财政局审核人 于 .*锁定（年度决算）/);
      expect((await failure('POST', `/api/self-evaluations/${id}/submit`, { baseRevision: resaved.revision }, 409)).message).toContain('2023 已由 区财政局审核人');
      expect((await evaluation('GET', `/api/self-evaluations/${id}`)).revision).toBe(resaved.revision);
      expect((await asReviewer('PUT', '/api/period-locks', { period: '2023', locked: false, reason: '补充佐证' })).status).toBe(200);

      // A stale page cannot submit what it did not see.
      await failure('POST', `/api/self-evaluations/${id}/submit`, { baseRevision: returned.revision }, 409);
      expect(await evaluation('POST', `/api/self-evaluations/${id}/submit`, { baseRevision: resaved.revision })).toMatchObject({ status: 'submitted' });
      expect((await asApprover(`/api/evaluations/${id}/workflow/approve-unit`)).status).toBe(200);
      expect(evaluationWorkflowDtoSchema.parse(await (await asReviewer('POST', `/api/evaluations/${id}/workflow/accept`, {})).json()).status).toBe('done');
      const history = (await workflow()).history;
      expect(history.map((t) => `${t.action}:${t.toLabel}`)).toEqual(['submit:已提交', 'approve-unit:审核中', 'return:退回', 'submit:已提交', 'approve-unit:审核中', 'accept:已完成']);
      expect(history[2]).toMatchObject({ reason: '第一个项目的完成值缺少佐证', by: { displayName: '区财政局审核人' } });
      expect((await failure('PUT', `/api/self-evaluations/${id}/entries`, { baseRevision: resaved.revision + 3, entries: { indicators: {}, budgets: {} } }, 409)).message).toContain('已完成');
      const actions = (await audit()).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['workflow.self-evaluation.submit', 'workflow.self-evaluation.approve-unit', 'workflow.self-evaluation.return', 'workflow.self-evaluation.accept', 'self-evaluation.save', 'self-evaluation.save-report']));
    } finally {
      headers = admin;
    }
  });
});
