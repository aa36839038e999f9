/**
 * A read-only view of one worksheet as a grid of plain values (string | number | null), whatever exceljs holds
 * in a cell: rich text is joined, formulas give their cached result, merged cells give their master's value
 * (so a name merged down over several rows reads on every row), dates become `YYYY-MM-DD`.
 */
import type { Cell, CellValue, Worksheet } from 'exceljs';

export type Plain = string | number | null;

export interface Grid {
  name: string;
  rowCount: number;
  colCount: number;
  value(row: number, col: number): Plain;
  /** Trimmed text of a cell ('' when empty). */
  text(row: number, col: number): string;
  /** The address of the merged range's master when the cell is merged, else its own address. */
  origin(row: number, col: number): string;
}

export function gridOf(sheet: Worksheet): Grid {
  const rowCount = sheet.rowCount;
  let colCount = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    colCount = Math.max(colCount, row.cellCount);
  });
  const cell = (r: number, c: number): Cell | undefined => sheet.findRow(r)?.findCell(c);
  const value = (r: number, c: number): Plain => {
    const found = cell(r, c);
    return found ? plain(found.value) : null;
  };
  return {
    name: sheet.name,
    rowCount,
    colCount,
    value,
    text: (r, c) => textOf(value(r, c)),
    origin: (r, c) => {
      const found = cell(r, c);
      return found?.isMerged ? found.master.address : `${colLetter(c)}${r}`;
    },
  };
}

export function textOf(v: Plain): string {
  if (v == null) return '';
  return typeof v === 'number' ? String(v) : v.trim();
}

/** exceljs cell value → plain value. */
export function plain(v: CellValue | undefined): Plain {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plain((v as { result?: CellValue }).result as CellValue);
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return String(v.error);
  }
  return null;
}

export function colLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function isRowEmpty(grid: Grid, row: number): boolean {
  for (let c = 1; c <= grid.colCount; c++) if (grid.text(row, c) !== '') return false;
  return true;
}
