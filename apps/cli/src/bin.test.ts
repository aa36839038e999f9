/**
 * The real `jixiao` process (bin/jixiao.js → main.ts), which every other CLI test skips by running runJixiao
 * in-process: help on stdout with exit 0, an unknown command and unreadable input as one line on stderr with exit
 * code 2 (interchange.md, decision 022), set on the process by the thin wrapper.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jixiaoProcess, SEEDS } from './testing/run-cli';

describe('the jixiao process', () => {
  it('prints the help with exit 0', async () => {
    const run = await jixiaoProcess(['--help'], {});
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('用法 (usage): jixiao <command> [options]');
    expect(run.stdout).toContain('backup');
  });

  it('exits 2 on an unknown command, naming it on stderr (decision 022)', async () => {
    const run = await jixiaoProcess(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('未知命令 (unknown command): frobnicate');
  });

  it('exits 2 on a file it cannot read, with one line on stderr and nothing on stdout', async () => {
    const missing = join(SEEDS, 'no-such-seed.txt');
    const run = await jixiaoProcess(['parse', missing], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([`${missing}: 找不到文件或无法打开 (cannot open the file)`]);
  });
});

// npm test runs `npm run build` before vitest, so the compiled CLI (scripts/build-cli.ts, decision 025) is there.
describe('the compiled jixiao (apps/cli/dist)', () => {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));

  it('is built, and main.js loads no command until one runs', () => {
    expect(existsSync(join(dist, 'main.js')), 'apps/cli/dist/main.js is missing: run `npm run build` first').toBe(true);
    const main = readFileSync(join(dist, 'main.js'), 'utf8');
    const staticImports = [...main.matchAll(/^import\b[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1]);
    const lazyImports = [...main.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(lazyImports.length).toBeGreaterThanOrEqual(13);
    for (const chunk of lazyImports) expect(staticImports).not.toContain(chunk);
    expect(existsSync(join(dist, 'read-worker.js'))).toBe(true);
  });

  it('runs on plain node, without tsx: reads a seed through the bundled readers', () => {
    // Node cannot load a .ts file without a loader, so this fails if the build left any source import behind.
    const run = spawnSync(process.execPath, [join(dist, 'main.js'), 'parse', join(SEEDS, '000_33f7e9c75c02529b.txt')], { encoding: 'utf8' });
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'jixiao/v1', kind: 'department-targets', year: 2024 });
  });
});

