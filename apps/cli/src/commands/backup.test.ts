/**
 * `jixiao backup` / `jixiao restore` / `jixiao export --format json --all` as a user runs them: real processes on
 * temp data dirs. A restored data dir must export byte-identically to the one it was backed up from, a non-empty
 * target and a damaged file are refused, and a PGlite dir held by a running server is backed up through its
 * control socket.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '@jixiao/server';
import { demoDataDir } from '@jixiao/server/testing';
import { describe, expect, it } from 'vitest';
import { jixiao, SEEDS, useCliSandbox } from '../testing/run-cli';

const SEED_000 = join(SEEDS, '000_33f7e9c75c02529b.txt');
const SEED_002 = join(SEEDS, '002_71a78aaa1661d207.pages-1-5.txt');

// Each run is a new node process opening PGlite; seven of them in one test on a shared machine take a while.
describe('jixiao backup / restore', { timeout: 180_000 }, () => {
  const cli = useCliSandbox('jixiao-backup-cli-');
  const restoredEnv = () => ({ JIXIAO_DATA_DIR: join(cli.dir, 'restored') });

  it('import → backup → restore into a new data dir → export --all is byte-identical', async () => {
    for (const args of [[SEED_002, '--year', '2024'], [SEED_000]]) {
      const run = await cli.run(['import', ...args]);
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
    }
    const file = join(cli.dir, 'nightly.jixiao-backup');
    const backup = await cli.run(['backup', '--out', file]);
    expect({ code: backup.code, stderr: backup.stderr }).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/已备份 \d+ 张表/);
    expect(existsSync(`${file}.partial`)).toBe(false);

    const restore = await jixiao(['restore', file], restoredEnv());
    expect({ code: restore.code, stderr: restore.stderr }).toMatchObject({ code: 0, stderr: '' });

    const original = await cli.run(['export', '--format', 'json', '--all']);
    const restored = await jixiao(['export', '--format', 'json', '--all'], restoredEnv());
    expect(original.code).toBe(0);
    const docs = (JSON.parse(original.stdout) as { documents: Array<{ id: number }> }).documents;
    expect(docs.map((d) => d.id)).toEqual([1, 2]);
    expect(restored.stdout).toBe(original.stdout);

    // The restored dir now has data: a second restore is refused, naming what is there.
    const again = await jixiao(['restore', file], restoredEnv());
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('不是空的');
  });

  it('refuses a damaged file with exit 2 and leaves the target data dir untouched', async () => {
    const damaged = join(cli.dir, 'damaged.jixiao-backup');
    const bytes = readFileSync(join(cli.dir, 'nightly.jixiao-backup'));
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const env = { JIXIAO_DATA_DIR: join(cli.dir, 'never-made') };
    const run = await jixiao(['restore', damaged], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(damaged);
    expect(existsSync(env.JIXIAO_DATA_DIR)).toBe(false);
  });

  it('backs up a PGlite dir held by a running jixiao serve through its control socket', async () => {
    // The demo data as a first demo start leaves it, copied from the run's one seeding (decision 017).
    const dataDir = await demoDataDir('jixiao-backup-served-');
    const server = await startServer({ port: 0, dataDir, handleSignals: false, log: () => {} });
    const file = join(cli.dir, 'served.jixiao-backup');
    try {
      // The CLI cannot open the locked dir itself…
      const list = await jixiao(['export', '--list'], { JIXIAO_DATA_DIR: dataDir });
      expect(list.stderr).toContain('已被占用');
      // …but the backup goes through the server.
      const backup = await jixiao(['backup', '--out', file], { JIXIAO_DATA_DIR: dataDir });
      expect({ code: backup.code, stderr: backup.stderr }).toMatchObject({ code: 0, stderr: '' });
      expect(backup.stdout).toContain('control.sock');
    } finally {
      await server.close();
    }
    expect(readdirSync(dataDir)).not.toContain('control.sock');
    const env = { JIXIAO_DATA_DIR: join(cli.dir, 'served-restored') };
    const restore = await jixiao(['restore', file], env);
    expect({ code: restore.code, stderr: restore.stderr }).toMatchObject({ code: 0 });
    const original = await jixiao(['export', '--format', 'json', '--all'], { JIXIAO_DATA_DIR: dataDir });
    const restored = await jixiao(['export', '--format', 'json', '--all'], env);
    // The demo data: the five seeds and last year's copy of seed 002.
    expect((JSON.parse(original.stdout) as { documents: unknown[] }).documents).toHaveLength(6);
    expect(restored.stdout).toBe(original.stdout);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
