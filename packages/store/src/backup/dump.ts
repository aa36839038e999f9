/**
 * `dumpDatabase` — a consistent logical backup while the database is in use: every table of `public` (tables.ts)
 * read inside one read-only REPEATABLE READ transaction (one snapshot on PostgreSQL; PGlite has one connection
 * anyway), rows fetched through a cursor 500 at a time and written to `out` as they come (format.ts).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { isPglite, queryRows, type Db } from '../db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader } from './format';
import { listTables, orderBy, quoteIdent, rowCounts, schemaVersion } from './tables';

const PAGE = 500;

export async function dumpDatabase(db: Db, out: Writable, now: Date = new Date()): Promise<BackupHeader> {
  const hash = createHash('sha256');
  const emit = async (bytes: string) => {
    if (!out.write(bytes)) await once(out, 'drain');
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
        backend: isPglite(db) ? 'pglite' : 'postgres',
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
