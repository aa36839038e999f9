/**
 * The workflow and the public page in-process (`app.request`) against a real PGlite store seeded with the demo data
 * and the demo accounts, signed in as each of them: the whole R9 journey of 金花街道's targets (seed 002) with its
 * refusals, a stale save that names who saved, the frozen approved version, publication and the anonymous public API.
 */
import { rmSync } from 'node:fs';
import { documentReviewDtoSchema, documentSchema, errorDtoSchema, evaluationWorkflowDtoSchema, listOf, publishedItemDtoSchema, publishedSelfEvaluationDtoSchema, publishedTargetsDtoSchema, targetWorkflowDtoSchema, documentSummaryDtoSchema } from '@jixiao/contract';
import { budgetSlots, indicatorSlots, type PerformanceDocument } from '@jixiao/core';
import { DEMO_PASSWORD } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let id: number;
let otherId: number;
/** The demo's first run publishes seed 000 (花地街道) through the workflow; everything else starts unpublished. */
let demoPublishedId: number;

interface Session {
  cookie: string;
  csrf: string;
}
const sessions = new Map<string, Session>();

async function signIn(username: string): Promise<Session> {
  const known = sessions.get(username);
  if (known) return known;
  const res = await app.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  const session = { cookie, csrf: body.csrfToken };
  sessions.set(username, session);
  return session;
}

async function send(as: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (as) {
    const s = await signIn(as);
    headers.Cookie = s.cookie;
    headers['X-CSRF-Token'] = s.csrf;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: await res.json() };
}

const EDITOR = 'jinhua-editor';
const APPROVER = 'jinhua-approver';
const REVIEWER = 'finance-reviewer';

const workflow = async (as: string) => targetWorkflowDtoSchema.parse((await send(as, 'GET', `/api/documents/${id}/workflow`)).body);
const act = (as: string, action: string, body: Record<string, unknown> = {}) => send(as, 'POST', `/api/documents/${id}/workflow/${action}`, body);
const errorOf = (res: { body: unknown }) => errorDtoSchema.parse(res.body).error;

async function editedDocument(version: number, name: string): Promise<PerformanceDocument> {
  const doc = documentSchema.parse((await send(EDITOR, 'GET', `/api/documents/${id}?version=${version}`)).body);
  const project = doc.units.flatMap((u) => u.projects).find((p) => p.name === '社区居民活动费')!;
  project.indicators[0]!.name = name;
  return doc;
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-workflow-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  const docs = listOf(documentSummaryDtoSchema).parse((await send(REVIEWER, 'GET', '/api/documents')).body);
  id = docs.items.find((d) => d.fileName?.startsWith('002_') && d.department?.includes('金花'))!.id;
  demoPublishedId = docs.items.find((d) => d.fileName?.startsWith('000_'))!.id;
  otherId = docs.items.find((d) => d.id !== id && d.id !== demoPublishedId)!.id;
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('target workflow over HTTP', () => {
  it('anonymous people see no workflow, and the public page shows only the demo publication before anything is published', async () => {
    expect((await send(null, 'GET', `/api/documents/${id}/workflow`)).status).toBe(401);
    expect((await send(null, 'POST', `/api/documents/${id}/workflow/submit`, {})).status).toBe(401);
    const pub = await send(null, 'GET', '/api/public/publications');
    expect(pub.status).toBe(200);
    expect(listOf(publishedItemDtoSchema).parse(pub.body).items.map((i) => [i.type, i.documentId])).toEqual([['targets', demoPublishedId]]);
    expect((await send(null, 'GET', `/api/public/documents/${id}`)).status).toBe(404);
    expect((await send(null, 'GET', `/api/public/documents/${otherId}`)).status).toBe(404);
  });

  it('the editor sees a draft they may edit and submit; the approver cannot submit for the finance bureau yet', async () => {
    const wf = await workflow(EDITOR);
    expect(wf).toMatchObject({ status: 'draft', statusLabel: '草稿', round: 1, editable: true, actions: [{ action: 'submit' }] });
    expect((await act(EDITOR, 'approve-unit')).status).toBe(403);
    const early = await act(APPROVER, 'approve-unit');
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toMatch(/当前为「草稿」/);
  });

  it('submit → approve-unit → return as 中 with an opinion', async () => {
    expect(targetWorkflowDtoSchema.parse((await act(EDITOR, 'submit')).body).status).toBe('submitted');
    const blocked = await send(EDITOR, 'PUT', `/api/documents/${id}/content`, { baseVersion: 1, document: await editedDocument(1, '改名') });
    expect(blocked.status).toBe(409);
    expect(errorOf(blocked).message).toContain('已提交');
    expect(targetWorkflowDtoSchema.parse((await act(APPROVER, 'approve-unit')).body).status).toBe('in-review');
    expect((await send(REVIEWER, 'PUT', `/api/documents/${id}/review/conclusion`, { conclusion: '中', reason: '年度指标值缺失' })).status).toBe(200);
    const reviewerView = await workflow(REVIEWER);
    expect(reviewerView).toMatchObject({ conclusion: '中', actions: [{ action: 'return', reasonRequired: true }] });
    const noReason = await act(REVIEWER, 'return', {});
    expect(noReason.status).toBe(400);
    expect(errorOf(noReason).message).toContain('须写明理由');
    const wrong = await act(REVIEWER, 'approve');
    expect(wrong.status).toBe(409);
    expect(errorOf(wrong).message).toContain('评审结论为「中」');
    const returned = targetWorkflowDtoSchema.parse((await act(REVIEWER, 'return', { reason: '请补充社区居民活动费的年度指标值', baseRevision: reviewerView.revision })).body);
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '退回' });
    expect(returned.history.at(-1)).toMatchObject({ action: 'return', reason: '请补充社区居民活动费的年度指标值', conclusion: '中', by: { displayName: '区财政局审核人', roleLabel: '财政审核人' } });
  });

  it('the editor fixes it (a new version); a second save from the old version is refused naming who saved and when', async () => {
    const saved = await send(EDITOR, 'PUT', `/api/documents/${id}/content`, { baseVersion: 1, document: await editedDocument(1, '组织社区活动场次') });
    expect(saved.status).toBe(200);
    const stale = await send(EDITOR, 'PUT', `/api/documents/${id}/content`, { baseVersion: 1, document: await editedDocument(1, '另一处修改') });
    expect(stale.status).toBe(409);
    const error = errorOf(stale);
    expect(error.message).toMatch(/已由 金花街道填报人 于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）修改并保存为第 2 版.*第 1 版.*重新载入/);
    expect(error.details).toMatchObject({ currentVersion: 2, baseVersion: 1, changedBy: '金花街道填报人' });
    const current = documentSchema.parse((await send(EDITOR, 'GET', `/api/documents/${id}`)).body);
    expect(JSON.stringify(current)).toContain('组织社区活动场次');
    expect(JSON.stringify(current)).not.toContain('另一处修改');
  });

  it('resubmitted as round 2, approved as 良: frozen, and edits are refused in favour of an adjustment', async () => {
    expect(targetWorkflowDtoSchema.parse((await act(EDITOR, 'submit')).body)).toMatchObject({ status: 'submitted', round: 2 });
    await act(APPROVER, 'approve-unit');
    await send(REVIEWER, 'PUT', `/api/documents/${id}/review/conclusion`, { conclusion: '良', reason: '已按意见修改' });
    const approved = targetWorkflowDtoSchema.parse((await act(REVIEWER, 'approve')).body);
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 2, round: 2, canPublish: true });
    const editorView = await workflow(EDITOR);
    expect(editorView).toMatchObject({ editable: false, actions: [{ action: 'request-adjustment', reasonRequired: true }] });
    expect(editorView.editRefusal).toContain('申请调整');
    const frozen = await send(EDITOR, 'PUT', `/api/documents/${id}/content`, { baseVersion: 2, document: await editedDocument(2, '批复后修改') });
    expect(frozen.status).toBe(409);
    expect(errorOf(frozen).message).toContain('已冻结');
    // The review the 批复 was made on is final too: no decision, finding or conclusion changes it, for any reviewer.
    const review = documentReviewDtoSchema.parse((await send(REVIEWER, 'GET', `/api/documents/${id}/review`)).body);
    const open = review.findings.find((f) => f.status === 'open')!;
    for (const [method, path, body] of [
      ['POST', 'decisions', { findingKey: open.finding.key, decision: 'accept' }],
      ['POST', 'findings', { check: 'qualitative-target', dimension: 'feasibility', severity: 'warning', location: { project: open.finding.location.project }, message: '补充的问题' }],
      ['PUT', 'conclusion', { conclusion: '优', reason: '批复后再改' }],
    ] as const) {
      const refused = await send(REVIEWER, method, `/api/documents/${id}/review/${path}`, body);
      expect(`${path} ${refused.status}`).toBe(`${path} 409`);
      expect(errorOf(refused).message).toContain('评审意见已定');
    }
    expect(documentReviewDtoSchema.parse((await send(REVIEWER, 'GET', `/api/documents/${id}/review`)).body).decisions).toEqual(review.decisions);
  });

  it('published by the finance reviewer: anonymous people read the approved version, never another document', async () => {
    expect((await send(EDITOR, 'POST', `/api/documents/${id}/publication`)).status).toBe(403);
    const published = targetWorkflowDtoSchema.parse((await send(REVIEWER, 'POST', `/api/documents/${id}/publication`)).body);
    expect(published).toMatchObject({ publishedVersion: 2, publishedBy: '区财政局审核人', canPublish: false });
    const list = listOf(publishedItemDtoSchema).parse((await send(null, 'GET', '/api/public/publications?search=%E7%A4%BE%E5%8C%BA%E5%B1%85%E6%B0%91%E6%B4%BB%E5%8A%A8%E8%B4%B9')).body);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ type: 'targets', documentId: id, version: 2 });
    const doc = publishedTargetsDtoSchema.parse((await send(null, 'GET', `/api/public/documents/${id}`)).body);
    expect(JSON.stringify(doc.document)).toContain('组织社区活动场次');
    expect((await send(null, 'GET', `/api/public/documents/${otherId}`)).status).toBe(404);
    expect(listOf(publishedItemDtoSchema).parse((await send(null, 'GET', '/api/public/publications?search=zzzz')).body).items).toEqual([]);
  });

  it('withdrawn from the public page with a reason (audited), still approved, and published again', async () => {
    const path = `/api/documents/${id}/publication/withdrawal`;
    expect((await send(EDITOR, 'POST', path, { reason: '内容有误' })).status).toBe(403);
    expect((await send(REVIEWER, 'POST', path, { reason: '  ' })).status).toBe(400);
    const withdrawn = targetWorkflowDtoSchema.parse((await send(REVIEWER, 'POST', path, { reason: '公开内容需更正金额' })).body);
    expect(withdrawn).toMatchObject({ status: 'approved', approvedVersion: 2, publishedVersion: null, canPublish: true, canWithdrawPublication: false });
    expect((await send(null, 'GET', `/api/public/documents/${id}`)).status).toBe(404);
    expect(listOf(publishedItemDtoSchema).parse((await send(null, 'GET', '/api/public/publications')).body).items.some((i) => i.documentId === id)).toBe(false);
    // Nothing public: a second withdrawal is refused, saying so.
    const again = await send(REVIEWER, 'POST', path, { reason: '再次撤回' });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toContain('没有公开');
    const trail = JSON.stringify((await send(REVIEWER, 'GET', `/api/audit?objectType=document&objectId=${id}`)).body);
    expect(trail).toContain('workflow.withdraw-publication');
    expect(trail).toContain('公开内容需更正金额');
    expect(targetWorkflowDtoSchema.parse((await send(REVIEWER, 'POST', `/api/documents/${id}/publication`)).body)).toMatchObject({ publishedVersion: 2, canWithdrawPublication: true });
    expect((await send(null, 'GET', `/api/public/documents/${id}`)).status).toBe(200);
  });

  it('period locks: only the finance bureau locks; everyone signed in sees them', async () => {
    expect((await send(EDITOR, 'PUT', '/api/period-locks', { period: '2024', locked: true })).status).toBe(403);
    const bad = await send(REVIEWER, 'PUT', '/api/period-locks', { period: '2024-13', locked: true });
    expect(bad.status).toBe(400);
    const locked = await send(REVIEWER, 'PUT', '/api/period-locks', { period: '2024', locked: true, reason: '年度决算' });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ locked: [{ period: '2024', by: '区财政局审核人' }] });
    expect((await send(EDITOR, 'GET', '/api/period-locks')).body).toMatchObject({ locked: [{ period: '2024' }] });
    expect((await send(null, 'GET', '/api/period-locks')).status).toBe(401);
  });

  it('evaluations: submit, the unit head’s sign-off, return with a reason, locked period refused, accept, publish the result', async () => {
    // Complete entries (a tier for every indicator, figures for every budget line): 提交 checks completeness.
    const { document: target } = await ctx.store.documents.getDocument(id, 2);
    const entries = {
      indicators: Object.fromEntries(indicatorSlots(target).map((slot) => [slot.key, { tier: 'achieved' }])),
      budgets: Object.fromEntries(budgetSlots(target).map((slot) => [slot.key, { adjusted: slot.planned ?? 100, spent: slot.planned ?? 100 }])),
    };
    const evaluation = await ctx.store.evaluations.createEvaluation({ documentId: id, targetVersion: 2, kind: 'self-evaluation', period: '2024', entries, by: '金花街道填报人' });
    const path = `/api/evaluations/${evaluation.id}`;
    const locked = await send(EDITOR, 'POST', `${path}/workflow/submit`, {});
    expect(locked.status).toBe(409);
    expect(errorOf(locked).message).toMatch(/2024 已由 区财政局审核人 于 .*锁定（年度决算）/);
    expect((await send(REVIEWER, 'PUT', '/api/period-locks', { period: '2024', locked: false, reason: '补录自评' })).status).toBe(200);
    expect(evaluationWorkflowDtoSchema.parse((await send(EDITOR, 'POST', `${path}/workflow/submit`, {})).body).status).toBe('submitted');
    const forbidden = await send(EDITOR, 'POST', `${path}/workflow/accept`, {});
    expect(forbidden.status).toBe(403);
    expect(errorOf(forbidden).message).toContain('您是单位填报人');
    // Finance waits for the unit head's sign-off (409 naming whose turn it is); the editor may not sign off.
    const early = await send(REVIEWER, 'POST', `${path}/workflow/return`, { reason: '缺少佐证材料' });
    expect(early.status).toBe(409);
    expect(errorOf(early).message).toContain('现在应由单位负责人审核通过（报送财政）或退回填报人');
    expect((await send(EDITOR, 'POST', `${path}/workflow/approve-unit`, {})).status).toBe(403);
    expect(evaluationWorkflowDtoSchema.parse((await send(APPROVER, 'POST', `${path}/workflow/approve-unit`, {})).body).status).toBe('in-review');
    expect((await send(REVIEWER, 'POST', `${path}/workflow/return`, {})).status).toBe(400);
    expect(evaluationWorkflowDtoSchema.parse((await send(REVIEWER, 'POST', `${path}/workflow/return`, { reason: '缺少佐证材料' })).body).status).toBe('returned');
    // Submitted again from the self-evaluation page: the submit keeps the score the result is published with.
    const returnedRevision = (await ctx.store.evaluations.getEvaluation(evaluation.id)).revision;
    expect((await send(EDITOR, 'POST', `/api/self-evaluations/${evaluation.id}/submit`, { baseRevision: returnedRevision })).status).toBe(200);
    expect((await send(APPROVER, 'POST', `${path}/workflow/approve-unit`, {})).status).toBe(200);
    const done = evaluationWorkflowDtoSchema.parse((await send(REVIEWER, 'POST', `${path}/workflow/accept`, {})).body);
    expect(done).toMatchObject({ status: 'done', canPublish: true });
    expect(done.history.map((t) => t.toLabel)).toEqual(['已提交', '审核中', '退回', '已提交', '审核中', '已完成']);
    expect((await send(REVIEWER, 'POST', `${path}/publication`)).status).toBe(200);
    const items = listOf(publishedItemDtoSchema).parse((await send(null, 'GET', '/api/public/publications')).body).items;
    expect(items.filter((i) => i.documentId !== demoPublishedId).map((i) => i.type).sort()).toEqual(['self-evaluation', 'targets']);
    expect(items.filter((i) => i.documentId === demoPublishedId).map((i) => i.type)).toEqual(['targets']);
    // Anyone opens the published result: the total and grade it was published with, each project's score and lines.
    const opened = publishedSelfEvaluationDtoSchema.parse((await send(null, 'GET', `/api/public/self-evaluations/${evaluation.id}`)).body);
    expect(opened.item).toMatchObject({ type: 'self-evaluation', evaluationId: evaluation.id, period: '2024' });
    expect(opened.score?.scope).toBe('project');
    expect(opened.score?.total).toBe(opened.item.total);
    expect(opened.score?.grade ?? null).toBe(opened.item.grade);
    expect(opened.score?.scope === 'project' ? opened.score.projects.flatMap((p) => p.score.lines).length : 0).toBeGreaterThan(0);
    expect((await send(null, 'GET', '/api/public/self-evaluations/999999')).status).toBe(404);
    // Another department's people cannot even see it (404, existence is not revealed).
    expect((await send(EDITOR, 'GET', `/api/evaluations/999999/workflow`)).status).toBe(404);
  });
});
