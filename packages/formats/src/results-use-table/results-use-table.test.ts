/** 绩效结果应用情况表: the rows as written, amounts as numbers in 万元 with thousands separators, the 合计 exact. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeResultsUseTable, type ResultsUseTableRow } from './write-xlsx';

const row = (extra: Partial<ResultsUseTableRow>): ResultsUseTableRow => ({
  department: '金花街道办事处',
  unit: '金花街道办事处',
  project: '社区居民活动费',
  budgetWan: 15.28,
  selfEvaluationScore: 68,
  selfEvaluationGrade: '中',
  reviewConclusion: '良',
  evaluationGrade: null,
  suggestion: '改进，可适当压减',
  state: '已确认',
  decision: '改进，可适当压减',
  reason: '执行率低',
  by: '区财政局审核人',
  at: '2026-12-04 21:05',
  ...extra,
});

describe('绩效结果应用情况表', () => {
  it('writes the title, each row, the exact 合计 and the rule', async () => {
    const bytes = await writeResultsUseTable({ year: 2024, scope: '全区', ruleTitle: '绩效结果应用（依据中发〔2018〕34号）', rows: [row({}), row({ project: '环卫保洁类经费', budgetWan: 1234.1, state: '建议', decision: '', reason: '', by: '', at: '' })] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('2024年度绩效结果应用情况表');
    expect(sheet.getCell('A2').value).toBe('范围：全区　　结果年度：2024　　建议用于：2025年度预算安排');
    expect([4, 5].map((r) => [sheet.getCell(r, 4).value, sheet.getCell(r, 5).value, sheet.getCell(r, 11).value])).toEqual([
      ['社区居民活动费', 15.28, '已确认'],
      ['环卫保洁类经费', 1234.1, '建议'],
    ]);
    expect(sheet.getCell(5, 5).numFmt).toBe('#,##0.00');
    // 15.28 + 1234.1 in floating point is 1249.3799999999999; added through fen it is 1249.38.
    expect([sheet.getCell(6, 1).value, sheet.getCell(6, 5).value, sheet.getCell(6, 6).value]).toEqual(['合计（2 个项目）', 1249.38, '已决定 1 项，待财政确认 1 项']);
    expect(sheet.getCell(7, 1).value).toBe('建议依据：绩效结果应用（依据中发〔2018〕34号）。建议由系统按规则给出，须经财政审核人员确认或调整后方为决定。');
  });
});
