/**
 * On PGlite's one connection a long import must not stall the other requests (issue 12 item 7). The import reads
 * the workbook in a worker and makes its rows, gzipped JSON and COPY lines before its transaction opens
 * (services `savePreparedImport`, store `packImport`), so the connection is held only for the SQL. Reads that need
 * the database — the session check and a page of projects — answer while a large workbook is imported, long before
 * the import does: measured against the import's own length, not in absolute times.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProjectWorkbook } from '../../../../bench/generate-workbook';
import { createApp } from '../app';
import { openContext, type AppContext } from '../context';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let admin: SignedInClient;
let workbook: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-read-import-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  admin = await signedIn(app, 'admin');
  // 2,000 projects × 5 indicators in one workbook: big enough to take seconds, light enough to run beside other tests.
  workbook = new Uint8Array(await generateProjectWorkbook(2000, 5, 'template'));
}, 120_000);

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reads while a large workbook is imported on PGlite', () => {
  it('answers reads that query the database while the import runs, each in a fraction of the import\'s time', async () => {
    const form = new FormData();
    form.set('file', new File([workbook], '金花街道2024年项目支出绩效目标表（大）.xlsx'));
    const started = performance.now();
    const upload = { finishedAt: 0 };
    const answer = admin.request('/api/documents', { method: 'POST', body: form }).then((res) => {
      upload.finishedAt = performance.now();
      return res;
    });
    const reads: Array<{ start: number; end: number }> = [];
    while (upload.finishedAt === 0 && performance.now() - started < 90_000) {
      const start = performance.now();
      const res = await admin.request('/api/projects?limit=1');
      expect(res.status).toBe(200);
      reads.push({ start, end: performance.now() });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const res = await answer;
    const { finishedAt } = upload;
    expect(res.status).toBe(201);
    expect(((await res.json()) as { projectCount: number }).projectCount).toBe(2000);
    const importMs = finishedAt - started;
    const during = reads.filter((r) => r.end < finishedAt);
    const longest = Math.max(...reads.map((r) => r.end - r.start));
    console.log(`[PGlite] import of 2,000 projects × 5 indicators: ${importMs.toFixed(0)} ms; ${during.length} reads answered before it ended, the longest in ${longest.toFixed(0)} ms`);
    // Reads completed before the import did — many of them, not one that slipped in before it started.
    expect(during.length).toBeGreaterThan(5);
    // No read waited for anything like the whole import: the connection is held only for the import's SQL (read
    // inside the transaction, a read would wait for nearly all of it).
    expect(longest).toBeLessThan(importMs / 4);
  }, 120_000);
});
