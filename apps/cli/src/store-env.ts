/**
 * The database for the import/export commands: `DATABASE_URL` (PostgreSQL) when set, else PGlite in
 * `JIXIAO_DATA_DIR` (default ./data). `AppError`s become one clear line with the exit codes of interchange.md:
 * unreadable input and year problems → 2, everything else → 1.
 */
import { resolve } from 'node:path';
import { AppError } from '@jixiao/services';
import { openStore, type Store } from '@jixiao/store';
import type { CliIo } from './io';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE } from './output';

export function storeOptionsFromEnv(env: CliIo['env']): { dataDir?: string; databaseUrl?: string; pgliteTemplate?: string } {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  // Set by the CLI tests only (testing/run-cli.ts): a new data dir starts as a copy of the migrated template.
  const template = env.JIXIAO_TEST_PGLITE_TEMPLATE?.trim();
  return { dataDir: resolve(env.JIXIAO_DATA_DIR?.trim() || './data'), ...(template ? { pgliteTemplate: template } : {}) };
}

/** Opens the store of `io.env`, runs `fn`, always closes it (PGlite flushes and the data-dir lock is released). */
export async function withStore<T>(io: Pick<CliIo, 'env'>, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFromEnv(io.env)).catch((e: unknown) => {
    throw toCliError(e);
  });
  try {
    return await fn(store);
  } catch (e) {
    throw toCliError(e);
  } finally {
    await store.close();
  }
}

export function toCliError(e: unknown): unknown {
  if (!(e instanceof AppError)) return e;
  const exit = e.code === 'BAD_INPUT' || e.code === 'YEAR_MISMATCH' || e.code === 'YEAR_REQUIRED' ? EXIT_BAD_INPUT : EXIT_FAILURE;
  // Where the year goes differs by edge (the web has a picker): the command line says its option.
  const hint = e.code === 'YEAR_REQUIRED' ? '\n用 --year YYYY 指定预算年度 (give the year with --year YYYY)' : '';
  return new CliError(`${e.message}${hint}`, exit);
}
