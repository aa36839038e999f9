/**
 * Data dirs for server tests and journeys (decision 017): a new PGlite data dir costs an initdb and every
 * migration, and a demo one also imports every seed document (PDF, Word and Excel readers included) — tens of
 * seconds per test file on a loaded machine. Each is made once per test run and copied: `migratedDataDir` from the
 * store's migrated template, `demoDataDir` from a data dir opened once with `openContext({ demo: true })` (the same
 * seeding as `jixiao serve` in demo mode, so a test opening the copy with `demo: true` finds it already seeded, as a
 * restarted server does). Tests of the seeding itself (demo-mode.test.ts) keep opening empty dirs.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildOnce, PGLITE_SUBDIR, pgliteTemplate } from '@jixiao/store';
import { openContext } from '../context';

/** A new data dir named `<prefix>XXXXXX` whose `pgdata` is a copy of `template`. */
function copyOf(template: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(template, join(dir, PGLITE_SUBDIR), { recursive: true });
  return dir;
}

/** A new data dir named `<prefix>XXXXXX` holding a migrated, empty database. */
export async function migratedDataDir(prefix: string): Promise<string> {
  return copyOf(await pgliteTemplate(), prefix);
}

/** The run's demo-seeded `pgdata`, built first when missing (needs the `testRunDir` of scripts/test-run.ts). */
async function demoTemplate(): Promise<string> {
  return buildOnce(join(inject('testRunDir'), 'demo-pgdata'), async (into) => {
    const dir = await migratedDataDir('jixiao-demo-template-');
    try {
      const ctx = await openContext({ dataDir: dir, demo: true });
      await ctx.store.close();
      cpSync(join(dir, PGLITE_SUBDIR), into, { recursive: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** A new data dir named `<prefix>XXXXXX` holding the demo data as a first demo start leaves it. */
export async function demoDataDir(prefix: string): Promise<string> {
  return copyOf(await demoTemplate(), prefix);
}
