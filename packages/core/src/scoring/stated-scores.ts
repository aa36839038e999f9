/**
 * The scores a self-evaluation table states (项目支出绩效自评表: 年度资金总额 分值 10 / 得分, each indicator's 分值 /
 * 得分, 总分, 等级) against what the rule set gives. A stated figure is never corrected: each difference names the
 * rule, the stated and the computed figure, and a person decides.
 *
 * Units write scores as they like — whole points (P1 廊坊), one or two decimals — so a stated score agrees when it
 * is the computed one rounded to the decimals it is written with (templates.md §7), or within the rule set's tolerance.
 */
import type { BudgetRow, Project } from '../document/model';
import { roundHalfUp } from '../money/amount';
import { decimalsOf } from '../review/tolerance';
import { gradeFor } from '../rules/grades';
import type { ExecutionScore } from './execution';
import type { IndicatorScore } from './score-indicator';
import type { ProjectScoringSettings } from './settings';

export type ScoreDifferencePart = 'indicator' | 'execution' | 'execution-weight' | 'total' | 'stated-sum' | 'grade';

export interface ScoreDifference {
  part: ScoreDifferencePart;
  /** The indicator's 1-based number, for `indicator`. */
  indicator?: number;
  /** What the figure is: an indicator's name, 年度资金总额, 总分 … */
  name: string;
  stated: number | string;
  computed: number | string;
  /** In Chinese: the rule, the stated and the computed figure. */
  message: string;
}

/** Default tolerance when a stored rule set predates the setting. */
export const DEFAULT_STATED_SCORE_TOLERANCE = 0.01;

/** True when `stated` is `computed` rounded to the stated figure's own decimals, or within `tolerance`. */
export function agreesWithStated(stated: number, computed: number, tolerance = DEFAULT_STATED_SCORE_TOLERANCE): boolean {
  const halfUnit = 0.5 * 10 ** -Math.min(decimalsOf(stated), 2);
  return Math.abs(stated - computed) <= Math.max(tolerance, halfUnit) + 1e-9;
}

/** The row of a budget table that carries the 分值 and 得分 (年度资金总额 / 总额), if any. */
export function scoredBudgetRow(rows: readonly BudgetRow[] | undefined): BudgetRow | null {
  return rows?.find((r) => r.weight != null || r.score != null) ?? null;
}

export interface StatedScoreInput {
  project: Pick<Project, 'indicators'> & Partial<Pick<Project, 'budget' | 'statedScore' | 'statedGrade'>>;
  execution: ExecutionScore;
  lines: ReadonlyArray<{ no: number; name: string; weight: number; result: IndicatorScore }>;
  /** The final computed total (after a cap), null while a part is pending. */
  total: number | null;
  settings: ProjectScoringSettings;
  /** The rule set in words, for the messages. */
  rule: string;
}

const fmt = (n: number) => String(roundHalfUp(n, 2));

export function statedScoreDifferences(input: StatedScoreInput): ScoreDifference[] {
  const { project, execution, lines, total, settings, rule } = input;
  const tolerance = settings.statedScoreTolerance ?? DEFAULT_STATED_SCORE_TOLERANCE;
  const out: ScoreDifference[] = [];
  const row = scoredBudgetRow(project.budget?.bySource);
  if (row?.weight != null && !agreesWithStated(row.weight, execution.weight, tolerance)) {
    out.push({
      part: 'execution-weight',
      name: row.source,
      stated: row.weight,
      computed: execution.weight,
      message: `「${row.source}」写明预算执行分值 ${row.weight}，${rule}为 ${execution.weight} 分：按 ${execution.weight} 分计算`,
    });
  }
  if (row?.score != null) {
    if (row.score > execution.weight + 1e-9) {
      out.push({
        part: 'execution',
        name: row.source,
        stated: row.score,
        computed: execution.score ?? '—',
        message: `「${row.source}」写明预算执行得分 ${row.score}，超过分值 ${execution.weight}：执行率超过 100% 也只得满分（${rule}：min(执行率, 100%) × ${execution.weight}）${execution.score != null ? `，按规则为 ${fmt(execution.score)}` : ''}`,
      });
    } else if (execution.score != null && !agreesWithStated(row.score, execution.score, tolerance)) {
      out.push({
        part: 'execution',
        name: row.source,
        stated: row.score,
        computed: execution.score,
        message: `「${row.source}」写明预算执行得分 ${row.score}，按${rule}应为 ${fmt(execution.score)}（${execution.reasons.join('；')}）`,
      });
    }
  }
  for (const line of lines) {
    const indicator = project.indicators.find((i) => i.no === line.no && i.name === line.name);
    const stated = indicator?.score;
    if (stated == null) continue;
    if (stated > line.weight + 1e-9) {
      out.push({ part: 'indicator', indicator: line.no, name: line.name, stated, computed: line.result.score ?? '—', message: `指标「${line.name}」写明得分 ${stated}，超过其分值 ${fmt(line.weight)}` });
      continue;
    }
    const computed = line.result.score;
    if (computed == null || agreesWithStated(stated, computed, tolerance)) continue;
    out.push({
      part: 'indicator',
      indicator: line.no,
      name: line.name,
      stated,
      computed,
      message: `指标「${line.name}」写明得分 ${stated}，按${rule}应为 ${fmt(computed)}（${line.result.reasons.join('；')}）`,
    });
  }
  const statedTotal = project.statedScore;
  if (statedTotal != null && total != null && !agreesWithStated(statedTotal, total, tolerance)) {
    out.push({ part: 'total', name: '总分', stated: statedTotal, computed: total, message: `写明总分 ${statedTotal}，按${rule}计算为 ${fmt(total)}` });
  }
  // A stated total is also checked against the table's own stated parts, whatever the rule gives.
  const parts = [row?.score, ...lines.map((l) => project.indicators.find((i) => i.no === l.no && i.name === l.name)?.score)];
  if (statedTotal != null && lines.length > 0 && parts.every((p) => p != null)) {
    const sum = roundHalfUp((parts as number[]).reduce((a, p) => a + p, 0), 2);
    if (!agreesWithStated(statedTotal, sum, tolerance)) {
      out.push({ part: 'stated-sum', name: '总分', stated: statedTotal, computed: sum, message: `写明总分 ${statedTotal}，表上预算执行和各指标的得分合计为 ${fmt(sum)}` });
    }
  }
  const statedGrade = project.statedGrade?.trim();
  if (statedGrade && total != null) {
    const grade = gradeFor(total, settings.grades);
    if (!statedGrade.startsWith(grade)) {
      out.push({ part: 'grade', name: '等级', stated: statedGrade, computed: grade, message: `写明等级「${statedGrade}」，按${rule}计算的总分 ${fmt(total)} 为「${grade}」` });
    }
  }
  return out;
}

/** Execution rates out of the rule set's range, as notes (the score itself is capped at the weight by R6). */
export function executionRangeNotes(execution: ExecutionScore, range: ProjectScoringSettings['executionRateRange']): string[] {
  if (!range || execution.rate == null) return [];
  if (execution.rate > range.high) {
    return [`预算执行率 ${execution.rate.toFixed(2)}% 超过 ${range.high}%：支出超过全年预算数，请核对全年执行数和预算调整；得分按 100% 计，最高 ${execution.weight} 分`];
  }
  if (execution.rate < range.low) {
    return [`预算执行率 ${execution.rate.toFixed(2)}% 低于 ${range.low}%：请在原因栏说明未执行的原因`];
  }
  return [];
}
