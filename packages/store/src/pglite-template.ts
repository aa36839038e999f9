/**
 * A migrated, empty PGlite data dir made once and copied for each new test store (decision 017): a new PGlite
 * database costs an initdb and every migration (seconds, tens of them on a loaded machine), a copy of the result
 * well under one. The template lives in `<tmpdir>/jixiao-pglite-template-<hash>`, the hash covering the migrations
 * and the PGlite version, so a changed migration or an upgraded PGlite makes a new one. Several test processes may
 * ask at once: `buildOnce` builds it in one of them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from './build-once';
import { connectPglite, migrationsFolder } from './db';

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

/** The template's `pgdata`, built first when missing: copy it (`cpSync`, recursive) to a new `<dataDir>/pgdata`. */
export async function pgliteTemplate(): Promise<string> {
  const folder = migrationsFolder();
  const root = join(tmpdir(), `jixiao-pglite-template-${templateKey(folder)}`);
  // Closed before it is moved into place: a copy is only ever taken of a shut-down database.
  return buildOnce(join(root, 'pgdata'), async (into) => (await connectPglite(into, folder)).close());
}
