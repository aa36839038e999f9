/**
 * Shared look of the official tables written as .xlsx: 宋体 body, 黑体 title, thin borders, wrapped text,
 * A4 print setup. Kept in one place so every table a unit prints looks like the templates they know.
 */
import type { Borders, Cell, Worksheet } from 'exceljs';

export const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const AMOUNT_FORMAT = '#,##0.00';
export const RATE_FORMAT = '0.00"%"';

export function styleCell(cell: Cell, opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; size?: number; border?: boolean } = {}): void {
  cell.font = { name: opts.bold ? '黑体' : '宋体', size: opts.size ?? 10.5, bold: false };
  cell.alignment = { vertical: 'middle', horizontal: opts.align ?? 'left', wrapText: true };
  if (opts.border !== false) cell.border = THIN;
}

/** Writes a value into a cell range (merging when it spans more than one cell) and styles every cell of it. */
export function put(
  sheet: Worksheet,
  range: { row: number; col: number; rows?: number; cols?: number },
  value: string | number | null | undefined,
  opts: Parameters<typeof styleCell>[1] & { format?: string } = {},
): void {
  const rows = range.rows ?? 1;
  const cols = range.cols ?? 1;
  if (rows > 1 || cols > 1) sheet.mergeCells(range.row, range.col, range.row + rows - 1, range.col + cols - 1);
  const cell = sheet.getCell(range.row, range.col);
  cell.value = value ?? '';
  if (opts.format && typeof value === 'number') cell.numFmt = opts.format;
  for (let r = range.row; r < range.row + rows; r++) {
    for (let c = range.col; c < range.col + cols; c++) styleCell(sheet.getCell(r, c), opts);
  }
}

export function setupPrint(sheet: Worksheet, landscape = true): void {
  sheet.pageSetup = { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  sheet.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

/** Display width of text in Excel column units: a Chinese character is about two digits wide. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Height (points) that wrapped text needs in a cell `columnWidth` units wide: 14 points a line, a little padding. */
export function heightFor(text: string, columnWidth: number): number {
  const usable = Math.max(4, columnWidth - 1);
  const lines = text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / usable)), 0);
  return lines * 14 + 4;
}

/** Makes rows `row … row + span − 1` together at least `needed` points tall (Excel caps a row at 409). */
export function ensureHeight(sheet: Worksheet, row: number, span: number, needed: number): void {
  let have = 0;
  for (let k = 0; k < span; k++) have += sheet.getRow(row + k).height ?? 15;
  if (have >= needed) return;
  const extra = (needed - have) / span;
  for (let k = 0; k < span; k++) {
    const r = sheet.getRow(row + k);
    r.height = Math.min(409, (r.height ?? 15) + extra);
  }
}
