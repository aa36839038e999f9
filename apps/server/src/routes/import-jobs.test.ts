/**
 * Imports as jobs over HTTP (issue 12 item 5): the upload answers 202 at once with a queued job; the server's runner
 * reads and stores the file as the person who started it; the person follows the job by id and finds it again in
 * their list (what a reloaded page does); a refusal ends the job with the reader's Chinese reason; nobody else sees
 * the job, and nobody signed out sees anything. A document to generate (an output job) is rendered by the runner and
 * fetched by its owner; an object outside the person's departments is not found, and nothing is queued.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { jobDtoSchema, listOf, type JobDto } from '@jixiao/contract';
import { readDocxLayout } from '@jixiao/formats';
import { startJobRunner, type JobRunner } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { DEFAULT_SEEDS_DIR, openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';
import { signedIn, type SignedInClient } from '../testing/signed-in';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let runner: JobRunner;
let editor: SignedInClient;
let reviewer: SignedInClient;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-import-jobs-');
  ctx = await openContext({ dataDir, demo: true });
  runner = startJobRunner({ store: ctx.store }, { runner: 'test', pollMs: 50 });
  ctx.wakeJobRunner = runner.wake;
  app = createApp(ctx, { logError: () => {} });
  editor = await signedIn(app, 'unit-editor');
  reviewer = await signedIn(app, 'finance-reviewer');
});

afterAll(async () => {
  await runner?.stop();
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function upload(client: SignedInClient, name: string, bytes: Buffer | string, year = '2025'): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name));
  form.set('year', year);
  return client.request('/api/import-jobs', { method: 'POST', body: form });
}

async function followed(client: SignedInClient, id: number): Promise<JobDto> {
  for (let i = 0; i < 600; i++) {
    const res = await client.request(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    const job = jobDtoSchema.parse(await res.json());
    expect(job.progress.done).toBeLessThanOrEqual(job.progress.total);
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not end`);
}

const seed002 = () => readFileSync(join(DEFAULT_SEEDS_DIR, '002_71a78aaa1661d207.pages-1-5.txt'));

describe('imports as jobs', () => {
  it('answers 202 with a queued job, and the runner imports the file as the editor', async () => {
    const res = await upload(editor, '金花街道2025年目标表.txt', seed002());
    expect(res.status).toBe(202);
    const queued = jobDtoSchema.parse(await res.json());
    expect(queued).toMatchObject({ status: 'queued', kind: 'import', title: '金花街道2025年目标表.txt', result: null, error: null });
    const done = await followed(editor, queued.id);
    expect(done.status).toBe('succeeded');
    expect(done.result).toMatchObject({ status: 'created', year: 2025, fileName: '金花街道2025年目标表.txt' });
    expect(done.progress).toEqual({ done: 3, total: 3, label: '已完成' });
    // The document is there, made by the editor, as a direct upload would have made it.
    const doc = await editor.send('GET', `/api/documents?year=2025`);
    const items = (doc.body as { items: Array<{ id: number; importedBy: string | null }> }).items;
    expect(items.find((d) => d.id === done.result!.documentId)?.importedBy).toBe(editor.user.displayName);
    // A reloaded page finds the job in the person's list, newest first.
    const mine = listOf(jobDtoSchema).parse((await editor.send('GET', '/api/jobs')).body);
    expect(mine.items[0]?.id).toBe(queued.id);
  });

  it('ends a file the readers refuse as a failed job with the reason, and stores nothing', async () => {
    const before = ((await editor.send('GET', '/api/documents')).body as { items: unknown[] }).items.length;
    const res = await upload(editor, '损坏的表.xlsx', 'PK\u0003\u0004 这不是完整的工作簿');
    expect(res.status).toBe(202);
    const done = await followed(editor, jobDtoSchema.parse(await res.json()).id);
    expect(done.status).toBe('failed');
    expect(done.error?.code).toBe('BAD_INPUT');
    expect(done.error?.message).toMatch(/^损坏的表\.xlsx: .*[\u4e00-\u9fff]/);
    expect(done.result).toBeNull();
    expect(((await editor.send('GET', '/api/documents')).body as { items: unknown[] }).items.length).toBe(before);
  });

  it('shows a job only to the person who started it; signed out, nothing', async () => {
    const res = await upload(editor, '金花街道2025年目标表（二）.txt', seed002());
    const { id } = jobDtoSchema.parse(await res.json());
    expect((await reviewer.request(`/api/jobs/${id}`)).status).toBe(404);
    expect(listOf(jobDtoSchema).parse((await reviewer.send('GET', '/api/jobs')).body).items.some((j) => j.id === id)).toBe(false);
    expect((await app.request(`/api/jobs/${id}`)).status).toBe(401);
    expect((await app.request('/api/import-jobs', { method: 'POST' })).status).toBe(401);
    // The reviewer may not import at all (the access policy's document.import).
    expect((await upload(reviewer, 'x.txt', seed002())).status).toBe(403);
    await followed(editor, id);
  });
});

/** A target document of the 街道 named, else its first document. */
async function documentOf(department: string): Promise<number> {
  const departments = await ctx.store.catalog.listDepartments({});
  const departmentId = departments.find((d) => d.name.includes(department))!.id;
  const docs = await ctx.store.documents.listDocuments({ departmentId });
  return (docs.find((d) => d.kind === 'project-targets') ?? docs[0]!).id;
}

describe('documents generated as jobs', () => {
  it('renders the review opinion of a document the editor sees, and hands the file to them alone', async () => {
    const res = await editor.send('POST', '/api/output-jobs', { format: 'opinion', id: await documentOf('金花') });
    expect(res.status).toBe(202);
    const queued = jobDtoSchema.parse(res.body);
    expect(queued).toMatchObject({ kind: 'output', status: 'queued', file: null });
    const done = await followed(editor, queued.id);
    expect(done.status).toBe('succeeded');
    expect(done.file).toMatchObject({ mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(done.file!.fileName).toMatch(/评审意见.*\.docx$/);
    const got = await editor.request(`/api/jobs/${queued.id}/file`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(done.file!.mediaType);
    const bytes = new Uint8Array(await got.arrayBuffer());
    expect(bytes.length).toBe(done.file!.size);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect((await reviewer.request(`/api/jobs/${queued.id}/file`)).status).toBe(404);
  });

  it('signs the opinion with the reviewer and organization the job was given, as the download route does', async () => {
    const res = await reviewer.send('POST', '/api/output-jobs', { format: 'opinion', id: await documentOf('金花'), reviewer: ' 王评审 ', organization: '广州某某绩效评价有限公司' });
    expect(res.status).toBe(202);
    const done = await followed(reviewer, jobDtoSchema.parse(res.body).id);
    expect(done.status).toBe('succeeded');
    const layout = readDocxLayout(new Uint8Array(await (await reviewer.request(`/api/jobs/${done.id}/file`)).arrayBuffer()));
    expect(layout.ok).toBe(true);
    const text = JSON.stringify(layout);
    expect(text).toContain('王评审');
    expect(text).not.toContain(' 王评审 ');
    expect(text).toContain('广州某某绩效评价有限公司');
    // A field the request does not know is refused, not ignored.
    expect((await reviewer.send('POST', '/api/output-jobs', { format: 'opinion', id: 1, signer: 'x' })).status).toBe(400);
  });

  it('does not queue a file of another 街道 (404), nor an unknown format (400)', async () => {
    const before = listOf(jobDtoSchema).parse((await editor.send('GET', '/api/jobs')).body).items.length;
    const foreign = await editor.send('POST', '/api/output-jobs', { format: 'opinion', id: await documentOf('花地') });
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).toContain('找不到编号为');
    const unknown = await editor.send('POST', '/api/output-jobs', { format: 'bogus', id: await documentOf('金花') });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('未知的输出格式');
    expect(listOf(jobDtoSchema).parse((await editor.send('GET', '/api/jobs')).body).items.length).toBe(before);
    // Reading is every role's within its departments: the finance reviewer may generate any 街道's file.
    expect((await reviewer.send('POST', '/api/output-jobs', { format: 'opinion', id: await documentOf('花地') })).status).toBe(202);
  });
});

describe('the approved targets’ official files as jobs (decision 034)', () => {
  it('fails the job of a draft with the Chinese reason; makes the 批复 notice and the 绩效目标表 of approved targets', async () => {
    // The demo's 金花街道 targets are a draft; 花地街道's (seed 000) went through the workflow to 已批复.
    const draft = await reviewer.send('POST', '/api/output-jobs', { format: 'approval-notice', id: await documentOf('金花') });
    expect(draft.status).toBe(202);
    const refused = await followed(reviewer, jobDtoSchema.parse(draft.body).id);
    expect(refused.status).toBe('failed');
    expect(refused.error?.message).toMatch(/的绩效目标尚未批复（当前为「草稿」，第 1 版）：绩效目标批复通知只能由财政部门批复的版本生成，请在批复后再下载。$/);
    expect(refused.file).toBeNull();

    const approved = await documentOf('花地');
    const notice = await followed(reviewer, jobDtoSchema.parse((await reviewer.send('POST', '/api/output-jobs', { format: 'approval-notice', id: approved })).body).id);
    expect(notice.status).toBe('succeeded');
    expect(notice.file!.fileName).toBe('广州市荔湾区人民政府花地街道办事处2024年度绩效目标批复通知.docx');
    const layout = readDocxLayout(new Uint8Array(await (await reviewer.request(`/api/jobs/${notice.id}/file`)).arrayBuffer()));
    if (!layout.ok) throw new Error(layout.error.message);
    const text = layout.layout.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(text[0]).toBe('广州市荔湾区财政局文件');
    expect(text).toContain('广州市荔湾区人民政府花地街道办事处：');
    expect(text.join('\n')).toContain('由区财政局审核人审核批复');

    const table = await followed(reviewer, jobDtoSchema.parse((await reviewer.send('POST', '/api/output-jobs', { format: 'target-table', id: approved })).body).id);
    expect([table.status, table.file?.fileName]).toEqual(['succeeded', '广州市荔湾区人民政府花地街道办事处2024年度绩效目标表.xlsx']);
    // The file is the reviewer's own job's: nobody else fetches it.
    expect((await editor.request(`/api/jobs/${table.id}/file`)).status).toBe(404);
  });
});
