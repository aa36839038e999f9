/**
 * `jixiao import` and `jixiao export` as a user runs them: real processes (`node apps/cli/bin/jixiao.js`) on a
 * temp JIXIAO_DATA_DIR, checking exit codes, output and that refused input writes nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '../../../../packages/core/src/testing/builders';

const BIN = resolve(fileURLToPath(new URL('../../bin/jixiao.js', import.meta.url)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function jixiao(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('jixiao import / export', () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;
  const doc = buildDocument({ department: '命令行测试街道', year: 2024, projects: [buildProject({ name: '社区活动', amount: 12.34 }), buildProject({ name: '环境整治', amount: 0.66 })] });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
    dataDir = join(dir, 'data');
    env = { JIXIAO_DATA_DIR: dataDir };
    writeFileSync(join(dir, 'doc.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 9]));
    writeFileSync(join(dir, 'no-year.json'), JSON.stringify({ ...doc, year: null }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses empty and binary files with exit 2 and writes nothing (no data dir is created)', async () => {
    for (const name of ['empty.txt', 'binary.txt', 'missing.txt']) {
      const run = await jixiao(['import', join(dir, name), '--year', '2024'], env);
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 2 });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
    const noYear = await jixiao(['import', join(dir, 'no-year.json')], env);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('--year');
    const mismatch = await jixiao(['import', join(dir, 'doc.json'), '--year', '2023'], env);
    expect(mismatch.code).toBe(2);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('imports (exit 0), imports the same file again as unchanged, lists and exports it back', async () => {
    const first = await jixiao(['import', join(dir, 'doc.json'), '--year', '2024', '--json'], env);
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'created', documentId: 1, version: 1, projectCount: 2, indicatorCount: 6 });

    const again = await jixiao(['import', join(dir, 'doc.json')], env);
    expect({ code: again.code, stderr: again.stderr }).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('内容与当前版本相同');

    const list = await jixiao(['export', '--list', '--json'], env);
    expect({ code: list.code, stderr: list.stderr }).toMatchObject({ code: 0 });
    expect(JSON.parse(list.stdout).items).toEqual([expect.objectContaining({ id: 1, version: 1, versionCount: 1, department: '命令行测试街道', year: 2024 })]);

    const out = join(dir, 'exported.json');
    const exported = await jixiao(['export', '--format', 'json', '--document', '1', '--out', out], env);
    expect({ code: exported.code, stderr: exported.stderr }).toMatchObject({ code: 0 });
    const back = JSON.parse(readFileSync(out, 'utf8')) as typeof doc;
    const { source, ...rest } = back;
    expect(rest).toEqual(doc);
    expect(source).toMatchObject({ file: 'doc.json' });

    const missing = await jixiao(['export', '--document', '99'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到');
  });
});
