/**
 * The budget table of a self-evaluation recomputed line by line (R6, 勾稽): for 合计 and every funding source,
 * execution rate = spent / adjusted budget and adjustment rate = adjustment / initial budget, beside the rates the
 * document states. Amounts are added exactly (integer fen); a rate that cannot be computed is null, shown "—".
 */
import type { AmountUnit, Budget, BudgetRow } from '../document/model';
import { percentOf, sumAmounts } from '../money/amount';
import { rateMatches } from '../review/tolerance';
import { adjustedBudget } from './execution';

export interface BudgetTableLine {
  source: string;
  /** The 合计 line (stated or, when the table has none, the document's own totals). */
  total: boolean;
  initial: number | null;
  adjustment: number | null;
  adjusted: number | null;
  spent: number | null;
  executionRate: number | null;
  adjustmentRate: number | null;
  statedExecutionRate: number | null;
  statedAdjustmentRate: number | null;
  /** The stated rate differs from the recomputed one (beyond rounding to its own decimals, 0.01 point). */
  executionRateDiffers: boolean;
  adjustmentRateDiffers: boolean;
}

const TOTAL = /^(合计|总计|总额|年度资金总额)$/;

export function isBudgetTotalRow(row: Pick<BudgetRow, 'source'>): boolean {
  return TOTAL.test(row.source.replace(/\s/g, ''));
}

/** Every line of the budget table, 合计 first; stated rates of the document itself go on the 合计 line when it has none. */
export function budgetTable(
  budget: Budget | null | undefined,
  unit: AmountUnit,
  stated: { executionRate?: number | null; adjustmentRate?: number | null } = {},
): BudgetTableLine[] {
  if (!budget) return [];
  const rows = budget.bySource;
  const totalRow = rows.find(isBudgetTotalRow);
  const total: BudgetRow = totalRow ?? {
    source: '合计',
    initial: budget.initial,
    adjustment: budget.adjustment,
    adjusted: budget.adjusted,
    spent: budget.spent,
    statedExecutionRate: stated.executionRate ?? null,
    statedAdjustmentRate: stated.adjustmentRate ?? null,
  };
  const withStated: BudgetRow = {
    ...total,
    statedExecutionRate: total.statedExecutionRate ?? stated.executionRate ?? null,
    statedAdjustmentRate: total.statedAdjustmentRate ?? stated.adjustmentRate ?? null,
  };
  return [lineOf(withStated, true, unit), ...rows.filter((r) => r !== totalRow).map((r) => lineOf(r, false, unit))];
}

function lineOf(row: BudgetRow, total: boolean, unit: AmountUnit): BudgetTableLine {
  // A table that gives 年初 and 全年预算数 but no 调整数 implies it (全年 − 年初), exactly.
  const adjustment = row.adjustment ?? (row.adjusted != null && row.initial != null ? sumAmounts([row.adjusted, -row.initial], unit) : null);
  const adjusted = adjustedBudget({ initial: row.initial, adjustment, adjusted: row.adjusted, spent: row.spent }, unit);
  const exactExecution = adjusted != null && row.spent != null && adjusted !== 0 ? percentOf(row.spent, adjusted, unit, 8) : null;
  const exactAdjustment = adjustment != null && row.initial != null && row.initial !== 0 ? percentOf(adjustment, row.initial, unit, 8) : null;
  return {
    source: row.source,
    total,
    initial: row.initial,
    adjustment,
    adjusted,
    spent: row.spent,
    executionRate: adjusted != null && row.spent != null && adjusted !== 0 ? percentOf(row.spent, adjusted, unit) : null,
    adjustmentRate: adjustment != null && row.initial != null && row.initial !== 0 ? percentOf(adjustment, row.initial, unit) : null,
    statedExecutionRate: row.statedExecutionRate,
    statedAdjustmentRate: row.statedAdjustmentRate,
    executionRateDiffers: row.statedExecutionRate != null && exactExecution != null && !rateMatches(row.statedExecutionRate, exactExecution),
    adjustmentRateDiffers: row.statedAdjustmentRate != null && exactAdjustment != null && !rateMatches(row.statedAdjustmentRate, exactAdjustment),
  };
}
