import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document';
import { readDocumentInWorker } from './read-in-worker';

const seed = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/seeds/${name}`, import.meta.url))));
const SEED_002 = '002_71a78aaa1661d207.pages-1-5.txt';
/** About 8 MB of seed 002 over and over: a read of a few seconds. */
const big = () => new TextEncoder().encode(new TextDecoder().decode(seed(SEED_002)).repeat(400));

describe('readDocumentInWorker', () => {
  it('gives the same result as readDocument: documents and refusals survive the structured clone', async () => {
    for (const name of [SEED_002, '003_278ffe92ce2b05fd.txt']) {
      const input = { fileName: name, bytes: seed(name) };
      expect(await readDocumentInWorker(input)).toEqual(await readDocument(input));
    }
    const refused = await readDocumentInWorker({ fileName: 'e.txt', bytes: new Uint8Array() });
    expect(refused).toEqual({ ok: false, error: { code: 'empty', file: 'e.txt', message: expect.stringContaining('e.txt: 文件是空的') } });
  });

  it('leaves the event loop free while a slow read runs', async () => {
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const result = await readDocumentInWorker({ fileName: 'big.txt', bytes: big() });
    clearInterval(ticker);
    expect(result.ok).toBe(true);
    // The read itself takes seconds; on the main thread the timer would have waited all that time.
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(longestGap).toBeLessThan(500);
  });

  it('refuses a read over the time limit, terminating the worker, and reads the next file in a fresh one', async () => {
    const slow = await readDocumentInWorker({ fileName: 'big.txt', bytes: big() }, { timeoutMs: 300 });
    expect(slow).toEqual({ ok: false, error: { code: 'timeout', file: 'big.txt', message: expect.stringMatching(/^big\.txt: 读取超时（超过 0\.3 秒），文件可能过大或格式异常，请拆分后重试 \(/) } });
    const next = await readDocumentInWorker({ fileName: SEED_002, bytes: seed(SEED_002) });
    expect(next.ok).toBe(true);
  });

  it('refuses a read over the memory limit', async () => {
    const result = await readDocumentInWorker({ fileName: 'big.txt', bytes: big() }, { maxOldGenerationSizeMb: 48 });
    expect(result).toMatchObject({ ok: false, error: { code: 'out-of-memory', message: expect.stringContaining('内存超过上限（48 MB）') } });
  });

  it('reads several files at once through the small pool', async () => {
    const names = [SEED_002, '003_278ffe92ce2b05fd.txt', '000_33f7e9c75c02529b.txt', '004_2c12f7b2ed482af0.txt'];
    const results = await Promise.all(names.map((name) => readDocumentInWorker({ fileName: name, bytes: seed(name) })));
    expect(results.map((r) => r.ok && r.document.source?.file)).toEqual(names);
  });
});
