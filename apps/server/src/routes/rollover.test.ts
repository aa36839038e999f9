/**
 * 结转 over HTTP on the demo data: the demo's approved 花地街道 targets become next year's draft (admin, the only
 * role of every department that may import), which then waits on 工作台 like any draft; drafts are refused, a year
 * is never rolled twice, the body is checked, and other roles and departments are refused by the access table.
 */
import { rmSync } from 'node:fs';
import { documentSummaryDtoSchema, errorDtoSchema, listOf, rollOverResultDtoSchema, workbenchDtoSchema } from '@jixiao/contract';
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
let approved: { id: number; year: number };
let draft: number;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-rollover-');
  ctx = await openContext({ dataDir, demo: true });
  const app = createApp(ctx);
  [admin, editor, reviewer] = await Promise.all([signedIn(app, 'admin'), signedIn(app, 'unit-editor'), signedIn(app, 'finance-reviewer')]);
  const targets = await ctx.store.workflow.listTargetWorkflows({});
  const a = targets.find((t) => t.approvedVersion !== null && t.year !== null)!;
  approved = { id: a.documentId, year: a.year! };
  draft = targets.find((t) => t.status === 'draft' && t.department?.includes('金花'))!.documentId;
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/documents/{id}/rollover', () => {
  it('makes next year’s draft of approved targets, audited; the draft is on 工作台; never twice', async () => {
    const res = await admin.send('POST', `/api/documents/${approved.id}/rollover`, { keepAmounts: false });
    expect(res.status).toBe(201);
    const made = rollOverResultDtoSchema.parse(res.body);
    expect(made).toMatchObject({ year: approved.year + 1, keepAmounts: false, from: { documentId: approved.id, year: approved.year } });

    const listed = listOf(documentSummaryDtoSchema).parse((await admin.send('GET', `/api/documents?year=${approved.year + 1}`)).body).items;
    const summary = listed.find((d) => d.id === made.documentId)!;
    expect(summary).toMatchObject({ targetStatus: 'draft', year: approved.year + 1, version: 1 });
    expect(summary.title).toContain(`${approved.year + 1}年`);
    expect(summary.indicatorCount).toBe(made.indicatorCount);
    expect(made.indicatorCount).toBeGreaterThan(0);

    const audit = await ctx.store.audit.listAudit({ action: 'document.rollover', limit: 5 });
    expect(audit.items[0]).toMatchObject({ objectId: String(made.documentId), actor: { username: 'admin' } });

    const home = workbenchDtoSchema.parse((await admin.send('GET', '/api/workbench')).body);
    expect(home.groups.find((g) => g.kind === 'targets-to-submit')?.items.map((i) => i.documentId)).toContain(made.documentId);

    const again = await admin.send('POST', `/api/documents/${approved.id}/rollover`, { keepAmounts: true });
    expect(again.status).toBe(409);
    expect(errorDtoSchema.parse(again.body).error.message).toContain(`${approved.year + 1} 年度已有这份绩效目标`);
  });

  it('refuses a draft, a year not after the document’s, and a body it does not know, in Chinese', async () => {
    const early = await editor.send('POST', `/api/documents/${draft}/rollover`, { keepAmounts: false });
    expect(early.status).toBe(409);
    expect(errorDtoSchema.parse(early.body).error.message).toContain('只有已批复的绩效目标可以结转');
    const back = await admin.send('POST', `/api/documents/${approved.id}/rollover`, { toYear: approved.year, keepAmounts: false });
    expect(back.status).toBe(400);
    expect(errorDtoSchema.parse(back.body).error.message).toContain('只能结转到以后的年度');
    const bad = await admin.send('POST', `/api/documents/${approved.id}/rollover`, { toYear: '明年' });
    expect(bad.status).toBe(400);
    expect(errorDtoSchema.parse(bad.body).error.message).toContain('结转年度格式不对');
  });

  it('the access table: a reviewer may not (403); an editor of another 街道 is told nothing exists (404)', async () => {
    expect((await reviewer.send('POST', `/api/documents/${approved.id}/rollover`, { keepAmounts: false })).status).toBe(403);
    expect((await editor.send('POST', `/api/documents/${approved.id}/rollover`, { keepAmounts: false })).status).toBe(404);
  });
});
