/**
 * The web's lint zone (decision 018): a feature (apps/web/src/features/<name>/) may use another feature only
 * through that feature's index.ts; its other files are its own. oxlint's no-restricted-imports cannot say "another
 * folder than mine" for relative paths, so this test reads every import and names each file that crosses the line.
 * Fix a failure by exporting what is shared from the other feature's index.ts, or by moving it to lib/ or components/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const FEATURES = join(ROOT, 'apps/web/src/features');

/** Every module specifier of a file: static imports and re-exports, side-effect imports, dynamic import(). */
export function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}

/** The feature a path lies in (its folder name under features/), or undefined outside the features. */
function featureOf(path: string): string | undefined {
  const rel = relative(FEATURES, path);
  if (rel.startsWith('..') || rel === '') return undefined;
  return rel.split(sep)[0];
}

/** What is wrong with `specifier` imported from `file` (undefined when it is allowed). */
export function crossingOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const own = featureOf(file);
  const target = resolve(dirname(file), specifier);
  const other = featureOf(target);
  if (!own || !other || other === own) return undefined;
  const inside = relative(join(FEATURES, other), target);
  // The feature's folder itself (resolved to its index.ts) or its index file named explicitly.
  if (inside === '' || inside === 'index' || inside === 'index.ts' || inside === 'index.tsx') return undefined;
  return `${relative(ROOT, file)} imports '${specifier}': use features/${other}/index.ts (export it there, or move it to lib/ or components/)`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('web feature boundaries', () => {
  it('finds the specifiers of every kind of import', () => {
    const source = [
      "import { a } from '../../import/api';",
      "import type { B } from '../model';",
      "export { c } from './c';",
      "// oxlint-disable-next-line import/no-unassigned-import\nimport '../../review/review.css';",
      "const Page = lazy(() => import('../../users/components/users-page'));",
    ].join('\n');
    expect(specifiersOf(source)).toEqual(['../../import/api', '../model', './c', '../../review/review.css', '../../users/components/users-page']);
  });

  it('refuses another feature’s internals and allows its index, the feature’s own files, lib/ and components/', () => {
    const file = join(FEATURES, 'review/components/review-page.tsx');
    expect(crossingOf(file, '../../workflow/components/stale-save-alert')).toContain('apps/web/src/features/review/components/review-page.tsx');
    expect(crossingOf(file, '../../import/api')).toContain('features/import/index.ts');
    expect(crossingOf(file, '../../review/review.css')).toBeUndefined();
    expect(crossingOf(join(FEATURES, 'self-evaluation/components/self-evaluation-page.tsx'), '../../review/review.css')).toContain('self-evaluation-page.tsx');
    expect(crossingOf(file, '../../workflow')).toBeUndefined();
    expect(crossingOf(file, '../../workflow/index')).toBeUndefined();
    expect(crossingOf(file, '../model')).toBeUndefined();
    expect(crossingOf(file, '../../../lib/http')).toBeUndefined();
    expect(crossingOf(file, '../../../components/page-head')).toBeUndefined();
    expect(crossingOf(file, '@jixiao/core')).toBeUndefined();
  });

  it('holds for every file of apps/web/src/features', () => {
    const files = sourceFiles(FEATURES);
    expect(files.length).toBeGreaterThan(50);
    const crossings = files.flatMap((file) => specifiersOf(readFileSync(file, 'utf8')).flatMap((s) => crossingOf(file, s) ?? []));
    expect(crossings).toEqual([]);
  });
});
