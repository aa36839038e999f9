/**
 * The rows of the 绩效运行监控表, as text, shared by the .xlsx and .docx writers so both print the same figures:
 * budget lines with execution against time progress, indicator lines against their prorated (序时) targets, each
 * with its light and, for a non-green line, the unit's deviation reason, likelihood and measures (R10).
 */
import { formatAmount, LIGHT_LABELS, LIGHT_NAMES, MONITORING_TIER_LABELS, type AmountUnit, type Light, type MonitoringBudgetLine, type MonitoringDeviation, type MonitoringIndicatorLine, type MonitoringResult } from '@jixiao/core';

export interface MonitoringTableInput {
  /** 部门 (主管部门) and, when it differs, the 单位 that filled the report. */
  department: string | null;
  unit?: string | null;
  year: number;
  result: MonitoringResult;
  /** The rule set's name; its `id@version` is in the result. */
  ruleSetName: string;
  /** Status and who saved last, for the foot of the table. */
  status?: string;
  updatedBy?: string;
}

export const LIGHT_FILL: Record<Light, string> = { red: 'F4B6B6', yellow: 'FFE699', green: 'C6E0B4', blue: 'BDD7EE' };

const percent = (v: number | null) => (v == null ? '—' : `${v.toFixed(2)}%`);

export function deviationText(d: MonitoringDeviation): { reason: string; likelihood: string; measures: string } {
  const reason = [d.reason ?? '', d.explanation?.trim() ?? ''].filter(Boolean).join('：');
  return { reason, likelihood: d.likelihood ?? '', measures: (d.measures ?? []).join('、') };
}

/** A light as printed; a line without one says what it is waiting for. */
export function lightText(line: { light: Light | null }, waiting = '未填报'): string {
  return line.light ? LIGHT_NAMES[line.light] : waiting;
}

export function budgetHeaders(cutoffMonth: number, unit: AmountUnit): string[] {
  return ['项目名称', `全年预算数（${unit}）`, `1–${cutoffMonth}月执行数（${unit}）`, '执行率', '序时进度', '比值', '灯', '偏差原因', '完成可能性', '纠偏措施'];
}

export function budgetRow(line: MonitoringBudgetLine): string[] {
  const d = line.light && line.light !== 'green' ? deviationText(line.deviation) : { reason: '', likelihood: '', measures: '' };
  return [
    line.label,
    formatAmount(line.budget),
    formatAmount(line.spent),
    percent(line.executionRate),
    percent(line.timeProgress),
    line.ratio == null ? '—' : line.ratio.toFixed(1),
    lightText(line),
    d.reason,
    d.likelihood,
    d.measures,
  ];
}

export const INDICATOR_HEADERS = ['项目', '一级指标', '二级指标', '三级指标', '年度指标值', '截至目前完成值', '序时目标', '灯', '偏差原因', '完成可能性', '纠偏措施'];

export function indicatorRow(line: MonitoringIndicatorLine): string[] {
  const u = line.targetUnit ?? '';
  const actual = line.mode === 'qualitative' ? (line.tier ? MONITORING_TIER_LABELS[line.tier] : '') : line.actual == null ? (line.yearEnd ? '年终测评' : '') : `${line.actual}${u}`;
  const expected = line.mode === 'qualitative' ? '—' : line.mode === 'prorated' && line.expected != null ? `${line.expected}${u}` : (line.target ?? '—');
  const d = line.light && line.light !== 'green' ? deviationText(line.deviation) : { reason: '', likelihood: '', measures: '' };
  return [line.project ?? '部门整体', line.level1 ?? '', line.level2 ?? '', line.name, line.target ?? '（未填）', actual, expected, lightText(line, line.yearEnd ? '年终测评' : '未填报'), d.reason, d.likelihood, d.measures];
}

/** 「红灯 2 行、黄灯 3 行 …」 and how the lights were decided. */
export function summaryLines(input: MonitoringTableInput): string[] {
  const c = input.result.counts;
  const counts = (['red', 'yellow', 'green', 'blue'] as const).map((l) => `${LIGHT_LABELS[l]} ${c[l]} 行`).join('，');
  return [
    `灯色统计：${counts}，未填报或年终测评 ${c.none} 行。`,
    `序时进度 = ${input.result.cutoffMonth}/12 = ${input.result.timeProgress.toFixed(2)}%；比值 = 执行率 ÷ 序时进度 × 100。规则集：${input.ruleSetName}（${input.result.ruleSet}）。`,
  ];
}

export function tableTitle(input: MonitoringTableInput): string {
  return `${input.year}年度绩效运行监控表`;
}

export function headerLine(input: MonitoringTableInput): string {
  const who = input.unit && input.unit !== input.department ? `${input.department ?? ''} / ${input.unit}` : (input.department ?? '');
  return `部门/单位：${who}　　截至 ${input.result.cutoffMonth} 月（1–${input.result.cutoffMonth}月）　　金额单位：${input.result.amountUnit}`;
}
