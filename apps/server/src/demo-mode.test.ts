/**
 * Demo accounts exist only in demo mode (decision 010): a data dir started as a demo and then started without it
 * keeps its data but not the accounts whose passwords are published, and the sign-in page no longer lists them.
 * The demo's first run publishes one target document (seed 000) through the workflow, and only on the first run.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOf, publishedItemDtoSchema, signInInfoDtoSchema } from '@jixiao/contract';
import { DEMO_CONCLUSION_REASON, DEMO_PASSWORD, importDocumentFile, SYSTEM_CHANGE } from '@jixiao/services';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { DEFAULT_SEEDS_DIR, openContext, type AppContext } from './context';
import { demoDataDir, migratedDataDir } from './testing/data-dirs';

let dataDir: string | undefined;
let ctx: AppContext | undefined;
const dirs: string[] = [];

afterAll(async () => {
  await ctx?.store.close();
  for (const dir of [dataDir, ...dirs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const publicationsSchema = listOf(publishedItemDtoSchema);

async function publications(context: AppContext) {
  const response = await createApp(context).request('/api/public/publications'); // anonymous: no cookie
  expect(response.status).toBe(200);
  return publicationsSchema.parse(await response.json()).items;
}

/** Every document's workflow status and revision, the transitions and the audit trail's size: what a start may change. */
async function workflowSnapshot(context: AppContext) {
  const documents = await context.store.documents.listDocuments();
  const states = await Promise.all(
    documents.map(async (d) => {
      const state = await context.store.workflow.getTargetWorkflow(d.id);
      const history = await context.store.workflow.listTransitions('document', d.id);
      return { id: d.id, fileName: d.fileName, status: state.status, revision: state.revision, publishedVersion: state.publishedVersion, transitions: history.length };
    }),
  );
  const workflowAudit = (await context.store.audit.listAudit({ action: 'workflow.', limit: 1 })).total;
  return { states, workflowAudit };
}

describe('demo mode', () => {
  it('seeds the demo accounts in demo mode and removes them when started without it', async () => {
    // The run's demo data dir is what a first demo start leaves (data-dirs.ts); the next test seeds one itself.
    dataDir = await demoDataDir('jixiao-server-demo-');
    ctx = await openContext({ dataDir, demo: true });
    const demo = createApp(ctx);
    expect(signInInfoDtoSchema.parse(await (await demo.request('/api/sign-in-info')).json()).demo).toBe(true);
    expect((await ctx.store.users.listUsers()).filter((u) => u.demo)).toHaveLength(5);
    await ctx.store.close();

    ctx = await openContext({ dataDir, demo: false });
    const real = createApp(ctx);
    expect(signInInfoDtoSchema.parse(await (await real.request('/api/sign-in-info')).json())).toEqual({ demo: false, demoAccounts: [] });
    expect(await ctx.store.users.listUsers()).toEqual([]);
    const signIn = await real.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
    expect(signIn.status).toBe(401);
    expect((await ctx.store.documents.listDocuments()).length).toBeGreaterThan(0); // the data stays
    expect((await ctx.store.audit.listAudit({ action: 'user.remove-demo', limit: 1 })).total).toBe(1);
  });
});

describe('demo publication', () => {
  it('publishes seed 000 through the workflow on the first demo run only, and leaves this year’s other targets drafts', async () => {
    const dir = await migratedDataDir('jixiao-server-demo-pub-');
    dirs.push(dir);
    let context = await openContext({ dataDir: dir, demo: true });
    try {
      const seed000 = context.seedReport?.imported.find((r) => r.fileName.startsWith('000_'));
      expect(seed000).toBeDefined();
      const items = await publications(context);
      expect(items.map((i) => [i.type, i.documentId])).toEqual([['targets', seed000!.documentId]]);
      expect(items[0]!.department).toMatch(/花地/);
      expect(items[0]!.publishedBy).toBe('区财政局审核人');
      const published = await createApp(context).request(`/api/public/documents/${seed000!.documentId}`);
      expect(published.status).toBe(200);

      // Every other document but last year's approved copy is still a draft that never moved (seed 002 stays editable
      // for the journeys); the copy is the next test's.
      const first = await workflowSnapshot(context);
      const lastYear = new Set(context.seedReport!.lastYear.map((r) => r.documentId));
      expect(lastYear.size).toBe(1);
      const others = first.states.filter((s) => s.id !== seed000!.documentId && !lastYear.has(s.id));
      expect(others.length).toBeGreaterThan(0);
      expect(others.map(({ status, transitions, publishedVersion }) => ({ status, transitions, publishedVersion }))).toEqual(others.map(() => ({ status: 'draft', transitions: 0, publishedVersion: null })));
      expect(first.states.find((s) => s.fileName?.startsWith('002_'))).toMatchObject({ status: 'draft', transitions: 0 });

      // The history and the audit trail show every step and who took it.
      const history = await context.store.workflow.listTransitions('document', seed000!.documentId);
      expect(history.map((t) => [t.action, t.to, t.by.username])).toEqual([
        ['submit', 'submitted', 'admin'],
        ['approve-unit', 'in-review', 'admin'],
        ['approve', 'approved', 'finance-reviewer'],
      ]);
      expect(history[0]!.reason).toMatch(/演示数据/);
      expect(history[2]!.conclusion).toMatch(/^[优良]$/);
      const state = await context.store.workflow.getTargetWorkflow(seed000!.documentId);
      expect(state).toMatchObject({ status: 'approved', approvedVersion: 1, publishedVersion: 1, publishedBy: '区财政局审核人' });
      const audit = await context.store.audit.listAudit({ objectType: 'document', objectId: String(seed000!.documentId), limit: 20 });
      const actions = audit.items.map((e) => `${e.action}:${e.actor.username}`);
      expect(actions).toEqual(expect.arrayContaining(['workflow.submit:admin', 'workflow.approve-unit:admin', 'workflow.approve:finance-reviewer', 'workflow.publish:finance-reviewer']));
      const overrides = (await context.store.reviews.listDecisions(seed000!.documentId)).filter((d) => d.type === 'override');
      // Seed 000's computed conclusion is 良 already, so it is not overridden (the next test covers a 中).
      expect(overrides).toEqual([]);
      expect(actions).not.toContain('review.conclude:finance-reviewer');
      await context.store.close();

      // A second start changes nothing.
      context = await openContext({ dataDir: dir, demo: true });
      expect(context.seedReport?.seeded).toBe(false);
      expect(await workflowSnapshot(context)).toEqual(first);
      expect(await publications(context)).toEqual(items);
      await context.store.close();

      // Started without the demo: the data (and what was published) stays as it was; nothing new is published.
      context = await openContext({ dataDir: dir, demo: false });
      expect(await workflowSnapshot(context)).toEqual(first);
      expect((await publications(context)).map((i) => i.documentId)).toEqual([seed000!.documentId]);
    } finally {
      await context.store.close();
    }
  });

  it('publishes nothing when the demo is off, even with the seed documents imported', async () => {
    const dir = await migratedDataDir('jixiao-server-no-demo-');
    dirs.push(dir);
    const context = await openContext({ dataDir: dir, demo: false });
    try {
      for (const fileName of readdirSync(DEFAULT_SEEDS_DIR).filter((f) => f.startsWith('000_'))) {
        await importDocumentFile({ store: context.store }, SYSTEM_CHANGE, { fileName, bytes: new Uint8Array(readFileSync(join(DEFAULT_SEEDS_DIR, fileName))) });
      }
      expect((await context.store.documents.listDocuments()).length).toBeGreaterThan(0);
      expect(await publications(context)).toEqual([]);
      expect((await workflowSnapshot(context)).workflowAudit).toBe(0);
    } finally {
      await context.store.close();
    }
  });

  it('overrides a computed conclusion that would not lead to 批复 to 良, with the demo reason, before approving', async () => {
    // Seed 002's targets (computed 中) standing in for seed 000.
    const seeds = mkdtempSync(join(tmpdir(), 'jixiao-server-demo-seeds-'));
    const dir = await migratedDataDir('jixiao-server-demo-pub-');
    dirs.push(seeds, dir);
    const fileName = '000_from-002.txt';
    copyFileSync(join(DEFAULT_SEEDS_DIR, '002_71a78aaa1661d207.pages-1-5.txt'), join(seeds, fileName));
    writeFileSync(join(seeds, 'demo-years.json'), JSON.stringify({ years: { [fileName]: 2024 } }));
    const context = await openContext({ dataDir: dir, demo: true, seedsDir: seeds });
    try {
      const id = context.seedReport!.imported[0]!.documentId;
      const overrides = (await context.store.reviews.listDecisions(id)).filter((d) => d.type === 'override');
      expect(overrides).toEqual([expect.objectContaining({ conclusion: '良', reason: DEMO_CONCLUSION_REASON, by: '区财政局审核人' })]);
      const history = await context.store.workflow.listTransitions('document', id);
      expect(history.at(-1)).toMatchObject({ action: 'approve', conclusion: '良' });
      expect((await context.store.audit.listAudit({ action: 'review.conclude', limit: 5 })).items.map((e) => e.actor.username)).toEqual(['finance-reviewer']);
      expect((await publications(context)).map((i) => i.documentId)).toEqual([id]);
    } finally {
      await context.store.close();
    }
  });
});

describe('demo: last year’s approved targets', () => {
  it('approves 金花街道’s 2023 targets by its own accounts and monitors them at July; this year’s stay a draft', async () => {
    const dir = await demoDataDir('jixiao-server-demo-last-year-');
    dirs.push(dir);
    const context = await openContext({ dataDir: dir, demo: true });
    try {
      const documents = await context.store.documents.listDocuments();
      const lastYear = documents.find((d) => d.fileName === '金花街道2023年度项目支出绩效目标表.txt')!;
      const thisYear = documents.find((d) => d.fileName?.startsWith('002_'))!;
      expect([lastYear.year, thisYear.year]).toEqual([2023, 2024]);
      expect((await context.store.workflow.getTargetWorkflow(lastYear.id)).status).toBe('approved');
      expect((await context.store.workflow.getTargetWorkflow(thisYear.id)).status).toBe('draft');
      const steps = await context.store.workflow.listTransitions('document', lastYear.id);
      expect(steps.map((t) => [t.action, t.by.displayName])).toEqual([
        ['submit', '金花街道填报人'],
        ['approve-unit', '金花街道负责人'],
        ['approve', '区财政局审核人'],
      ]);
      const reports = await context.store.evaluations.listEvaluations({});
      expect(reports.map((e) => [e.documentId, e.kind, e.period])).toEqual([[lastYear.id, 'monitoring', '2023-07']]);
    } finally {
      await context.store.close();
    }
  });
});
