/**
 * A read-only view of one worksheet as a grid of plain values (string | number | null), whatever a cell holds:
 * rich text is joined, formulas give their cached result, merged cells give their master's value (so a name
 * merged down over several rows reads on every row), dates become `YYYY-MM-DD`. Built from the workbook's XML
 * parts by sheet-xml.ts.
 */

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

export function textOf(v: Plain): string {
  if (v == null) return '';
  return typeof v === 'number' ? String(v) : v.trim();
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
