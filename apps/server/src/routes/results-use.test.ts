/**
 * 结果应用 over HTTP on the demo data: the 2024 table (花地街道's approved targets concluded 良 → 保持 by the rule;
 * 金花街道's draft has no result yet), each role sees its departments; the finance reviewer confirms with a reason
 * (audited), a unit cannot; the workbook downloads; and next year's draft of 花地街道 shows last year's decision.
 */
import { rmSync } from 'node:fs';
import { errorDtoSchema, lastYearResultsDtoSchema, resultsUseRowDtoSchema, resultsUseTableDtoSchema, rollOverResultDtoSchema } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';
import { signedIn, type SignedInClient } from '../testing/signed-in';

let dataDir: string;
let ctx: AppContext;
let admin: SignedInClient;
let editor: SignedInClient;
let reviewer: SignedInClient;
let huadi: { documentId: number; departmentId: number };

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-results-use-');
  ctx = await openContext({ dataDir, demo: true });
  const app = createApp(ctx);
  [admin, editor, reviewer] = await Promise.all([signedIn(app, 'admin'), signedIn(app, 'unit-editor'), signedIn(app, 'finance-reviewer')]);
  const approved = (await ctx.store.workflow.listTargetWorkflows({})).find((t) => t.approvedVersion !== null && t.department?.includes('花地'))!;
  huadi = { documentId: approved.documentId, departmentId: approved.departmentId! };
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('结果应用', () => {
  it('lists the year with each suggestion and its rule; a unit sees only its own department', async () => {
    const res = await reviewer.send('GET', '/api/results-use?year=2024');
    expect(res.status).toBe(200);
    const table = resultsUseTableDtoSchema.parse(res.body);
    const row = table.items.find((r) => r.documentId === huadi.documentId)!;
    expect(row).toMatchObject({ projectKey: 'd', reviewConclusion: '良', state: 'suggested', suggestion: { label: '保持', rule: 'cn-results-use@1' } });
    expect(row.suggestion.reasons).toEqual(['绩效目标审核结论为「良」：按规则，「良」建议「保持」。']);
    expect(table.items.some((r) => r.department?.includes('金花') && r.suggestion.suggestion === null)).toBe(true);

    const own = resultsUseTableDtoSchema.parse((await editor.send('GET', '/api/results-use?year=2024')).body);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.department?.includes('金花'))).toBe(true);
    expect((await editor.send('GET', `/api/results-use?year=2024&departmentId=${huadi.departmentId}`)).status).toBe(404);
    expect((await reviewer.send('GET', '/api/results-use')).status).toBe(400);
  });

  it('the finance reviewer confirms with a reason (audited); a unit editor may not; the workbook downloads', async () => {
    expect((await editor.send('POST', '/api/results-use/decisions', { documentId: huadi.documentId, projectKey: 'd', kind: 'confirm', reason: '同意' })).status).toBe(404);
    const empty = await reviewer.send('POST', '/api/results-use/decisions', { documentId: huadi.documentId, projectKey: 'd', kind: 'confirm', reason: '' });
    expect(empty.status).toBe(400);
    expect(errorDtoSchema.parse(empty.body).error.message).toMatch(/请填写确认理由/);
    const res = await reviewer.send('POST', '/api/results-use/decisions', { documentId: huadi.documentId, projectKey: 'd', kind: 'confirm', reason: '目标审核良好，预算保持' });
    expect(res.status).toBe(201);
    expect(resultsUseRowDtoSchema.parse(res.body)).toMatchObject({ state: 'confirmed', stateLabel: '已确认', decision: { label: '保持', reason: '目标审核良好，预算保持', by: '区财政局审核人' } });
    const audit = await ctx.store.audit.listAudit({ action: 'results-use.confirm', limit: 5 });
    expect(audit.items[0]).toMatchObject({ objectId: `${huadi.documentId}/d`, actor: { username: 'finance-reviewer' } });

    const file = await reviewer.request('/api/results-use/table.xlsx?year=2024');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('2024年度绩效结果应用情况表'));
    expect([...new Uint8Array(await file.arrayBuffer()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('shows last year’s result and decision beside the project of next year’s draft', async () => {
    const rolled = rollOverResultDtoSchema.parse((await admin.send('POST', `/api/documents/${huadi.documentId}/rollover`, { keepAmounts: false })).body);
    const res = await reviewer.send('GET', `/api/documents/${rolled.documentId}/last-year-results`);
    expect(res.status).toBe(200);
    const beside = lastYearResultsDtoSchema.parse(res.body);
    expect(beside.year).toBe(2024);
    expect(beside.items[0]).toMatchObject({ projectKey: 'd', lastYear: { documentId: huadi.documentId, reviewConclusion: '良', state: 'confirmed', decision: { label: '保持' } } });
    expect((await editor.send('GET', `/api/documents/${rolled.documentId}/last-year-results`)).status).toBe(404);
  });
});
