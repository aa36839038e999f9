/**
 * 工作台 in-process against the demo data on PGlite, signed in as each demo role: what waits for whom moves with the
 * workflow (the editor's submitted draft leaves their list and reaches the unit head, then finance, never a firm not
 * engaged for 金花街道), one's own changes come back as 最近操作 in words, and a self-evaluation nobody began is on
 * the reviewers' lists once it is overdue — by the date in Beijing.
 */
import { rmSync } from 'node:fs';
import { workbenchDtoSchema, type WorkbenchDto } from '@jixiao/contract';
import type { Actor } from '@jixiao/core';
import { getWorkbench } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';
import { signedIn, type SignedInClient } from '../testing/signed-in';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
const clients: Record<string, SignedInClient> = {};

async function workbench(role: 'unit-editor' | 'unit-approver' | 'finance-reviewer' | 'third-party-reviewer' | 'admin'): Promise<WorkbenchDto> {
  const res = await clients[role]!.send('GET', '/api/workbench');
  expect(res.status).toBe(200);
  return workbenchDtoSchema.parse(res.body);
}

const group = (w: WorkbenchDto, kind: string) => w.groups.find((g) => g.kind === kind);
const ids = (w: WorkbenchDto, kind: string) => (group(w, kind)?.items ?? []).map((i) => i.documentId);

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-workbench-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx);
  for (const role of ['unit-editor', 'unit-approver', 'finance-reviewer', 'third-party-reviewer', 'admin'] as const) clients[role] = await signedIn(app, role);
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/workbench', () => {
  it('needs a session', async () => {
    const res = await app.request('/api/workbench');
    expect(res.status).toBe(401);
  });

  it('moves a submitted draft from the editor to the unit head to finance, never to a firm not engaged for it', async () => {
    const editor = await workbench('unit-editor');
    const drafts = group(editor, 'targets-to-submit');
    expect(drafts?.count).toBeGreaterThan(0);
    expect(drafts!.items.every((i) => i.department?.includes('金花'))).toBe(true);
    expect(group(editor, 'targets-to-review')).toBeUndefined();
    const first = drafts!.items[0]!;

    expect((await clients['unit-editor']!.send('POST', `/api/documents/${first.documentId}/workflow/submit`, {})).status).toBe(200);
    const after = await workbench('unit-editor');
    expect(group(after, 'targets-to-submit')?.count ?? 0).toBe(drafts!.count - 1);
    expect(ids(after, 'targets-to-submit')).not.toContain(first.documentId);
    expect(ids(await workbench('unit-approver'), 'targets-to-approve')).toEqual([first.documentId]);
    expect(ids(await workbench('finance-reviewer'), 'targets-to-approve')).toEqual([]);

    expect((await clients['unit-approver']!.send('POST', `/api/documents/${first.documentId}/workflow/approve-unit`, {})).status).toBe(200);
    expect(ids(await workbench('unit-approver'), 'targets-to-approve')).toEqual([]);
    expect(ids(await workbench('finance-reviewer'), 'targets-to-review')).toContain(first.documentId);
    expect(ids(await workbench('admin'), 'targets-to-review')).toContain(first.documentId);
    expect(ids(await workbench('third-party-reviewer'), 'targets-to-review')).not.toContain(first.documentId);

    const recent = (await workbench('unit-editor')).recent;
    expect(recent[0]).toMatchObject({ action: 'workflow.submit', label: '绩效目标：提交单位负责人审批', title: first.title });
    expect(recent.some((r) => r.action.startsWith('session.'))).toBe(false);
  });

  it('counts every item it does not list, and names the deadlines’ source', async () => {
    const reviewer = await workbench('finance-reviewer');
    for (const g of reviewer.groups) expect(g.count).toBeGreaterThanOrEqual(g.items.length);
    expect(reviewer.calendar.sources.map((s) => s.docNo)).toContain('财预〔2019〕136号');
    expect(reviewer.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

function actorOf(role: 'finance-reviewer' | 'third-party-reviewer'): Actor {
  const user = clients[role]!.user;
  return { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, departmentId: user.departmentId, assignedDepartmentIds: user.assignedDepartmentIds };
}

describe('due and overdue reports (services over the real store, at a chosen date)', () => {
  it('an approved year without a self-evaluation is on the reviewers’ lists once past 4-30 of the next year (Beijing date)', async () => {
    const approved = (await ctx.store.workflow.listTargetWorkflows({})).filter((t) => t.approvedVersion !== null && t.year !== null);
    const evaluated = new Set((await ctx.store.workflow.listEvaluationWorkflows({})).filter((e) => e.kind === 'self-evaluation').map((e) => `${e.documentId}:${e.period}`));
    const owing = approved.find((t) => !evaluated.has(`${t.documentId}:${t.year}`));
    expect(owing, 'the demo has approved targets without a self-evaluation').toBeDefined();
    const year = owing!.year!;
    const reviewer = actorOf('finance-reviewer');

    // 4-30 23:30 Beijing is 15:30 UTC: not overdue yet; 16:30 UTC is already 5-1 in Beijing.
    const before = await getWorkbench(ctx, reviewer, new Date(`${year + 1}-04-30T15:30:00Z`));
    expect(ids(before, 'self-evaluation-due')).not.toContain(owing!.documentId);
    const late = await getWorkbench(ctx, reviewer, new Date(`${year + 1}-04-30T16:30:00Z`));
    const item = group(late, 'self-evaluation-due')!.items.find((i) => i.documentId === owing!.documentId);
    expect(item).toMatchObject({ period: String(year), due: `${year + 1}-04-30`, daysLeft: -1, evaluationId: null });
    expect(group(late, 'self-evaluation-due')!.overdue).toBeGreaterThanOrEqual(1);
    expect(late.today).toBe(`${year + 1}-05-01`);

    // The firm sees it only when engaged for the department.
    const firm = actorOf('third-party-reviewer');
    const firmSees = ids(await getWorkbench(ctx, firm, new Date(`${year + 1}-05-02T00:00:00Z`)), 'self-evaluation-due').includes(owing!.documentId);
    expect(firmSees).toBe(owing!.departmentId !== null && firm.assignedDepartmentIds.includes(owing!.departmentId));
  });
});
