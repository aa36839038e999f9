/**
 * What a backup reads from the catalogs rather than from a hand list, so a new table is included by itself: the
 * base tables of schema `public` in foreign-key order (a referenced table before the tables referring to it), each
 * with its primary-key columns (the order rows are read and compared in), and the schema's migration version.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db';

export interface TableInfo {
  name: string;
  /** Primary-key columns in key order; empty when the table has none (its rows are then ordered by their text). */
  key: string[];
}

export const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The tables of `public`, referenced before referring (self-references ignored; a cycle keeps name order). */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const tables = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const keys = await queryRows<{ name: string; column: string }>(
    db,
    sql`select c.relname as name, a.attname as column
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(k.conkey) with ordinality as u(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum
        where k.contype = 'p' and n.nspname = 'public' order by c.relname, u.ord`,
  );
  const refs = await queryRows<{ from: string; to: string }>(
    db,
    sql`select c.relname as "from", r.relname as "to"
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const names = tables.map((t) => t.name);
  const dependsOn = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { from, to } of refs) if (from !== to) dependsOn.get(from)?.add(to);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...dependsOn.get(n)!].every((d) => placed.has(d) || !dependsOn.has(d)));
    // A foreign-key cycle would leave nothing ready: place the rest by name rather than loop forever.
    const next = ready.length > 0 ? ready : names.filter((n) => !placed.has(n));
    for (const n of next) {
      placed.add(n);
      ordered.push(n);
    }
  }
  return ordered.map((name) => ({ name, key: keys.filter((k) => k.name === name).map((k) => k.column) }));
}

/** `order by` for reading a table's rows deterministically. */
export function orderBy(table: TableInfo, alias: string): string {
  return table.key.length > 0 ? table.key.map((c) => `${alias}.${quoteIdent(c)}`).join(', ') : `to_jsonb(${alias})::text`;
}

export interface SchemaVersion {
  /** How many migrations have been applied. */
  migrations: number;
  /** The `when` of the last applied migration (drizzle's journal), null before any. */
  last: number | null;
}

export async function schemaVersion(db: Executor): Promise<SchemaVersion> {
  const [row] = await queryRows<{ count: number | string; last: number | string | null }>(db, sql`select count(*)::int as count, max(created_at) as last from drizzle.__drizzle_migrations`);
  return { migrations: Number(row?.count ?? 0), last: row?.last == null ? null : Number(row.last) };
}

/** Row counts per table, in the order given. */
export async function rowCounts(db: Executor, tables: TableInfo[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${quoteIdent(t.name)}`));
    counts[t.name] = row?.n ?? 0;
  }
  return counts;
}
