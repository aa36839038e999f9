/**
 * One drizzle code path for both backends: `Db` is the common `PgDatabase` type that the PGlite and node-postgres
 * drizzle databases both are. Raw SQL goes through `queryRows`, which reads `.rows` from either driver's result.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction as PgliteTx } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteSession } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A drizzle database or transaction handle: the queries below take either. */
export type Executor = Pick<Db, 'execute'>;

export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** True when this database is the embedded PGlite (drizzle keeps the driver's client in `$client`). */
export function isPglite(db: Db): boolean {
  return (db as unknown as { $client?: unknown }).$client instanceof PGlite;
}

/**
 * `COPY table (columns) FROM '/dev/blob'` inside a drizzle PGlite transaction, reading `data` (COPY text format).
 * PGlite accepts a Blob as the statement's `/dev/blob`; loading rows this way is several times faster than
 * `insert … select from unnest(…)`, whose array parameters PGlite must serialise, parse and cast row by row.
 * The statement must run on PGlite's own transaction handle (the outer client would wait for the transaction's
 * mutex forever); drizzle keeps that handle in the transaction's session (`session.client`, not public API, so it
 * is checked). Returns false, having done nothing, when `tx` is not a PGlite transaction.
 */
export async function copyIntoPglite(tx: Executor, statement: string, data: Blob): Promise<boolean> {
  const session = (tx as unknown as { session?: unknown }).session;
  if (!(session instanceof PgliteSession)) return false;
  const client = (session as unknown as { client?: Partial<PgliteTx> }).client;
  if (typeof client?.query !== 'function') return false;
  await client.query(statement, [], { blob: data });
  return true;
}

/**
 * The migrations folder, found from this file's location (never from the process's cwd): `../drizzle` from
 * `src/`, or `../../drizzle` when the sources were emitted into a build folder. `JIXIAO_MIGRATIONS_DIR` overrides.
 */
export function migrationsFolder(): string {
  const candidates = [
    process.env.JIXIAO_MIGRATIONS_DIR,
    fileURLToPath(new URL('../drizzle', import.meta.url)),
    fileURLToPath(new URL('../../drizzle', import.meta.url)),
    fileURLToPath(new URL('../../../packages/store/drizzle', import.meta.url)),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((dir) => existsSync(join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`找不到数据库迁移文件 meta/_journal.json（查找过：${candidates.join('、')}）；可用 JIXIAO_MIGRATIONS_DIR 指定 packages/store/drizzle 的位置`);
  return found;
}

interface Journal {
  entries: Array<{ idx: number; tag: string; when: number }>;
}

const readJournal = (folder: string): Journal => JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;

/** How many migrations this program has. */
export function programMigrations(): number {
  return readJournal(migrationsFolder()).entries.length;
}

/**
 * A temp copy of the migrations folder holding only the first `count`, so a restore can build the schema a backup
 * was taken at before the rows go in (the later migrations then run over the restored rows on the next open).
 */
export function migrationsFolderUpTo(count: number): string {
  const source = migrationsFolder();
  const journal = readJournal(source);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const entries = journal.entries.slice(0, count);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(source, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

export interface Connection {
  kind: 'pglite' | 'postgres';
  db: Db;
  close(): Promise<void>;
}

export async function connectPglite(dataDir: string | undefined, folder: string = migrationsFolder()): Promise<Connection> {
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: folder });
  } catch (e) {
    await client.close();
    throw e;
  }
  return { kind: 'pglite', db: db as unknown as Db, close: () => client.close() };
}

/** An arbitrary constant: the advisory lock under which migrations run, so two servers starting together do not race. */
const MIGRATION_LOCK = 7_402_113;

export async function connectPostgres(url: string, max = 10, folder: string = migrationsFolder()): Promise<Connection> {
  const pool = new pg.Pool({ connectionString: url, max });
  let closing = false;
  // An idle connection that the server ends (a restart, an administrator, a dropped test database) is reported
  // here; without a listener pg's pool throws it as an uncaught exception and the whole process stops. The pool
  // replaces the connection on the next query, so it is said once and otherwise ignored.
  pool.on('error', (e: Error & { code?: string }) => {
    if (!closing) console.warn(`数据库连接已断开，下次查询时会重新连接（PostgreSQL: ${e.code ?? ''} ${e.message}）`);
  });
  try {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: folder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end();
    throw e;
  }
  const db = drizzlePg(pool, { schema });
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

export { sql };
