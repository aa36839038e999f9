/**
 * Any table as a one-sheet workbook (.xlsx): a title line, the headings, the rows. Amounts stay numbers with
 * thousands separators (`#,##0.00`), so a finance officer can re-add them; empty cells stay empty. Used for the
 * dashboard's chart data (数据看板, issue 13 item 3).
 */
import ExcelJS from 'exceljs';
import { AMOUNT_FORMAT, displayWidth, RATE_FORMAT, styleCell } from './sheet-style';

export interface TableWorkbookInput {
  title: string;
  /** Sheet names are at most 31 characters and refuse some signs; defaults to the title made safe. */
  sheetName?: string;
  columns: ReadonlyArray<{ header: string; format?: 'amount' | 'percent' | 'number' }>;
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

const FORMATS = { amount: AMOUNT_FORMAT, percent: RATE_FORMAT, number: '#,##0.##' } as const;

/** A sheet name Excel accepts: no `\ / ? * [ ] :`, at most 31 characters. */
export const safeSheetName = (name: string): string => name.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31) || '数据';

export async function writeTableWorkbook(input: TableWorkbookInput): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(safeSheetName(input.sheetName ?? input.title));
  const cols = Math.max(1, input.columns.length);
  sheet.mergeCells(1, 1, 1, cols);
  const title = sheet.getCell(1, 1);
  title.value = input.title;
  styleCell(title, { bold: true, size: 14, align: 'center', border: false });
  input.columns.forEach((c, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = c.header;
    styleCell(cell, { bold: true, align: 'center' });
  });
  input.rows.forEach((row, r) => {
    input.columns.forEach((c, i) => {
      const cell = sheet.getCell(r + 3, i + 1);
      const value = row[i] ?? null;
      // A text cell that starts like a formula is written as text (a spreadsheet never runs it).
      cell.value = value;
      styleCell(cell, { align: typeof value === 'number' ? 'right' : 'left' });
      if (typeof value === 'number' && c.format) cell.numFmt = FORMATS[c.format];
    });
  });
  input.columns.forEach((c, i) => {
    const widest = Math.max(displayWidth(c.header), ...input.rows.map((row) => displayWidth(String(row[i] ?? ''))));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}
