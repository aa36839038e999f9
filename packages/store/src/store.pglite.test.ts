/** The store suite on PGlite in a temp data dir, plus the data-dir lock (PGlite only). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@jixiao/services';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from './lock';
import { openStore } from './open-store';
import { storeSuite } from './store.suite';
import { pgliteTestStore } from './testing';

storeSuite('PGlite', () => pgliteTestStore('store'));

describe('the data-dir lock', () => {
  it('refuses a second open of the same dir, takes over a stale lock, and is released on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
    try {
      // A lock left by a process that has died.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), since: '2020-01-01T00:00:00Z', token: 'old' }));
      const first = await openStore({ dataDir: dir });
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });

      const refused = await openStore({ dataDir: dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('DATA_DIR_LOCKED');
      expect((refused as AppError).message).toContain(dir);

      await first.close();
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      const again = await openStore({ dataDir: dir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a data dir locked by another live process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
    try {
      // pid 1 is always alive.
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: (await import('node:os')).hostname(), since: '2020-01-01T00:00:00Z', token: 'other' }));
      const refused = await openStore({ dataDir: dir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((refused as AppError).code).toBe('DATA_DIR_LOCKED');
      expect((refused as AppError).message).toMatch(/进程 1/);
      expect(existsSync(join(dir, 'pgdata'))).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ token: 'other' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
