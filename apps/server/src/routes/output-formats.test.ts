/**
 * The server's file downloads are the contract's output-format registry: every format with a `download` path is a
 * GET route of /api/openapi.json with its media type, and every route answering a .docx or .xlsx is one of them.
 */
import { rmSync } from 'node:fs';
import { downloadRoute, OUTPUT_FORMATS } from '@jixiao/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { migratedDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dataDir = await migratedDataDir('jixiao-server-formats-');
  ctx = await openContext({ dataDir, demo: false });
  app = createApp(ctx, { logError: () => {} });
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

describe('download routes', () => {
  it('are exactly the registry formats the server serves, each with its media type', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    const served = Object.entries(doc.paths)
      .filter(([path, ops]) => ops.get && /\.(docx|xlsx)$/.test(path))
      .map(([path, ops]) => ({ path, types: Object.keys(ops.get!.responses?.['200']?.content ?? {}) }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const registry = OUTPUT_FORMATS.flatMap((f) => ('download' in f ? [{ path: downloadRoute(f.id), types: [f.mediaType as string] }] : [])).sort((a, b) => a.path.localeCompare(b.path));
    expect(registry.length).toBe(9);
    expect(served).toEqual(registry);
  });
});
