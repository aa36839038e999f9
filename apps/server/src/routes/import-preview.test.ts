/**
 * Issue 10 item 7, in-process against a PGlite store seeded with the demo documents: the import preview reads a
 * real seed and stores nothing (documents, versions and the audit trail counted before and after); it refuses what
 * the upload refuses (prose that is no form, another 街道's file for a unit editor); withdrawing a draft deletes it
 * with its projects and writes `document.withdraw` to the audit trail; a submitted document answers 409, another
 * 街道's document 404, anonymous 401.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { documentSummaryDtoSchema, errorDtoSchema, importOutcomeDtoSchema, importPreviewDtoSchema, listOf, withdrawnDocumentDtoSchema } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { DEFAULT_SEEDS_DIR, openContext, type AppContext } from '../context';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

const JINHUA_SEED = '002_71a78aaa1661d207.pages-1-5.txt';
const HUADI_SEED = '000_33f7e9c75c02529b.txt';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let editor: SignedInClient;
let admin: SignedInClient;

const seed = (name: string) => readFileSync(join(DEFAULT_SEEDS_DIR, name));

function form(fileName: string, bytes: BlobPart, year?: number): FormData {
  const f = new FormData();
  f.set('file', new File([bytes], fileName));
  if (year !== undefined) f.set('year', String(year));
  return f;
}

async function post(client: SignedInClient, path: string, body: FormData): Promise<{ status: number; body: unknown }> {
  const res = await client.request(path, { method: 'POST', body });
  return { status: res.status, body: await res.json() };
}

/** What a preview must not change: documents with their versions, projects, and the audit trail. */
async function counts() {
  const documents = await ctx.store.documents.listDocuments();
  const audit = await ctx.store.audit.listAudit({ limit: 1 });
  const projects = await ctx.store.catalog.listProjects({ limit: 1, offset: 0 });
  return { documents: documents.length, versions: documents.reduce((n, d) => n + d.versionCount, 0), projects: projects.total, audit: audit.total };
}

/** Imports seed 002 under another file name as the 金花 editor: a new draft document of its own. */
async function importDraft(fileName: string): Promise<number> {
  const res = await post(editor, '/api/documents', form(fileName, seed(JINHUA_SEED), 2024));
  expect(res.status).toBe(201);
  return importOutcomeDtoSchema.parse(res.body).documentId;
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-preview-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  editor = await signedIn(app, 'unit-editor');
  admin = await signedIn(app, 'admin');
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('POST /api/documents/preview', () => {
  it('summarises seed 002 (金花街道 project targets) and stores nothing', async () => {
    const before = await counts();
    const res = await post(editor, '/api/documents/preview', form('金花-预览.txt', seed(JINHUA_SEED), 2024));
    expect(res.status).toBe(200);
    const preview = importPreviewDtoSchema.parse(res.body);
    expect(preview).toMatchObject({ fileName: '金花-预览.txt', kind: 'project-targets', kindLabel: '项目支出绩效目标表', year: 2024, amountUnit: '万元' });
    expect(`${preview.department ?? ''}${preview.units.join('')}`).toContain('金花街道');
    expect(preview.projectCount).toBe(preview.projects.length);
    expect(preview.projectCount).toBeGreaterThan(5);
    // The first project of the printed table, its amount as printed (16.56 万元), and its indicators counted.
    const first = preview.projects.find((p) => p.name.includes('病媒生物防治'));
    expect(first?.amount).toBe(16.56);
    expect(first?.indicatorCount).toBeGreaterThan(0);
    expect(preview.indicatorCount).toBe(preview.projects.reduce((n, p) => n + p.indicatorCount, 0) + preview.departmentIndicatorCount);
    for (const p of preview.problems) expect(p.where === null || /第 \d+ (行|页|个表格)|工作表|项目「|单位「|「/.test(p.where)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('gives the same answer as the stored import would, and the stored counts match', async () => {
    const res = await post(admin, '/api/documents/preview', form('金花-对照.txt', seed(JINHUA_SEED), 2024));
    const preview = importPreviewDtoSchema.parse(res.body);
    const stored = listOf(documentSummaryDtoSchema)
      .parse(await (await admin.request('/api/documents')).json())
      .items.find((d) => d.fileName === JINHUA_SEED)!;
    expect({ projects: preview.projectCount, indicators: preview.indicatorCount }).toEqual({ projects: stored.projectCount, indicators: stored.indicatorCount });
  });

  it('refuses a text of unrelated prose with the reader’s Chinese reason (400), storing nothing', async () => {
    const before = await counts();
    const res = await post(editor, '/api/documents/preview', form('游记.txt', '今天天气很好，我们去公园散步。\n春天来了，花开了，小鸟在树上唱歌。\n'));
    expect(res.status).toBe(400);
    expect(errorDtoSchema.parse(res.body).error.message).toMatch(/游记\.txt.*无法识别/);
    expect(await counts()).toEqual(before);
  });

  it('refuses another 街道’s document to a 金花 editor exactly as the upload does', async () => {
    const preview = await post(editor, '/api/documents/preview', form('花地.txt', seed(HUADI_SEED)));
    const upload = await post(editor, '/api/documents', form('花地.txt', seed(HUADI_SEED)));
    expect(preview.status).toBe(403);
    expect(preview).toEqual(upload);
    expect(errorDtoSchema.parse(preview.body).error.message).toContain('只能导入本部门');
  });

  it('refuses a file over 20 MB before reading it (413), as the upload does', async () => {
    const before = await counts();
    const res = await post(editor, '/api/documents/preview', form('大文件.txt', 'x'.repeat(21 * 1024 * 1024), 2024));
    expect(res.status).toBe(413);
    expect(errorDtoSchema.parse(res.body).error.message).toContain('20 MB');
    expect(await counts()).toEqual(before);
  });

  it('is refused to anonymous (401) and to a reviewer (403)', async () => {
    const anonymous = await app.request('/api/documents/preview', { method: 'POST', body: form('a.txt', seed(JINHUA_SEED), 2024) });
    expect(anonymous.status).toBe(401);
    const reviewer = await signedIn(app, 'finance-reviewer');
    expect((await post(reviewer, '/api/documents/preview', form('a.txt', seed(JINHUA_SEED), 2024))).status).toBe(403);
  });
});

describe('DELETE /api/documents/{id} (withdraw a draft)', () => {
  it('withdraws a draft: the document, its versions and projects are gone, and the audit trail says who', async () => {
    const id = await importDraft('金花-误导入.txt');
    const before = await counts();
    const res = await editor.request(`/api/documents/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    const gone = withdrawnDocumentDtoSchema.parse(await res.json());
    expect(gone).toMatchObject({ documentId: id, versions: 1 });
    expect(gone.projects).toBeGreaterThan(5);
    expect((await editor.request(`/api/documents/${id}`)).status).toBe(404);
    const after = await counts();
    expect(after).toEqual({ documents: before.documents - 1, versions: before.versions - 1, projects: before.projects - gone.projects, audit: before.audit + 1 });
    const [entry] = (await ctx.store.audit.listAudit({ action: 'document.withdraw', objectId: String(id), limit: 5 })).items;
    expect(entry).toMatchObject({ actor: { username: 'jinhua-editor' }, objectType: 'document', after: null, before: { documentId: id, fileName: '金花-误导入.txt', versions: 1 } });
    expect((await ctx.store.verifyAuditChain()).ok).toBe(true);
    // Withdrawn once: a second withdrawal finds nothing.
    expect((await editor.request(`/api/documents/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses a submitted document with 409 「已提交过的文档不能撤回」 and keeps it', async () => {
    const id = await importDraft('金花-已提交.txt');
    expect((await editor.send('POST', `/api/documents/${id}/workflow/submit`, {})).status).toBe(200);
    const before = await counts();
    const res = await editor.request(`/api/documents/${id}`, { method: 'DELETE' });
    expect(res.status).toBe(409);
    expect(errorDtoSchema.parse(await res.json()).error.message).toContain('已提交过的文档不能撤回');
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for another 街道’s document, 401 anonymously, 403 to a reviewer', async () => {
    const documents = await ctx.store.documents.listDocuments();
    const huadi = documents.find((d) => d.department?.includes('花地'))!;
    const own = await importDraft('金花-权限.txt');
    expect((await editor.request(`/api/documents/${huadi.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.request(`/api/documents/${own}`, { method: 'DELETE' })).status).toBe(401);
    const reviewer = await signedIn(app, 'finance-reviewer');
    expect((await reviewer.request(`/api/documents/${own}`, { method: 'DELETE' })).status).toBe(403);
    expect((await ctx.store.documents.listDocuments()).length).toBe(documents.length + 1);
  });
});

describe('GET /api/documents tells documents of one title apart', () => {
  it('names the units and who imported the current version', async () => {
    await importDraft('金花-列表.txt');
    const items = listOf(documentSummaryDtoSchema).parse(await (await editor.request('/api/documents')).json()).items;
    const mine = items.find((d) => d.fileName === '金花-列表.txt')!;
    expect(mine.importedBy).toBe('金花街道填报人');
    expect(mine.units.some((u) => u.includes('金花街道'))).toBe(true);
  });
});
