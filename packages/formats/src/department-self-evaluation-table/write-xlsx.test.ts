import { parseActual, type BudgetRow } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildIndicator } from '@jixiao/core/testing';
import { writeDepartmentSelfEvaluationTable } from './write-xlsx';

const row = (source: string, initial: number, adjustment: number, spent: number): BudgetRow => ({ source, initial, adjustment, adjusted: null, spent, statedExecutionRate: 87.96, statedAdjustmentRate: null });

describe('部门整体支出绩效自评表 (.xlsx, seed 004 layout)', () => {
  it('writes the figures of seed 004 with rates computed from them, and reads back', async () => {
    const doc = buildDocument({
      kind: 'department-self-evaluation',
      department: '广州市荔湾区人民政府多宝街道办事处',
      year: 2021,
      budget: { initial: 4062.1, adjustment: 1026.38, adjusted: null, spent: 4487.07, bySource: [row('合计', 4062.1, 1026.38, 4487.07), row('一般公共预算', 4062.1, 210.97, 3685.76), row('政府性基金', 0, 815.41, 801.31)] },
      keyTasks: [{ name: '任务1', content: '一是持续抓好理论学习。', completion: '基层党建工作基础得到进一步夯实。', funds: 446, expected: null, projects: [], indicators: [buildIndicator({ name: '开展党建专题活动数', annual: '≥10次', actual: parseActual('开展党建专题活动数10次') })] }],
      issuesText: '1、缺编严重。',
      improvementsText: '（一）全力树立党建引领。',
    });
    const bytes = await writeDepartmentSelfEvaluationTable({ document: doc, region: '荔湾区' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('部门整体支出绩效自评表')!;
    const text = (r: number, c: number) => String(sheet.getCell(r, c).value ?? '');
    expect(text(1, 1)).toBe('荔湾区部门整体支出绩效自评表');
    expect(text(2, 1)).toBe('（2021年度）');
    const rows = [5, 6, 7].map((r) => [text(r, 2), text(r, 6), text(r, 7)]);
    // The stated 87.96% is not copied: the table shows what the figures give.
    expect(rows).toEqual([
      ['合计', '88.18%', '25.27%'],
      ['一般公共预算', '86.26%', '5.19%'],
      ['政府性基金', '98.27%', '—'],
    ]);
    expect(sheet.getCell(5, 5).value).toBe(4487.07);
    const all = sheet.getSheetValues().flat().map(String).join('|');
    expect(all).toContain('开展党建专题活动数');
    expect(all).toContain('≥10次');
    expect(all).toContain('缺编严重');
  });
});
