/**
 * The server's file downloads are the contract's output-format registry: every format with a `download` path is a
 * GET route of /api/openapi.json with its media type, and every route answering a .docx or .xlsx is one of them —
 * but the exports of a list or a chart's data (a table as the page shows it, filtered by its query, not an official
 * document of one object), each named here.
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

/** Exports of what a page lists, not documents of one object: the 结果应用 table and a 数据看板 chart's data. */
const LIST_EXPORTS = ['/api/dashboard/export.xlsx', '/api/results-use/table.xlsx'];

type Operation = { responses?: Record<string, { content?: Record<string, unknown> }> };

describe('download routes', () => {
  it('are exactly the registry formats the server serves, each with its media type', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    const served = Object.entries(doc.paths)
      .filter(([path, ops]) => ops.get && /\.(docx|xlsx)$/.test(path) && !LIST_EXPORTS.includes(path))
      .map(([path, ops]) => ({ path, types: Object.keys(ops.get!.responses?.['200']?.content ?? {}) }))
      .sort((a, b) => a.path.localeCompare(b.path));
    const registry = OUTPUT_FORMATS.flatMap((f) => ('download' in f ? [{ path: downloadRoute(f.id), types: [f.mediaType as string] }] : [])).sort((a, b) => a.path.localeCompare(b.path));
    expect(registry.length).toBe(9);
    expect(served).toEqual(registry);
    // The list exports are served, as workbooks.
    for (const path of LIST_EXPORTS) expect(Object.keys(doc.paths[path]?.get?.responses?.['200']?.content ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });
});
