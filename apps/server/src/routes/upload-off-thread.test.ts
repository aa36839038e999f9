/**
 * An upload never stops the server answering (issue 9 item 4): while a file that takes seconds to read is read
 * (in the reader's worker, services `prepareImport`), /api/health keeps answering at once.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { DEFAULT_SEEDS_DIR, openContext, type AppContext } from '../context';
import { signedIn, type SignedInClient } from '../testing/signed-in';
import { demoDataDir } from '../testing/data-dirs';

let dataDir: string;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let admin: SignedInClient;

beforeAll(async () => {
  dataDir = await demoDataDir('jixiao-upload-');
  ctx = await openContext({ dataDir, demo: true });
  app = createApp(ctx, { logError: () => {} });
  admin = await signedIn(app, 'admin');
});

afterAll(async () => {
  await ctx?.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Seed 003 (a 2021 自评报告) repeated to 19 MB: a real layout that takes seconds to read, wherever it is read. */
function largeReport(): string {
  const one = readFileSync(join(DEFAULT_SEEDS_DIR, '003_278ffe92ce2b05fd.txt'), 'utf8');
  return one.repeat(Math.ceil((19 * 1024 * 1024) / Buffer.byteLength(one)) - 1);
}

describe('reading an upload off the request path', () => {
  it('keeps /api/health answering while a large upload is read, and ends the upload with an answer', async () => {
    const form = new FormData();
    form.set('file', new File([largeReport()], 'report.txt'));
    form.set('year', '2024');
    const started = Date.now();
    const upload = { finishedAt: 0 };
    const answer = admin.request('/api/documents', { method: 'POST', body: form }).then((res) => {
      upload.finishedAt = Date.now();
      return res;
    });
    const waits: number[] = [];
    while (upload.finishedAt === 0 && Date.now() - started < 60_000) {
      const t = Date.now();
      const health = await app.request('/api/health');
      expect(health.status).toBe(200);
      waits.push(Date.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const res = await answer;
    // Read, then refused for its year (2021, not 2024): nothing stored, and the read took long enough that, on the
    // event loop, it would have kept /api/health waiting for its whole length.
    expect(res.status).toBe(409);
    expect(upload.finishedAt - started).toBeGreaterThan(1_000);
    expect(waits.length).toBeGreaterThan(5);
    expect(Math.max(...waits)).toBeLessThan(1_000);
  }, 90_000);
});
