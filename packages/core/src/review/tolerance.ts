/**
 * Consistency checks compare figures that were each rounded to the precision they were printed with. Parts
 * printed with two decimals can miss their printed total by up to half a cent each; parts printed as whole
 * numbers (seed 004's task funds 446 + 233 + …) by up to half a unit each. Nothing beyond that is tolerated.
 */
import type { AmountUnit } from '../document/model';
import { roundHalfUp, sumAmounts, toFen } from '../money/amount';

/** Decimals in the shortest representation of a printed number (60.80 was read as 60.8 → 1). */
export function decimalsOf(value: number): number {
  const text = value.toString();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Half a unit of the last printed digit, in fen. A figure with decimals was printed with at least two (money is
 * printed as 60.80, which reads back as 60.8); a whole number may have been printed as one (seed 004's 446).
 */
function halfUlpFen(value: number, unit: AmountUnit): bigint {
  const read = decimalsOf(value);
  const d = read === 0 ? 0 : Math.min(Math.max(read, 2), 6);
  return toFen(0.5 / 10 ** d, unit);
}

export interface SumComparison {
  sum: number;
  /** `sum − total`, exact. */
  difference: number;
  withinRounding: boolean;
}

/** Compares the sum of parts with a stated total, tolerating only the rounding of what was printed. */
export function compareSum(parts: readonly number[], total: number, unit: AmountUnit): SumComparison {
  const sum = sumAmounts(parts, unit) ?? 0;
  const diff = toFen(sum, unit) - toFen(total, unit);
  const tolerance = parts.reduce((acc, p) => acc + halfUlpFen(p, unit), halfUlpFen(total, unit));
  const abs = diff < 0n ? -diff : diff;
  return { sum, difference: sumAmounts([sum, -total], unit) ?? 0, withinRounding: abs <= tolerance };
}

/**
 * Compares a stated percentage with the exact one: equal when the exact rate, rounded to the decimals the stated
 * one was printed with (at least two places are compared), is within 0.01 percentage point (rules.md).
 */
export function rateMatches(stated: number, exact: number): boolean {
  const places = Math.max(decimalsOf(stated), 0);
  const rounded = roundHalfUp(exact, places);
  return Math.abs(rounded - stated) <= 0.01 + 1e-9;
}
