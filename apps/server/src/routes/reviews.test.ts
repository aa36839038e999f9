/**
 * The review API in-process (`app.request`) against a real PGlite store seeded with the demo documents: the review
 * of 金花街道 (seed 002), a dismissal, an added finding, a conclusion, the opinion .docx, and the Chinese errors.
 */
import { rmSync } from 'node:fs';
import { documentReviewDtoSchema, documentSummaryDtoSchema, errorDtoSchema, listOf, type DocumentReviewDto } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { DOCX_TYPE } from './reviews';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let id: number;
/** The demo finance reviewer (区财政局审核人): the name on every decision comes from the session (decision 010). */
let reviewer: SignedInClient;

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return reviewer.send(method, path, body);
}

async function review(method: string, path: string, body?: unknown, status = 200): Promise<DocumentReviewDto> {
  const res = await send(method, path, body);
  expect(res).toMatchObject({ status });
  return documentReviewDtoSchema.parse(res.body);
}

async function failure(method: string, path: string, body: unknown, status: number): Promise<{ code: string; message: string }> {
  const res = await send(method, path, body);
  expect(res.status).toBe(status);
  return errorDtoSchema.parse(res.body).error;
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-review-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  reviewer = await signedIn(app, 'finance-reviewer');
  const docs = listOf(documentSummaryDtoSchema).parse(await (await reviewer.request('/api/documents')).json());
  const jinhua = docs.items.find((d) => d.fileName?.startsWith('002_') && d.department?.includes('金花'));
  if (!jinhua) throw new Error(`seed 002 was not imported: ${docs.items.map((d) => d.title).join(', ')}`);
  id = jinhua.id;
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the review API', () => {
  it('reviews the 金花街道 document: findings, scores, conclusion, quantified share', async () => {
    const r = await review('GET', `/api/documents/${id}/review`);
    const checks = r.findings.map((f) => f.finding.check);
    expect(checks).toContain('level-mismatch');
    expect(checks).toContain('missing-annual-target');
    expect(r.review.dimensions).toHaveLength(4);
    expect(['优', '良', '中', '差']).toContain(r.review.conclusion);
    expect(r.review.quantified.share).toBeGreaterThan(0);
    expect(r.review.ruleSet.ref).toBe('cn-target-review@2');
  });

  it('dismisses with a reason and accepts, answering the recomputed review', async () => {
    const before = await review('GET', `/api/documents/${id}/review`);
    const mismatch = before.findings.find((f) => f.finding.check === 'level-mismatch')!;
    const after = await review('POST', `/api/documents/${id}/review/decisions`, { findingKey: mismatch.finding.key, decision: 'dismiss', reason: '原表编码为打印错误' });
    expect(after.findings.find((f) => f.finding.key === mismatch.finding.key)).toMatchObject({ status: 'dismissed', reason: '原表编码为打印错误' });
    expect(after.review.total).toBeGreaterThanOrEqual(before.review.total);
    const other = before.findings.find((f) => f.finding.check === 'missing-annual-target')!;
    const accepted = await review('POST', `/api/documents/${id}/review/decisions`, { findingKey: other.finding.key, decision: 'accept' });
    expect(accepted.findings.find((f) => f.finding.key === other.finding.key)?.status).toBe('accepted');
    expect(accepted.decisions.map((d) => d.type)).toEqual(['dismiss', 'accept']);
  });

  it('adds a finding (201) and overrides the conclusion', async () => {
    const r = await review('GET', `/api/documents/${id}/review`);
    const place = r.findings.find((f) => f.finding.location.project && f.finding.location.indicator)!.finding.location;
    const added = await review(
      'POST',
      `/api/documents/${id}/review/findings`,
      { check: 'qualitative-target', dimension: 'feasibility', severity: 'warning', location: { project: place.project, indicator: place.indicator }, message: '目标值未量化', suggestion: '写成 ≥90%' },
      201,
    );
    expect(added.findings.filter((f) => f.status === 'added')).toHaveLength(1);
    const concluded = await review('PUT', `/api/documents/${id}/review/conclusion`, { conclusion: '良', reason: '主要问题单位已承诺修改' });
    expect(concluded.review).toMatchObject({ conclusion: '良', override: { conclusion: '良', by: '区财政局审核人' } });
  });

  it('downloads the opinion as a .docx with a Chinese file name', async () => {
    const res = await reviewer.request(`/api/documents/${id}/review/opinion.docx?reviewer=${encodeURIComponent('王评审')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.docx"; filename\*=UTF-8''.+%E8%AF%84%E5%AE%A1%E6%84%8F%E8%A7%81\.docx$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('answers in Chinese when something is wrong', async () => {
    expect(await failure('POST', `/api/documents/${id}/review/decisions`, { findingKey: 'level-mismatch:1', decision: 'dismiss' }, 400)).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/理由/) });
    expect(await failure('POST', `/api/documents/${id}/review/decisions`, { findingKey: 'level-mismatch:1', decision: 'accept' }, 404)).toMatchObject({ code: 'NOT_FOUND' });
    // A request can no longer say who decided: the reviewer is the signed-in person.
    expect(await failure('POST', `/api/documents/${id}/review/decisions`, { findingKey: 'x', decision: 'accept', by: '冒名' }, 400)).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不认识的参数：by') });
    expect(await failure('PUT', `/api/documents/${id}/review/conclusion`, { conclusion: '甲', reason: 'x' }, 400)).toMatchObject({ message: expect.stringContaining('评审结论') });
    expect(await failure('POST', `/api/documents/${id}/review/findings`, { check: 'missing-target', dimension: 'completeness', severity: 'error', location: { project: '没有这个项目' }, message: 'x' }, 400)).toMatchObject({ message: expect.stringContaining('没有这个项目') });
    expect(await failure('GET', '/api/documents/999999/review', undefined, 404)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('999999') });
    expect((await failure('GET', `/api/documents/${id}/review/opinion.docx?x=1`, undefined, 400)).message).toContain('不认识的参数');
  });
});
