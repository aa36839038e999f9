/**
 * One drizzle code path for both backends: `Db` is the common `PgDatabase` type that the PGlite and node-postgres
 * drizzle databases both are. Raw SQL goes through `queryRows`, which reads `.rows` from either driver's result.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type Transaction as PgliteTx } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
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

/**
 * `COPY table (columns) FROM '/dev/blob'` on the transaction that is open on this PGlite connection, reading `data`
 * (COPY text format). PGlite accepts a Blob as the statement's `/dev/blob`; loading rows this way is several times
 * faster than `insert … select from unnest(…)`, whose array parameters PGlite must serialise, parse and cast row by
 * row. Only PGlite connections have it (PostgreSQL loads with unnest).
 */
export type BulkCopy = (statement: string, data: Blob) => Promise<void>;

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
  /** PGlite only: COPY into the open transaction. */
  bulkCopy?: BulkCopy;
  close(): Promise<void>;
}

const misuse = () => new Error('内部错误：事务内使用了事务外的数据库连接（PGlite 只有一个连接，会一直等待）。The outer PGlite handle was used inside a transaction.');

/**
 * PGlite has one connection: a query through the outer handle while a transaction is open waits for that transaction
 * to end, which, when the transaction itself is waiting for the query, is forever. The PGlite client's own
 * `transaction` is wrapped so that the work inside it runs in an async context that knows its transaction handle:
 * COPY finds the handle there (no reaching into drizzle's session), and a use of the outer handle from inside the
 * transaction fails at once, naming the mistake, instead of hanging the server. Queries of other requests (other
 * async contexts) wait their turn as before.
 */
function guardTransactions(client: PGlite): BulkCopy {
  const open = new AsyncLocalStorage<PgliteTx>();
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<PGlite['query']>) => (open.getStore() ? Promise.reject(misuse()) : query(...args))) as PGlite['query'];
  client.exec = ((...args: Parameters<PGlite['exec']>) => (open.getStore() ? Promise.reject(misuse()) : exec(...args))) as PGlite['exec'];
  client.transaction = (<T>(work: (tx: PgliteTx) => Promise<T>) =>
    open.getStore() ? Promise.reject(misuse()) : transaction((tx) => open.run(tx, () => work(tx)))) as PGlite['transaction'];
  return async (statement, data) => {
    const tx = open.getStore();
    if (!tx) throw new Error('COPY 只能在导入事务内执行 (COPY outside a transaction)');
    await tx.query(statement, [], { blob: data });
  };
}

export async function connectPglite(dataDir: string | undefined, folder: string = migrationsFolder()): Promise<Connection> {
  // pg_trgm: the trigram indexes of the name searches (migration 0012) need the extension loaded at every open.
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const bulkCopy = guardTransactions(client);
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: folder });
  } catch (e) {
    await client.close();
    throw e;
  }
  return { kind: 'pglite', db, bulkCopy, close: () => client.close() };
}

/** An arbitrary constant: the advisory lock under which migrations run, so two servers starting together do not race. */
const MIGRATION_LOCK = 7_402_113;

/** PostgreSQL connection settings: the pool's size per app server, and a limit on any one statement (0: none). */
export interface PostgresSettings {
  poolSize?: number;
  statementTimeoutMs?: number;
}

export async function connectPostgres(url: string, settings: PostgresSettings = {}, folder: string = migrationsFolder()): Promise<Connection> {
  const timeout = settings.statementTimeoutMs ?? 0;
  // The timeout is the server's own (set per connection), so a runaway query ends there and frees its connection.
  const pool = new pg.Pool({ connectionString: url, max: settings.poolSize ?? 10, ...(timeout > 0 ? { statement_timeout: timeout } : {}) });
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
    db,
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

export { sql };
