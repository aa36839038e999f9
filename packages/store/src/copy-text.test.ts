import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { copyData, copyField, copyTails } from './copy-text';

describe('COPY text format', () => {
  it('escapes backslash, tab, newline and carriage return, and writes null as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(12.5)).toBe('12.5');
    expect(copyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('round-trips awkward text and JSON through PGlite COPY FROM /dev/blob', async () => {
    const db = await PGlite.create();
    try {
      await db.exec('create table t (id int, a text, b jsonb, n numeric)');
      const a = ['plain', 'tab\there', 'line\nbreak\r\n', 'back\\slash \\N', '\\N', '', null, '中文，全角；"引号"'];
      const b = a.map((s) => (s === null ? null : JSON.stringify({ s })));
      const n = ['1.000001', null, '-0.5', '123456789012.123456', '0', '1e3', null, '7'];
      const tails = copyTails([a, b, n], a.length);
      await db.query(`copy t (id, a, b, n) from '/dev/blob'`, [], { blob: copyData(a.map((_, i) => String(i)), tails) });
      const rows = (await db.query<{ a: string | null; b: { s: string } | null; n: string | null }>('select a, b, n::text as n from t order by id')).rows;
      expect(rows.map((r) => r.a)).toEqual(a);
      expect(rows.map((r) => r.b?.s ?? null)).toEqual(a);
      expect(rows.map((r) => r.n)).toEqual(['1.000001', null, '-0.5', '123456789012.123456', '0', '1000', null, '7']);
    } finally {
      await db.close();
    }
  });
});
