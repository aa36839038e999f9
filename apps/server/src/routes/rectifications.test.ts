/**
 * 整改 over HTTP against the demo data on PGlite, signed in as the demo roles: the reviewer registers and issues an
 * item, the 金花 editor feeds back with a PDF (multipart) and a lying file is refused naming it, the reviewer
 * verifies; the attachment downloads byte for byte within 金花 and is 404 for a firm not engaged there; the notice
 * and the report are Word files; a feedback above the body limit is refused before it is read.
 */
import { rmSync } from 'node:fs';
import { rectificationDtoSchema, rectificationPageDtoSchema } from '@jixiao/contract';
import { demoPdf } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { MAX_FEEDBACK_BYTES } from './rectifications';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let reviewer: SignedInClient;
let editor: SignedInClient;
let firm: SignedInClient;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-rectification-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx);
  reviewer = await signedIn(app, 'finance-reviewer');
  editor = await signedIn(app, 'unit-editor');
  firm = await signedIn(app, 'third-party-reviewer');
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function feedbackForm(revision: number, text: string, files: Array<[string, Uint8Array, string]>): FormData {
  const form = new FormData();
  form.set('revision', String(revision));
  form.set('text', text);
  for (const [name, bytes, type] of files) form.append('files', new File([bytes.slice()], name, { type }));
  return form;
}

describe('整改 over HTTP', () => {
  it('registers, issues, takes the unit’s feedback with a PDF (refusing a lying file), verifies; the file downloads only in scope', async () => {
    const departmentId = editor.user.departmentId!;
    const created = await reviewer.send('POST', '/api/rectifications', {
      departmentId,
      unitName: '金花街道办事处',
      responsiblePerson: '城管办',
      problem: '垃圾分类投放点巡查记录不全',
      basis: '巡察反馈意见（演示）',
      measures: '补齐巡查记录，建立每日巡查台账',
      deadline: '2099-06-30',
      sourceKind: 'inspection',
      sourceReference: '巡察反馈意见',
      issue: true,
    });
    expect(created.status).toBe(201);
    const item = rectificationDtoSchema.parse(created.body);
    expect(item).toMatchObject({ status: 'issued', statusLabel: '整改中' });

    const lying = await editor.request(`/api/rectifications/${item.id}/feedback`, { method: 'POST', body: feedbackForm(item.revision, '已补齐', [['巡查台账.xlsx', demoPdf('not a workbook'), 'application/vnd.ms-excel']]) });
    expect(lying.status).toBe(400);
    expect(((await lying.json()) as { error: { message: string } }).error.message).toContain('「巡查台账.xlsx」的扩展名是 Excel 表格，但内容实际是PDF');

    const pdf = demoPdf('inspection records');
    const fed = await editor.request(`/api/rectifications/${item.id}/feedback`, { method: 'POST', body: feedbackForm(item.revision, '已补齐巡查记录', [['巡查记录.pdf', pdf, 'application/pdf']]) });
    expect(fed.status).toBe(200);
    const afterFeedback = rectificationDtoSchema.parse(await fed.json());
    const file = afterFeedback.attachments[0]!;
    expect(file).toMatchObject({ fileName: '巡查记录.pdf', type: 'pdf', size: pdf.byteLength, by: '金花街道填报人' });

    const got = await editor.request(file.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect((await firm.request(file.url)).status).toBe(404);
    expect((await firm.send('GET', `/api/rectifications/${item.id}`)).status).toBe(404);

    expect((await editor.send('POST', `/api/rectifications/${item.id}/verify`, { revision: afterFeedback.revision })).status).toBe(403);
    const stale = await reviewer.send('POST', `/api/rectifications/${item.id}/verify`, { revision: item.revision });
    expect(stale.status).toBe(409);
    const verified = await reviewer.send('POST', `/api/rectifications/${item.id}/verify`, { revision: afterFeedback.revision, text: '记录齐全' });
    expect(verified.status).toBe(200);
    expect(rectificationDtoSchema.parse(verified.body).history.map((h) => h.actionLabel)).toEqual(['下发整改通知', '反馈整改情况', '销号']);

    const page = rectificationPageDtoSchema.parse((await editor.send('GET', '/api/rectifications?status=verified')).body);
    expect(page.items.map((i) => i.id)).toContain(item.id);
    expect(page.items.every((i) => i.departmentId === departmentId)).toBe(true);
  });

  it('raises an item from a monitoring red or yellow line of the demo report, once; a green line is refused', async () => {
    const reports = (await reviewer.send('GET', '/api/monitoring')).body as { items: Array<{ id: number }> };
    const report = (await reviewer.send('GET', `/api/monitoring/${reports.items[0]!.id}`)).body as { result: { budgetLines: Array<{ key: string; light: string | null }>; indicatorLines: Array<{ key: string; light: string | null }> } };
    const lines = [...report.result.budgetLines, ...report.result.indicatorLines];
    const warned = lines.find((l) => l.light === 'red' || l.light === 'yellow')!;
    const green = lines.find((l) => l.light === 'green')!;
    const body = (lineKey: string) => ({ evaluationId: reports.items[0]!.id, lineKey, responsiblePerson: '财务办', measures: '分析原因并加快执行', deadline: '2099-09-30' });
    const made = await reviewer.send('POST', '/api/rectifications/from-monitoring-line', body(warned.key));
    expect(made.status).toBe(201);
    const raised = rectificationDtoSchema.parse(made.body);
    expect(raised.basis).not.toMatch(/budgetLights|indicatorLights|@\d/);
    expect(raised).toMatchObject({ sourceKind: 'monitoring', status: 'draft', problem: expect.stringMatching(/运行监控（\d{4}-\d{2}）(红灯|黄灯)：/), source: { evaluationId: reports.items[0]!.id, key: warned.key } });
    expect((await reviewer.send('POST', '/api/rectifications/from-monitoring-line', body(warned.key))).status).toBe(409);
    const refused = await reviewer.send('POST', '/api/rectifications/from-monitoring-line', body(green.key));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('不是红灯或黄灯预警');
    expect((await editor.send('POST', '/api/rectifications/from-monitoring-line', body(warned.key))).status).toBe(403);
  });

  it('writes the 整改通知书 and the 整改情况报告 as Word files', async () => {
    const [first] = rectificationPageDtoSchema.parse((await reviewer.send('GET', '/api/rectifications')).body).items;
    for (const url of [`/api/rectifications/${first!.id}/notice.docx`, `/api/departments/${first!.departmentId}/rectification-report.docx`]) {
      const res = await reviewer.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('.docx');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    }
  });

  it('refuses a feedback body above its limit before reading it', async () => {
    const res = await editor.request('/api/rectifications/1/feedback', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(MAX_FEEDBACK_BYTES + 1) }, body: 'x' });
    expect(res.status).toBe(413);
  });
});
