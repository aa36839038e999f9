/**
 * Scoring one indicator against its approved target (R3 higher-is-better, R4 lower-is-better, R5 qualitative).
 * Returns the score with the reasons a person reads (`未达成: 85/90 × 10 = 9.44`), never just a number.
 * Scores are rounded half-up to two decimals once, here, at the end of the indicator.
 */
import type { ActualValue, Direction, Indicator, QualitativeTier, Target } from '../document/model';
import { roundHalfUp } from '../money/amount';
import { isLowerIsBetterName } from '../target/parse-target';
import type { IndicatorScoringSettings } from './settings';

export type IndicatorStatus = 'met' | 'partly' | 'missed' | 'qualitative' | 'pending' | 'invalid';

export interface IndicatorScoreInput {
  indicator: Pick<Indicator, 'name' | 'annualTarget' | 'periodTarget' | 'direction'>;
  actual: ActualValue | null;
  weight: number;
  /** R5: the evaluator's tier for a qualitative indicator (or a quantitative one without a numeric actual). */
  tier?: QualitativeTier | null;
  /** R5: the evaluator's score inside the tier's band; when absent the tier's suggestion is used. */
  evaluatorScore?: number | null;
  deviationReason?: string | null;
}

export interface IndicatorScore {
  /** Null while something is missing (status `pending`) or the input is refused (`invalid`). */
  score: number | null;
  weight: number;
  status: IndicatorStatus;
  /** Why, in Chinese: each step of the computation. */
  reasons: string[];
  /** R3: the actual is at least overrunFactor × target. */
  overrun: boolean;
  /** An explanation (偏差原因) is required and missing. */
  needsExplanation: boolean;
  /** R5: the allowed score band of the chosen tier, for the form. */
  band?: { min: number; max: number; suggested: number };
}

const fmt = (n: number) => String(roundHalfUp(n, 2));
const withUnit = (v: number, unit: string | null) => `${fmt(v)}${unit ?? ''}`;

export function scoreIndicator(input: IndicatorScoreInput, settings: IndicatorScoringSettings): IndicatorScore {
  const { indicator, actual, weight } = input;
  const target = indicator.annualTarget ?? indicator.periodTarget;
  if (weight < 0 || !Number.isFinite(weight)) return invalid(weight, `分值 ${weight} 无效`);
  if (!target) return pending(weight, '没有年度指标值，无法评分：请先在批复的绩效目标中补齐指标值');
  const numeric = target.kind === 'quantitative' && target.value !== null && target.op !== null && actual?.value != null;
  if (numeric && input.tier == null) return scoreQuantitative(target, actual as ActualValue & { value: number }, weight, directionOf(indicator, target), input.deviationReason ?? null, settings);
  return scoreQualitative(input, target, settings);
}

function directionOf(indicator: IndicatorScoreInput['indicator'], target: Target): Direction {
  if (indicator.direction) return indicator.direction;
  if (target.op === '<=' || target.op === '<') return 'lower';
  return target.op === '=' && isLowerIsBetterName(indicator.name) ? 'lower' : 'higher';
}

function scoreQuantitative(
  target: Target,
  actual: ActualValue & { value: number },
  weight: number,
  direction: Direction,
  deviationReason: string | null,
  settings: IndicatorScoringSettings,
): IndicatorScore {
  const T = target.value as number;
  const A = Math.max(0, actual.value);
  const unit = target.unit;
  if (actual.unit && unit && actual.unit !== unit) {
    return invalid(weight, `实际完成值的单位「${actual.unit}」与指标值的单位「${unit}」不同，请按指标值的单位填写`);
  }
  const a = withUnit(A, unit);
  const t = withUnit(T, unit);
  if (direction === 'lower') {
    if (T === 0) {
      return A === 0 ? done(weight, weight, 'met', [`达成: 实际 ${a} = 目标 ${t}`]) : done(0, weight, 'missed', [`未达成: 目标为 ${t}，实际 ${a}，不得分`]);
    }
    if (A <= T) return done(weight, weight, 'met', [`达成: 实际 ${a} ≤ 目标 ${t}`]);
    if (settings.lowerIsBetter === 'ratio') {
      const s = roundHalfUp((weight * T) / A, 2);
      return done(s, weight, s > 0 ? 'partly' : 'missed', [`${shortfall(s)}: 实际 ${a} > 目标 ${t}`, `${fmt(T)}/${fmt(A)} × ${fmt(weight)} = ${fmt(s)}`]);
    }
    const factor = Math.max(0, 1 - (A - T) / T);
    const s = roundHalfUp(weight * factor, 2);
    return done(s, weight, s > 0 ? 'partly' : 'missed', [
      `${shortfall(s)}: 实际 ${a} > 目标 ${t}`,
      `(1 − (${fmt(A)} − ${fmt(T)})/${fmt(T)}) × ${fmt(weight)} = ${fmt(s)}`,
    ]);
  }
  if (T === 0) {
    return A <= 0 ? done(weight, weight, 'met', [`达成: 实际 ${a} = 目标 ${t}`]) : done(0, weight, 'missed', [`未达成: 目标为 ${t}，实际 ${a}`]);
  }
  const met = A > T || (A === T && (target.op !== '>' || settings.greaterThanMetAtEqual));
  if (met) {
    const overrun = A >= settings.overrunFactor * T;
    const reasons = [`达成: 实际 ${a} ${A === T ? '=' : target.op === '>' ? '>' : '≥'} 目标 ${t}`];
    if (overrun) reasons.push(`超额: 实际为目标的 ${fmt((A / T) * 100)}%，达到 ${fmt(settings.overrunFactor * 100)}% 以上，须说明偏差原因（目标是否定得过低，由审核人决定是否调减）`);
    return { ...done(weight, weight, 'met', reasons), overrun, needsExplanation: overrun && !deviationReason?.trim() };
  }
  const s = roundHalfUp((weight * A) / T, 2);
  return done(s, weight, A > 0 ? 'partly' : 'missed', [`${shortfall(A)}: ${fmt(A)}/${fmt(T)} × ${fmt(weight)} = ${fmt(s)}`]);
}

/** The reason's first word agrees with the tag a person sees beside it: some points are 部分达成, none 未达成. */
const shortfall = (points: number) => (points > 0 ? '部分达成' : '未达成');

function scoreQualitative(input: IndicatorScoreInput, target: Target, settings: IndicatorScoringSettings): IndicatorScore {
  const { weight, tier } = input;
  const words = target.kind === 'quantitative' ? '实际完成值不是数值' : `定性指标「${target.text}」`;
  if (!tier) return pending(weight, `${words}：请评定档次（达成 / 部分达成 / 未达成）并在该档分数区间内打分`);
  const b = settings.tiers[tier];
  const band = { min: roundHalfUp(b.min * weight, 2), max: roundHalfUp(b.max * weight, 2), suggested: roundHalfUp(b.suggested * weight, 2) };
  const score = input.evaluatorScore ?? band.suggested;
  const topTier = tier === 'achieved';
  const inBand = score >= band.min && (topTier ? score <= band.max : score < band.max);
  if (!inBand) {
    const range = topTier ? `${fmt(band.min)}–${fmt(band.max)}` : `${fmt(band.min)}–${fmt(band.max)}（不含 ${fmt(band.max)}）`;
    return { ...invalid(weight, `「${b.label}」档的得分须在 ${range} 分之间，${fmt(score)} 分不在该档内：请改分或改选档次`), band };
  }
  const s = roundHalfUp(score, 2);
  return {
    ...done(s, weight, 'qualitative', [`${b.label}: ${words}，该档 ${fmt(band.min)}–${fmt(band.max)} 分，评定 ${fmt(s)} 分`]),
    band,
  };
}

function done(score: number, weight: number, status: IndicatorStatus, reasons: string[]): IndicatorScore {
  return { score: roundHalfUp(Math.min(score, weight), 2), weight, status, reasons, overrun: false, needsExplanation: false };
}
function pending(weight: number, reason: string): IndicatorScore {
  return { score: null, weight, status: 'pending', reasons: [reason], overrun: false, needsExplanation: false };
}
function invalid(weight: number, reason: string): IndicatorScore {
  return { score: null, weight, status: 'invalid', reasons: [reason], overrun: false, needsExplanation: false };
}
