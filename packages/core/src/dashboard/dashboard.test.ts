import { describe, expect, it } from 'vitest';
import { checkFrequencies, conclusionCounts, countsByDepartment, LIGHT_KEYS } from './counts';
import { executionByDepartment, timeProgressOf } from './execution';
import { scoresByDepartmentAndYear } from './year-on-year';

describe('budget execution by department', () => {
  it('sums 元 and 万元 reports exactly in 万元 and compares the rate with 序时进度 of the latest month', () => {
    const rows = executionByDepartment([
      { departmentId: 1, department: '金花街道', budget: 100, spent: 40, amountUnit: '万元', cutoffMonth: 6 },
      { departmentId: 1, department: '金花街道', budget: 500_000, spent: 250_000.01, amountUnit: '元', cutoffMonth: 7 },
      { departmentId: 1, department: '金花街道', budget: null, spent: null, amountUnit: '万元', cutoffMonth: 7 },
      { departmentId: 2, department: '花地街道', budget: 10, spent: 9, amountUnit: '万元', cutoffMonth: 7 },
    ]);
    expect(rows.map((r) => r.department)).toEqual(['金花街道', '花地街道']);
    const jinhua = rows[0]!;
    expect(jinhua).toMatchObject({ reports: 3, unfilled: 1, budgetWan: 150, spentWan: 65.000001, cutoffMonth: 7, timeProgress: 58.33 });
    // 65.000001 / 150 = 43.33%; 43.33 − 58.33 = −15.
    expect(jinhua.executionRate).toBe(43.33);
    expect(jinhua.gap).toBe(-15);
    expect(rows[1]!.executionRate).toBe(90);
  });

  it('has no rate when nothing is filled, and 序时进度 is month ÷ 12', () => {
    const [row] = executionByDepartment([{ departmentId: 3, department: '石围塘街道', budget: null, spent: 5, amountUnit: '万元', cutoffMonth: 3 }]);
    expect(row).toMatchObject({ budgetWan: null, executionRate: null, gap: null, timeProgress: 25 });
    expect(timeProgressOf(12)).toBe(100);
  });
});

describe('counts', () => {
  it('adds lights by department and tallies one conclusion per document', () => {
    const lights = countsByDepartment(LIGHT_KEYS, [
      { departmentId: 2, department: '花地街道', counts: { red: 1, green: 3 } },
      { departmentId: 1, department: '金花街道', counts: { yellow: 2 } },
      { departmentId: 2, department: '花地街道', counts: { red: 2, blue: 1 } },
    ]);
    expect(lights.find((d) => d.department === '花地街道')).toMatchObject({ counts: { red: 3, yellow: 0, green: 3, blue: 1 }, total: 7 });
    expect(conclusionCounts('良')).toEqual({ 良: 1 });
    expect(conclusionCounts('合格')).toEqual({});
  });

  it('ranks checks by findings, counting documents and departments once each', () => {
    const top = checkFrequencies(
      [
        { departmentId: 1, checkIds: ['a', 'a', 'b'] },
        { departmentId: 1, checkIds: ['b'] },
        { departmentId: 2, checkIds: ['b', 'c'] },
      ],
      2,
    );
    expect(top).toEqual([
      { checkId: 'b', count: 3, documents: 3, departments: 2 },
      { checkId: 'a', count: 2, documents: 1, departments: 1 },
    ]);
  });
});

describe('self-evaluation scores by department and year', () => {
  it('averages each year, takes the commoner (lower on a tie) grade and the change from the year before', () => {
    const rows = scoresByDepartmentAndYear([
      { departmentId: 1, department: '金花街道', year: 2023, total: 80, grade: '良' },
      { departmentId: 1, department: '金花街道', year: 2024, total: 90, grade: '优' },
      { departmentId: 1, department: '金花街道', year: 2024, total: 85.5, grade: '良' },
      { departmentId: 2, department: '花地街道', year: 2024, total: null, grade: null },
    ]);
    const j2024 = rows.find((r) => r.department === '金花街道' && r.year === 2024)!;
    expect(j2024).toMatchObject({ count: 2, average: 87.75, grade: '良', previous: 80, change: 7.75 });
    expect(rows.find((r) => r.year === 2023)!.change).toBeNull();
    expect(rows.find((r) => r.department === '花地街道')).toMatchObject({ average: null, change: null, grade: null });
    expect(rows[0]!.year).toBe(2024);
  });
});
