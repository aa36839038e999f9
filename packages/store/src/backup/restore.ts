/**
 * `restoreDatabase` — a backup (format.ts) into an empty database of the same schema version: the file is verified
 * first (read-backup.ts), then every row is inserted verbatim, table by table in the file's order (the dump's
 * foreign-key order, checked against this database's constraints), in one transaction, and every sequence is set
 * past the largest id. Plain INSERTs copy every column, so the append-only tables and the audit hash chain come
 * back exactly as they were (their triggers refuse only UPDATE, DELETE and TRUNCATE).
 */
import { sql } from 'drizzle-orm';
import { AppError } from '@jixiao/services';
import { queryRows, type Db, type Executor } from '../db';
import type { BackupHeader } from './format';
import { backupLines, parseRowLine, verifyBackup } from './read-backup';
import { listTables, quoteIdent, rowCounts, schemaVersion, type TableInfo } from './tables';

/** Rows per INSERT, and the JSON text size that ends a batch early (the documents' gzipped JSON can be large). */
const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

export interface RestoreResult {
  header: BackupHeader;
  rows: number;
}

/** Throws `CONFLICT` naming the tables that hold rows. */
export async function assertEmpty(db: Executor, where: string): Promise<TableInfo[]> {
  const tables = await listTables(db);
  const counts = await rowCounts(db, tables);
  const filled = Object.entries(counts).filter(([, n]) => n > 0);
  if (filled.length > 0) {
    throw new AppError('CONFLICT', `${where}不是空的：${filled.map(([t, n]) => `${t} ${n} 行`).join('、')}。只能恢复到空的数据目录或空数据库，请换一个新的 JIXIAO_DATA_DIR 或新建数据库。`, { counts });
  }
  return tables;
}

export async function restoreDatabase(db: Db, path: string, where = '目标数据库'): Promise<RestoreResult> {
  const header = await verifyBackup(path);
  const ours = await schemaVersion(db);
  if (header.schema.migrations > ours.migrations) {
    throw new AppError('BAD_INPUT', `备份 ${path} 的数据库结构（迁移 ${header.schema.migrations}）比本程序（迁移 ${ours.migrations}）新：请用新版本的 jixiao 恢复。`, { path });
  }
  if (header.schema.migrations < ours.migrations || header.schema.last !== ours.last) {
    throw new AppError('BAD_INPUT', `备份 ${path} 的数据库结构（迁移 ${header.schema.migrations}）与本程序（迁移 ${ours.migrations}）不同：请用生成该备份的 jixiao 版本恢复，再升级。`, { path });
  }
  const tables = await assertEmpty(db, where);
  const known = new Map(tables.map((t, i) => [t.name, i]));
  const order = Object.keys(header.tables);
  for (const [i, name] of order.entries()) {
    if (!known.has(name)) throw new AppError('BAD_INPUT', `备份 ${path} 中的表 ${name} 在本数据库中不存在。`, { path });
    // The file's order must put every referenced table first; this database's order is one such order.
    const refs = await referencedTables(db, name);
    const late = refs.find((r) => order.indexOf(r) > i);
    if (late) throw new AppError('BAD_INPUT', `备份 ${path} 中表 ${name} 排在它引用的表 ${late} 之前，无法按外键顺序恢复。`, { path });
  }

  let rows = 0;
  await db.transaction(async (tx) => {
    let table: string | undefined;
    let batch: string[] = [];
    let chars = 0;
    const flush = async () => {
      if (table === undefined || batch.length === 0) return;
      const t = quoteIdent(table);
      await tx.execute(sql`insert into ${sql.raw(t)} overriding system value select * from json_populate_recordset(null::${sql.raw(t)}, ${`[${batch.join(',')}]`}::json)`);
      rows += batch.length;
      batch = [];
      chars = 0;
    };
    for await (const line of backupLines(path)) {
      const row = parseRowLine(line);
      if (!row) continue; // the header and the trailer
      if (row.table !== table) {
        await flush();
        table = row.table;
      }
      batch.push(row.row);
      chars += row.row.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    await resetSequences(tx);
  });
  return { header, rows };
}

async function referencedTables(db: Executor, table: string): Promise<string[]> {
  const rows = await queryRows<{ to: string }>(
    db,
    sql`select r.relname as "to" from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace where k.contype = 'f' and n.nspname = 'public' and c.relname = ${table} and r.relname <> ${table}`,
  );
  return rows.map((r) => r.to);
}

/** Every serial/identity sequence of `public` set so the next id follows the largest restored one. */
async function resetSequences(db: Executor): Promise<void> {
  const owned = await queryRows<{ table: string; column: string; seq: string }>(
    db,
    sql`select c.table_name as table, c.column_name as column, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
        from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`,
  );
  for (const { table, column, seq } of owned) {
    await db.execute(sql`select setval(${seq}, coalesce((select max(${sql.raw(quoteIdent(column))}) from ${sql.raw(quoteIdent(table))}), 0) + 1, false)`);
  }
}
