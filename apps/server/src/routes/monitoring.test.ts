/**
 * The monitoring API in-process (`app.request`) against a real PGlite store seeded with the demo documents and the
 * demo monitoring report (金花街道's approved 2023 targets, seed 002, at July), signed in as 金花街道's editor: list, start, a line turned
 * yellow by a save, submit refused while its reasons are missing, a stale save refused (409) naming who saved last,
 * the workflow (submit in the history and the audit trail, return by the finance bureau, a locked month, accept),
 * the .xlsx/.docx downloads, and the Chinese errors.
 */
import { rmSync } from 'node:fs';
import {
  auditEntryDtoSchema,
  documentSummaryDtoSchema,
  errorDtoSchema,
  evaluationWorkflowDtoSchema,
  listOf,
  monitoringReportDtoSchema,
  monitoringSummaryDtoSchema,
  monitoringWarningsDtoSchema,
  pageOf,
  type MonitoringReportDto,
} from '@jixiao/contract';
import { DEMO_PASSWORD } from '@jixiao/services';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { signedIn } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let documentId: number;
/** 金花街道's 2024 targets, a draft never approved. */
let draftId: number;
let headers: Record<string, string> = {};

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const init: RequestInit = { method, headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) } };
  const res = await app.request(path, body === undefined ? init : { ...init, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function report(method: string, path: string, body?: unknown, status = 200): Promise<MonitoringReportDto> {
  const res = await send(method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.body)}`);
  return monitoringReportDtoSchema.parse(res.body);
}

async function failure(method: string, path: string, body: unknown, status: number): Promise<{ code: string; message: string; details?: unknown }> {
  const res = await send(method, path, body);
  expect(res.status).toBe(status);
  return errorDtoSchema.parse(res.body).error;
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-monitoring-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  const signIn = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'jinhua-editor', password: DEMO_PASSWORD }) });
  const session = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  headers = { Cookie: cookie, 'X-CSRF-Token': session.csrfToken };
  const docs = listOf(documentSummaryDtoSchema).parse((await send('GET', '/api/documents')).body);
  const jinhua = docs.items.find((d) => d.fileName === '金花街道2023年度项目支出绩效目标表.txt');
  if (!jinhua) throw new Error('金花街道’s approved 2023 targets were not seeded');
  draftId = docs.items.find((d) => d.fileName?.startsWith('002_'))!.id;
  documentId = jinhua.id;
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the monitoring API', () => {
  it('lists the demo report of 金花街道 at July, with a mix of lights and what is still missing', async () => {
    const list = listOf(monitoringSummaryDtoSchema).parse((await send('GET', `/api/monitoring?documentId=${documentId}`)).body);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ period: '2023-07', cutoffMonth: 7, year: 2023, status: 'draft', createdBy: '演示数据' });
    const r = await report('GET', `/api/monitoring/${list.items[0]!.id}`);
    expect(r.ruleSet.ref).toBe('cn-monitoring@2');
    expect(r.result.timeProgress).toBe(58.33);
    const byName = new Map(r.result.budgetLines.map((l) => [l.project, l]));
    expect(byName.get('社区居民活动费')).toMatchObject({ light: 'red', missing: [] });
    expect(byName.get('家庭综合服务中心经费')).toMatchObject({ light: 'yellow', missing: [] });
    expect(byName.get('陈家祠广场安全服务管养经费')).toMatchObject({ light: 'yellow' });
    expect(byName.get('陈家祠广场安全服务管养经费')!.missing.length).toBeGreaterThan(0);
    expect(r.result.counts.green).toBeGreaterThan(10);
    // The whole, summed in fen: the 24 projects of the excerpt (pages 1–5), not the unit's stated 3,111.77.
    const fen = r.result.budgetLines.reduce((sum, l) => sum + Math.round(l.budget! * 100), 0);
    expect(r.result.total.budget).toBe(fen / 100);
    expect(r.result.total.budget).toBe(2316.05);
  });

  it('starts a report at another month (201) and refuses the same month twice (409)', async () => {
    const started = await report('POST', '/api/monitoring', { documentId, cutoffMonth: 6 }, 201);
    expect(started).toMatchObject({ period: '2023-06', cutoffMonth: 6, revision: 1, createdBy: '金花街道填报人', status: 'draft' });
    expect(started.result.timeProgress).toBe(50);
    expect(started.result.incomplete.length).toBeGreaterThan(24);
    expect(await failure('POST', '/api/monitoring', { documentId, cutoffMonth: 6 }, 409)).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已经存在') });
    expect((await failure('POST', '/api/monitoring', { documentId, cutoffMonth: 13 }, 400)).message).toContain('截止月份太大（最大 12）');
  });

  it('refuses to start on targets never approved (409), saying what to do, and writes nothing', async () => {
    const before = listOf(monitoringSummaryDtoSchema).parse((await send('GET', '/api/monitoring')).body).items.length;
    const refused = await failure('POST', '/api/monitoring', { documentId: draftId, cutoffMonth: 7 }, 409);
    expect(refused.message).toContain('这份绩效目标尚未批复（当前为「草稿」），不能开始运行监控');
    expect(listOf(monitoringSummaryDtoSchema).parse((await send('GET', '/api/monitoring')).body).items).toHaveLength(before);
  });

  it('a save turns a line yellow; submit is refused naming it until its reasons are given; a stale save is 409', async () => {
    const list = listOf(monitoringSummaryDtoSchema).parse((await send('GET', `/api/monitoring?documentId=${documentId}`)).body);
    const june = list.items.find((r) => r.period === '2023-06')!;
    let r = await report('GET', `/api/monitoring/${june.id}`);
    // Every project spent exactly half by June (on schedule), except one at 35%: ratio 70 → yellow.
    const budget = Object.fromEntries(r.result.budgetLines.map((l) => [l.key, { spent: l.project === '办公场地租赁费' ? 21.28 : Math.round(l.budget! * 50) / 100 }]));
    const indicators = Object.fromEntries(r.result.indicatorLines.filter((l) => !l.yearEnd).map((l) => [l.key, l.mode === 'qualitative' ? { tier: 'achieved' as const } : { actual: l.expected }]));
    r = await report('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 1, entries: { budget, indicators } });
    const rent = r.result.budgetLines.find((l) => l.project === '办公场地租赁费')!;
    expect(rent).toMatchObject({ executionRate: 35, ratio: 70, light: 'yellow', spent: 21.28 });
    expect(r.revision).toBe(2);
    expect(r.result.incomplete.map((l) => l.key)).toEqual([rent.key]);

    const refused = await failure('POST', `/api/monitoring/${june.id}/submit`, { baseRevision: 2 }, 400);
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.message).toMatch(/还不能提交：1 行尚未填完——预算执行「办公场地租赁费」：缺偏差原因/);

    const stale = await failure('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 1, entries: { budget } }, 409);
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('金花街道填报人');
    expect(stale.details).toMatchObject({ revision: 2, updatedBy: '金花街道填报人' });

    const deviation = { reason: '经费保障', explanation: '租金按半年支付，7 月付清', likelihood: '确定能', measures: ['调整执行计划'] };
    r = await report('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 2, entries: { budget: { ...budget, [rent.key]: { spent: 21.28, deviation } }, indicators } });
    expect(r.result.incomplete).toEqual([]);
    const submitted = await report('POST', `/api/monitoring/${june.id}/submit`, { baseRevision: 3 });
    expect(submitted).toMatchObject({ status: 'submitted', revision: 4 });
    const scores = await ctx.store.evaluations.listScores(june.id);
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ evaluationRevision: 4, ruleSet: { id: 'cn-monitoring', version: 2 }, scoredBy: '金花街道填报人' });
    const after = await failure('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 4, entries: {} }, 409);
    expect(after).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已提交') });
    expect(await report('GET', `/api/monitoring/${june.id}`)).toMatchObject({ revision: 4, status: 'submitted', entries: r.entries });
  });

  it('a submitted report below June’s floor carries its warnings with a deadline; the unit answers one, audited; others may not', async () => {
    const list = listOf(monitoringSummaryDtoSchema).parse((await send('GET', `/api/monitoring?documentId=${documentId}`)).body);
    const june = list.items.find((r) => r.period === '2023-06')!;
    const read = async () => monitoringWarningsDtoSchema.parse((await send('GET', `/api/monitoring/${june.id}/warnings`)).body);
    const listed = await read();
    const rent = listed.warnings.find((w) => w.label === '办公场地租赁费' && w.rule === 'execution-floor')!;
    expect(rent).toMatchObject({ ruleLabel: '累计执行率低于当月预警线', reason: '1–6月累计执行率 35%，低于 6 月底应达到的 40%', ruleSet: 'cn-monitoring@2', status: 'waiting', latest: null });
    expect(rent.due > listed.today).toBe(true);
    expect(listed).toMatchObject({ canRespond: true, responses: ['继续执行', '调剂', '取消'], responseWorkingDays: 5 });
    // The demo's July report, never submitted, has none.
    const july = list.items.find((x) => x.period === '2023-07')!;
    expect(monitoringWarningsDtoSchema.parse((await send('GET', `/api/monitoring/${july.id}/warnings`)).body).warnings).toEqual([]);

    const reviewer = await signedIn(app, 'finance-reviewer');
    expect((await reviewer.send('POST', `/api/monitoring/${june.id}/warning-responses`, { warningId: rent.id, response: '取消', explanation: '不再租赁' })).status).toBe(403);
    expect(monitoringWarningsDtoSchema.parse((await reviewer.send('GET', `/api/monitoring/${june.id}/warnings`)).body).canRespond).toBe(false);
    expect((await failure('POST', `/api/monitoring/${june.id}/warning-responses`, { warningId: rent.id, response: '暂停', explanation: '租金下半年付' }, 400)).message).toBe('请选择处理意见（可选：继续执行、调剂、取消）。');
    expect((await failure('POST', `/api/monitoring/${june.id}/warning-responses`, { warningId: rent.id, response: '继续执行', explanation: '  ' }, 400)).message).toContain('explanation');
    const answered = monitoringWarningsDtoSchema.parse((await send('POST', `/api/monitoring/${june.id}/warning-responses`, { warningId: rent.id, response: '继续执行', explanation: '租金按半年支付，7 月付清' })).body);
    expect(answered.warnings.find((w) => w.id === rent.id)).toMatchObject({ status: 'answered', latest: { response: '继续执行', explanation: '租金按半年支付，7 月付清', by: '金花街道填报人' } });
    const trail = pageOf(auditEntryDtoSchema).parse((await reviewer.send('GET', `/api/audit?objectType=monitoring-warning&objectId=${rent.id}`)).body);
    expect(trail.items.map((e) => [e.action, e.actor.username])).toEqual([['monitoring.warning-respond', 'jinhua-editor']]);
  });

  it('goes through the workflow: submit is in the history and the audit trail; a reviewer returns it, a locked month refuses saves naming who locked it; accept → done', async () => {
    const list = listOf(monitoringSummaryDtoSchema).parse((await send('GET', `/api/monitoring?documentId=${documentId}`)).body);
    const june = list.items.find((r) => r.period === '2023-06')!;
    const reviewer = await signedIn(app, 'finance-reviewer');
    const workflow = async () => evaluationWorkflowDtoSchema.parse((await send('GET', `/api/evaluations/${june.id}/workflow`)).body);
    let wf = await workflow();
    expect(wf).toMatchObject({ status: 'submitted', actions: [] });
    expect(wf.history).toMatchObject([{ action: 'submit', from: 'draft', to: 'submitted', by: { displayName: '金花街道填报人' } }]);
    const trail = pageOf(auditEntryDtoSchema).parse((await reviewer.send('GET', `/api/audit?objectType=evaluation&objectId=${june.id}`)).body);
    expect(trail.items.find((e) => e.action === 'workflow.monitoring.submit')).toMatchObject({ actor: { username: 'jinhua-editor' }, before: { status: 'draft' }, after: { status: 'submitted', revision: 4 } });
    expect(trail.items.map((e) => e.action)).toContain('monitoring.save');

    // The editor may not accept; the finance reviewer returns it with a reason and it can be saved again.
    expect((await send('POST', `/api/evaluations/${june.id}/workflow/accept`, {})).status).toBe(403);
    const returned = await reviewer.send('POST', `/api/evaluations/${june.id}/workflow/return`, { reason: '请补充租金支付凭证' });
    expect(evaluationWorkflowDtoSchema.parse(returned.body)).toMatchObject({ status: 'returned', revision: 5 });
    let r = await report('GET', `/api/monitoring/${june.id}`);
    const rent = r.result.budgetLines.find((l) => l.project === '办公场地租赁费')!;
    const explained = { ...r.entries.budget![rent.key]!, deviation: { ...r.entries.budget![rent.key]!.deviation, explanation: '租金按半年支付，7 月付清（附支付凭证）' } };
    r = await report('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 5, entries: { ...r.entries, budget: { ...r.entries.budget, [rent.key]: explained } } });
    expect(r).toMatchObject({ status: 'returned', revision: 6 });

    // A locked month: saves and submits are refused naming who locked it, and nothing changes.
    expect((await reviewer.send('PUT', '/api/period-locks', { period: '2023-06', locked: true, reason: '6月监控已汇总' })).status).toBe(200);
    const locked = await failure('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 6, entries: {} }, 409);
    expect(locked.message).toMatch(/2023-06 已由 区财政局审核人 于 .*锁定（6月监控已汇总）/);
    expect((await failure('POST', `/api/monitoring/${june.id}/submit`, { baseRevision: 6 }, 409)).message).toContain('已由 区财政局审核人');
    expect(await report('GET', `/api/monitoring/${june.id}`)).toMatchObject({ revision: 6, entries: r.entries });
    expect((await reviewer.send('PUT', '/api/period-locks', { period: '2023-06', locked: false, reason: '补充凭证后重新提交' })).status).toBe(200);

    expect(await report('POST', `/api/monitoring/${june.id}/submit`, { baseRevision: 6 })).toMatchObject({ status: 'submitted', revision: 7 });
    expect((await ctx.store.evaluations.listScores(june.id)).map((s) => s.evaluationRevision)).toEqual([4, 7]);
    expect(evaluationWorkflowDtoSchema.parse((await reviewer.send('POST', `/api/evaluations/${june.id}/workflow/accept`, {})).body).status).toBe('done');
    wf = await workflow();
    expect(wf.history.map((t) => `${t.action}:${t.toLabel}:${t.by.displayName}`)).toEqual(['submit:已提交:金花街道填报人', 'return:退回:区财政局审核人', 'submit:已提交:金花街道填报人', 'accept:已完成:区财政局审核人']);
    expect(wf.history[1]!.reason).toBe('请补充租金支付凭证');
    expect((await failure('PUT', `/api/monitoring/${june.id}/entries`, { baseRevision: 8, entries: {} }, 409)).message).toContain('已完成');
    // The workflow's own 提交 checks completeness too: the demo July report still lacks reasons.
    const july = list.items.find((x) => x.period === '2023-07')!;
    const incomplete = await failure('POST', `/api/evaluations/${july.id}/workflow/submit`, {}, 400);
    expect(incomplete.message).toMatch(/^还不能提交：/);
    expect((await report('GET', `/api/monitoring/${july.id}`)).status).toBe('draft');
    // A finance reviewer may read but never fill a report.
    expect((await reviewer.send('PUT', `/api/monitoring/${july.id}/entries`, { baseRevision: 1, entries: {} })).status).toBe(403);
  });

  it('downloads the 绩效运行监控表 as .xlsx (read back) and .docx', async () => {
    const list = listOf(monitoringSummaryDtoSchema).parse((await send('GET', `/api/monitoring?documentId=${documentId}`)).body);
    const july = list.items.find((r) => r.period === '2023-07')!;
    const res = await app.request(`/api/monitoring/${july.id}/table.xlsx`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('绩效运行监控表.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const text = book.getWorksheet('绩效运行监控表')!.getSheetValues().flat().map(String).join('|');
    expect(text).toContain('2023年度绩效运行监控表');
    expect(text).toContain('陈家祠广场安全服务管养经费');
    expect(text).toContain('制度保障：下半年社区活动集中在国庆、重阳期间举办');
    const docx = await app.request(`/api/monitoring/${july.id}/table.docx`, { headers });
    expect(docx.status).toBe(200);
    expect(Array.from(new Uint8Array(await docx.arrayBuffer()).subarray(0, 2))).toEqual([0x50, 0x4b]);
  });

  it('answers in Chinese when something is wrong', async () => {
    expect(await failure('GET', '/api/monitoring/999999', undefined, 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await failure('PUT', '/api/monitoring/1/entries', { baseRevision: 1, entries: { budget: { 'p-0-0': { spent: -1 } } } }, 400)).message).toContain('执行数（entries.budget.p-0-0.spent）太小（最小 0）');
    expect((await failure('PUT', '/api/monitoring/1/entries', { baseRevision: 1, entries: { budget: { 'p-0-999': { spent: 1 } } } }, 400)).message).toMatch(/目标表.*没有这些行：p-0-999/);
  });
});
