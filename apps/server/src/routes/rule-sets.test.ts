/**
 * The rule-set API in-process (`app.request`) against a PGlite store: list, show, copy with changes (validated, 409 on
 * an existing version), activate, the Chinese errors, and the routes in /api/openapi.json.
 */
import { rmSync } from 'node:fs';
import { errorDtoSchema, ruleSetActivationDtoSchema, ruleSetDetailDtoSchema, ruleSetListDtoSchema } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureUser, signedIn, type SignedInClient } from '../testing/signed-in';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { migratedDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let admin: SignedInClient;

async function send(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await admin.request(path, body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  dataDir = await migratedDataDir('jixiao-server-rules-');
  ctx = await openContext({ dataDir, demo: false });
  app = createApp(ctx, { logError: () => {} });
  // Not a demo: the admin is made in the store, named as the old requests named the operator.
  await ensureUser(ctx, { username: 'rules-admin', role: 'admin', displayName: '管理员' });
  admin = await signedIn(app, { username: 'rules-admin' });
});
afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('/api/rule-sets', () => {
  it('lists the built-in rule sets and shows one with its settings', async () => {
    const list = await send('GET', '/api/rule-sets');
    expect(list.status).toBe(200);
    expect(ruleSetListDtoSchema.parse(list.body).items.map((i) => i.ref)).toContain('cn-project-self-evaluation@1');
    const one = await send('GET', '/api/rule-sets/cn-project-self-evaluation/1');
    expect(ruleSetDetailDtoSchema.parse(one.body).settings).toMatchObject({ weights: { execution: 10, output: 50 } });
    const missing = await send('GET', '/api/rule-sets/nope/1');
    expect(missing.status).toBe(404);
    expect(errorDtoSchema.parse(missing.body).error.message).toContain('找不到规则集 nope@1');
  });

  it('copies with changes into a new version, refuses bad settings and existing versions, activates', async () => {
    const body = { from: 'cn-project-self-evaluation@1', id: 'liwan-project', region: '荔湾区', years: { from: 2024, to: 2025 }, source: { docNo: '荔财〔2024〕1号', title: '' } };
    const bad = await send('POST', '/api/rule-sets', { ...body, changes: { 'grades[3].min': 10 } });
    expect(bad.status).toBe(400);
    expect(errorDtoSchema.parse(bad.body).error.message).toContain('设置 grades：最低一段的最低分应为 0');
    const created = await send('POST', '/api/rule-sets', { ...body, changes: { totalCaps: [{ fromRate: 70, belowRate: 80, maxTotal: 89 }] } });
    expect(created.status).toBe(201);
    expect(ruleSetDetailDtoSchema.parse(created.body)).toMatchObject({ ref: 'liwan-project@1', builtIn: false, settings: { totalCaps: [{ maxTotal: 89 }] } });
    expect((await send('POST', '/api/rule-sets', { ...body, version: 1 })).status).toBe(409);
    const badRef = await send('POST', '/api/rule-sets/activations', { ruleSet: 'liwan-project', region: '荔湾区', year: 2024 });
    expect(badRef.status).toBe(400);
    expect(errorDtoSchema.parse(badRef.body).error.message).toContain("ruleSet");
    const activated = await send('POST', '/api/rule-sets/activations', { ruleSet: 'liwan-project@1', region: '荔湾区', year: 2024 });
    expect(activated.status).toBe(201);
    expect(ruleSetActivationDtoSchema.parse(activated.body)).toMatchObject({ ruleSet: 'liwan-project@1', scheme: 'project-self-evaluation' });
    expect(ruleSetListDtoSchema.parse((await send('GET', '/api/rule-sets')).body).activations).toHaveLength(1);
  });

  it('is listed in /api/openapi.json', async () => {
    const doc = (await send('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/rule-sets'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.paths['/api/rule-sets/{id}/{version}']?.get).toBeDefined();
    expect(doc.paths['/api/rule-sets/activations']?.post).toBeDefined();
  });
});
