/**
 * Test fixtures that are expensive to make and cheap to copy (a migrated PGlite, a demo-seeded data dir; decision
 * 017) are built once per key and shared by every test process. Several processes may ask at once: the first to
 * create `<target>.lock` builds into `<target>.building-<pid>` and renames it into place (so a half-built fixture is
 * never seen), the others wait for `target` to appear. A builder that held the lock for ten minutes is taken to have
 * died, and its lock is broken.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const STALE_BUILD_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `target`, built by `build(into)` first when it does not exist; `build` writes `into` (a path that does not exist). */
export async function buildOnce(target: string, build: (into: string) => Promise<void>): Promise<string> {
  const lock = `${target}.lock`;
  while (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_BUILD_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(target)) {
        const building = `${target}.building-${process.pid}`;
        rmSync(building, { recursive: true, force: true });
        try {
          await build(building);
          renameSync(building, target);
        } finally {
          rmSync(building, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return target;
}
