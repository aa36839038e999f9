/**
 * PostgreSQL `COPY … FROM` text format, for the PGlite bulk path (`COPY t (cols) FROM '/dev/blob'`): one line per
 * row, fields separated by a tab, `\N` for null, and backslash, tab, newline and carriage return escaped.
 *
 * A row's columns whose values are only known inside the import transaction (the version, document, unit and
 * project ids) come first; everything else is encoded before the transaction opens into a "tail" per row
 * (`\t…\n`), so that inside the transaction only a short id prefix is prepended to each line.
 */

export type CopyValue = string | number | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return NEEDS_ESCAPE.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : v;
}

/** Each row's fields from these columns, each field preceded by a tab, the line ended by a newline. */
export function copyTails(columns: ReadonlyArray<ReadonlyArray<CopyValue>>, length: number): string[] {
  const tails: string[] = [];
  for (let i = 0; i < length; i++) {
    let line = '';
    for (const col of columns) line += '\t' + copyField(col[i] ?? null);
    tails.push(line + '\n');
  }
  return tails;
}

/** The COPY data: each row's id prefix (already encoded, tab-separated) followed by its tail. */
export function copyData(prefixes: ReadonlyArray<string>, tails: ReadonlyArray<string>): Blob {
  return new Blob([tails.map((tail, i) => (prefixes[i] ?? '') + tail).join('')]);
}
