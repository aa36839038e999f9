import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { prepareImport } from './prepare-import';

const SEED_002 = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url))));
/** About 8 MB of seed 002 repeated: a read of a few seconds. */
const big = () => new TextEncoder().encode(new TextDecoder().decode(SEED_002).repeat(400));

describe('prepareImport reads off the main thread', () => {
  it('lets a timer run on time while a slow read is under way', async () => {
    const read = prepareImport({ fileName: 'big.txt', bytes: big(), year: 2024 });
    const timerFired = await new Promise<number>((done) => {
      const t0 = performance.now();
      setTimeout(() => done(performance.now() - t0), 50);
    });
    // The read has not finished when the timer fires: on the main thread the timer would have waited for it.
    let settled = false;
    void read.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    expect(timerFired).toBeLessThan(1000);
    const prepared = await read;
    expect(prepared.document.units.length).toBeGreaterThan(0);
  });

  it('refuses a read over the time limit as BAD_INPUT with one Chinese line naming the file', async () => {
    const error = await prepareImport({ fileName: 'big.txt', bytes: big(), year: 2024 }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/^big\.txt: 读取超时（超过 0\.2 秒），文件可能过大或格式异常，请拆分后重试 \(/) });
    expect((error as Error).message).not.toContain('\n');
  });
});

const json = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc));

describe('prepareImport and units without a name', () => {
  it('refuses a document that names neither its department nor any unit, and accepts one that names its department', async () => {
    const { buildDocument, buildProject } = await import('@jixiao/core/testing');
    const doc = buildDocument({ year: 2024, projects: [buildProject({ name: '甲' })] });
    doc.units[0]!.name = '';
    const error = await prepareImport({ fileName: 'x.json', bytes: json({ ...doc, department: null }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('x.json: 文档没有写明主管部门，也没有写明项目所属的预算单位') });
    const prepared = await prepareImport({ fileName: 'y.json', bytes: json({ ...doc, department: '测试街道' }) });
    expect(prepared.document.units[0]?.name).toBe('');
  });
});
