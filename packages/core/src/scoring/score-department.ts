/**
 * A department's self-evaluation (R8, seed 003's scheme): 部门支出进度 (30) from the execution rate, 年度目标 (20)
 * as a qualitative tier, 年度主要支出计划 (50) from the key indicators of each key task, weights inside each task.
 * A score a document states for an indicator is the evaluator's score: it is checked against its tier's band, and
 * every stated total that the rows do not give is reported.
 */
import type { AmountUnit, Indicator, KeyTask, QualitativeTier } from '../document/model';
import { roundHalfUp } from '../money/amount';
import { gradeFor } from '../rules/grades';
import { ruleSetRef, ruleSetTitle, type RuleSet } from '../rules/rule-set';
import { scoreExecution, type ExecutionFigures, type ExecutionScore } from './execution';
import { scoreIndicator, type IndicatorScore } from './score-indicator';
import { apportion } from './score-project';
import type { DepartmentScoringSettings, IndicatorScoringSettings } from './settings';
import { executionRangeNotes } from './stated-scores';

export interface DepartmentTaskScore {
  name: string;
  weight: number | null;
  lines: Array<{ no: number; name: string; weight: number; result: IndicatorScore }>;
  score: number | null;
  statedScore: number | null;
}

export interface DepartmentScore {
  rule: string;
  /** The rule set in words, with its 文号 (`ruleSetTitle`). */
  ruleTitle: string;
  spendingProgress: ExecutionScore;
  annualGoal: IndicatorScore;
  tasks: DepartmentTaskScore[];
  keyTasksScore: number | null;
  total: number | null;
  grade: string | null;
  /** Where the document's own stated scores differ from what its rows give. */
  differences: string[];
  /** Remarks on the figures that are not differences: an execution rate above 100% or far below (rule-set range). */
  notes: string[];
}

export interface DepartmentScoreInput {
  budget: ExecutionFigures;
  /** R8: 年度目标 is a qualitative tier; its score optional (the tier's suggestion otherwise). */
  goalTier: QualitativeTier | null;
  goalScore?: number | null;
  keyTasks: KeyTask[];
  statedScore?: number | null;
  statedKeyTasksScore?: number | null;
}

export function scoreDepartment(input: DepartmentScoreInput, unit: AmountUnit, ruleSet: RuleSet<DepartmentScoringSettings>): DepartmentScore {
  const s = ruleSet.settings;
  const spendingProgress = scoreExecution(input.budget, unit, s.weights.spendingProgress, s.spendingProgress);
  spendingProgress.reasons.unshift('部门支出进度');
  // A scheme without a separate 年度目标 part (the national table: execution 10 + indicators 90) gives it no points.
  const annualGoal: IndicatorScore =
    s.weights.annualGoal === 0
      ? { score: 0, weight: 0, status: 'qualitative', reasons: ['本规则集不单列年度目标分'], overrun: false, needsExplanation: false }
      : scoreIndicator(
          { indicator: { name: '年度目标', annualTarget: { text: '完成年度目标', op: null, value: null, unit: null, kind: 'qualitative' }, periodTarget: null, direction: null }, actual: null, weight: s.weights.annualGoal, tier: input.goalTier, evaluatorScore: input.goalScore ?? null },
          s,
        );
  const differences: string[] = [];
  // A document that states no task weights (seed 004) gets the key-task points shared equally, in whole cents.
  const stated = input.keyTasks.some((t) => t.weight != null);
  const shares = stated ? [] : apportion(s.weights.keyTasks, input.keyTasks.length);
  const tasks = input.keyTasks.map((task, i) => scoreTask(stated ? task : { ...task, weight: shares[i] ?? 0 }, s, differences));
  const taskScores = tasks.map((t) => t.score);
  const keyTasksScore = taskScores.length && taskScores.every((x) => x != null) ? roundHalfUp(taskScores.reduce((a: number, x) => a + (x ?? 0), 0), 2) : null;
  const totalWeight = tasks.reduce((a, t) => a + (t.weight ?? 0), 0);
  if (tasks.length && tasks.every((t) => t.weight != null) && Math.abs(totalWeight - s.weights.keyTasks) > 1e-9) {
    differences.push(`各任务权重之和为 ${roundHalfUp(totalWeight, 2)}，规则要求 ${s.weights.keyTasks}`);
  }
  if (input.statedKeyTasksScore != null && keyTasksScore != null && Math.abs(input.statedKeyTasksScore - keyTasksScore) > 0.005) {
    differences.push(`年度主要支出计划写明得分 ${input.statedKeyTasksScore}，按各指标得分合计为 ${keyTasksScore}`);
  }
  const parts = [spendingProgress.score, annualGoal.score, keyTasksScore];
  const total = parts.every((p) => p != null) ? roundHalfUp(parts.reduce((a: number, p) => a + (p ?? 0), 0), 2) : null;
  if (input.statedScore != null && total != null && Math.abs(input.statedScore - total) > 0.005) {
    differences.push(`文中写明总分 ${input.statedScore}，按规则计算为 ${total}`);
  }
  const notes = executionRangeNotes(spendingProgress, s.executionRateRange);
  return { rule: ruleSetRef(ruleSet), ruleTitle: ruleSetTitle(ruleSet), spendingProgress, annualGoal, tasks, keyTasksScore, total, grade: total == null ? null : gradeFor(total, s.grades), differences, notes };
}

function scoreTask(task: KeyTask, s: DepartmentScoringSettings, differences: string[]): DepartmentTaskScore {
  const indicators = task.indicators ?? [];
  const unweighted = indicators.filter((i) => i.weight == null);
  const given = indicators.reduce((a, i) => a + (i.weight ?? 0), 0);
  const shares = apportion(task.weight != null ? Math.max(0, task.weight - given) : 0, unweighted.length);
  const lines = indicators.map((indicator) => {
    const weight = indicator.weight ?? shares[unweighted.indexOf(indicator)] ?? 0;
    const tier = indicator.tier ?? (indicator.score != null && indicator.actual?.value == null ? tierOfScore(indicator.score, weight, s) : null);
    const result = scoreIndicator({ indicator, actual: indicator.actual ?? null, weight, tier, evaluatorScore: tier ? (indicator.score ?? null) : null, deviationReason: indicator.deviationReason ?? null }, s);
    if (indicator.score != null && result.score != null && Math.abs(indicator.score - result.score) > 0.005) {
      differences.push(`任务「${task.name}」指标「${indicator.name}」写明得分 ${indicator.score}，按规则应为 ${result.score}`);
    }
    if (result.status === 'invalid') differences.push(`任务「${task.name}」指标「${indicator.name}」：${result.reasons.join('；')}`);
    return { no: indicator.no, name: indicator.name, weight, result };
  });
  const scores = lines.map((l) => l.result.score);
  const score = scores.length && scores.every((x) => x != null) ? roundHalfUp(scores.reduce((a: number, x) => a + (x ?? 0), 0), 2) : null;
  if (task.statedScore != null && score != null && Math.abs(task.statedScore - score) > 0.005) {
    differences.push(`任务「${task.name}」写明得分 ${task.statedScore}，按各指标得分合计为 ${score}`);
  }
  return { name: task.name, weight: task.weight ?? null, lines, score, statedScore: task.statedScore ?? null };
}

/** The tier whose band holds a stated score (a document that gives only scores implies the tier). */
export function tierOfScore(score: number, weight: number, s: IndicatorScoringSettings): QualitativeTier | null {
  if (weight <= 0) return null;
  const f = score / weight;
  if (f >= s.tiers.achieved.min && f <= s.tiers.achieved.max + 1e-9) return 'achieved';
  if (f >= s.tiers.partly.min && f < s.tiers.partly.max) return 'partly';
  if (f >= s.tiers.notAchieved.min && f < s.tiers.notAchieved.max) return 'notAchieved';
  return null;
}

export type { Indicator };
