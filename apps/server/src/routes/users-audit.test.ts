/**
 * Users, scope and the audit trail over HTTP (decision 010), in-process against PGlite with the demo data: an admin
 * manages users; lists show only the person's departments; changes across units are refused and change nothing;
 * every change is in the audit trail (never a password), which admins and finance reviewers read and export.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { auditEntryDtoSchema, auditPageDtoSchema, departmentDtoSchema, documentSummaryDtoSchema, listOf, pageOf, projectDtoSchema, userDtoSchema } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { DEFAULT_SEEDS_DIR, openContext, type AppContext } from '../context';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let admin: SignedInClient;
let editor: SignedInClient;
let jinhua: number;
let huadi: number;
let baiyunhu: number;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-users-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  admin = await signedIn(app, 'admin');
  editor = await signedIn(app, 'unit-editor');
  const departments = await ctx.store.catalog.listDepartments({});
  const idOf = (part: string) => departments.find((d) => d.name.includes(part))!.id;
  [jinhua, huadi, baiyunhu] = [idOf('金花'), idOf('花地'), idOf('白云湖')];
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('lists show only what the person may see', () => {
  it('gives a 金花街道 editor only 金花街道: departments, projects, documents', async () => {
    const departments = listOf(departmentDtoSchema).parse((await editor.send('GET', '/api/departments')).body);
    expect(departments.items.map((d) => d.id)).toEqual([jinhua]);
    const projects = pageOf(projectDtoSchema).parse((await editor.send('GET', '/api/projects?limit=500')).body);
    expect(projects.total).toBeGreaterThan(0);
    expect(new Set(projects.items.map((p) => p.departmentId))).toEqual(new Set([jinhua]));
    const foreign = pageOf(projectDtoSchema).parse((await editor.send('GET', `/api/projects?departmentId=${huadi}`)).body);
    expect(foreign).toEqual({ items: [], total: 0 });
    const documents = listOf(documentSummaryDtoSchema).parse((await editor.send('GET', '/api/documents')).body);
    expect(documents.items.length).toBeGreaterThan(0);
    expect(documents.items.every((d) => d.departmentId === jinhua)).toBe(true);
    expect((await editor.send('GET', `/api/departments/${huadi}`)).status).toBe(404);
  });

  it('gives the third-party reviewer exactly the two departments assigned to them', async () => {
    const firm = await signedIn(app, 'third-party-reviewer');
    const departments = listOf(departmentDtoSchema).parse((await firm.send('GET', '/api/departments')).body);
    expect(departments.items.map((d) => d.id).sort()).toEqual([huadi, baiyunhu].sort());
    expect((await firm.send('GET', `/api/departments/${jinhua}`)).status).toBe(404);
  });

  it('gives the finance reviewer the whole district', async () => {
    const finance = await signedIn(app, 'finance-reviewer');
    const all = await ctx.store.catalog.listDepartments({});
    expect(listOf(departmentDtoSchema).parse((await finance.send('GET', '/api/departments')).body).items).toHaveLength(all.length);
  });
});

describe('changes across units are refused and change nothing', () => {
  it('refuses a 金花街道 editor saving another 街道’s document (404, as if it did not exist)', async () => {
    const [other] = await ctx.store.documents.listDocuments({ departmentId: huadi });
    const { document } = await ctx.store.documents.getDocument(other!.id);
    const res = await editor.send('PUT', `/api/documents/${other!.id}/content`, { baseVersion: other!.version, document: { ...document, title: '篡改' } });
    expect(res).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect((await ctx.store.documents.getDocument(other!.id)).summary.version).toBe(other!.version);
    const decision = await editor.send('POST', `/api/documents/${other!.id}/review/decisions`, { findingKey: 'x', decision: 'accept' });
    expect(decision.status).toBe(404);
    expect(await ctx.store.reviews.listDecisions(other!.id)).toEqual([]);
  });

  it('refuses a 金花街道 editor importing another 街道’s file (403), and stores nothing', async () => {
    const before = (await ctx.store.documents.listDocuments()).length;
    const form = new FormData();
    form.set('file', new File([readFileSync(join(DEFAULT_SEEDS_DIR, '000_33f7e9c75c02529b.txt'))], 'huadi-copy.txt'));
    form.set('year', '2024');
    const res = await editor.request('/api/documents', { method: 'POST', body: form });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/只能导入本部门.*金花/);
    expect((await ctx.store.documents.listDocuments()).length).toBe(before);
  });

  it('refuses a unit editor the review (403: their own document, wrong role)', async () => {
    const [own] = await ctx.store.documents.listDocuments({ departmentId: jinhua });
    const res = await editor.send('PUT', `/api/documents/${own!.id}/review/conclusion`, { conclusion: '优', reason: '自己给自己打分' });
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN', message: expect.stringContaining('审核绩效目标') } } });
  });
});

describe('user administration', () => {
  it('creates a user with a role and scope, changes the role, disables and resets the password — all audited', async () => {
    const created = await admin.send('POST', '/api/users', { username: 'Huadi-Editor', displayName: '花地填报人', password: 'first-password', role: 'unit-editor', departmentId: huadi });
    expect(created.status).toBe(201);
    const user = userDtoSchema.parse(created.body);
    expect(user).toMatchObject({ username: 'huadi-editor', role: 'unit-editor', departmentId: huadi, disabled: false, demo: false });
    expect(JSON.stringify(created.body)).not.toMatch(/password|scrypt/i);

    const huadiEditor = await signedIn(app, { username: 'huadi-editor', password: 'first-password' });
    expect(listOf(departmentDtoSchema).parse((await huadiEditor.send('GET', '/api/departments')).body).items.map((d) => d.id)).toEqual([huadi]);

    const taken = await admin.send('POST', '/api/users', { username: 'huadi-editor', displayName: 'x', password: 'another-password', role: 'admin' });
    expect(taken).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('已被使用') } } });
    const noDepartment = await admin.send('POST', '/api/users', { username: 'lost', displayName: '无部门', password: 'another-password', role: 'unit-approver' });
    expect(noDepartment).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('必须属于一个部门') } } });
    const shortPassword = await admin.send('POST', '/api/users', { username: 'weak', displayName: '弱', password: 'short', role: 'admin' });
    expect(shortPassword).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('至少 8 个字符') } } });

    const promoted = await admin.send('PATCH', `/api/users/${user.id}`, { role: 'third-party-reviewer', assignedDepartmentIds: [jinhua] });
    expect(userDtoSchema.parse(promoted.body)).toMatchObject({ role: 'third-party-reviewer', departmentId: null, assignedDepartmentIds: [jinhua] });
    expect((await huadiEditor.send('GET', '/api/departments')).status).toBe(401); // a changed scope needs a fresh sign-in

    expect((await admin.send('PUT', `/api/users/${user.id}/password`, { password: 'reset-password-1' })).status).toBe(204);
    await signedIn(app, { username: 'huadi-editor', password: 'reset-password-1' });
    expect((await admin.send('PATCH', `/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await admin.send('PATCH', `/api/users/${admin.user.id}`, { disabled: true })).body).toMatchObject({ error: { message: expect.stringContaining('不能停用自己') } });

    const trail = pageOf(auditEntryDtoSchema).parse((await admin.send('GET', `/api/audit?objectType=user&objectId=${user.id}`)).body);
    expect(trail.items.map((e) => e.action)).toEqual(['user.disable', 'session.sign-in', 'user.reset-password', 'user.update', 'session.sign-in', 'user.create']);
    const update = trail.items.find((e) => e.action === 'user.update')!;
    expect(update.before).toMatchObject({ role: 'unit-editor', departmentId: huadi });
    expect(update.after).toMatchObject({ role: 'third-party-reviewer', assignedDepartmentIds: [jinhua] });
    expect(update.actor.username).toBe('admin');
    expect(update.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(trail)).not.toMatch(/first-password|reset-password-1|scrypt/);
  });

  it('refuses user administration to everyone but admins', async () => {
    expect((await editor.send('GET', '/api/users')).status).toBe(403);
    const finance = await signedIn(app, 'finance-reviewer');
    expect((await finance.send('POST', '/api/users', { username: 'sneaky', displayName: 'x', password: 'password-123', role: 'admin' })).status).toBe(403);
    expect(await ctx.store.users.findForSignIn('sneaky')).toBeNull();
  });
});

describe('the audit trail', () => {
  it('records an import and a review decision with who, before and after, and the request', async () => {
    const finance = await signedIn(app, 'finance-reviewer');
    const own = (await ctx.store.documents.listDocuments({ departmentId: jinhua })).find((d) => d.fileName?.startsWith('002_'));
    const review = (await finance.send('GET', `/api/documents/${own!.id}/review`)).body as { findings: { finding: { key: string } }[] };
    const key = review.findings[0]!.finding.key;
    const res = await finance.request(`/api/documents/${own!.id}/review/decisions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ findingKey: key, decision: 'dismiss', reason: '不是问题' }) });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('X-Request-Id');
    const entries = pageOf(auditEntryDtoSchema).parse((await finance.send('GET', '/api/audit?action=review.')).body);
    expect(entries.items[0]).toMatchObject({ action: 'review.dismiss', objectType: 'document', objectId: String(own!.id), actor: { username: 'finance-reviewer', displayName: '区财政局审核人' }, before: null, after: { findingKey: key, reason: '不是问题', by: '区财政局审核人' }, requestId });
  });

  it('filters by who and dates, pages, and refuses a bad date in Chinese', async () => {
    const byAdmin = pageOf(auditEntryDtoSchema).parse((await admin.send('GET', '/api/audit?actor=admin&limit=2')).body);
    expect(byAdmin.items.length).toBeLessThanOrEqual(2);
    expect(byAdmin.total).toBeGreaterThan(2);
    expect(byAdmin.items.every((e) => e.actor.username === 'admin')).toBe(true);
    // The next page by keyset (issue 12 item 2): older entries only, none shown twice, the same total.
    const next = auditPageDtoSchema.parse((await admin.send('GET', `/api/audit?actor=admin&limit=2&before=${byAdmin.items[1]!.id}`)).body);
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items.every((e) => e.actor.username === 'admin' && e.at <= byAdmin.items[1]!.at && !byAdmin.items.some((x) => x.id === e.id))).toBe(true);
    expect(next).toMatchObject({ total: byAdmin.total, capped: false });
    expect((await admin.send('GET', '/api/audit?offset=10')).status).toBe(400);
    expect(pageOf(auditEntryDtoSchema).parse((await admin.send('GET', '/api/audit?to=2000-01-01')).body).total).toBe(0);
    const bad = await admin.send('GET', '/api/audit?from=yesterday');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } });
  });

  it('exports what the filter matches as CSV that Excel opens (BOM, formulas defused)', async () => {
    const res = await admin.request('/api/audit/export.csv?action=user.');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]); // res.text() would drop the BOM
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('"操作人账号"');
    expect(lines.slice(1).every((l) => l.includes('"user.'))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
    // Beijing time, as every page shows it: the newest entry's time is 8 hours ahead of its UTC record.
    expect(lines[0]).toContain('"时间（北京时间）"');
    const newest = (await ctx.store.audit.listAudit({ action: 'user.', limit: 1 })).items[0]!;
    const beijing = new Date(Date.parse(newest.at) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(lines[1]!.startsWith(`"${beijing}",`)).toBe(true);
  });

  it('records monitoring changes with the report before and after, and nothing for a refused one', async () => {
    // Last year's targets, approved (monitoring starts only on approved targets).
    const own = (await ctx.store.documents.listDocuments({ departmentId: jinhua })).find((d) => d.fileName === '金花街道2023年度项目支出绩效目标表.txt')!;
    const started = await editor.send('POST', '/api/monitoring', { documentId: own.id, cutoffMonth: 5 });
    expect(started.status).toBe(201);
    const report = started.body as { id: number; entries: unknown };
    const stored = await ctx.store.evaluations.getEvaluation(report.id);
    expect((await editor.send('PUT', `/api/monitoring/${report.id}/entries`, { baseRevision: stored.revision, entries: report.entries })).status).toBe(200);
    const stale = await editor.send('PUT', `/api/monitoring/${report.id}/entries`, { baseRevision: stored.revision, entries: report.entries });
    expect(stale.status).toBe(409);
    const trail = pageOf(auditEntryDtoSchema).parse((await admin.send('GET', `/api/audit?objectType=evaluation&objectId=${report.id}`)).body);
    expect(trail.items.map((e) => e.action)).toEqual(['monitoring.save', 'monitoring.start']);
    expect(trail.items[1]).toMatchObject({ before: null, after: { kind: 'monitoring', documentId: own.id, status: 'draft', revision: stored.revision }, actor: { username: 'jinhua-editor' } });
    expect(trail.items[0]).toMatchObject({ before: { revision: stored.revision }, after: { revision: stored.revision + 1 } });
  });

  it('is not readable by unit roles or third-party reviewers', async () => {
    expect((await editor.send('GET', '/api/audit')).status).toBe(403);
    expect((await (await signedIn(app, 'third-party-reviewer')).send('GET', '/api/audit')).status).toBe(403);
  });
});
