/**
 * vitest globalSetup of the `unit` and `e2e` projects: a scratch directory for this one test run, where fixtures
 * built from the code under test (the demo-seeded data dir, apps/server/src/testing/data-dirs.ts) are made once and
 * shared by every test process. Per run, not per content hash: the demo data comes out of the readers and the
 * services, so a fixture kept from an earlier run could hide a change to them. Both projects get the same directory
 * (named by the vitest process), and it is removed when the run ends.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory that lives as long as this test run, shared by its test processes. */
    testRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = join(tmpdir(), `jixiao-test-run-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  project.provide('testRunDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
