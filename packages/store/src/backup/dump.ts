/**
 * `dumpDatabase` — a consistent logical backup while the database is in use: every table of `public` (tables.ts)
 * read inside one read-only REPEATABLE READ transaction (one snapshot on PostgreSQL; PGlite has one connection
 * anyway), rows fetched through a cursor 500 at a time and written to `out` as they come (format.ts).
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './format';
import { listTables, orderBy, quoteIdent, rowCounts, schemaVersion } from './tables';

const PAGE = 500;

/**
 * Waits for `drain`, or fails when the output is closed or errors first: a client that goes away must end the
 * dump, not leave it (and, on PGlite, the server's one connection) waiting for a drain that never comes.
 */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = (e?: Error) => done(e instanceof Error ? e : new Error('备份的输出已关闭（例如备份客户端已断开）'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onClose);
  });
}

export async function dumpDatabase(store: { db: Db; kind: 'pglite' | 'postgres' }, out: Writable, now: Date = new Date()): Promise<BackupHeader> {
  const { db } = store;
  const hash = createHash('sha256');
  const emit = async (bytes: string) => {
    if (out.destroyed) throw new Error('备份的输出已关闭（例如备份客户端已断开）');
    if (!out.write(bytes)) await drained(out);
  };
  const write = (line: string) => {
    hash.update(`${line}\n`);
    return emit(`${line}\n`);
  };
  return db.transaction(
    async (tx) => {
      const tables = await listTables(tx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        schema: await schemaVersion(tx),
        createdAt: now.toISOString(),
        backend: store.kind,
        tables: await rowCounts(tx, tables),
      };
      await write(JSON.stringify(header));
      for (const table of tables) {
        const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
        await tx.execute(sql.raw(`declare jixiao_backup no scroll cursor for select to_jsonb(t)::text as r from ${quoteIdent(table.name)} t order by ${orderBy(table, 't')}`));
        for (;;) {
          const rows = await queryRows<{ r: string }>(tx, sql.raw(`fetch ${PAGE} from jixiao_backup`));
          for (const { r } of rows) await write(`${prefix}${r}}`);
          if (rows.length < PAGE) break;
        }
        await tx.execute(sql.raw('close jixiao_backup'));
      }
      // The trailer is not part of what it hashes.
      await emit(`${JSON.stringify({ end: true, sha256: hash.digest('hex') })}\n`);
      return header;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
