/**
 * 数据看板 (issue 13 item 3): budget execution by department against 序时进度. Each target document counts with its
 * latest monitoring report (its 合计 line: budget used and 1–N月执行数); a department sums its documents exactly in
 * fen (decision 002) and compares the rate with the 序时进度 of its latest cut-off month (month ÷ 12, as
 * `monitorBudget` computes it). Pure: the server aggregates, the page only shows.
 */
import type { AmountUnit } from '../document/model';
import { divRoundHalfUp, fromFen, roundHalfUp, toFen } from '../money/amount';

/** One target document's latest monitoring report, as the dashboard reads it. */
export interface ExecutionReport {
  departmentId: number;
  department: string;
  /** 全年预算数 of the 合计 line (null until every project has one). */
  budget: number | null;
  /** 1–N月执行数 of the 合计 line. */
  spent: number | null;
  amountUnit: AmountUnit;
  cutoffMonth: number;
}

export interface DepartmentExecution {
  departmentId: number;
  department: string;
  /** Reports counted; `unfilled` of them had no 合计 yet and add nothing to the sums. */
  reports: number;
  unfilled: number;
  /** In 万元, exact to the fen. */
  budgetWan: number | null;
  spentWan: number | null;
  /** Percent, two decimals; null without a budget. */
  executionRate: number | null;
  cutoffMonth: number;
  /** 序时进度, percent. */
  timeProgress: number;
  /** executionRate − timeProgress, percentage points (negative = behind). */
  gap: number | null;
}

/** 序时进度 of a cut-off month, in percent (the same formula as the monitoring lights). */
export const timeProgressOf = (cutoffMonth: number): number => roundHalfUp((cutoffMonth / 12) * 100, 2);

/** A rate in percent to two decimals, exactly from fen; null when the denominator is zero. */
export function rateOf(numeratorFen: bigint, denominatorFen: bigint): number | null {
  if (denominatorFen === 0n) return null;
  return Number(divRoundHalfUp(numeratorFen * 10_000n, denominatorFen)) / 100;
}

/** Budget execution by department, largest budget first. */
export function executionByDepartment(reports: readonly ExecutionReport[]): DepartmentExecution[] {
  const byDepartment = new Map<number, { department: string; reports: number; unfilled: number; budget: bigint; spent: bigint; counted: number; month: number }>();
  for (const r of reports) {
    const d = byDepartment.get(r.departmentId) ?? { department: r.department, reports: 0, unfilled: 0, budget: 0n, spent: 0n, counted: 0, month: 0 };
    d.reports += 1;
    d.month = Math.max(d.month, r.cutoffMonth);
    if (r.budget == null || r.spent == null) d.unfilled += 1;
    else {
      d.budget += toFen(r.budget, r.amountUnit);
      d.spent += toFen(r.spent, r.amountUnit);
      d.counted += 1;
    }
    byDepartment.set(r.departmentId, d);
  }
  return [...byDepartment.entries()]
    .map(([departmentId, d]): DepartmentExecution => {
      const executionRate = d.counted > 0 ? rateOf(d.spent, d.budget) : null;
      const timeProgress = timeProgressOf(d.month);
      return {
        departmentId,
        department: d.department,
        reports: d.reports,
        unfilled: d.unfilled,
        budgetWan: d.counted > 0 ? fromFen(d.budget, '万元') : null,
        spentWan: d.counted > 0 ? fromFen(d.spent, '万元') : null,
        executionRate,
        cutoffMonth: d.month,
        timeProgress,
        gap: executionRate == null ? null : roundHalfUp(executionRate - timeProgress, 2),
      };
    })
    .sort((a, b) => (b.budgetWan ?? -1) - (a.budgetWan ?? -1) || a.department.localeCompare(b.department, 'zh-CN'));
}

/** An amount of a report in 万元 (the dashboard's one unit), exact to the fen. */
export const inWan = (value: number | null, unit: AmountUnit): number | null => (value == null ? null : fromFen(toFen(value, unit), '万元'));
