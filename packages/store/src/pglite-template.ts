/**
 * A migrated, empty PGlite data dir made once and copied for each new test store (decision 017): a new PGlite
 * database costs an initdb and every migration (seconds, tens of them on a loaded machine), a copy of the result
 * well under one. The template lives in `<tmpdir>/jixiao-pglite-template-<hash>`, the hash covering the migrations
 * and the PGlite version, so a changed migration or an upgraded PGlite makes a new one. Several test processes may
 * ask at once: the first to create `<template>.lock` builds it, the others wait for it to appear.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectPglite, migrationsFolder } from './db';

/** A builder that has held the lock this long is taken to have died. */
const STALE_BUILD_MS = 10 * 60_000;

function pgliteVersion(): string {
  let dir = fileURLToPath(new URL('.', import.meta.resolve('@electric-sql/pglite')));
  for (let i = 0; i < 5; i++, dir = join(dir, '..')) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? 'unknown';
    }
  }
  return 'unknown';
}

function templateKey(folder: string): string {
  const hash = createHash('sha256').update(pgliteVersion());
  const files = [join('meta', '_journal.json'), ...readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()];
  for (const f of files) hash.update(f).update(readFileSync(join(folder, f)));
  return hash.digest('hex').slice(0, 16);
}

async function build(target: string, folder: string): Promise<void> {
  const building = `${target}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  // Closed before it is renamed: a copy is only ever taken of a shut-down database.
  await (await connectPglite(building, folder)).close();
  renameSync(building, target);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The template's `pgdata`, built first when missing: copy it (`cpSync`, recursive) to a new `<dataDir>/pgdata`. */
export async function pgliteTemplate(): Promise<string> {
  const folder = migrationsFolder();
  const root = join(tmpdir(), `jixiao-pglite-template-${templateKey(folder)}`);
  const pgdata = join(root, 'pgdata');
  const lock = `${root}.lock`;
  while (!existsSync(pgdata)) {
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Someone else is building it: wait, unless they died long ago.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_BUILD_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(pgdata)) {
        mkdirSync(root, { recursive: true });
        await build(pgdata, folder);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return pgdata;
}
