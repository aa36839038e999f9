/**
 * The real `jixiao` process (bin/jixiao.js → main.ts), which every other CLI test skips by running runJixiao
 * in-process: help on stdout with exit 0, an unknown command and unreadable input as one line on stderr with exit
 * code 2 (interchange.md, decision 022), set on the process by the thin wrapper.
 */
import { join } from 'node:path';
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
