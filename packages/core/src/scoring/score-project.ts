/**
 * A project's self-evaluation (R7): budget execution plus every indicator, with the 一级 weights of the rule set
 * spread over the indicators that have no weight of their own, 满意度's points moved to 产出 and 效益 when the project
 * has no 满意度 indicator, optional local caps and deductions, the total and the grade.
 */
import type { AmountUnit, Indicator, Project } from '../document/model';
import { level1KeyOf, type Level1Key } from '../indicators/levels';
import { roundHalfUp } from '../money/amount';
import { gradeFor } from '../rules/grades';
import { ruleSetRef, ruleSetTitle, type RuleSet } from '../rules/rule-set';
import { scoreExecution, type ExecutionFigures, type ExecutionScore } from './execution';
import { scoreIndicator, type IndicatorScore } from './score-indicator';
import type { ProjectScoringSettings } from './settings';
import { tierOfScore } from './score-department';
import { executionRangeNotes, statedScoreDifferences, type ScoreDifference } from './stated-scores';

export interface ProjectScoreLine {
  no: number;
  name: string;
  level1: Level1Key | null;
  weight: number;
  result: IndicatorScore;
}

export interface ProjectScore {
  rule: string;
  /** The rule set in words, with its 文号 (`ruleSetTitle`). */
  ruleTitle: string;
  execution: ExecutionScore;
  lines: ProjectScoreLine[];
  /** Points per 一级 after redistribution, as used. */
  levelWeights: Record<Level1Key, number>;
  /** Σ of the rounded parts (null while any part is pending or invalid). */
  total: number | null;
  /** Total after local caps, when a cap applied. */
  cappedTotal: number | null;
  grade: string | null;
  notes: string[];
  /** Where the table's own 分值 / 得分 / 总分 / 等级 differ from what the rule set gives (stated-scores.ts). */
  differences: ScoreDifference[];
}

/** Weights per 一级 for a project's indicators, with the 满意度 redistribution of R7. */
export function levelWeightsFor(indicators: readonly Pick<Indicator, 'level1' | 'level1Code'>[], s: ProjectScoringSettings): { weights: Record<Level1Key, number>; notes: string[] } {
  const has = (k: Level1Key) => indicators.some((i) => level1KeyOf({ code: i.level1Code, name: i.level1 }) === k);
  const w = { output: s.weights.output, outcome: s.weights.outcome, satisfaction: s.weights.satisfaction, cost: s.weights.cost };
  const notes: string[] = [];
  if (!has('satisfaction') && w.satisfaction > 0) {
    const moved = w.satisfaction;
    if (s.noSatisfaction === 'split-even') {
      w.output += moved / 2;
      w.outcome += moved / 2;
    } else {
      const base = w.output + w.outcome;
      const toOutput = roundHalfUp((moved * w.output) / base, 2);
      w.output = roundHalfUp(w.output + toOutput, 2);
      w.outcome = roundHalfUp(w.outcome + moved - toOutput, 2);
    }
    w.satisfaction = 0;
    notes.push(`未设置满意度指标：其 ${moved} 分${s.noSatisfaction === 'split-even' ? '平均' : '按比例'}分配给产出指标（${w.output} 分）和效益指标（${w.outcome} 分）`);
  }
  return { weights: w, notes };
}

export function scoreProject(
  project: Pick<Project, 'indicators'> & Partial<Pick<Project, 'budget' | 'statedScore' | 'statedGrade'>>,
  budget: ExecutionFigures,
  unit: AmountUnit,
  ruleSet: RuleSet<ProjectScoringSettings>,
): ProjectScore {
  const s = ruleSet.settings;
  const execution = scoreExecution(budget, unit, s.weights.execution, s.execution);
  const { weights, notes } = levelWeightsFor(project.indicators, s);
  const byLevel = new Map<Level1Key | null, Indicator[]>();
  for (const i of project.indicators) {
    const k = level1KeyOf({ code: i.level1Code, name: i.level1 }) ?? null;
    byLevel.set(k, [...(byLevel.get(k) ?? []), i]);
  }
  const shares = new Map<Indicator, number>();
  for (const [level1, siblings] of byLevel) {
    const unweighted = siblings.filter((x) => x.weight == null);
    const given = siblings.reduce((acc, x) => acc + (x.weight ?? 0), 0);
    const levelWeight = level1 ? weights[level1] : 0;
    apportion(Math.max(0, levelWeight - given), unweighted.length).forEach((w, i) => shares.set(unweighted[i]!, w));
  }
  const lines: ProjectScoreLine[] = project.indicators.map((indicator) => {
    const level1 = level1KeyOf({ code: indicator.level1Code, name: indicator.level1 }) ?? null;
    const weight = indicator.weight ?? shares.get(indicator) ?? 0;
    // A table that states only a score for a qualitative indicator (实际完成值「完成」, 得分 4) implies its tier.
    const tier = indicator.tier ?? (indicator.score != null && indicator.actual?.value == null ? tierOfScore(indicator.score, weight, s) : null);
    let result = scoreIndicator(
      { indicator, actual: indicator.actual ?? null, weight, tier, evaluatorScore: tier ? (indicator.score ?? null) : null, deviationReason: indicator.deviationReason ?? null },
      s,
    );
    result = applyDeviationDeduction(result, indicator, s);
    return { no: indicator.no, name: indicator.name, level1, weight, result };
  });
  if (byLevel.has(null)) notes.push('有指标的一级指标无法识别，未分配分值：请核对一级指标');
  const parts = [execution.score, ...lines.map((l) => l.result.score)];
  const complete = parts.every((p) => p != null);
  const total = complete ? roundHalfUp(parts.reduce((a: number, p) => a + (p ?? 0), 0), 2) : null;
  const cap = total != null && execution.rate != null ? s.totalCaps.find((c) => execution.rate! >= c.fromRate && execution.rate! < c.belowRate) : undefined;
  const cappedTotal = cap && total != null && total > cap.maxTotal ? cap.maxTotal : null;
  if (cap && cappedTotal != null) notes.push(`预算执行率 ${execution.rate}% 在 ${cap.fromRate}%–${cap.belowRate}% 之间，总分最高 ${cap.maxTotal} 分`);
  const final = cappedTotal ?? total;
  notes.push(...executionRangeNotes(execution, s.executionRateRange));
  const rule = ruleSetRef(ruleSet);
  const ruleTitle = ruleSetTitle(ruleSet);
  const differences = statedScoreDifferences({ project, execution, lines, total: final, settings: s, rule: `规则「${ruleTitle}」` });
  return { rule, ruleTitle, execution, lines, levelWeights: weights, total, cappedTotal, grade: final == null ? null : gradeFor(final, s.grades), notes, differences };
}

/**
 * Splits points into n shares of whole cents that add up exactly (50 / 3 → 16.67, 16.67, 16.66), so every share
 * and every score stays at the two decimals scores are kept in, and full marks still add up to the level's points.
 */
export function apportion(points: number, n: number): number[] {
  if (n <= 0) return [];
  const cents = Math.round(points * 100);
  const base = Math.floor(cents / n);
  const extra = cents - base * n;
  return Array.from({ length: n }, (_, i) => (base + (i < extra ? 1 : 0)) / 100);
}

/** Optional local rule: an indicator that misses its target by more than the threshold loses fixed points. */
function applyDeviationDeduction(result: IndicatorScore, indicator: Indicator, s: ProjectScoringSettings): IndicatorScore {
  const d = s.deviationDeduction;
  const target = indicator.annualTarget ?? indicator.periodTarget;
  if (!d || result.score == null || !target?.value || indicator.actual?.value == null) return result;
  const deviation = (Math.abs(indicator.actual.value - target.value) / target.value) * 100;
  if (deviation <= d.thresholdPercent) return result;
  const score = roundHalfUp(Math.max(0, result.score - d.points), 2);
  return { ...result, score, reasons: [...result.reasons, `偏离目标 ${roundHalfUp(deviation, 2)}%，超过 ${d.thresholdPercent}%，扣 ${d.points} 分 → ${score}`] };
}
