/**
 * 绩效结果应用情况表 (.xlsx, R11): by department, unit and project — the budget in 万元 (numbers with thousands
 * separators, so they can be re-added), the self-evaluation score and grade, the target review conclusion, the
 * suggestion for next year's budget with the rule that gave it, and the finance reviewer's decision, reason, who and
 * when (Beijing time). A4 landscape; the rule set and its 文号 under the table.
 */
import { sumAmounts } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { AMOUNT_FORMAT, ensureHeight, heightFor, put, setupPrint } from '../xlsx/sheet-style';

export interface ResultsUseTableRow {
  department: string;
  unit: string;
  project: string;
  budgetWan: number | null;
  selfEvaluationScore: number | null;
  selfEvaluationGrade: string | null;
  reviewConclusion: string | null;
  evaluationGrade: string | null;
  suggestion: string;
  /** 建议 / 已确认 / 已调整 */
  state: string;
  decision: string;
  reason: string;
  by: string;
  /** Beijing time, `2026-12-04 21:05`. */
  at: string;
}

export interface ResultsUseTableInput {
  year: number;
  /** 「全区」 or the department chosen. */
  scope: string;
  ruleTitle: string;
  rows: ResultsUseTableRow[];
}

const HEADERS = ['序号', '部门', '单位', '项目', '预算金额（万元）', '自评得分', '自评等级', '审核结论', '评价等级', '下年度预算建议', '状态', '财政决定', '理由', '决定人', '决定时间'];
const WIDTHS = [6, 16, 18, 26, 13, 9, 8, 8, 8, 16, 8, 16, 28, 10, 16];

export async function writeResultsUseTable(input: ResultsUseTableInput): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  const sheet = book.addWorksheet('结果应用');
  sheet.columns = WIDTHS.map((width) => ({ width }));
  setupPrint(sheet, true);
  put(sheet, { row: 1, col: 1, cols: HEADERS.length }, `${input.year}年度绩效结果应用情况表`, { bold: true, align: 'center', size: 16, border: false });
  sheet.getRow(1).height = 30;
  put(sheet, { row: 2, col: 1, cols: HEADERS.length }, `范围：${input.scope}　　结果年度：${input.year}　　建议用于：${input.year + 1}年度预算安排`, { border: false });
  HEADERS.forEach((h, i) => put(sheet, { row: 3, col: i + 1 }, h, { bold: true, align: 'center' }));
  ensureHeight(sheet, 3, 1, 30);
  input.rows.forEach((r, i) => {
    const row = 4 + i;
    const cells: Array<string | number | null> = [i + 1, r.department, r.unit, r.project, r.budgetWan, r.selfEvaluationScore, r.selfEvaluationGrade, r.reviewConclusion, r.evaluationGrade, r.suggestion, r.state, r.decision, r.reason, r.by, r.at];
    let height = 18;
    cells.forEach((value, c) => {
      const numeric = typeof value === 'number' && c >= 4;
      put(sheet, { row, col: c + 1 }, value ?? '', { align: numeric ? 'right' : c === 0 || (c >= 6 && c <= 10) ? 'center' : 'left', ...(c === 4 && numeric ? { format: AMOUNT_FORMAT } : c === 5 && numeric ? { format: '0.00' } : {}) });
      height = Math.max(height, heightFor(String(value ?? ''), WIDTHS[c]!));
    });
    ensureHeight(sheet, row, 1, height);
  });
  // 合计: the budgets added exactly (through fen), and how many of the suggestions were decided.
  const total = 4 + input.rows.length;
  const decided = input.rows.filter((r) => r.decision !== '').length;
  put(sheet, { row: total, col: 1, cols: 4 }, `合计（${input.rows.length} 个项目）`, { bold: true, align: 'center' });
  put(sheet, { row: total, col: 5 }, sumAmounts(input.rows.map((r) => r.budgetWan), '万元'), { bold: true, align: 'right', format: AMOUNT_FORMAT });
  put(sheet, { row: total, col: 6, cols: HEADERS.length - 5 }, `已决定 ${decided} 项，待财政确认 ${input.rows.length - decided} 项`, { bold: true });
  const foot = total + 1;
  put(sheet, { row: foot, col: 1, cols: HEADERS.length }, `建议依据：${input.ruleTitle}。建议由系统按规则给出，须经财政审核人员确认或调整后方为决定。`, { border: false });
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}
