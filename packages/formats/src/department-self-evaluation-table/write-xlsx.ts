/**
 * 部门整体支出绩效自评表 in seed 004's layout (荔湾区): funds by source with the five figures, 年度目标 and its
 * completion, each key task with its key indicators, targets, completion and funds, then 存在问题 and 改进措施.
 * Every rate is computed from the figures (R6), never copied from what a document stated.
 */
import { adjustmentRate, executionRate, formatTarget, type PerformanceDocument } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { AMOUNT_FORMAT, ensureHeight, heightFor, put, setupPrint } from '../xlsx/sheet-style';

export interface DepartmentSelfEvaluationTableInput {
  document: PerformanceDocument;
  /** Region in the title: 荔湾区 → 「荔湾区部门整体支出绩效自评表」. */
  region?: string;
}

const COLS = 8;

export async function writeDepartmentSelfEvaluationTable(input: DepartmentSelfEvaluationTableInput): Promise<Uint8Array> {
  const doc = input.document;
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  const sheet = book.addWorksheet('部门整体支出绩效自评表');
  const widths = [12, 28, 28, 20, 24, 12, 18, 12];
  sheet.columns = widths.map((width) => ({ width }));
  const w = (from: number, cols = 1) => widths.slice(from - 1, from - 1 + cols).reduce((a, b) => a + b, 0);
  setupPrint(sheet);
  let row = 1;
  put(sheet, { row, col: 1, cols: COLS }, `${input.region ?? ''}部门整体支出绩效自评表`, { bold: true, align: 'center', size: 16, border: false });
  sheet.getRow(row).height = 28;
  row++;
  put(sheet, { row, col: 1, cols: COLS }, `（${doc.year ?? '    '}年度）`, { align: 'center', size: 12, border: false });
  row++;
  put(sheet, { row, col: 1 }, '部门名称', { align: 'center' });
  put(sheet, { row, col: 2, cols: 5 }, `${doc.department ?? ''}（部门）`);
  put(sheet, { row, col: 7, cols: 2 }, `单位：${doc.amountUnit}`, { align: 'right' });
  row++;

  const sources = doc.budget?.bySource ?? [];
  // The 合计 line first, computed from the total when the sources do not carry one (seed 003 lists sources only).
  const total = doc.budget ? [{ source: '合计', ...doc.budget, statedExecutionRate: null, statedAdjustmentRate: null }] : [];
  const budgetRows = sources.some((r) => /^(合计|总计)$/.test(r.source)) ? sources : [...total, ...sources];
  put(sheet, { row, col: 1, rows: budgetRows.length + 1 }, '部门资金情况', { align: 'center' });
  ['资金来源', '整体支出年初预算数', '整体支出预算调整数', '整体年度实际支出数', '预算完成率', '预算调整率'].forEach((h, i) =>
    put(sheet, { row, col: 2 + i, cols: i === 5 ? 2 : 1 }, h, { bold: true, align: 'center' }),
  );
  row++;
  for (const r of budgetRows) {
    const exec = executionRate(r, doc.amountUnit);
    const adj = adjustmentRate(r, doc.amountUnit);
    put(sheet, { row, col: 2 }, r.source, { align: 'center' });
    put(sheet, { row, col: 3 }, r.initial, { align: 'right', format: AMOUNT_FORMAT });
    put(sheet, { row, col: 4 }, r.adjustment, { align: 'right', format: AMOUNT_FORMAT });
    put(sheet, { row, col: 5 }, r.spent, { align: 'right', format: AMOUNT_FORMAT });
    put(sheet, { row, col: 6 }, exec == null ? '—' : `${exec.toFixed(2)}%`, { align: 'right' });
    put(sheet, { row, col: 7, cols: 2 }, adj == null ? '—' : `${adj.toFixed(2)}%`, { align: 'right' });
    row++;
  }

  put(sheet, { row, col: 1, rows: 2 }, '年度目标', { align: 'center' });
  put(sheet, { row, col: 2, cols: 3 }, '部门整体支出的预期目标', { bold: true, align: 'center' });
  put(sheet, { row, col: 5, cols: 4 }, '部门整体支出的目标完成情况', { bold: true, align: 'center' });
  row++;
  put(sheet, { row, col: 2, cols: 3 }, doc.goalText ?? '');
  put(sheet, { row, col: 5, cols: 4 }, doc.goalCompletion ?? '');
  ensureHeight(sheet, row, 1, Math.max(heightFor(doc.goalText ?? '', w(2, 3)), heightFor(doc.goalCompletion ?? '', w(5, 4))));
  row++;

  ['主要任务', '年初预期目标', '目标完成情况', '关键指标', '计算公式或指标内容', '预期实现值', '指标完成情况', '任务涉及资金'].forEach((h, i) =>
    put(sheet, { row, col: 1 + i }, h, { bold: true, align: 'center' }),
  );
  row++;
  for (const task of doc.keyTasks ?? []) {
    const indicators = task.indicators?.length ? task.indicators : [null];
    const span = indicators.length;
    put(sheet, { row, col: 1, rows: span }, task.name, { align: 'center' });
    put(sheet, { row, col: 2, rows: span }, task.content ?? '');
    put(sheet, { row, col: 3, rows: span }, task.completion ?? task.expected ?? '');
    put(sheet, { row, col: 8, rows: span }, task.funds, { align: 'right', format: AMOUNT_FORMAT });
    indicators.forEach((ind, k) => {
      put(sheet, { row: row + k, col: 4 }, ind?.name ?? '');
      put(sheet, { row: row + k, col: 5 }, ind?.formula ?? '');
      put(sheet, { row: row + k, col: 6 }, ind ? formatTarget(ind.annualTarget ?? ind.periodTarget) : '', { align: 'center' });
      put(sheet, { row: row + k, col: 7 }, ind?.actual?.text ?? '');
      const target = ind ? formatTarget(ind.annualTarget ?? ind.periodTarget) : '';
      ensureHeight(sheet, row + k, 1, Math.max(heightFor(ind?.name ?? '', w(4)), heightFor(ind?.formula ?? '', w(5)), heightFor(target, w(6)), heightFor(ind?.actual?.text ?? '', w(7))));
    });
    ensureHeight(sheet, row, span, Math.max(heightFor(task.content ?? '', w(2)), heightFor(task.completion ?? task.expected ?? '', w(3))));
    row += span;
  }
  for (const [label, text] of [
    ['存在问题', doc.issuesText],
    ['改进措施', doc.improvementsText],
  ] as const) {
    put(sheet, { row, col: 1 }, label, { align: 'center' });
    put(sheet, { row, col: 2, cols: COLS - 1 }, text ?? '');
    ensureHeight(sheet, row, 1, heightFor(text ?? '', w(2, COLS - 1)));
    row++;
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
