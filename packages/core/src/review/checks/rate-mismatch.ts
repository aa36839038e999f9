import type { BudgetRow } from '../../document/model';
import type { AmountUnit } from '../../document/model';
import { percentOf, sumAmounts } from '../../money/amount';
import type { ReviewContext } from '../context';
import { decimalsOf, rateMatches } from '../tolerance';
import type { Check } from './check';

/**
 * 勾稽: a stated rate equals the rate its own numbers give (R6: executionRate = spent / (initial + adjustment),
 * adjustmentRate = adjustment / initial), within 0.01 percentage point after rounding to the printed precision.
 * Seed 004's sub-rows state 87.96% and 98.83% where their numbers give 86.26% and 98.27%; 88.18% and 25.27% are right.
 */
export const rateMismatch: Check = {
  id: 'rate-mismatch',
  dimension: 'consistency',
  run(ctx) {
    const budget = ctx.doc.budget;
    if (budget) {
      for (const row of budget.bySource) checkBudgetRow(ctx, row);
      const hasTotalRow = budget.bySource.some((r) => /^(合计|总计)$/.test(r.source));
      if (!hasTotalRow && ctx.doc.statedExecutionRate != null) {
        const adjusted = budget.adjusted ?? sumOf(budget.initial, budget.adjustment, ctx.doc.amountUnit);
        if (adjusted != null && budget.spent != null) {
          compare(ctx, '预算执行率', '部门整体', ctx.doc.statedExecutionRate, budget.spent, adjusted, '实际支出数', budget.adjusted != null ? '全年预算数' : '年初预算数 + 调整数');
        }
      }
    }
    const profile = ctx.doc.profile;
    const figures = profile?.statedFigures ?? {};
    if (profile?.budgetTotal != null) {
      compare(ctx, '基本支出占比', '部门整体支出预算', figures['基本支出占比'], profile.basicExpenditure, profile.budgetTotal, '基本支出', '预算总数');
      compare(ctx, '项目支出占比', '部门整体支出预算', figures['项目支出占比'], profile.projectExpenditure, profile.budgetTotal, '项目支出', '预算总数');
    }
    if (profile?.staffing) {
      compare(ctx, '在职实有人数占编制数的比例', '部门人员编制', figures['在职实有占编制比'], profile.staffing.actual, profile.staffing.authorized, '在职实有人数', '编制数');
    }
  },
};

function checkBudgetRow(ctx: ReviewContext, row: BudgetRow) {
  const adjusted = row.adjusted ?? sumOf(row.initial, row.adjustment, ctx.doc.amountUnit);
  if (row.spent != null && adjusted != null) {
    compare(ctx, '预算完成率', row.source, row.statedExecutionRate, row.spent, adjusted, '实际支出数', row.adjusted != null ? '全年预算数' : '年初预算数 + 调整数');
  }
  if (row.adjustment != null && row.initial != null) {
    compare(ctx, '预算调整率', row.source, row.statedAdjustmentRate, row.adjustment, row.initial, '调整数', '年初预算数');
  }
}

function compare(
  ctx: ReviewContext,
  rateName: string,
  where: string,
  stated: number | null | undefined,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  numeratorLabel: string,
  denominatorLabel: string,
) {
  if (stated == null || numerator == null || denominator == null) return;
  const unit = ctx.doc.amountUnit;
  const exact = percentOf(numerator, denominator, unit, 6);
  const location = { field: `${where} ${rateName}` };
  if (exact === null) {
    ctx.report({
      check: 'rate-mismatch',
      dimension: 'consistency',
      severity: 'info',
      location,
      message: `「${where}」的${rateName}写为 ${stated}%，但${denominatorLabel}为 0，该比率没有定义。`,
      suggestion: `${denominatorLabel}为 0 时，${rateName}填「—」，不要填 0.00%。`,
      evidence: `${numeratorLabel} ${numerator} / ${denominatorLabel} ${denominator}`,
    });
    return;
  }
  if (rateMatches(stated, exact)) return;
  const places = Math.max(2, decimalsOf(stated));
  const computed = percentOf(numerator, denominator, unit, places) ?? exact;
  ctx.report({
    check: 'rate-mismatch',
    dimension: 'consistency',
    location,
    message: `「${where}」的${rateName}写为 ${stated}%，按文中数字 ${numeratorLabel} ${numerator} ÷ ${denominatorLabel} ${denominator} 计算应为 ${computed.toFixed(places)}%。`,
    suggestion: `改为 ${computed.toFixed(places)}%，或核对${numeratorLabel}和${denominatorLabel}是否填错。`,
    evidence: `写明 ${stated}%；计算 ${computed.toFixed(places)}%`,
  });
}

/** initial + adjustment, exactly; the adjustment may be blank (no adjustment). */
function sumOf(initial: number | null, adjustment: number | null, unit: AmountUnit): number | null {
  if (initial == null) return null;
  return sumAmounts([initial, adjustment], unit);
}
