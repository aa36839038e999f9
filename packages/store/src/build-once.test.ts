import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildOnce } from './build-once';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('buildOnce', () => {
  it('builds once for callers that ask together, and leaves no lock or half-built copy behind', async () => {
    root = mkdtempSync(join(tmpdir(), 'jixiao-build-once-'));
    const target = join(root, 'fixture');
    let builds = 0;
    const build = async (into: string) => {
      builds++;
      mkdirSync(into);
      await new Promise((r) => setTimeout(r, 50));
      writeFileSync(join(into, 'made'), String(builds));
    };
    const got = await Promise.all([buildOnce(target, build), buildOnce(target, build), buildOnce(target, build)]);
    expect(got).toEqual([target, target, target]);
    expect(builds).toBe(1);
    expect(readFileSync(join(target, 'made'), 'utf8')).toBe('1');
    expect(readdirSync(root)).toEqual(['fixture']);
  });

  it('a failed build leaves nothing, and the next caller builds again', async () => {
    root = mkdtempSync(join(tmpdir(), 'jixiao-build-once-'));
    const target = join(root, 'fixture');
    await expect(buildOnce(target, async (into) => { mkdirSync(into); throw new Error('no'); })).rejects.toThrow('no');
    expect(readdirSync(root)).toEqual([]);
    await buildOnce(target, async (into) => mkdirSync(into));
    expect(existsSync(target)).toBe(true);
  });
});
