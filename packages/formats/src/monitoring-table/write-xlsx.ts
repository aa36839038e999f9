/**
 * 绩效运行监控表 (.xlsx), A4 landscape: title, 部门/单位 and cut-off month, the budget table (each project and 合计:
 * 全年预算数, 1–N月执行数, 执行率, 序时进度, 比值, light, deviation reason, likelihood, measures), then the indicator
 * table (一级/二级/三级, 年度指标值, 截至目前完成值, 序时目标, light, …), then the light counts and the rule set.
 * Amounts are numbers (so a finance officer can re-add them); lights are words on a coloured cell, so the table
 * still reads in black and white.
 */
import type { Light } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { budgetHeaders, budgetRow, headerLine, INDICATOR_HEADERS, indicatorRow, LIGHT_FILL, summaryLines, tableTitle, type MonitoringTableInput } from './rows';
import { AMOUNT_FORMAT, ensureHeight, heightFor, put, setupPrint } from '../xlsx/sheet-style';

// 12 columns shared by both tables: the budget table merges some of them.
const WIDTHS = [16, 12, 9, 10, 20, 11, 11, 10, 7, 22, 10, 20];
const COLS = WIDTHS.length;
/** Columns laid side by side from column 1, each `span` wide: [first column, span]. */
function placed(spans: readonly number[]): Array<[number, number]> {
  let col = 1;
  return spans.map((span) => {
    const at: [number, number] = [col, span];
    col += span;
    return at;
  });
}
/** Where each budget column goes: 项目名称 and 全年预算数 take two columns each. */
const BUDGET_AT = placed([2, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
/** Where each indicator column goes: 二级指标 takes two columns. */
const INDICATOR_AT = placed([1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1]);

const width = (from: number, span: number) => WIDTHS.slice(from - 1, from - 1 + span).reduce((a, b) => a + b, 0);

function fill(sheet: ExcelJS.Worksheet, row: number, col: number, light: Light | null): void {
  if (!light) return;
  sheet.getCell(row, col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${LIGHT_FILL[light]}` } };
}

function writeRow(sheet: ExcelJS.Worksheet, row: number, at: Array<[number, number]>, cells: Array<string | number | null>, opts: { bold?: boolean; numeric?: number[]; center?: number[] } = {}): void {
  let height = 18;
  cells.forEach((value, i) => {
    const [col, span] = at[i]!;
    const numeric = opts.numeric?.includes(i) && typeof value === 'number';
    put(sheet, { row, col, cols: span }, value, { bold: opts.bold ?? false, align: numeric ? 'right' : opts.center?.includes(i) ? 'center' : 'left', ...(numeric ? { format: AMOUNT_FORMAT } : {}) });
    height = Math.max(height, heightFor(String(value ?? ''), width(col, span)));
  });
  ensureHeight(sheet, row, 1, height);
}

export async function writeMonitoringTable(input: MonitoringTableInput): Promise<Uint8Array> {
  const { result } = input;
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  const sheet = book.addWorksheet('绩效运行监控表');
  sheet.columns = WIDTHS.map((w) => ({ width: w }));
  setupPrint(sheet, true);
  let row = 1;
  put(sheet, { row, col: 1, cols: COLS }, tableTitle(input), { bold: true, align: 'center', size: 16, border: false });
  sheet.getRow(row).height = 30;
  row++;
  put(sheet, { row, col: 1, cols: COLS }, headerLine(input), { border: false });
  row++;

  put(sheet, { row, col: 1, cols: COLS }, '一、预算执行情况', { bold: true, border: false });
  row++;
  writeRow(sheet, row, BUDGET_AT, budgetHeaders(result.cutoffMonth, result.amountUnit), { bold: true, center: [...Array(10).keys()] });
  sheet.views = [{ state: 'normal' }];
  row++;
  for (const line of [...result.budgetLines, result.total]) {
    const text = budgetRow(line);
    // Amounts stay numbers in the workbook; the text rows are for the .docx.
    const cells: Array<string | number | null> = [text[0]!, line.budget, line.spent, ...text.slice(3)];
    writeRow(sheet, row, BUDGET_AT, cells, { bold: line === result.total, numeric: [1, 2], center: [3, 4, 5, 6, 8] });
    fill(sheet, row, 9, line.light);
    row++;
  }
  row++;
  put(sheet, { row, col: 1, cols: COLS }, '二、绩效目标完成情况', { bold: true, border: false });
  row++;
  writeRow(sheet, row, INDICATOR_AT, INDICATOR_HEADERS, { bold: true, center: [...Array(11).keys()] });
  row++;
  for (const line of result.indicatorLines) {
    writeRow(sheet, row, INDICATOR_AT, indicatorRow(line), { center: [4, 5, 6, 7, 9] });
    fill(sheet, row, 9, line.light);
    row++;
  }
  row++;
  for (const text of summaryLines(input)) {
    put(sheet, { row, col: 1, cols: COLS }, text, { border: false });
    ensureHeight(sheet, row, 1, heightFor(text, width(1, COLS)));
    row++;
  }
  put(sheet, { row, col: 1, cols: COLS }, `填报人：${input.updatedBy ?? '＿＿＿＿'}　　　　单位负责人：＿＿＿＿　　　　${input.status ? `状态：${input.status}` : ''}`, { border: false });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
