/**
 * Demo data for 运行监控: 金花街道's approved project targets of last year (seed 002 imported again for 2023, see
 * demo-years.json) monitored at July, with a mix of lights — most lines on schedule, one red and one yellow budget
 * line explained, one yellow budget line and one yellow indicator still waiting for their reasons (so the demo shows
 * what blocks submitting), surveys left for the year end. Never twice for the same document and month.
 */
import { monitorDocument, type MonitoringDeviation, type MonitoringEntries } from '@jixiao/core';
import { loadMonitoring, type MonitoringDeps } from '../monitoring/monitoring-state';
import { saveMonitoring } from '../monitoring/save-monitoring';
import { startMonitoring } from '../monitoring/start-monitoring';
import { SYSTEM_CHANGE } from '../access/audit';
import type { TransactionalStore } from '../unit-of-work';

const CUTOFF = 7;
const BY = '演示数据';

/** Spent by July as a share of the budget (default 60%: on schedule), and the lines a demo explains. */
const SPENT_SHARE: Record<string, number> = { 社区居民活动费: 0.334, 家庭综合服务中心经费: 0.425, 陈家祠广场安全服务管养经费: 0.433 };
const EXPLAINED: Record<string, MonitoringDeviation> = {
  社区居民活动费: { reason: '制度保障', explanation: '下半年社区活动集中在国庆、重阳期间举办，上半年活动较少', likelihood: '确定能', measures: ['调整执行计划'] },
  家庭综合服务中心经费: { reason: '经费保障', explanation: '服务购买合同按季度验收后付款，第三季度款项 8 月支付', likelihood: '有可能', measures: ['调整执行计划', '完善管理'] },
};

/** A whole number near the prorated target that is still on schedule (80–120%), else the target itself. */
function onSchedule(expected: number): number {
  const whole = [Math.round(expected), Math.ceil(expected)].find((n) => expected > 0 && n / expected >= 0.8 && n / expected < 1.2);
  return whole ?? expected;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Entries for the demo report, from the lines the core computes for the empty report. */
async function demoEntries(deps: MonitoringDeps, id: number): Promise<MonitoringEntries> {
  const state = await loadMonitoring(deps, id);
  const empty = monitorDocument({ document: state.document, entries: {}, cutoffMonth: CUTOFF, ruleSet: state.ruleSet });
  const budget: NonNullable<MonitoringEntries['budget']> = {};
  for (const line of empty.budgetLines) {
    if (line.budget == null || line.project == null) continue;
    const share = SPENT_SHARE[line.project] ?? 0.6;
    // Whole fen: the demo figures are what a finance officer would type (两位小数).
    budget[line.key] = { spent: round2(line.budget * share), ...(EXPLAINED[line.project] ? { deviation: EXPLAINED[line.project] } : {}) };
  }
  const indicators: NonNullable<MonitoringEntries['indicators']> = {};
  for (const line of empty.indicatorLines) {
    if (line.mode === 'qualitative') indicators[line.key] = { tier: 'achieved' };
    else if (line.yearEnd) continue;
    else if (line.name === '举办活动次数') {
      indicators[line.key] = { actual: 16, deviation: { reason: '其他', explanation: '上半年受场地维修影响，部分活动延后', likelihood: '有可能', measures: ['调整执行计划'] } };
    } else if (line.name === '一报两刊征订份数') indicators[line.key] = { actual: 50 };
    else if (line.expected != null) indicators[line.key] = { actual: onSchedule(line.expected) };
  }
  return { budget, indicators };
}

export async function seedDemoMonitoring(store: TransactionalStore, documentId: number): Promise<void> {
  const deps = { store };
  const existing = (await store.evaluations.listEvaluations({ documentId, kind: 'monitoring' })).length > 0;
  if (existing) return;
  const started = await startMonitoring(deps, SYSTEM_CHANGE, { documentId, cutoffMonth: CUTOFF, by: BY });
  await saveMonitoring(deps, SYSTEM_CHANGE, { id: started.id, baseRevision: started.revision, entries: await demoEntries(deps, started.id), by: BY });
}
