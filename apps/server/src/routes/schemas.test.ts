/**
 * GET /api/schemas/jixiao-v1.json (issue 10 item 6), in-process against a demo PGlite store: anonymous, the same
 * document as docs/jixiao-v1.schema.json, and it describes both the spec's example and what the server itself serves.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { signedIn } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-server-schemas-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/schemas/jixiao-v1.json', () => {
  it('is public and is the committed docs/jixiao-v1.schema.json', async () => {
    const res = await app.request('/api/schemas/jixiao-v1.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(JSON.parse(readFileSync(join(ROOT, 'docs/jixiao-v1.schema.json'), 'utf8')));
  });

  it('accepts the interchange.md example and a document the server serves, and refuses a misspelt field', async () => {
    const schema = z.fromJSONSchema((await (await app.request('/api/schemas/jixiao-v1.json')).json()) as Record<string, unknown>);
    const example = JSON.parse(readFileSync(join(ROOT, 'fixtures/interchange/spec-example.json'), 'utf8')) as { units: Array<{ projects: Array<{ indicators: Array<Record<string, unknown>> }> }> };
    expect(schema.safeParse(example).success).toBe(true);
    const admin = await signedIn(app, 'admin');
    const list = (await (await admin.request('/api/documents')).json()) as { items: Array<{ id: number }> };
    expect(list.items.length).toBeGreaterThan(0);
    for (const { id } of list.items) {
      const served = await (await admin.request(`/api/documents/${id}`)).json();
      expect(schema.safeParse(served).error?.issues).toBeUndefined();
    }
    example.units[0]!.projects[0]!.indicators[0]!['weigth'] = 10;
    expect(schema.safeParse(example).success).toBe(false);
  });
});
