/**
 * The backup file (`.jixiao-backup`): gzipped NDJSON. Line 1 is the header (format name and version, the schema's
 * migration version, when, which backend, row counts per table in foreign-key order); then one line per row
 * `{"t": table, "r": row}` with the row as PostgreSQL's own `to_jsonb` text (never parsed by JavaScript, so
 * numerics, timestamps and bytea keep every digit); the last line `{"end": true, "sha256": …}` is the SHA-256 of
 * every byte before it, so a damaged or cut-off file is refused before a restore writes anything.
 */
import type { SchemaVersion } from './tables';

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schema: SchemaVersion;
  createdAt: string;
  backend: 'pglite' | 'postgres';
  /** Table → row count, in the order the rows follow (foreign-key order). */
  tables: Record<string, number>;
}

export interface BackupTrailer {
  end: true;
  sha256: string;
}
