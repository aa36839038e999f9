/**
 * Saving a target edited in place on the review page (`PUT /api/documents/{id}/content`) in-process against a real
 * PGlite store seeded with the demo documents: 社区居民活动费's 4th indicator of 金花街道 (seed 002) gets the
 * annual target it lacks → a new version without its missing-annual-target finding, version 1 unchanged, a save
 * based on the old version refused with 409, an edit that changes the document's identity refused with 400.
 */
import { rmSync } from 'node:fs';
import { documentReviewDtoSchema, documentSchema, documentSummaryDtoSchema, errorDtoSchema, listOf, type DocumentReviewDto } from '@jixiao/contract';
import { parseTarget, type PerformanceDocument } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
/** The demo admin may both edit targets and decide findings. */
let admin: SignedInClient;
let id: number;

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await admin.request(path, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function getDoc(version?: number): Promise<PerformanceDocument> {
  const res = await send('GET', `/api/documents/${id}${version ? `?version=${version}` : ''}`);
  expect(res.status).toBe(200);
  return documentSchema.parse(res.body);
}

const PROJECT = '社区居民活动费';

function activityIndicator(doc: PerformanceDocument) {
  const project = doc.units.flatMap((u) => u.projects).find((p) => p.name === PROJECT);
  if (!project) throw new Error(`${PROJECT} not in the document`);
  return project.indicators.find((i) => i.no === 4)!;
}

const missingAnnual = (r: DocumentReviewDto) => r.findings.filter((f) => f.finding.check === 'missing-annual-target' && f.finding.location.project === PROJECT && f.finding.location.indicator === 4);

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-edit-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  admin = await signedIn(app, 'admin');
  const docs = listOf(documentSummaryDtoSchema).parse(await (await admin.request('/api/documents')).json());
  const jinhua = docs.items.find((d) => d.fileName?.startsWith('002_') && d.department?.includes('金花'));
  if (!jinhua) throw new Error('seed 002 was not imported');
  id = jinhua.id;
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('PUT /api/documents/{id}/content', () => {
  it('saves an edited annual target as version 2: the finding is gone, version 1 is kept unchanged', async () => {
    const before = documentReviewDtoSchema.parse((await send('GET', `/api/documents/${id}/review`)).body);
    expect(before.document.version).toBe(1);
    expect(missingAnnual(before)).toHaveLength(1);
    // A dismissal on version 1 of another finding carries over to version 2.
    const other = before.findings.find((f) => f.finding.check === 'level-mismatch')!;
    await send('POST', `/api/documents/${id}/review/decisions`, { findingKey: other.finding.key, decision: 'dismiss', reason: '编码打印错误' });

    const v1 = await getDoc();
    const v1Text = JSON.stringify(v1);
    const edited = structuredClone(v1);
    const ind = activityIndicator(edited);
    expect(ind.annualTarget).toBeNull();
    expect(ind.periodTarget).not.toBeNull();
    // What the browser sends: the text, parsed by the core (the server parses it again anyway).
    ind.annualTarget = { text: '提高5%', op: null, value: null, unit: null, kind: 'qualitative' };

    const res = await send('PUT', `/api/documents/${id}/content`, { baseVersion: 1, document: edited });
    expect(res.status).toBe(200);
    const after = documentReviewDtoSchema.parse(res.body);
    expect(after.document.version).toBe(2);
    expect(after.document.versionCount).toBe(2);
    expect(after.document.fileName).toBe(before.document.fileName);
    expect(after.document.id).toBe(id);
    expect(missingAnnual(after)).toEqual([]);
    expect(after.findings.find((f) => f.finding.key === other.finding.key)).toMatchObject({ status: 'dismissed', reason: '编码打印错误' });

    const v2 = await getDoc();
    expect(activityIndicator(v2).annualTarget).toEqual(parseTarget('提高5%'));
    expect(v2.source?.file).toBe(v1.source?.file);
    expect(v2.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(v2.source?.sha256).not.toBe(v1.source?.sha256);
    expect(JSON.stringify(await getDoc(1))).toBe(v1Text);

    // Saving the same content again changes nothing.
    const again = documentReviewDtoSchema.parse((await send('PUT', `/api/documents/${id}/content`, { baseVersion: 2, document: v2 })).body);
    expect(again.document.version).toBe(2);
    expect(again.document.versionCount).toBe(2);

    // The review of the new version is what GET answers.
    const got = documentReviewDtoSchema.parse((await send('GET', `/api/documents/${id}/review`)).body);
    expect(got.review).toEqual(after.review);
  });

  it('refuses a save based on an older version with 409 and a Chinese message', async () => {
    const v1 = await getDoc(1);
    activityIndicator(v1).annualTarget = parseTarget('≥90%');
    const res = await send('PUT', `/api/documents/${id}/content`, { baseVersion: 1, document: v1 });
    expect(res.status).toBe(409);
    const { code, message } = errorDtoSchema.parse(res.body).error;
    expect(code).toBe('CONFLICT');
    expect(message).toMatch(/已由 系统管理员 于 .*第 2 版.*第 1 版.*重新载入/);
    expect((await getDoc()).source?.sha256).toBe((await getDoc(2)).source?.sha256);
  });

  it('refuses an edit of what identifies the document (400) and a body that is not a document (400)', async () => {
    const current = await getDoc();
    const moved = { ...current, year: (current.year ?? 2024) + 1 };
    const res = await send('PUT', `/api/documents/${id}/content`, { baseVersion: 2, document: moved });
    expect(res.status).toBe(400);
    expect(errorDtoSchema.parse(res.body).error.message).toMatch(/文档类型、主管部门、年度和预算单位不能在这里修改/);
    expect((await send('PUT', `/api/documents/${id}/content`, { baseVersion: 2, document: { format: 'x' } })).status).toBe(400);
    expect((await send('PUT', `/api/documents/999999/content`, { baseVersion: 1, document: current })).status).toBe(404);
  });

  it('fixes a 指标层级不符 by choosing the right levels, and adds and removes indicators (the others keep their numbers)', async () => {
    const review = documentReviewDtoSchema.parse((await send('GET', `/api/documents/${id}/review`)).body);
    const mismatch = review.findings.filter((f) => f.finding.check === 'level-mismatch' && f.finding.location.project !== undefined && f.finding.location.indicator !== undefined);
    expect(mismatch.length).toBeGreaterThan(0);
    const where = mismatch[0]!.finding.location;
    const doc = await getDoc();
    const edited = structuredClone(doc);
    const project = edited.units.flatMap((u) => u.projects).find((p) => p.name === where.project)!;
    const wrong = project.indicators.find((i) => i.no === where.indicator)!;
    // The levels the page sets for a chosen 二级: its 一级 follows (数量指标 belongs to 产出指标).
    Object.assign(wrong, { level1: '产出指标', level1Code: '1', level2: '数量指标', level2Code: '11' });
    const removed = project.indicators.find((i) => i.no !== where.indicator)!;
    project.indicators = project.indicators.filter((i) => i !== removed);
    const nextNo = Math.max(...project.indicators.map((i) => i.no), removed.no) + 1;
    project.indicators.push({ no: nextNo, level1: '效益指标', level1Code: '2', level2: '社会效益指标', level2Code: '22', name: '居民参与率', periodTarget: null, annualTarget: parseTarget('≥60%'), direction: null });

    const res = await send('PUT', `/api/documents/${id}/content`, { baseVersion: review.document.version, document: edited });
    expect(res.status).toBe(200);
    const after = documentReviewDtoSchema.parse(res.body);
    expect(after.document.version).toBe(review.document.version + 1);
    expect(after.findings.some((f) => f.finding.check === 'level-mismatch' && f.finding.location.project === where.project && f.finding.location.indicator === where.indicator)).toBe(false);
    const saved = (await getDoc()).units.flatMap((u) => u.projects).find((p) => p.name === where.project)!;
    expect(saved.indicators.map((i) => i.no)).toEqual(project.indicators.map((i) => i.no));
    expect(saved.indicators.at(-1)).toMatchObject({ no: nextNo, name: '居民参与率', level2: '社会效益指标', annualTarget: parseTarget('≥60%'), direction: 'higher' });
    expect(after.document.indicatorCount).toBe(review.document.indicatorCount);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await send('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths['/api/documents/{id}/content']?.put).toBeDefined();
  });
});
