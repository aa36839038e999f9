/**
 * Monitoring (R10, 双监控): at a cut-off month, budget execution against time progress, and each indicator against
 * its target prorated to the month, with a light. Every non-green line needs a deviation reason, a likelihood of
 * completion and measures.
 */
import type { AmountUnit, Indicator } from '../document/model';
import { percentOf, roundHalfUp } from '../money/amount';
import type { Light, MonitoringSettings } from './settings';

export interface BudgetMonitoring {
  cutoffMonth: number;
  /** m / 12 × 100 */
  timeProgress: number;
  executionRate: number | null;
  /** executionRate ÷ timeProgress × 100 */
  ratio: number | null;
  light: Light | null;
  reasons: string[];
}

export function monitorBudget(adjustedBudget: number, spent: number, cutoffMonth: number, unit: AmountUnit, s: MonitoringSettings): BudgetMonitoring {
  const timeProgress = roundHalfUp((cutoffMonth / 12) * 100, 2);
  const exact = percentOf(spent, adjustedBudget, unit, 8);
  if (exact == null) return { cutoffMonth, timeProgress, executionRate: null, ratio: null, light: null, reasons: ['全年预算数为 0，无法计算执行率'] };
  const ratioExact = (exact / ((cutoffMonth / 12) * 100)) * 100;
  const light: Light = ratioExact < s.budgetLights.red ? 'red' : ratioExact < s.budgetLights.yellow ? 'yellow' : 'green';
  const executionRate = roundHalfUp(exact, 2);
  const ratio = roundHalfUp(ratioExact, 1);
  return {
    cutoffMonth,
    timeProgress,
    executionRate,
    ratio,
    light,
    reasons: [`1–${cutoffMonth}月执行率 ${executionRate}%，序时进度 ${timeProgress}%，比值 ${ratio}（<${s.budgetLights.red} 红，<${s.budgetLights.yellow} 黄）→ ${LIGHT_LABELS[light]}`],
  };
}

/** The lights by name, as tables, charts and tags print them. */
export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯' };
/** As a reason says it: blue is ahead of schedule. */
export const LIGHT_LABELS: Record<Light, string> = { ...LIGHT_NAMES, blue: '蓝灯（超前）' };

export interface IndicatorMonitoringInput {
  indicator: Pick<Indicator, 'name' | 'annualTarget' | 'periodTarget' | 'direction'>;
  /** Value reached by the cut-off month (cumulative), or null when not reported. */
  actualToDate: number | null;
  cutoffMonth: number;
  /** Year-end indicators (satisfaction surveys) are not prorated. */
  prorate: boolean;
  /** For qualitative indicators: the unit's own assessment. */
  tier?: 'achieved' | 'partly' | 'notAchieved' | null;
}

export interface IndicatorMonitoring {
  expected: number | null;
  ratio: number | null;
  light: Light | null;
  reasons: string[];
}

export function monitorIndicator(input: IndicatorMonitoringInput, s: MonitoringSettings): IndicatorMonitoring {
  const target = input.indicator.annualTarget ?? input.indicator.periodTarget;
  if (!target || target.kind !== 'quantitative' || target.value == null) {
    if (!input.tier) return { expected: null, ratio: null, light: null, reasons: ['定性指标：请评定目前的完成程度（达成 / 部分达成 / 未达成）'] };
    const light: Light = input.tier === 'achieved' ? 'green' : input.tier === 'partly' ? 'yellow' : 'red';
    return { expected: null, ratio: null, light, reasons: [`定性指标，自评「${input.tier === 'achieved' ? '达成' : input.tier === 'partly' ? '部分达成' : '未达成'}」→ ${LIGHT_LABELS[light]}`] };
  }
  if (input.actualToDate == null) return { expected: null, ratio: null, light: null, reasons: ['请填写截至监控月的完成值'] };
  const A = input.actualToDate;
  const T = target.value;
  const lower = input.indicator.direction === 'lower' || target.op === '<=' || target.op === '<';
  if (lower) {
    const ok = target.op === '<' ? A < T || A === 0 : A <= T;
    const light: Light = ok ? 'green' : 'red';
    return { expected: T, ratio: null, light, reasons: [`反向指标：目前 ${A}${target.unit ?? ''}，目标 ${target.text}，${ok ? '在范围内' : '已超出'} → ${LIGHT_LABELS[light]}`] };
  }
  const expected = input.prorate ? roundHalfUp((T * input.cutoffMonth) / 12, 2) : T;
  if (expected === 0) return { expected, ratio: null, light: 'green', reasons: ['目标为 0'] };
  const ratioExact = (A / expected) * 100;
  const { red, yellow, blue } = s.indicatorLights;
  const light: Light = ratioExact < red ? 'red' : ratioExact < yellow ? 'yellow' : ratioExact >= blue ? 'blue' : 'green';
  const ratio = roundHalfUp(ratioExact, 1);
  const basis = input.prorate ? `按 ${input.cutoffMonth}/12 折算应完成 ${expected}${target.unit ?? ''}` : `年终一次性指标，按全年目标 ${expected}${target.unit ?? ''} 比较`;
  return { expected, ratio, light, reasons: [`${basis}，目前 ${A}${target.unit ?? ''}，完成 ${ratio}% → ${LIGHT_LABELS[light]}`] };
}

export interface DeviationExplanation {
  reason?: string | null;
  likelihood?: string | null;
  measures?: string[] | null;
}

/** R10: what a non-green line still lacks (empty when complete), in Chinese, by field. */
export function missingDeviationFields(light: Light | null, e: DeviationExplanation, s: MonitoringSettings): string[] {
  if (light == null || light === 'green') return [];
  const missing: string[] = [];
  if (!e.reason || !s.deviationReasons.includes(e.reason)) missing.push(`偏差原因（${s.deviationReasons.join(' / ')}）`);
  if (!e.likelihood || !s.likelihoods.includes(e.likelihood)) missing.push(`完成可能性（${s.likelihoods.join(' / ')}）`);
  if (!e.measures?.length || e.measures.some((m) => !s.measures.includes(m))) missing.push(`纠偏措施（${s.measures.join(' / ')}）`);
  return missing;
}
