/**
 * 预警 (issue 14 item 8, decision 038): what a submitted monitoring report warns about, by the rule set's
 * `warnings` settings — each project's and the whole's cumulative execution below the month's floor, and a project's
 * target progress and execution further apart than the gap. Each warning names its line, its rule and why, with the
 * figures. A rule set without `warnings` (cn-monitoring@1) raises none. Pure.
 */
import type { Actor } from '../access/actor';
import { can, type Scope } from '../access/permissions';
import { roundHalfUp } from '../money/amount';
import { cleanReason, refuse, type Refusal } from '../workflow/refusal';
import type { MonitoringBudgetLine, MonitoringResult } from './monitor-document';
import type { MonitoringWarningSettings } from './settings';

export type MonitoringWarningRule = 'execution-floor' | 'progress-gap';

export const MONITORING_WARNING_RULE_LABELS: Record<MonitoringWarningRule, string> = {
  'execution-floor': '累计执行率低于当月预警线',
  'progress-gap': '目标进度与执行进度偏离',
};

export interface MonitoringWarning {
  /** Unique within a report: `${rule}:${lineKey}`. */
  key: string;
  lineKey: string;
  /** 「街道综合工作经费」 or 「合计」. */
  label: string;
  rule: MonitoringWarningRule;
  /** The setting that decided it, e.g. `warnings.executionFloors[1]`. */
  setting: string;
  /** Why, in Chinese, with the figures. */
  reason: string;
}

/** The floor that applies at the cut-off month: the latest one whose month has ended (null before the first). */
export function executionFloorAt(cutoffMonth: number, s: MonitoringWarningSettings): { month: number; minRate: number; index: number } | null {
  let found: { month: number; minRate: number; index: number } | null = null;
  s.executionFloors.forEach((f, index) => {
    if (f.month <= cutoffMonth && (!found || f.month >= found.month)) found = { ...f, index };
  });
  return found;
}

/** `i-0-1-2` → `p-0-1`: an indicator line's project line (department-wide indicators have none). */
const projectKeyOf = (indicatorKey: string): string | null => {
  const m = /^i-(\d+)-(\d+)-\d+$/.exec(indicatorKey);
  return m ? `p-${m[1]}-${m[2]}` : null;
};

/**
 * A project's target progress: its cumulative (prorated) indicators' completion of the annual target, averaged, each
 * capped at 100%. Indicators compared as met/not met (质量、时效、成本, 反向, 定性, year-end surveys) say nothing
 * about progress through the year and are left out; a project without a cumulative indicator has no progress.
 */
export function targetProgressByProject(result: MonitoringResult): Map<string, number> {
  const sums = new Map<string, { total: number; n: number }>();
  for (const l of result.indicatorLines) {
    const key = projectKeyOf(l.key);
    if (!key || l.mode !== 'prorated' || l.ratio == null) continue;
    // ratio is actual ÷ (target × m/12) × 100, so actual ÷ target = ratio × time progress.
    const progress = Math.min(100, (l.ratio * result.timeProgress) / 100);
    const s = sums.get(key) ?? { total: 0, n: 0 };
    sums.set(key, { total: s.total + progress, n: s.n + 1 });
  }
  return new Map([...sums].map(([k, s]) => [k, roundHalfUp(s.total / s.n, 1)]));
}

function floorWarning(line: MonitoringBudgetLine, floor: { month: number; minRate: number; index: number }, cutoffMonth: number): MonitoringWarning | null {
  if (line.executionRate == null || line.executionRate >= floor.minRate) return null;
  return {
    key: `execution-floor:${line.key}`,
    lineKey: line.key,
    label: line.label,
    rule: 'execution-floor',
    setting: `warnings.executionFloors[${floor.index}]`,
    reason: `1–${cutoffMonth}月累计执行率 ${line.executionRate}%，低于 ${floor.month} 月底应达到的 ${floor.minRate}%`,
  };
}

/** The warnings of a computed report at its cut-off month; none when the rule set has no `warnings`. */
export function warningsOf(result: MonitoringResult, cutoffMonth: number, settings: MonitoringWarningSettings | undefined): MonitoringWarning[] {
  if (!settings) return [];
  const out: MonitoringWarning[] = [];
  const floor = executionFloorAt(cutoffMonth, settings);
  if (floor) {
    for (const line of [...result.budgetLines, result.total]) {
      const w = floorWarning(line, floor, cutoffMonth);
      if (w) out.push(w);
    }
  }
  const progress = targetProgressByProject(result);
  for (const line of result.budgetLines) {
    const p = progress.get(line.key);
    if (p === undefined || line.executionRate == null) continue;
    const gap = roundHalfUp(Math.abs(p - line.executionRate), 1);
    if (gap <= settings.progressGap) continue;
    out.push({
      key: `progress-gap:${line.key}`,
      lineKey: line.key,
      label: line.label,
      rule: 'progress-gap',
      setting: 'warnings.progressGap',
      reason: `目标进度 ${p}%（累计类指标完成全年目标的平均比例），执行进度 ${line.executionRate}%，相差 ${gap} 个百分点，超过 ${settings.progressGap} 个百分点`,
    });
  }
  return out;
}

/** Where a warning stands for the page and 待办: answered (the latest answer counts), waiting, or past its deadline. */
export type MonitoringWarningStatus = 'answered' | 'waiting' | 'overdue';

export function warningStatus(w: { due: string; answered: boolean }, today: string): MonitoringWarningStatus {
  if (w.answered) return 'answered';
  return today > w.due ? 'overdue' : 'waiting';
}

/**
 * The unit's answer to a warning: one of the rule set's responses (继续执行 / 调剂 / 取消) with an explanation. Only
 * whoever fills the report in (monitoring.edit, in the report's department) answers; a later answer replaces the
 * earlier one as the one that counts (both kept). After the deadline an answer is still taken: late is better than
 * never, and the escalation ends with it.
 */
export function decideWarningResponse(
  actor: Actor,
  scope: Scope,
  input: { response: string | null | undefined; explanation: string | null | undefined },
  settings: MonitoringWarningSettings | undefined,
): { ok: true; response: string; explanation: string } | Refusal {
  if (!can(actor, 'monitoring.edit', scope)) return refuse('FORBIDDEN', '只有本单位的填报人可以反馈监控预警。');
  const responses = settings?.responses ?? [];
  const response = input.response?.trim() ?? '';
  if (!responses.includes(response)) return refuse('BAD_INPUT', `请选择处理意见（可选：${responses.join('、')}）。`);
  const explanation = cleanReason(input.explanation);
  if (explanation === null) return refuse('BAD_INPUT', `请填写「${response}」的理由：例如资金何时支付、调剂到哪里或为什么取消。`);
  return { ok: true, response, explanation };
}
