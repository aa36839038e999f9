/**
 * The look of the jixiao templates: a bold title, a coloured frozen header row, amount formats, and data
 * validation lists on the columns that take a fixed vocabulary. Validation is a help, not a gate: it warns in Excel
 * and the reader still reports whatever was typed.
 */
import type { DataValidation, Worksheet } from 'exceljs';
import { AMOUNT_FORMAT, THIN } from '../xlsx/sheet-style';
import { colLetter } from '../xlsx/grid';
import type { TemplateColumn } from './template-layout';

export function writeTitle(sheet: Worksheet, row: number, cols: number, text: string): void {
  sheet.mergeCells(row, 1, row, cols);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: '黑体', size: 14 };
  cell.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.getRow(row).height = 26;
}

export function writeHeader<F extends string>(sheet: Worksheet, row: number, columns: readonly TemplateColumn<F>[]): void {
  columns.forEach((col, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = col.title;
    cell.font = { name: '黑体', size: 10.5 };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = THIN;
    sheet.getColumn(i + 1).width = col.width;
    if (col.kind === 'amount') sheet.getColumn(i + 1).numFmt = AMOUNT_FORMAT;
    if (col.kind === 'longText' || col.kind === 'text' || col.kind === undefined) sheet.getColumn(i + 1).alignment = { vertical: 'top', wrapText: col.kind === 'longText' };
  });
  sheet.getRow(row).height = 30;
  sheet.views = [{ state: 'frozen', ySplit: row, xSplit: 0 }];
}

/** A `label | value` pair on a line above the table (部门, 年度, 金额单位). */
export function writeLabel(sheet: Worksheet, row: number, col: number, label: string, value: string | number | null, valueCols = 1): void {
  const l = sheet.getCell(row, col);
  l.value = label;
  l.font = { name: '黑体', size: 10.5 };
  l.alignment = { horizontal: 'right', vertical: 'middle' };
  if (valueCols > 1) sheet.mergeCells(row, col + 1, row, col + valueCols);
  const v = sheet.getCell(row, col + 1);
  v.value = value ?? '';
  v.border = { bottom: { style: 'thin' } };
  v.alignment = { horizontal: 'left', vertical: 'middle' };
}

/** Data validation on `rows` cells of a column starting at `fromRow`: a pick list or a non-negative decimal. */
export function validateColumn(sheet: Worksheet, col: number, fromRow: number, rows: number, rule: { list: readonly string[] } | { decimal: true } | { integer: true }): void {
  const validation: DataValidation =
    'list' in rule
      ? { type: 'list', allowBlank: true, formulae: [`"${rule.list.join(',')}"`], showErrorMessage: true, errorStyle: 'warning', error: '请从列表中选择 (pick from the list)' }
      : 'decimal' in rule
        ? { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'warning', error: '请填写不小于 0 的数字金额 (a number ≥ 0)' }
        : { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [1], showErrorMessage: true, errorStyle: 'warning', error: '请填写正整数 (a whole number ≥ 1)' };
  for (let r = fromRow; r < fromRow + rows; r++) sheet.getCell(`${colLetter(col)}${r}`).dataValidation = validation;
}

/** The 说明 sheet: a title and numbered lines of guidance, one per row. */
export function writeGuide(sheet: Worksheet, title: string, lines: readonly string[]): void {
  sheet.getColumn(1).width = 120;
  const t = sheet.getCell(1, 1);
  t.value = title;
  t.font = { name: '黑体', size: 14 };
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 2, 1);
    cell.value = line;
    cell.font = { name: '宋体', size: 10.5, bold: line.startsWith('【') };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}
