/**
 * `jixiao import DIR` (decision 022): a folder of two real seeds, a jixiao/v1 JSON document, an empty file, a README
 * and a hidden .DS_Store, imported in one run — per-status counts, each refused file's reason, exit 2 while the rest
 * is imported; a second run finds them unchanged; a changed file becomes a new version; one audit entry per stored
 * file naming the operator, none for the refused ones.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { openStore } from '@jixiao/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJixiao } from '../run';
import { memoryIo, SEED_002, SEEDS, useCliSandbox } from '../testing/run-cli';
import { pgliteTemplate } from '@jixiao/store';
import type { FolderSummary } from './import-folder';

const doc = (amount: number) => buildDocument({ department: '文件夹导入街道', year: 2024, projects: [buildProject({ name: '社区活动', amount })] });

describe('jixiao import DIR', () => {
  const cli = useCliSandbox('jixiao-cli-folder-');
  const folder = () => join(cli.dir, 'in');

  beforeAll(() => {
    mkdirSync(join(folder(), 'sub'), { recursive: true });
    copyFileSync(join(SEEDS, '000_33f7e9c75c02529b.txt'), join(folder(), '000.txt'));
    copyFileSync(SEED_002, join(folder(), 'sub', '002.txt'));
    writeFileSync(join(folder(), 'doc.json'), JSON.stringify(doc(12.34)));
    writeFileSync(join(folder(), 'empty.txt'), '');
    writeFileSync(join(folder(), 'README.md'), '# 说明\n这个文件夹里是 2024 年的绩效目标。\n');
    writeFileSync(join(folder(), '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  });

  it('imports every readable file, refuses the others with their reasons and exits 2', async () => {
    const run = await cli.run(['import', folder(), '--year', '2024', '--by', '导入员', '--json']);
    expect(run.code).toBe(2);
    const summary = JSON.parse(run.stdout) as FolderSummary;
    expect(summary).toMatchObject({ files: 5, created: 3, newVersion: 0, unchanged: 0, refused: 2, hiddenSkipped: 1 });
    expect(summary.outcomes.map((o) => [o.file, o.status])).toEqual([
      ['000.txt', 'created'],
      ['README.md', 'refused'],
      ['doc.json', 'created'],
      ['empty.txt', 'refused'],
      [join('sub', '002.txt'), 'created'],
    ]);
    const reasons = Object.fromEntries(summary.outcomes.flatMap((o) => (o.status === 'refused' ? [[o.file, o.reason]] : [])));
    expect(reasons['empty.txt']).toContain('文件是空的');
    expect(reasons['README.md']).toContain('无法识别文件版式');
    // Not a TTY here: one plain line per file on stderr, then the refusal line.
    expect(run.stderr).toContain('[4/5] empty.txt：拒绝 — 文件是空的');
    expect(run.stderr).toContain(`[5/5] ${join('sub', '002.txt')}：新建`);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('2 个文件被拒绝，其余已导入 (2 of 5 files refused)');
  });

  it('a second run finds the stored files unchanged (still exit 2: the refused files are refused again), in Chinese by default', async () => {
    const run = await cli.run(['import', folder(), '--year', '2024']);
    expect(run.code).toBe(2);
    expect(run.stdout.split('\n')[0]).toBe(`${folder()}：5 个文件 — 新建 0，新版本 0，未改动 3，拒绝 2（另跳过隐藏文件 1 个）`);
    expect(run.stdout).toContain('被拒绝的文件：');
    expect(run.stdout).toContain('  empty.txt：文件是空的');
  });

  it('a changed file becomes a new version; with only good files the exit code is 0; on a terminal one progress line is redrawn', async () => {
    const good = join(cli.dir, 'good');
    mkdirSync(good);
    writeFileSync(join(good, 'doc.json'), JSON.stringify(doc(99.5)));
    copyFileSync(join(SEEDS, '000_33f7e9c75c02529b.txt'), join(good, '000.txt'));
    const run = memoryIo({ JIXIAO_TEST_PGLITE_TEMPLATE: await pgliteTemplate(), ...cli.env });
    let progress = '';
    const io = { ...run.io, stderr: { isTTY: true, write: (t: string) => (progress += t) } };
    expect(await runJixiao(['import', good, '--year', '2024', '--by', '导入员', '--json'], io)).toBe(0);
    expect(JSON.parse(run.stdout())).toMatchObject({ files: 2, created: 0, newVersion: 1, unchanged: 1, refused: 0, hiddenSkipped: 0 });
    expect(progress).toBe('\r\x1b[K[1/2] 000.txt…\r\x1b[K[2/2] doc.json…\r\x1b[K');
  });

  it('left one document.import entry per stored file or version naming the operator, none for the refused files', async () => {
    const store = await openStore({ dataDir: cli.dataDir });
    try {
      const { items } = await store.audit.listAudit({ action: 'document.import', limit: 50 });
      expect(items.map((a) => [a.objectId, a.actor.username]).reverse()).toEqual([
        ['1', 'cli:导入员'],
        ['2', 'cli:导入员'],
        ['3', 'cli:导入员'],
        ['2', 'cli:导入员'],
      ]);
      expect((await store.audit.listAudit({ limit: 50 })).items).toHaveLength(4);
    } finally {
      await store.close();
    }
  });

  it('refuses a folder with nothing to import with exit 2 and makes no data dir', async () => {
    const empty = join(cli.dir, 'nothing');
    mkdirSync(empty);
    writeFileSync(join(empty, '.hidden'), 'x');
    const run = await cli.run(['import', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('文件夹中没有可导入的文件（跳过了 1 个隐藏文件） (no files to import)');
  });
});
