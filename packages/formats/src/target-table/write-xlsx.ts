/**
 * 绩效目标表 (.xlsx): one sheet per table of `rows.ts` (部门整体预算绩效目标表 A4 portrait, 项目支出绩效目标表 A4
 * landscape), with the printed form's merged cells, amounts kept as numbers in 万元 (`#,##0.00`) so they can be
 * re-added, the header row repeated on every printed page and the approval line under the table.
 */
import ExcelJS from 'exceljs';
import { approvalLine, targetTableParts, type GridCell, type TargetTableInput, type TargetTablePart } from './rows';
import { AMOUNT_FORMAT, ensureHeight, heightFor, put, setupPrint } from '../xlsx/sheet-style';

/** Excel column units the table spans: about what fits an A4 page at 100 %. */
const SHEET_WIDTH = { portrait: 96, landscape: 150 } as const;

/** Places the grid's cells (covered cells left out) on sheet positions: [row offset, column, cell]. */
export function placeCells(rows: GridCell[][]): Array<{ r: number; c: number; cell: GridCell }> {
  const taken = new Set<string>();
  const placed: Array<{ r: number; c: number; cell: GridCell }> = [];
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r}:${c}`)) c++;
      placed.push({ r, c, cell });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken.add(`${r + dr}:${c + dc}`);
      c += cell.colSpan ?? 1;
    }
  });
  return placed;
}

function writePart(book: ExcelJS.Workbook, part: TargetTablePart, note: string): void {
  const sheet = book.addWorksheet(part.sheetName, { views: [{ showGridLines: false }] });
  const total = part.widths.reduce((a, b) => a + b, 0);
  const widths = part.widths.map((w) => Math.round((w / total) * SHEET_WIDTH[part.landscape ? 'landscape' : 'portrait']));
  sheet.columns = widths.map((width) => ({ width }));
  setupPrint(sheet, part.landscape);
  const cols = widths.length;
  put(sheet, { row: 1, col: 1, cols }, part.attachment, { bold: true, border: false, size: 12 });
  put(sheet, { row: 2, col: 1, cols }, part.title, { bold: true, align: 'center', size: 16, border: false });
  sheet.getRow(2).height = 30;
  let first = 3;
  if (part.subtitle) {
    put(sheet, { row: 3, col: 1, cols }, part.subtitle, { border: false });
    first = 4;
  }
  const heights = new Map<number, number>();
  for (const { r, c, cell } of placeCells(part.rows)) {
    const row = first + r;
    const span = { rows: cell.rowSpan ?? 1, cols: cell.colSpan ?? 1 };
    const value = cell.amount != null ? cell.amount : cell.text;
    put(sheet, { row, col: c + 1, ...span }, value, { bold: cell.head ?? false, align: cell.align ?? 'left', ...(cell.amount != null ? { format: AMOUNT_FORMAT } : {}) });
    const width = widths.slice(c, c + span.cols).reduce((a, b) => a + b, 0);
    const needed = heightFor(cell.text, width);
    if (span.rows === 1) heights.set(row, Math.max(heights.get(row) ?? 18, needed));
  }
  for (const [row, height] of heights) sheet.getRow(row).height = Math.min(409, height);
  // A merged cell down several rows needs the rows together to be tall enough for its text.
  for (const { r, c, cell } of placeCells(part.rows)) {
    if ((cell.rowSpan ?? 1) < 2) continue;
    const width = widths.slice(c, c + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
    ensureHeight(sheet, first + r, cell.rowSpan!, heightFor(cell.text, width));
  }
  if (part.headerRows > 0) sheet.pageSetup.printTitlesRow = `${first}:${first + part.headerRows - 1}`;
  const last = first + part.rows.length + 1;
  put(sheet, { row: last, col: 1, cols }, note, { border: false });
}

export async function writeTargetTable(input: TargetTableInput): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  const note = approvalLine(input.approval);
  for (const part of targetTableParts(input)) writePart(book, part, note);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
