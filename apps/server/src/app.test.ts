/**
 * The API in-process (`app.request`) against a real PGlite store in a temp directory, seeded with the demo
 * documents exactly as `jixiao serve` does on first start.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
  departmentDtoSchema,
  documentSchema,
  documentSummaryDtoSchema,
  errorDtoSchema,
  healthDtoSchema,
  importOutcomeDtoSchema,
  indicatorDtoSchema,
  listOf,
  pageOf,
  projectDetailDtoSchema,
  projectDtoSchema,
  unitDtoSchema,
} from '@jixiao/contract';
import { DEMO_PASSWORD } from '@jixiao/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { precompressDir } from '../../web/build/precompress';
import { createApp } from './app';
import { createContext, DEFAULT_SEEDS_DIR, openContext, type AppContext } from './context';
import { startServer } from './serve';
import { findPolicy } from './http/access-policy';
import { CSRF_HEADER } from './http/csrf';
import { SESSION_COOKIE } from './http/session-cookie';
import { clientFor, signedIn, type SignedInClient } from './testing/signed-in';
import { demoDataDir } from './testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
/** Every catalogue and import call is made signed in as the demo admin (decision 010). */
let admin: SignedInClient;

async function get<T extends z.ZodType>(path: string, schema: T, status = 200): Promise<z.infer<T>> {
  const res = await admin.request(path);
  const body: unknown = await res.json();
  expect({ status: res.status, body }).toMatchObject({ status });
  return schema.parse(body);
}

async function upload(fileName: string, bytes: Uint8Array<ArrayBuffer> | string, extra: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.set('file', new File([bytes], fileName));
  for (const [k, v] of Object.entries(extra)) form.set(k, v);
  return admin.request('/api/documents', { method: 'POST', body: form });
}

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  admin = await signedIn(app, 'admin');
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('health and OpenAPI', () => {
  it('reports the database and the demo flag', async () => {
    const health = await get('/api/health', healthDtoSchema);
    expect(health).toMatchObject({ status: 'ok', database: 'pglite', demo: true });
  });

  it('documents every route, generated from the contract', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/schemas/jixiao-v1.json',
        'GET /api/templates/{kind}',
        'GET /api/departments',
        'GET /api/departments/{id}',
        'GET /api/departments/{id}/units',
        'GET /api/projects',
        'GET /api/projects/{id}',
        'GET /api/indicators',
        'GET /api/indicator-library',
        'GET /api/documents',
        'GET /api/documents/{id}',
        'POST /api/documents',
        'POST /api/documents/preview',
        'DELETE /api/documents/{id}',
        'PUT /api/documents/{id}/content',
        'POST /api/documents/{id}/rollover',
        'POST /api/import-jobs',
        'GET /api/jobs',
        'GET /api/jobs/{id}',
        'GET /api/jobs/{id}/file',
        'POST /api/output-jobs',
        'GET /api/documents/{id}/review',
        'POST /api/documents/{id}/review/decisions',
        'POST /api/documents/{id}/review/findings',
        'PUT /api/documents/{id}/review/conclusion',
        'GET /api/documents/{id}/review/opinion.docx',
        'GET /api/rule-sets',
        'GET /api/rule-sets/{id}/{version}',
        'POST /api/rule-sets',
        'POST /api/rule-sets/activations',
        'GET /api/monitoring',
        'POST /api/monitoring',
        'GET /api/monitoring/{id}',
        'PUT /api/monitoring/{id}/entries',
        'POST /api/monitoring/{id}/submit',
        'GET /api/monitoring/{id}/table.xlsx',
        'GET /api/monitoring/{id}/table.docx',
        'GET /api/monitoring/{id}/warnings',
        'POST /api/monitoring/{id}/warning-responses',
        'GET /api/self-evaluations',
        'POST /api/self-evaluations',
        'GET /api/self-evaluations/{id}',
        'PUT /api/self-evaluations/{id}/entries',
        'PUT /api/self-evaluations/{id}/report',
        'POST /api/self-evaluations/{id}/submit',
        'POST /api/self-evaluations/{id}/scores',
        'GET /api/self-evaluations/{id}/scores',
        'GET /api/self-evaluations/{id}/actuals.xlsx',
        'POST /api/self-evaluations/{id}/actuals.xlsx',
        'GET /api/self-evaluations/{id}/project-table.xlsx',
        'GET /api/self-evaluations/{id}/department-table.xlsx',
        'GET /api/self-evaluations/{id}/report.docx',
        'GET /api/results-use',
        'GET /api/results-use/table.xlsx',
        'POST /api/results-use/decisions',
        'GET /api/documents/{id}/last-year-results',
        'GET /api/rectifications',
        'POST /api/rectifications',
        'POST /api/rectifications/from-finding',
        'POST /api/rectifications/from-monitoring-line',
        'GET /api/rectifications/{id}',
        'POST /api/rectifications/{id}/issue',
        'POST /api/rectifications/{id}/verify',
        'POST /api/rectifications/{id}/return',
        'POST /api/rectifications/{id}/feedback',
        'GET /api/rectifications/{id}/notice.docx',
        'GET /api/departments/{id}/rectification-report.docx',
        'GET /api/attachments/{id}',
        'GET /api/sign-in-info',
        'POST /api/session',
        'GET /api/session',
        'DELETE /api/session',
        'PUT /api/me/password',
        'GET /api/workbench',
        'GET /api/dashboard',
        'GET /api/dashboard/export.xlsx',
        'GET /api/users',
        'POST /api/users',
        'PATCH /api/users/{id}',
        'PUT /api/users/{id}/password',
        'GET /api/audit',
        'GET /api/audit/export.csv',
        'GET /api/documents/{id}/workflow',
        'GET /api/documents/{id}/adjustment-changes',
        'POST /api/documents/{id}/workflow/submit',
        'POST /api/documents/{id}/workflow/send-back',
        'POST /api/documents/{id}/workflow/approve-unit',
        'POST /api/documents/{id}/workflow/return',
        'POST /api/documents/{id}/workflow/approve',
        'POST /api/documents/{id}/workflow/reject',
        'POST /api/documents/{id}/workflow/request-adjustment',
        'POST /api/documents/{id}/publication',
        'POST /api/documents/{id}/publication/withdrawal',
        'GET /api/evaluations/{id}/workflow',
        'POST /api/evaluations/{id}/workflow/submit',
        'POST /api/evaluations/{id}/workflow/approve-unit',
        'POST /api/evaluations/{id}/workflow/send-back',
        'POST /api/evaluations/{id}/workflow/accept',
        'POST /api/evaluations/{id}/workflow/return',
        'POST /api/evaluations/{id}/publication',
        'POST /api/evaluations/{id}/publication/withdrawal',
        'GET /api/period-locks',
        'PUT /api/period-locks',
        'GET /api/public/publications',
        'GET /api/public/documents/{id}',
        'GET /api/public/self-evaluations/{id}',
      ].sort(),
    );
  });
});

type Operation = { operationId?: string; security?: Array<Record<string, string[]>>; responses: Record<string, unknown> };
type OpenApiDoc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

/** Every operation of the document as `METHOD path`. */
const operations = (doc: OpenApiDoc) => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));

/** Every `$ref` in the document, wherever it sits. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

/** The object a local `$ref` (`#/components/schemas/Document`) points at, or undefined. */
function resolveRef(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), doc);
}

describe('the OpenAPI document as a contract (issue 11 item 3)', () => {
  let doc: OpenApiDoc;
  let text: string;
  beforeAll(async () => {
    const res = await app.request('/api/openapi.json');
    if (res.status !== 200) throw new Error(`GET /api/openapi.json → ${res.status}`);
    text = await res.text();
    doc = JSON.parse(text) as OpenApiDoc;
  });

  it('is an OpenAPI 3.0 document whose every $ref resolves', () => {
    expect(doc.openapi).toMatch(/^3\.0\.\d+$/);
    expect(doc.info.title).toMatch(/[\u4e00-\u9fff]/);
    expect(typeof doc.info.version).toBe('string');
    for (const { method, path, op } of operations(doc)) {
      expect(['GET', 'PUT', 'POST', 'DELETE', 'PATCH'], `${method} ${path}`).toContain(method);
      expect(Object.keys(op.responses).some((status) => /^2\d\d$/.test(status)), `${method} ${path} has a 2xx response`).toBe(true);
    }
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(100);
    const broken = [...new Set(refs)].filter((ref) => resolveRef(doc, ref) === undefined);
    expect(broken).toEqual([]);
    // Nothing of zod's own objects leaks into the document (a schema object the generator did not convert).
    expect(text).not.toContain('"innerType"');
  });

  it('names every operation: a camelCase operationId, unique', () => {
    const ids = operations(doc).map(({ method, path, op }) => op.operationId ?? `missing: ${method} ${path}`);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['getDocument', 'importDocument', 'signIn', 'getSelfEvaluation', 'submitTarget', 'acceptEvaluation']));
  });

  it('names the main schemas of the contract once, in components, and refers to them', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(expect.arrayContaining(['Document', 'Error', 'DocumentReview', 'SelfEvaluation', 'SelfEvaluationScore', 'RuleSet', 'RuleSetDetail', 'MonitoringReport', 'TargetWorkflow', 'User']));
    const ok = (method: string, path: string, status: string) =>
      (doc.paths[path]![method]!.responses[status] as { content: Record<string, { schema: unknown }> }).content['application/json']?.schema;
    expect(ok('get', '/api/documents/{id}', '200')).toEqual({ $ref: '#/components/schemas/Document' });
    expect(ok('get', '/api/self-evaluations/{id}', '200')).toEqual({ $ref: '#/components/schemas/SelfEvaluation' });
    expect(ok('get', '/api/departments/{id}', '404')).toEqual({ $ref: '#/components/schemas/Error' });
    // Inlined, the document was 428 KB (the interchange document alone written out a dozen times). Referenced, it
    // grows only by each new route and schema (issue 14: 结果应用's four routes about 10 KB, 整改 and 佐证材料's twelve
    // about 22 KB; 数据看板's two ≈7 KB); inlining again would add hundreds of KB.
    expect(Buffer.byteLength(text)).toBeLessThan(265_000);
  });

  it('declares the session cookie and the CSRF header, and which operations need them', () => {
    expect(doc.components.securitySchemes).toEqual({
      sessionCookie: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }),
      csrfToken: expect.objectContaining({ type: 'apiKey', in: 'header', name: CSRF_HEADER }),
    });
    const wrong: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const policy = findPolicy(method, path.replace(/\{[^}]+\}/g, '1'))!.policy;
      const change = method !== 'GET';
      const expected = policy.access === 'public' ? [] : [change ? { sessionCookie: [], csrfToken: [] } : { sessionCookie: [] }];
      if (JSON.stringify(op.security) !== JSON.stringify(expected)) wrong.push(`${method} ${path}: ${JSON.stringify(op.security)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('declares 401 wherever the access policy needs a signed-in person, 403 wherever a role decides or a change may be refused', () => {
    const wrong: string[] = [];
    let signedInOperations = 0;
    for (const { method, path, op } of operations(doc)) {
      // The one table the server enforces (http/access-policy.ts), not a list kept here.
      const policy = findPolicy(method, path.replace(/\{[^}]+\}/g, '1'))?.policy;
      if (!policy) {
        wrong.push(`${method} ${path}: no policy`);
        continue;
      }
      if (policy.access !== 'public') signedInOperations++;
      if (policy.access !== 'public' && !op.responses['401']) wrong.push(`${method} ${path}: no 401`);
      if ((policy.access === 'action' || method !== 'GET') && !op.responses['403']) wrong.push(`${method} ${path}: no 403`);
    }
    expect(wrong).toEqual([]);
    expect(signedInOperations).toBeGreaterThan(60);
  });
});

describe('departments', () => {
  it('lists the seeded departments with counts and totals', async () => {
    const { items } = await get('/api/departments', listOf(departmentDtoSchema));
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((d) => d.projectCount > 0)).toBe(true);
  });

  it('searches by name', async () => {
    const all = await get('/api/departments', listOf(departmentDtoSchema));
    // 花地 / 多宝 / 金花: the distinctive part of a 街道's name, as people type it.
    const word = all.items[0]!.name.replace(/^.*人民政府/, '').slice(0, 2);
    const { items } = await get(`/api/departments?search=${encodeURIComponent(word)}`, listOf(departmentDtoSchema));
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.items.length + 1);
    for (const d of items) expect(d.name).toContain(word);
    const none = await get(`/api/departments?search=${encodeURIComponent('不存在的部门')}`, listOf(departmentDtoSchema));
    expect(none.items).toEqual([]);
  });

  it('gets one department and its units; an unknown id is a Chinese 404', async () => {
    const { items } = await get('/api/departments', listOf(departmentDtoSchema));
    const first = items[0]!;
    expect(await get(`/api/departments/${first.id}`, departmentDtoSchema)).toEqual(first);
    const units = await get(`/api/departments/${first.id}/units`, listOf(unitDtoSchema));
    expect(units.items.length).toBe(first.unitCount);
    for (const u of units.items) expect(u.departmentId).toBe(first.id);
    const missing = await get('/api/departments/999999', errorDtoSchema, 404);
    expect(missing.error.code).toBe('NOT_FOUND');
    expect(missing.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await admin.request('/api/departments/999999/units')).status).toBe(404);
  });

  it('refuses bad query strings with a Chinese 400', async () => {
    const bad = await get('/api/departments?year=abc', errorDtoSchema, 400);
    expect(bad.error.code).toBe('VALIDATION');
    expect(bad.error.message).toContain('年度');
    const unknown = await get('/api/departments?colour=red', errorDtoSchema, 400);
    expect(unknown.error.message).toContain('不认识的参数：colour');
    // A path id that is not canonical digits names nothing (issue 9 item 1): 404, like an id that does not exist.
    expect((await admin.request('/api/departments/abc')).status).toBe(404);
  });
});

describe('projects and indicators', () => {
  it('pages through projects with limit/offset and a total', async () => {
    const all = await get('/api/projects?limit=500', pageOf(projectDtoSchema));
    expect(all.total).toBeGreaterThan(0);
    expect(all.items).toHaveLength(Math.min(all.total, 500));
    const page = await get('/api/projects?limit=2&offset=1', pageOf(projectDtoSchema));
    expect(page.total).toBe(all.total);
    expect(page.items.map((p) => p.id)).toEqual(all.items.slice(1, 3).map((p) => p.id));
    expect((await get('/api/projects?limit=501', errorDtoSchema, 400)).error.message).toContain('每页条数');
  });

  it('filters projects by department', async () => {
    const { items } = await get('/api/departments', listOf(departmentDtoSchema));
    const dept = items.find((d) => d.projectCount > 0)!;
    const page = await get(`/api/projects?departmentId=${dept.id}&limit=500`, pageOf(projectDtoSchema));
    expect(page.total).toBe(dept.projectCount);
    for (const p of page.items) expect(p.departmentId).toBe(dept.id);
  });

  it('gets a project with its indicators, and indicators by project', async () => {
    const all = await get('/api/projects?limit=500', pageOf(projectDtoSchema));
    const withIndicators = all.items.find((p) => p.indicatorCount > 0) ?? all.items[0]!;
    const detail = await get(`/api/projects/${withIndicators.id}`, projectDetailDtoSchema);
    expect(detail.indicators).toHaveLength(withIndicators.indicatorCount);
    const indicators = await get(`/api/indicators?projectId=${withIndicators.id}&limit=500`, pageOf(indicatorDtoSchema));
    expect(indicators.total).toBe(withIndicators.indicatorCount);
    for (const i of indicators.items) expect(i.projectId).toBe(withIndicators.id);
    expect((await get('/api/projects/999999', errorDtoSchema, 404)).error.code).toBe('NOT_FOUND');
  });
});

describe('documents', () => {
  it('lists the stored documents and returns one as jixiao/v1 JSON', async () => {
    const { items } = await get('/api/documents', listOf(documentSummaryDtoSchema));
    expect(items.length).toBeGreaterThan(0);
    const doc = await get(`/api/documents/${items[0]!.id}`, documentSchema);
    expect(doc.format).toBe('jixiao/v1');
    expect((await get('/api/documents/999999', errorDtoSchema, 404)).error.code).toBe('NOT_FOUND');
  });

  it('answers a page of documents with the total, never more than 500 (issue 12 item 1)', async () => {
    const all = await get('/api/documents', pageOf(documentSummaryDtoSchema));
    expect(all.total).toBeGreaterThan(1);
    const [first] = (await get('/api/documents?limit=1', pageOf(documentSummaryDtoSchema))).items;
    const next = await get(`/api/documents?limit=1&after=${first!.id}`, pageOf(documentSummaryDtoSchema));
    expect(next.items.map((d) => d.id)).toEqual([all.items[1]!.id]);
    expect(next.total).toBe(all.total);
    const targets = await get('/api/documents?kind=targets&order=recent', pageOf(documentSummaryDtoSchema));
    expect(targets.items.every((d) => d.kind.endsWith('targets'))).toBe(true);
    expect((await get('/api/documents?limit=501', errorDtoSchema, 400)).error.code).toBe('VALIDATION');
  });

  it('imports an uploaded document, and the same bytes again change nothing', async () => {
    const json = await get(`/api/documents/${(await get('/api/documents', listOf(documentSummaryDtoSchema))).items[0]!.id}`, documentSchema);
    const edited = { ...json, statedTotal: null, source: undefined };
    const first = await upload('edited.json', JSON.stringify(edited));
    const firstBody = importOutcomeDtoSchema.parse(await first.json());
    expect([200, 201]).toContain(first.status);
    const again = await upload('edited.json', JSON.stringify(edited));
    expect(again.status).toBe(200);
    expect(importOutcomeDtoSchema.parse(await again.json())).toMatchObject({ status: 'unchanged', documentId: firstBody.documentId });
  });

  it('refuses an unreadable file with a Chinese 400', async () => {
    const res = await upload('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    expect(res.status).toBe(400);
    const body = errorDtoSchema.parse(await res.json());
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const empty = await upload('empty.txt', '');
    expect(empty.status).toBe(400);
  });

  it('requires a file', async () => {
    const form = new FormData();
    form.set('year', '2024');
    const res = await admin.request('/api/documents', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(errorDtoSchema.parse(await res.json()).error.message).toContain('文件');
  });
});

describe('errors and the web app', () => {
  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(errorDtoSchema.parse(await res.json()).error.message).toContain('接口');
  });

  it('answers an unexpected failure with 500 and no stack trace', async () => {
    const broken = createContext(
      {
        ...ctx.store,
        catalog: {
          ...ctx.store.catalog,
          listDepartments: () => Promise.reject(new Error('connection reset at /srv/db.ts:12')),
        },
      },
      { demo: false },
    );
    const logged: unknown[] = [];
    const res = await clientFor(createApp(broken, { logError: (e) => logged.push(e) }), admin).request('/api/departments');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/connection reset|\.ts:|at /);
    expect(errorDtoSchema.parse(JSON.parse(text)).error.code).toBe('INTERNAL');
    expect(logged).toHaveLength(1);
  });

  it('serves the built web app with an SPA fallback and a favicon', async () => {
    const webDir = join(dataDir, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>jixiao</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const web = createApp(ctx, { webDir });
    const deep = await web.request('/departments/1?search=x');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const asset = await web.request('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await web.request('/favicon.ico')).status).toBe(200);
    expect((await web.request('/api/health')).status).toBe(200);
    expect((await web.request('/api/missing')).status).toBe(404);
  });

  it('sends the precompressed copy of an asset the browser accepts, and compresses API answers (issue 12 item 2)', async () => {
    const webDir = join(dataDir, 'web-compressed');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    const script = `console.log(${JSON.stringify('绩效'.repeat(2000))});`;
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>jixiao</title><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-5678.js'), script);
    expect(precompressDir(webDir)).toBe(1);
    const web = createApp(ctx, { webDir });

    const br = await web.request('/assets/app-5678.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect([br.status, br.headers.get('content-encoding'), br.headers.get('vary')]).toEqual([200, 'br', 'Accept-Encoding']);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(brBytes).toString()).toBe(script);
    const gz = await web.request('/assets/app-5678.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await web.request('/assets/app-5678.js');
    expect([plain.headers.get('content-encoding'), await plain.text()]).toEqual([null, script]);

    const api = await admin.request('/api/documents', { headers: { 'Accept-Encoding': 'gzip' } });
    expect([api.status, api.headers.get('content-encoding')]).toEqual([200, 'gzip']);
    const listed = JSON.parse(gunzipSync(Buffer.from(await api.arrayBuffer())).toString()) as { items: unknown[] };
    expect(listed.items.length).toBeGreaterThan(0);
  });

  it('sends the browser security headers on pages, assets, API answers and errors (issue 9 item 2)', async () => {
    const webDir = join(dataDir, 'web');
    const web = createApp(ctx, { webDir });
    const seen: Array<{ path: string; headers: Record<string, string | null> }> = [];
    for (const path of ['/', '/departments/1', '/assets/app-1234.js', '/favicon.ico', '/api/health', '/api/missing', '/api/departments']) {
      const res = await web.request(path);
      const names = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];
      seen.push({ path, headers: Object.fromEntries(names.map((n) => [n, res.headers.get(n)])) });
    }
    for (const { path, headers } of seen) {
      const csp = headers['content-security-policy'] ?? '';
      expect({ path, csp }).toEqual({ path, csp: expect.stringContaining("default-src 'self'") });
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect({ path, nosniff: headers['x-content-type-options'] }).toEqual({ path, nosniff: 'nosniff' });
      expect({ path, referrer: headers['referrer-policy'] }).toEqual({ path, referrer: 'same-origin' });
      expect(headers['permissions-policy']).toContain('camera=()');
    }
  });
});

describe('startServer', () => {
  it('reopens the seeded data dir without seeding twice, listens, and closes cleanly', async () => {
    const before = (await get('/api/documents', listOf(documentSummaryDtoSchema))).items.length;
    await ctx.store.close();
    const lines: string[] = [];
    const running = await startServer({ port: 0, dataDir, handleSignals: false, log: (l) => lines.push(l), seedsDir: DEFAULT_SEEDS_DIR });
    try {
      const health = healthDtoSchema.parse(await (await fetch(`${running.url}/api/health`)).json());
      expect(health.database).toBe('pglite');
      const signIn = await fetch(`${running.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
      const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0]!;
      const docs = listOf(documentSummaryDtoSchema).parse(await (await fetch(`${running.url}/api/documents`, { headers: { Cookie: cookie } })).json());
      expect(docs.items.length).toBe(before);
      expect(lines.join('\n')).toContain('jixiao 已启动');
    } finally {
      await running.close();
      await running.close();
    }
    // The data dir is free again: the lock was released.
    ctx = await openContext({ dataDir, demo: false });
  });
});

// Keep the seeds directory honest: the demo data comes from the repository's fixtures.
it('points at the repository seeds', () => {
  expect(readFileSync(join(DEFAULT_SEEDS_DIR, 'README.md'), 'utf8')).toContain('Seed documents');
});
