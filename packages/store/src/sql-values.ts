/**
 * How stored values come back the same on both backends: timestamps as ISO 8601 UTC strings formatted by the
 * database (so the clock and the format are the database's, not the driver's), and jsonb that node-postgres parses
 * but PGlite's raw `execute` may hand back as text.
 */
import { sql, type SQL } from 'drizzle-orm';

/** `to_char(column at time zone 'UTC', …)` → `2026-11-23T22:41:05.123Z`. `column` is trusted SQL (a column name). */
export function utcIso(column: string): SQL {
  return sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/** A json/jsonb column's value as a JS value, whichever driver read it; null stays null. */
export function jsonValue<T = unknown>(value: unknown): T | null {
  return (typeof value === 'string' ? JSON.parse(value) : (value ?? null)) as T | null;
}

/** A value as a jsonb parameter; undefined (nothing to say) is stored as SQL null like null. */
export function jsonbParam(value: unknown): SQL {
  return sql`${value === undefined || value === null ? null : JSON.stringify(value)}::jsonb`;
}
