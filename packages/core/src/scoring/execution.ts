/**
 * Budget execution (R6): rates computed exactly from the amounts, and the execution score.
 */
import type { AmountUnit } from '../document/model';
import { percentOf, roundHalfUp, sumAmounts } from '../money/amount';
import type { ExecutionStep } from './settings';

export interface ExecutionFigures {
  initial: number | null;
  adjustment: number | null;
  /** 全年预算数, when stated; otherwise initial + adjustment. */
  adjusted?: number | null;
  spent: number | null;
}

/** 全年预算数: the stated one, else initial + adjustment (exact). */
export function adjustedBudget(f: ExecutionFigures, unit: AmountUnit): number | null {
  if (f.adjusted != null) return f.adjusted;
  if (f.initial == null) return null;
  return sumAmounts([f.initial, f.adjustment], unit);
}

/** executionRate = spent / adjustedBudget × 100, rounded half-up to 2 decimals; null when not defined. */
export function executionRate(f: ExecutionFigures, unit: AmountUnit): number | null {
  const budget = adjustedBudget(f, unit);
  if (budget == null || f.spent == null) return null;
  return percentOf(f.spent, budget, unit);
}

/** adjustmentRate = adjustment / initial × 100; null (shown "—") when the initial budget is 0 or missing. */
export function adjustmentRate(f: ExecutionFigures, unit: AmountUnit): number | null {
  if (f.initial == null || f.adjustment == null) return null;
  return percentOf(f.adjustment, f.initial, unit);
}

export interface ExecutionScore {
  rate: number | null;
  score: number | null;
  weight: number;
  reasons: string[];
}

/** R6: proportional `min(rate, 100)/100 × W`, or by steps (a setting). */
export function scoreExecution(
  f: ExecutionFigures,
  unit: AmountUnit,
  weight: number,
  mode: { mode: 'proportional' } | { mode: 'steps'; steps: ExecutionStep[] },
): ExecutionScore {
  const budget = adjustedBudget(f, unit);
  const rate = executionRate(f, unit);
  // The score is computed from the exact rate and rounded once; the shown rate is rounded for reading.
  const exact = budget != null && f.spent != null ? percentOf(f.spent, budget, unit, 8) : null;
  if (rate == null || budget == null || exact == null) {
    return { rate, score: null, weight, reasons: ['缺少全年预算数或实际支出数，无法计算预算执行率'] };
  }
  const how = `执行率 = ${f.spent} / ${budget} × 100% = ${rate.toFixed(2)}%`;
  if (mode.mode === 'steps') {
    const step = [...mode.steps].sort((a, b) => b.minRate - a.minRate).find((s) => exact >= s.minRate);
    const score = roundHalfUp(weight * (step?.fraction ?? 0), 2);
    return { rate, score, weight, reasons: [how, `按档计分: 执行率 ≥ ${step?.minRate ?? 0}% 得 ${(step?.fraction ?? 0) * 100}% × ${weight} = ${score}`] };
  }
  const score = roundHalfUp((Math.min(exact, 100) / 100) * weight, 2);
  return { rate, score, weight, reasons: [how, `${Math.min(rate, 100).toFixed(2)}% × ${weight} = ${score}`] };
}
