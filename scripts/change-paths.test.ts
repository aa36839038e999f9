/**
 * Issue 11: every change is one services command, which checks, writes and audits in one transaction. The edges
 * (the server's routes and middleware, the CLI's commands) only read from the store and call commands: this test
 * reads their sources and fails, naming the file and line, when one of them writes to a repository, appends to the
 * audit trail or opens a transaction itself. Reads are the repositories' `get…`, `list…`, `find…`, `verify…` and the
 * access policy's `departmentOf`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EDGES = ['apps/server/src', 'apps/cli/src'];
const READ = /^(get|list|find|verify|departmentOf$)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every direct write in `text`: `store.<repository>.<method>(` with a method that is not a read, an audit append, a transaction. */
export function directWrites(text: string): Array<{ line: number; what: string }> {
  const found: Array<{ line: number; what: string }> = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\bstore\.(\w+)\.(\w+)\(/g)) if (!READ.test(m[2]!)) found.push({ line: i + 1, what: m[0] });
    for (const m of line.matchAll(/\b(recordChange|appendAudit)\(|\.audit\.append\(|\bstore\.transaction\(|\.db\.(insert|update|delete|execute|transaction)\(/g)) found.push({ line: i + 1, what: m[0] });
  });
  return found;
}

describe('the edges change nothing themselves', () => {
  it('finds the writes it is looking for (the check itself can fail)', () => {
    expect(directWrites('await ctx.store.evaluations.saveEvaluation({})').map((w) => w.what)).toEqual(['store.evaluations.saveEvaluation(']);
    expect(directWrites('await recordChange(ctx.store.audit, who, e)')).toHaveLength(1);
    expect(directWrites('await store.transaction(async (tx) => {})')).toHaveLength(1);
    expect(directWrites('const items = await ctx.store.documents.listDocuments(scope)')).toEqual([]);
  });

  it.each(EDGES)('%s: no route, middleware or command writes to the store or the audit trail', (edge) => {
    const writes = sources(join(ROOT, edge)).flatMap((file) => directWrites(readFileSync(file, 'utf8')).map((w) => `${relative(ROOT, file)}:${w.line} ${w.what}`));
    expect(writes).toEqual([]);
  });
});
